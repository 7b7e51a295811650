package org.kurultai.cbm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;

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

	/** One save; {@code savedBy} is null where the reader may not know who saved it. */
	public record Revision(int number, Kind kind, boolean nil, String text, Instant savedAt, @Nullable String savedBy, boolean late) {
	}

	/** The report: once submitted, for participants and the Secretariat; before, its State's own. */
	public Access access() {
		return firstSubmission().isPresent() ? Access.owned(participant, AccessLevel.PARTICIPANTS) : Access.ownerOnly(participant);
	}

	/** A revision: a submission is read as the report is; a draft, before or after it, is its State's own. */
	public Access access(Revision revision) {
		return revision.kind() == Kind.SUBMISSION ? Access.owned(participant, AccessLevel.PARTICIPANTS) : Access.ownerOnly(participant);
	}

	/** Who saved each revision: for the State and the Secretariat. */
	public Access authorsAccess() {
		return Access.owned(participant, AccessLevel.SECRETARIAT);
	}

	/**
	 * The report as a reader sees it: only the revisions they may see, numbered in that order (so
	 * that a gap does not tell a draft was saved), without who saved them unless they may know.
	 */
	ImplementationReport as(Predicate<Access> maySee) {
		boolean authors = maySee.test(authorsAccess());
		var shown = revisions.stream().filter(revision -> maySee.test(access(revision))).toList();
		if (authors && shown.size() == revisions.size()) {
			return this;
		}
		var renumbered = new java.util.ArrayList<Revision>();
		for (var revision : shown) {
			renumbered.add(new Revision(renumbered.size() + 1, revision.kind(), revision.nil(), revision.text(), revision.savedAt(),
					authors ? revision.savedBy() : null, revision.late()));
		}
		return new ImplementationReport(id, participant, priorityArea, year, dueAt, renumbered);
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
