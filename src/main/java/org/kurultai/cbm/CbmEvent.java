package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * An event implementing the Catalogue: a seminar, workshop, experts meeting, business forum,
 * training or video conference under a priority area, hosted by a State or by the chairmanship,
 * with its dates, place or online, the States taking part and its outcome documents.
 */
public record CbmEvent(String id, String title, Kind kind, String priorityArea, @Nullable String host, boolean byChairmanship,
		LocalDate from, LocalDate until, DatePrecision precision, @Nullable String place, boolean online, List<String> participating,
		List<String> outcomeDocuments, Sources sources, @Nullable String note) {

	public CbmEvent {
		participating = List.copyOf(participating);
		outcomeDocuments = List.copyOf(outcomeDocuments);
		if (until.isBefore(from)) {
			throw new CatalogueEdition.EditionInvalid("problem.cbm.eventEndsBeforeStart", until, from);
		}
	}

	public enum Kind {
		SEMINAR("seminar"), WORKSHOP("workshop"), EXPERTS_MEETING("experts meeting"), BUSINESS_FORUM("business forum"),
		TRAINING("training"), VIDEO_CONFERENCE("video conference"), CONFERENCE("conference"), FORUM("forum"),
		HUMANITARIAN_AID("humanitarian aid"), OTHER("other");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public int year() {
		return from.getYear();
	}
}
