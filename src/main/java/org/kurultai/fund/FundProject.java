package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;

/**
 * A Fund project as stored: its State (the owner), where it stands, its current revision's text, the Secretariat's
 * checklist, what was put to the PRC (decision, amount, tranches) and what the PRC approved.
 */
public record FundProject(long id, String owner, ProjectState state, int revision, ProjectContent content, Instant createdAt, String createdBy,
		@Nullable List<EligibilityCriterion.Check> eligibility, @Nullable Instant eligibilityAt, @Nullable Long decision,
		@Nullable BigDecimal proposedAmount, @Nullable List<PlannedTranche> proposedTranches, @Nullable BigDecimal approvedAmount,
		@Nullable LocalDate decidedOn, @Nullable LocalDate closedOn, @Nullable BigDecimal returnedAmount) {

	/** Who may see it, by its state. */
	public Access access() {
		return state.access(owner);
	}

	/** A tranche as the Secretariat proposes it to the PRC. */
	public record PlannedTranche(BigDecimal amount, LocalDate plannedOn) {
	}

	/** An approved tranche, disbursed or not. */
	public record Tranche(long id, int number, BigDecimal amount, LocalDate plannedOn, @Nullable LocalDate disbursedOn,
			@Nullable BigDecimal disbursedAmount, @Nullable Long ledgerEntry, @Nullable String reference) {

		public boolean disbursed() {
			return disbursedOn != null;
		}
	}

	/** A revision of the text, kept. */
	public record Revision(int number, ProjectContent content, Instant savedAt, String savedBy, @Nullable Instant submittedAt) {
	}

	/** A question the Secretariat asked on a revision. */
	public record Question(long id, int revision, String text, Instant askedAt, String askedBy) {
	}

	/** A report on a tranche (progress, or final on the last), each submission kept; the Secretariat accepts one. */
	public record Report(long id, int tranche, ReportKind kind, LocalDate dueOn, String text, Instant submittedAt, String submittedBy, boolean late,
			@Nullable Instant acceptedAt, @Nullable String acceptedBy) {

		public boolean accepted() {
			return acceptedAt != null;
		}
	}

	public enum ReportKind {
		PROGRESS, FINAL
	}
}
