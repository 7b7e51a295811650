package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What happened to a decision, as its aggregate ({@link Decision}) reports it from an act: the
 * application service ({@link Decisions}) saves the events through the {@link DecisionRepository},
 * audits them and publishes what other modules hear ({@link DecisionConcluded}).
 */
sealed interface DecisionEvent {

	/** Put to the body: at a meeting, or circulated under silence. */
	record Proposed() implements DecisionEvent {
	}

	/** A member objected at the meeting, or wrote breaking silence, in this round. */
	record Objected(Objection objection) implements DecisionEvent {
	}

	/** A member present voted (majority rule). */
	record Voted(CastVote vote) implements DecisionEvent {
	}

	/**
	 * The written communication of {@code by} broke silence: an objection the rule counts. Under
	 * the forum's default the procedure ends at once ({@link Closed} follows, SILENCE_BROKEN).
	 */
	record SilenceBroken(String by, Instant at) implements DecisionEvent {
	}

	/**
	 * The decision closed with an outcome the rule judged: ADOPTED (with its day), NOT_ADOPTED or
	 * SILENCE_BROKEN. {@code byChair}: closed by the chair at the meeting rather than by the deadline or
	 * the break of silence.
	 */
	record Closed(DecisionStatus status, String note, @Nullable LocalDate decidedOn, Set<String> countedObjections, Instant at,
			Cause cause) implements DecisionEvent {

		public Closed {
			countedObjections = Set.copyOf(countedObjections);
		}

		boolean adopted() {
			return status == DecisionStatus.ADOPTED;
		}
	}

	/** Why a decision closed. */
	enum Cause {
		/** The chair closed the item at the meeting. */
		CHAIR,
		/** The silence deadline passed. */
		DEADLINE,
		/** A member broke silence and the forum ends the procedure at once. */
		SILENCE_BROKEN
	}

	/** Adopted: the effects the decision carries are due, on its day of adoption. Only ever after an adopting {@link Closed}. */
	record EffectsDue(LocalDate decidedOn) implements DecisionEvent {
	}

	/** A new revision of the text: the silence procedure moves to it and its clock restarts for the same period. */
	record Restarted(int fromVersion, int version, Instant deadline, int round) implements DecisionEvent {
	}

	/** Withdrawn: by a revision that reopens brackets or comes at a meeting, or by the chair or the Secretariat. */
	record Withdrawn(@Nullable Integer version, String note, Instant at) implements DecisionEvent {
	}
}
