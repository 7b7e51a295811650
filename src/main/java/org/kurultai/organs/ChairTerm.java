package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * A State's term as chair of the forum, half-open. {@code decidedOn} is the day the forum chose
 * this chair: before it, the term is not yet known and does not appear as "next" in the Troika.
 */
public record ChairTerm(String chair, LocalDate from, DatePrecision precision, @Nullable LocalDate until,
		@Nullable LocalDate decidedOn, @Nullable String decidedAt, @Nullable String handoverAt,
		@Nullable String handoverOccasion, Sources sources, @Nullable String note) {

	public ChairTerm {
		if (until != null && !until.isAfter(from)) {
			throw new Chairmanship.TermsInvalid("problem.chairmanship.termEndsBeforeStart", from, until);
		}
	}

	public boolean holdsOn(LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	/** Was this chair known (decided) on that day? An undated decision counts from the term's start. */
	public boolean decidedBy(LocalDate day) {
		return !day.isBefore(decidedOn != null ? decidedOn : from);
	}
}
