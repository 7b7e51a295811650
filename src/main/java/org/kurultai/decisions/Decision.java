package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * A body's decision (or recommendation) on one exact version of a document, taken at a meeting
 * with the delegations present or under a silence procedure whose deadline is kept with the time
 * zone it was set in. {@code round} counts restarts of the silence clock by new revisions.
 * A decision {@code recorded} from the forum's history (its sources) may lack a text Kurultai holds
 * ({@code document} or {@code version} null) and a known meeting; {@code decidedOn} is the day of
 * adoption in the forum's time zone; {@code application} the application for a status it decides on.
 */
public record Decision(long id, String body, DecisionKind kind, Matter matter, DecisionRule rule, @Nullable String concerned,
		@Nullable String document, @Nullable Integer version, @Nullable Long refersTo, Procedure procedure, @Nullable String meeting, List<String> present,
		Instant proposedAt, String proposedBy, String proposedFor, @Nullable Instant deadline, @Nullable ZoneId timeZone,
		@Nullable Long silenceSeconds, int round, DecisionStatus status, @Nullable Instant closedAt, @Nullable String outcomeNote,
		@Nullable Integer registerYear, @Nullable Integer registerNumber, boolean recorded, @Nullable LocalDate decidedOn, Sources sources,
		@Nullable Long application) {

	public Decision {
		present = List.copyOf(present);
	}

	/** A decision proposed in Kurultai, before it has an id. */
	static Decision proposed(String body, DecisionKind kind, Matter matter, DecisionRule rule, @Nullable String concerned, String document,
			int version, @Nullable Long refersTo, Procedure procedure, @Nullable String meeting, List<String> present, Instant proposedAt,
			String proposedBy, String proposedFor, @Nullable Instant deadline, @Nullable ZoneId timeZone, @Nullable Long silenceSeconds,
			@Nullable Long application) {
		return new Decision(0, body, kind, matter, rule, concerned, document, version, refersTo, procedure, meeting, present, proposedAt,
				proposedBy, proposedFor, deadline, timeZone, silenceSeconds, 1, DecisionStatus.OPEN, null, null, null, null, false, null,
				Sources.none(), application);
	}

	/** The version's name ("Rev.1"), or null when the text is not held. */
	public @Nullable String versionName() {
		return version == null ? null : org.kurultai.drafting.DocumentVersion.name(version);
	}

	/** The same decision without its meeting and who was present there, for one who may not see that meeting. */
	public Decision withoutMeeting() {
		var note = outcomeNote;
		if (note != null && !silence() && note.lastIndexOf(PRESENT) >= 0) {
			note = note.substring(0, note.lastIndexOf(PRESENT));
		}
		return new Decision(id, body, kind, matter, rule, concerned, document, version, refersTo, procedure, null, List.of(), proposedAt,
				proposedBy, proposedFor, deadline, timeZone, silenceSeconds, round, status, closedAt, note, registerYear, registerNumber, recorded,
				decidedOn, sources, application);
	}

	/** How the outcome note of a decision at a meeting lists who was present. */
	static final String PRESENT = " Present: ";

	public boolean open() {
		return status == DecisionStatus.OPEN;
	}

	public boolean silence() {
		return procedure == Procedure.SILENCE;
	}

	/** The deadline as set: the wall time in the time zone it was given in. */
	public @Nullable ZonedDateTime deadlineAsSet() {
		return deadline == null || timeZone == null ? null : deadline.atZone(timeZone);
	}

	/** "SOC/2026/3": the body, the year and the number in the register; null until adopted. */
	public @Nullable String registerSymbol() {
		return registerNumber == null ? null : body + "/" + registerYear + "/" + registerNumber;
	}

	public boolean dueAt(Instant now) {
		return open() && silence() && deadline != null && !now.isBefore(deadline);
	}
}
