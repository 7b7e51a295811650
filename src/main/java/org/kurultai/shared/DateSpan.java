package org.kurultai.shared;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The days from {@code from} to {@code to}, both included. A request may leave either end open; a
 * span whose end comes before its start is refused.
 */
public record DateSpan(LocalDate from, LocalDate to) {

	public static final LocalDate BEGINNING = LocalDate.of(1, 1, 1);
	public static final LocalDate END = LocalDate.of(9999, 12, 31);

	public DateSpan {
		if (to.isBefore(from)) {
			throw InvalidRequest.of("to", "problem.dateSpan.toBeforeFrom", to, from);
		}
	}

	/** The span a request names; a missing end is open. */
	public static DateSpan of(@Nullable LocalDate from, @Nullable LocalDate to) {
		return new DateSpan(from == null ? BEGINNING : from, to == null ? END : to);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}
}
