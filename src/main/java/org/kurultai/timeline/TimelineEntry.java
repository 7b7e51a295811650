package org.kurultai.timeline;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/** One line of the timeline; {@code link} points to the page of the record it comes from. */
public record TimelineEntry(LocalDate date, DatePrecision precision, String title, EventKind kind, Sources sources,
		@Nullable String link) {

	public String when() {
		return precision.format(date);
	}
}
