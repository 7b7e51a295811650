package org.kurultai.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How precisely a source dates a fact. A date known only to the month or year is stored as the
 * first day of that month or year; {@link #ATTESTED} marks the earliest source that shows a fact
 * that began earlier, on a day nobody recorded.
 */
public enum DatePrecision {
	DAY, MONTH, YEAR, ATTESTED;

	private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
	private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

	/** The date as a person would write it at this precision: "17 June 2006", "June 2010", "2011". */
	public String format(LocalDate date) {
		return switch (this) {
			case DAY -> DAY_FORMAT.format(date);
			case MONTH -> MONTH_FORMAT.format(date);
			case YEAR -> Integer.toString(date.getYear());
			case ATTESTED -> "by " + MONTH_FORMAT.format(date);
		};
	}
}
