package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One entry in a State's history of voluntary commitments: it opts in to, or out of, a priority area
 * (or one of its measures) from a date. Recorded by its national coordinator, or by the Secretariat
 * on the State's written request (then named).
 */
public record CommitmentChange(long id, String participant, String priorityArea, @Nullable String measure, Kind kind,
		LocalDate effectiveOn, Instant recordedAt, @Nullable String recordedBy, @Nullable String writtenRequest, @Nullable String note) {

	public enum Kind {
		OPT_IN("opts in"), OPT_OUT("opts out");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The change as one who may not know who recorded it for the State sees it. */
	public CommitmentChange withoutRecorder() {
		return new CommitmentChange(id, participant, priorityArea, measure, kind, effectiveOn, recordedAt, null, writtenRequest, note);
	}

	/** What the change is about: the area, or one measure of it. */
	public String subject() {
		return measure == null ? priorityArea : priorityArea + "/" + measure;
	}
}
