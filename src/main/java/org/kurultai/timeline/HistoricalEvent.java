package org.kurultai.timeline;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/** Something that happened in the forum's history and is not already another record. */
public record HistoricalEvent(String id, LocalDate on, DatePrecision precision, EventKind kind, String title,
		@Nullable String meeting, Sources sources, @Nullable String note) {

	public HistoricalEvent {
		if (!kind.isRecorded()) {
			throw new IllegalArgumentException(kind + " events are derived from their own records, not recorded");
		}
	}
}
