package org.kurultai.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

/**
 * A body's decision (or recommendation) on one exact version of a document, taken at a meeting
 * with the delegations present or under a silence procedure whose deadline is kept with the time
 * zone it was set in. {@code round} counts restarts of the silence clock by new revisions.
 * A decision {@code recorded} from the forum's history (its sources) may lack a text Kurultai holds
 * ({@code document} or {@code version} null) and a known meeting; {@code decidedOn} is the day of
 * adoption in the forum's time zone; {@code application} the application for a status it decides on.
 *
 * <h2>The aggregate</h2>
 * This record is also the aggregate that owns a decision's life: {@link #propose}, {@link #object},
 * {@link #vote}, {@link #close} (the chair at the meeting), {@link #closeIfDue} (the silence
 * deadline), {@link #revisionIssued} (restart on a new revision, or withdrawal) and {@link #withdraw}.
 * Each act takes what was said in the current {@link Round} and a {@link Clock} (the instant and the
 * forum's zone of the act), checks the state machine's rules, and returns a {@link Change}: the
 * decision as it now stands and the {@link DecisionEvent}s that say what happened. It writes nothing
 * and reads no clock of its own, so it is tested in milliseconds without Spring. Every status but
 * OPEN is final; adoption (and only adoption) makes the effects due ({@link DecisionEvent.EffectsDue}).
 * <p>
 * Who may do an act is not its concern but {@link DecisionPolicy}'s; the aggregate guards only the
 * invariants of the procedure (open, before its deadline, once per State and round, the rule's
 * acts).
 *
 * <h2>The locking boundary</h2>
 * A document and its open decision change together (a revision restarts or withdraws the procedure;
 * adoption records the outcome on the document), so they are one locking boundary:
 * {@link DecisionRepository#lock(long)} and {@link DecisionRepository#lockOpenOn(String)} take the
 * document's row lock first, then the decision's, always in that order (the drafting module's
 * revision holds the document when it asks for the decision). Every act that changes a decision
 * goes through one of them, so acts on one decision go one at a time and a decision closes exactly once.
 */
public record Decision(long id, String body, DecisionKind kind, Matter matter, DecisionRule rule, @Nullable String concerned,
		@Nullable String document, @Nullable Integer version, @Nullable Long refersTo, Procedure procedure, @Nullable String meeting, List<String> present,
		Instant proposedAt, String proposedBy, String proposedFor, @Nullable Instant deadline, @Nullable ZoneId timeZone,
		@Nullable Long silenceSeconds, int round, DecisionStatus status, @Nullable Instant closedAt, @Nullable String outcomeNote,
		@Nullable Integer registerYear, @Nullable Integer registerNumber, boolean recorded, @Nullable LocalDate decidedOn, Sources sources,
		@Nullable Long application) {

	/** The longest a silence procedure may run: a year, far beyond any forum's practice (days to weeks). */
	static final Duration LONGEST_SILENCE = Duration.ofDays(366);

	public Decision {
		present = List.copyOf(present);
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

	/** An open silence procedure whose deadline has come: at exactly the deadline, it is due. */
	public boolean dueAt(Instant now) {
		return open() && silence() && deadline != null && !now.isBefore(deadline);
	}

	// ------------------------------------------------------------------ the aggregate's acts

	/** What the members said in the current round: who objected (or broke silence) and who voted how. */
	record Round(Set<String> objecting, Map<String, Vote> votes) {

		static final Round EMPTY = new Round(Set.of(), Map.of());

		Round {
			objecting = Set.copyOf(objecting);
			votes = Map.copyOf(votes);
		}

		Round with(String objector) {
			var more = new HashSet<>(objecting);
			more.add(objector);
			return new Round(more, votes);
		}

		Round with(String voter, Vote vote) {
			var more = new HashMap<>(votes);
			more.put(voter, vote);
			return new Round(objecting, more);
		}
	}

	/** The member States on a day (the registry's, for the rule): read only when the rule judges. */
	@FunctionalInterface
	interface Members {
		Set<String> on(LocalDate day);
	}

	/** The decision after an act, and what happened; no event, no change. */
	record Change(Decision decision, List<DecisionEvent> events) {

		Change {
			events = List.copyOf(events);
		}

		static Change none(Decision decision) {
			return new Change(decision, List.of());
		}

		boolean changed() {
			return !events.isEmpty();
		}

		<E extends DecisionEvent> @Nullable E event(Class<E> type) {
			return events.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
		}
	}

	/** What is put to the body, its text and place settled by the application service (documents, meetings, registry). */
	record Motion(String body, DecisionKind kind, Matter matter, DecisionRule rule, @Nullable String concerned, String document, int version,
			@Nullable Long refersTo, Procedure procedure, @Nullable String meeting, List<String> present, @Nullable Instant deadline,
			@Nullable ZoneId timeZone, String proposedBy, String proposedFor, @Nullable Long application) {
	}

	/**
	 * Puts a text for decision now: at a meeting with the delegations present, or under silence until
	 * a deadline after now and within {@link #LONGEST_SILENCE}; a majority rule needs a meeting.
	 */
	static Change propose(Motion motion, Clock clock) {
		var now = clock.instant();
		Long seconds = null;
		if (motion.procedure() == Procedure.SILENCE) {
			if (motion.rule() == DecisionRule.SIMPLE_MAJORITY) {
				throw new Decisions.MajorityNeedsAMeeting();
			}
			var deadline = motion.deadline();
			var zone = motion.timeZone();
			if (deadline == null || zone == null) {
				throw InvalidRequest.of("deadline", "problem.decision.deadlineNeeded");
			}
			if (!deadline.isAfter(now)) {
				throw InvalidRequest.of("deadline", "problem.decision.deadlinePassed", deadline.atZone(zone));
			}
			if (deadline.isAfter(now.plus(LONGEST_SILENCE))) {
				throw InvalidRequest.of("deadline", "problem.decision.silenceTooLong", LONGEST_SILENCE.toDays(), deadline.atZone(zone));
			}
			seconds = Math.max(1, (Duration.between(now, deadline).toMillis() + 999) / 1000);
		}
		else if (motion.present().isEmpty()) {
			throw InvalidRequest.of("present", "problem.decision.presentNeeded");
		}
		boolean silence = motion.procedure() == Procedure.SILENCE;
		var decision = new Decision(0, motion.body(), motion.kind(), motion.matter(), motion.rule(), motion.concerned(), motion.document(),
				motion.version(), motion.refersTo(), motion.procedure(), silence ? null : motion.meeting(), silence ? List.of() : motion.present(),
				now, motion.proposedBy(), motion.proposedFor(), silence ? motion.deadline() : null, silence ? motion.timeZone() : null, seconds, 1,
				DecisionStatus.OPEN, null, null, null, null, false, null, Sources.none(), motion.application());
		return new Change(decision, List.of(new DecisionEvent.Proposed()));
	}

	/**
	 * A member objects at the meeting, or breaks silence in writing, with its reasons, once per round.
	 * Under silence, if the forum so configures ({@code breakEnds}) and the rule counts the objection
	 * (a member's, and under consensus minus one not only the State concerned's), the procedure ends at
	 * once: closed SILENCE_BROKEN, nothing adopted, no effect due.
	 */
	Change object(String participant, @Nullable String account, String reasons, Round round, Members members, boolean breakEnds, Clock clock) {
		var now = clock.instant();
		refuseUnlessOpen(now);
		if (rule == DecisionRule.SIMPLE_MAJORITY) {
			throw new Decisions.VoteUnderMajorityRule();
		}
		if (!silence() && !present.contains(participant)) {
			throw new Decisions.NotPresent(participant, meeting);
		}
		if (reasons == null || reasons.isBlank()) {
			throw InvalidRequest.of("reasons", silence() ? "problem.decision.silenceReasons" : "problem.decision.reasons");
		}
		if (round.objecting().contains(participant)) {
			throw new Decisions.AlreadyObjected(participant);
		}
		var objection = new Objection(0, id, this.round, participant, account, reasons.trim(), now);
		var events = new ArrayList<DecisionEvent>();
		events.add(new DecisionEvent.Objected(objection));
		if (silence() && breakEnds) {
			var day = LocalDate.ofInstant(now, clock.getZone());
			var outcome = rule.judge(new DecisionRule.Deliberation(members.on(day), null, round.with(participant).objecting(), Map.of(), concerned));
			if (!outcome.adopted()) {
				events.add(new DecisionEvent.SilenceBroken(participant, now));
				var closed = new DecisionEvent.Closed(DecisionStatus.SILENCE_BROKEN, outcome.explanation(), null, outcome.countedObjections(), now,
						DecisionEvent.Cause.SILENCE_BROKEN);
				events.add(closed);
				return new Change(closedAs(closed), events);
			}
		}
		return new Change(this, events);
	}

	/** Under a majority rule, a member present votes once. */
	Change vote(String participant, @Nullable String account, Vote vote, Round round, Clock clock) {
		var now = clock.instant();
		refuseUnlessOpen(now);
		if (rule != DecisionRule.SIMPLE_MAJORITY) {
			throw new Decisions.NoVoteUnderConsensus(rule);
		}
		if (!present.contains(participant)) {
			throw new Decisions.NotPresent(participant, meeting);
		}
		if (round.votes().containsKey(participant)) {
			throw new Decisions.AlreadyVoted(participant);
		}
		return new Change(this, List.of(new DecisionEvent.Voted(new CastVote(participant, vote, account, now))));
	}

	/** The chair closes the item at the meeting: the rule judges who, being present, objected or voted. A silence procedure closes by itself. */
	Change close(Round round, Members members, Clock clock) {
		if (silence()) {
			throw new Decisions.SilenceClosesByItself();
		}
		if (!open()) {
			throw new Decisions.DecisionClosed(this);
		}
		return conclude(round, members, clock.instant(), LocalDate.ofInstant(clock.instant(), clock.getZone()), DecisionEvent.Cause.CHAIR);
	}

	/**
	 * Closes a silence procedure whose deadline has come (at exactly the deadline, or after): the rule
	 * judges the round's communications on the deadline's day. Anything else (not due, already closed):
	 * no change, so a second closer does nothing.
	 */
	Change closeIfDue(Round round, Members members, Clock clock) {
		var now = clock.instant();
		if (!dueAt(now)) {
			return Change.none(this);
		}
		return conclude(round, members, now, LocalDate.ofInstant(deadline, clock.getZone()), DecisionEvent.Cause.DEADLINE);
	}

	private Change conclude(Round round, Members members, Instant now, LocalDate day, DecisionEvent.Cause cause) {
		var deliberation = new DecisionRule.Deliberation(members.on(day), silence() ? null : Set.copyOf(present), round.objecting(),
				round.votes(), concerned);
		var outcome = rule.judge(deliberation);
		var status = outcome.adopted() ? DecisionStatus.ADOPTED : silence() ? DecisionStatus.SILENCE_BROKEN : DecisionStatus.NOT_ADOPTED;
		var note = outcome.explanation() + (silence() ? "" : PRESENT + String.join(", ", present) + ".");
		var closed = new DecisionEvent.Closed(status, note, outcome.adopted() ? day : null, outcome.countedObjections(), now, cause);
		var events = new ArrayList<DecisionEvent>();
		events.add(closed);
		if (outcome.adopted()) {
			events.add(new DecisionEvent.EffectsDue(day));
		}
		return new Change(closedAs(closed), events);
	}

	/**
	 * A new revision of the text: an open silence procedure moves to it and its clock restarts for the
	 * same period (a new round: earlier objections no longer count); a revision with brackets, or one
	 * at a meeting, withdraws the proposal. Once the deadline has come, the revision waits for the
	 * outcome (refused). A closed decision is not touched.
	 */
	Change revisionIssued(int newVersion, boolean hasBrackets, Clock clock) {
		var now = clock.instant();
		if (!open()) {
			return Change.none(this);
		}
		if (dueAt(now)) {
			throw new Decisions.SilencePeriodOver(this);
		}
		if (silence() && !hasBrackets) {
			var restartedDeadline = now.plusSeconds(silenceSeconds == null ? 0 : silenceSeconds);
			var next = new Decision(id, body, kind, matter, rule, concerned, document, newVersion, refersTo, procedure, meeting, present,
					proposedAt, proposedBy, proposedFor, restartedDeadline, timeZone, silenceSeconds, round + 1, status, closedAt, outcomeNote,
					registerYear, registerNumber, recorded, decidedOn, sources, application);
			return new Change(next, List.of(new DecisionEvent.Restarted(version == null ? 0 : version, newVersion, restartedDeadline, round + 1)));
		}
		var note = "Withdrawn: %s of the text was issued%s.".formatted(org.kurultai.drafting.DocumentVersion.name(newVersion),
				hasBrackets ? " with bracketed paragraphs" : "");
		return withdrawn(newVersion, note, now);
	}

	/** The chair or the Secretariat withdraws the proposal before its outcome (a silence procedure: before its deadline). */
	Change withdraw(@Nullable String reason, Clock clock) {
		var now = clock.instant();
		refuseUnlessOpen(now);
		var note = reason == null || reason.isBlank() ? "Withdrawn by the chair." : "Withdrawn by the chair: " + reason.strip();
		return withdrawn(null, note, now);
	}

	private Change withdrawn(@Nullable Integer newVersion, String note, Instant now) {
		var next = new Decision(id, body, kind, matter, rule, concerned, document, version, refersTo, procedure, meeting, present, proposedAt,
				proposedBy, proposedFor, deadline, timeZone, silenceSeconds, round, DecisionStatus.WITHDRAWN, now, note, registerYear,
				registerNumber, recorded, decidedOn, sources, application);
		return new Change(next, List.of(new DecisionEvent.Withdrawn(newVersion, note, now)));
	}

	private Decision closedAs(DecisionEvent.Closed closed) {
		return new Decision(id, body, kind, matter, rule, concerned, document, version, refersTo, procedure, meeting, present, proposedAt,
				proposedBy, proposedFor, deadline, timeZone, silenceSeconds, round, closed.status(), closed.at(), closed.note(),
				closed.adopted() ? closed.decidedOn().getYear() : null, null, recorded, closed.decidedOn(), sources, application);
	}

	/** Open and, under silence, before the deadline. */
	private void refuseUnlessOpen(Instant now) {
		if (!open()) {
			throw new Decisions.DecisionClosed(this);
		}
		if (dueAt(now)) {
			throw new Decisions.SilencePeriodOver(this);
		}
	}
}
