package org.kurultai.calendars;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a calendar, in the reader's language: a meeting (whole days, {@code firstDay} to {@code lastDay}
 * inclusive) or a deadline ({@code at}, an instant, shown on its day in the forum's time zone). {@code key} is
 * stable (the event's UID without the host); {@code sequence} grows each time the entry's plan changes (a meeting's
 * plan, a silence procedure's round). {@code link} is the page's address within Kurultai.
 */
public record CalendarEntry(Kind kind, String key, int sequence, String title, @Nullable String body, LocalDate firstDay,
		LocalDate lastDay, @Nullable Instant at, boolean cancelled, @Nullable String place, boolean online, String link) {

	public enum Kind {
		/** A meeting of a body. */
		MEETING,
		/** The deadline of an open silence procedure. */
		SILENCE_DEADLINE,
		/** The deadline for delegations to register for a meeting. */
		REGISTRATION_CLOSES,
		/** The person's State's implementation report due. */
		REPORT_DUE,
		/** The person's State's information-exchange return due. */
		RETURN_DUE
	}

	public boolean deadline() {
		return at != null;
	}

	/** Does the entry fall on this day? */
	public boolean on(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}

	/** Does the entry fall within these days (inclusive)? */
	public boolean within(LocalDate from, LocalDate to) {
		return !lastDay.isBefore(from) && !firstDay.isAfter(to);
	}
}
