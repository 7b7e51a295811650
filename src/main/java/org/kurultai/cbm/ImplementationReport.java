package org.kurultai.cbm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A State's report for one year on one priority area, with every save kept: drafts, the submission,
 * and resubmissions. A nil report ("nothing to report") is a report. A submission after the due
 * moment is marked late, and stays so.
 */
public record ImplementationReport(long id, String participant, String priorityArea, int year, Instant dueAt, List<Revision> revisions) {

	public ImplementationReport {
		revisions = List.copyOf(revisions);
	}

	public enum Kind {
		DRAFT, SUBMISSION
	}

	public record Revision(int number, Kind kind, boolean nil, String text, Instant savedAt, String savedBy, boolean late) {
	}

	public enum Status {
		NOT_STARTED("not started"), DRAFT("draft"), SUBMITTED("submitted"), RESUBMITTED("resubmitted");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Status status() {
		long submissions = revisions.stream().filter(r -> r.kind() == Kind.SUBMISSION).count();
		return submissions == 0 ? (revisions.isEmpty() ? Status.NOT_STARTED : Status.DRAFT) : submissions == 1 ? Status.SUBMITTED : Status.RESUBMITTED;
	}

	/** The first submission: when the State reported. */
	public Optional<Revision> firstSubmission() {
		return revisions.stream().filter(r -> r.kind() == Kind.SUBMISSION).findFirst();
	}

	/** The text as last submitted (what others read); drafts after it stay the State's own. */
	public Optional<Revision> submitted() {
		return revisions.stream().filter(r -> r.kind() == Kind.SUBMISSION).reduce((a, b) -> b);
	}

	public @Nullable Revision latest() {
		return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
	}

	/** Reported late: first submitted after the due moment. */
	public boolean late() {
		return firstSubmission().map(Revision::late).orElse(false);
	}

	/** Overdue at a moment: due and not yet submitted. */
	public boolean overdueAt(Instant now) {
		return firstSubmission().isEmpty() && now.isAfter(dueAt);
	}
}
