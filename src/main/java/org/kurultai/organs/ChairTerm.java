package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * A State's term as chair of the forum, half-open. {@code decidedOn} is the day the forum chose
 * this chair: before it, the term is not yet known and does not appear as "next" in the Troika;
 * from it until {@code from} the State is chair-elect. {@code decision} is the decision that
 * elected it, where one in the register did.
 */
public record ChairTerm(String chair, LocalDate from, DatePrecision precision, @Nullable LocalDate until,
		@Nullable LocalDate decidedOn, @Nullable String decidedAt, @Nullable String handoverAt,
		@Nullable String handoverOccasion, Sources sources, @Nullable String note, @Nullable DecisionRef decision) {

	public ChairTerm {
		if (until != null && !until.isAfter(from)) {
			throw new Chairmanship.TermsInvalid("problem.chairmanship.termEndsBeforeStart", from, until);
		}
	}

	/** A term no decision in the register caused (the forum's history as its sources tell it). */
	public ChairTerm(String chair, LocalDate from, DatePrecision precision, @Nullable LocalDate until,
			@Nullable LocalDate decidedOn, @Nullable String decidedAt, @Nullable String handoverAt,
			@Nullable String handoverOccasion, Sources sources, @Nullable String note) {
		this(chair, from, precision, until, decidedOn, decidedAt, handoverAt, handoverOccasion, sources, note, null);
	}

	public boolean holdsOn(LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	/** Was this chair known (decided) on that day? An undated decision counts from the term's start. */
	public boolean decidedBy(LocalDate day) {
		return !day.isBefore(decidedOn != null ? decidedOn : from);
	}

	/** Chair-elect on that day: decided, not yet in office. */
	public boolean electOn(LocalDate day) {
		return decidedBy(day) && day.isBefore(from);
	}

	public ChairTerm endingOn(@Nullable LocalDate end) {
		return new ChairTerm(chair, from, precision, end, decidedOn, decidedAt, handoverAt, handoverOccasion, sources, note, decision);
	}

	public ChairTerm decidedBy(DecisionRef by) {
		return new ChairTerm(chair, from, precision, until, decidedOn, decidedAt, handoverAt, handoverOccasion, sources, note, by);
	}
}
