package org.kurultai.timeline;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * One line of the timeline; {@code link} points to the page of the record it comes from;
 * {@code planned} marks what is foreseen, not yet happened (a summit planned for a year);
 * {@code access} is the access level of the record it comes from, for the reader's filter.
 */
public record TimelineEntry(LocalDate date, DatePrecision precision, String title, EventKind kind, Sources sources,
		@Nullable String link, boolean planned, Access access) {

	public TimelineEntry(LocalDate date, DatePrecision precision, String title, EventKind kind, Sources sources,
			@Nullable String link) {
		this(date, precision, title, kind, sources, link, false, Access.PUBLIC);
	}

	public String when() {
		return precision.format(date);
	}
}
