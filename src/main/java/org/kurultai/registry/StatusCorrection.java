package org.kurultai.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

/**
 * The Secretariat's correction of a participant's history: a status period no decision in the
 * register caused, with its sources and a note saying why, by whom (an e-mail) and when. With
 * {@code supersedes} (the first day of the period it corrects) it replaces that period; the
 * earlier claim is kept as superseded, never deleted.
 *
 * @param how how the status came about, if the Secretariat says; otherwise the corrected period's own
 *            (same status) or "recorded by the Secretariat"
 */
public record StatusCorrection(ParticipantStatus status, LocalDate from, DatePrecision precision, @Nullable LocalDate until,
		@Nullable String how, Sources sources, String note, @Nullable LocalDate supersedes, String by, Instant at) {

	/** How a period the Secretariat records came about, where it says nothing more (data, in English like the sources). */
	static final String RECORDED = "recorded by the Secretariat";

	static final int LONGEST_NOTE = 2000;
	static final int LONGEST_SOURCE = 500;
	static final int MOST_SOURCES = 20;
	static final int LONGEST_HOW = 300;

	public StatusCorrection {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(from, "from");
		precision = precision == null ? DatePrecision.DAY : precision;
		within("from", from);
		if (until != null) {
			within("until", until);
		}
		if (supersedes != null) {
			within("supersedes", supersedes);
		}
		if (until != null && !until.isAfter(from)) {
			throw InvalidRequest.of("until", "problem.registry.untilNotAfterFrom", until, from);
		}
		how = how == null || how.isBlank() ? null : how.strip();
		if (how != null && how.length() > LONGEST_HOW) {
			throw InvalidRequest.of("how", "problem.registry.tooLong", LONGEST_HOW);
		}
		var references = sources.references().stream().filter(reference -> reference != null && !reference.isBlank())
				.map(String::strip).distinct().toList();
		if (references.isEmpty()) {
			throw InvalidRequest.of("sources", "problem.registry.sourceNeeded");
		}
		if (references.size() > MOST_SOURCES || references.stream().anyMatch(reference -> reference.length() > LONGEST_SOURCE)) {
			throw InvalidRequest.of("sources", "problem.registry.sourcesTooLong", MOST_SOURCES, LONGEST_SOURCE);
		}
		sources = Sources.of(references);
		if (note == null || note.isBlank()) {
			throw InvalidRequest.of("note", "problem.registry.noteNeeded");
		}
		note = note.strip();
		if (note.length() > LONGEST_NOTE) {
			throw InvalidRequest.of("note", "problem.registry.tooLong", LONGEST_NOTE);
		}
		controlFree("how", how, false);
		controlFree("note", note, true);
		for (var reference : references) {
			controlFree("sources", reference, false);
		}
		if (by == null || by.isBlank()) {
			throw new IllegalArgumentException("A correction names who makes it");
		}
	}

	/** A text PostgreSQL can store (no NUL), without control characters but, in a note, line breaks and tabs. */
	private static void controlFree(String field, @Nullable String text, boolean lines) {
		if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
			throw InvalidRequest.of(field, "problem.registry.controlCharacter", field);
		}
	}

	/** The records speak of years 1 to 9999. */
	private static void within(String field, LocalDate day) {
		if (day.isBefore(DateSpan.BEGINNING) || day.isAfter(DateSpan.END)) {
			throw InvalidRequest.of(field, "problem.registry.dateOutside", day, DateSpan.BEGINNING, DateSpan.END);
		}
	}

	/** The period this correction records, in place of {@code old} (null: it replaces nothing). */
	StatusPeriod replacing(@Nullable StatusPeriod old) {
		boolean sameStatus = old != null && old.status() == status;
		var said = how != null ? how : sameStatus ? old.how() : RECORDED;
		return new StatusPeriod(status, from, precision, until, said, sameStatus ? old.admittedAt() : null, sameStatus ? old.ordinal() : null,
				sources, note, sameStatus && old.from().equals(from) ? old.decision() : null,
				sameStatus && Objects.equals(old.until(), until) ? old.endedBy() : null);
	}
}
