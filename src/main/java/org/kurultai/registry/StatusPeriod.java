package org.kurultai.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * A span of time during which a participant holds one status. Half-open: the status holds from
 * {@code from} (inclusive) until {@code until} (exclusive); an open period has no {@code until}.
 *
 * @param how how the status came about ("signed the Declaration on Principles and the Almaty Act;
 *            admitted at the Sixth Summit")
 * @param admittedAt the meeting at which it was decided, where known
 * @param ordinal "the 18th member", where a source counts
 * @param decision the decision in Kurultai's register that caused the period, where one did
 * @param endedBy the decision that ended it, where one did
 */
public record StatusPeriod(ParticipantStatus status, LocalDate from, DatePrecision precision, @Nullable LocalDate until,
		String how, @Nullable String admittedAt, @Nullable Integer ordinal, Sources sources, @Nullable String note,
		@Nullable DecisionRef decision, @Nullable DecisionRef endedBy) {

	/** A period no decision in the register caused (the forum's history as its sources tell it). */
	public StatusPeriod(ParticipantStatus status, LocalDate from, DatePrecision precision, @Nullable LocalDate until, String how,
			@Nullable String admittedAt, @Nullable Integer ordinal, Sources sources, @Nullable String note) {
		this(status, from, precision, until, how, admittedAt, ordinal, sources, note, null, null);
	}

	public StatusPeriod {
		if (until != null && !until.isAfter(from)) {
			throw new InvalidStatusPeriod("A status period must end after it starts (" + from + " – " + until + ")");
		}
		if (how == null) {
			how = "";
		}
	}

	/** Does the status hold on this day? */
	public boolean holdsOn(LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	public boolean overlaps(StatusPeriod other) {
		var thisEndsAfterOtherStarts = until == null || until.isAfter(other.from);
		var otherEndsAfterThisStarts = other.until == null || other.until.isAfter(from);
		return thisEndsAfterOtherStarts && otherEndsAfterThisStarts;
	}

	public boolean isOpen() {
		return until == null;
	}

	StatusPeriod endingOn(LocalDate end) {
		return new StatusPeriod(status, from, precision, end, how, admittedAt, ordinal, sources, note, decision, endedBy);
	}

	/** The same period ended on that day by a decision. */
	StatusPeriod endedOn(LocalDate end, DecisionRef by) {
		return new StatusPeriod(status, from, precision, end, how, admittedAt, ordinal, sources, note, decision, by);
	}

	/** The same period, now known to have been caused by the decision. */
	StatusPeriod linkedTo(DecisionRef by) {
		return new StatusPeriod(status, from, precision, until, how, admittedAt, ordinal, sources, note, by, endedBy);
	}

	/** The same period, now known to have been ended by the decision. */
	StatusPeriod endLinkedTo(DecisionRef by) {
		return new StatusPeriod(status, from, precision, until, how, admittedAt, ordinal, sources, note, decision, by);
	}

	/**
	 * Does the period begin on that day, as precisely as its start is known? A start known to the
	 * month or the year covers every day of it.
	 */
	boolean beginsOn(LocalDate day) {
		return switch (precision) {
			case DAY, ATTESTED -> from.equals(day);
			case MONTH -> from.getYear() == day.getYear() && from.getMonth() == day.getMonth();
			case YEAR -> from.getYear() == day.getYear();
		};
	}

	/** Thrown when a period's own dates make no sense. */
	public static class InvalidStatusPeriod extends org.kurultai.shared.RuleViolation {

		InvalidStatusPeriod(String message) {
			super(message);
		}

		@Override
		public String rule() {
			return "invalid-status-period";
		}
	}
}
