package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A concept paper or a multi-year action plan for a priority area, with its activities, and its
 * approval by a decision of the body that approved it (the SOC, as a rule: the effect
 * {@code APPROVE_PLAN}); once approved it is fixed.
 */
public record ImplementationPlan(String code, Kind kind, String priorityArea, String title, int fromYear, int untilYear,
		@Nullable String document, @Nullable String proposedBy, List<Activity> activities, @Nullable Approval approval, Sources sources,
		@Nullable String note) {

	public ImplementationPlan {
		activities = List.copyOf(activities);
		if (code == null || !code.matches("[A-Z0-9][A-Z0-9-]{0,59}")) {
			throw new PlanInvalid("problem.plan.code", code);
		}
		if (untilYear < fromYear) {
			throw new PlanInvalid("problem.plan.endsBeforeStart", untilYear, fromYear);
		}
		for (var activity : activities) {
			if (activity.year() < fromYear || activity.year() > untilYear) {
				throw new PlanInvalid("problem.plan.activityOutside", activity.title(), activity.year(),
						fromYear, untilYear);
			}
		}
	}

	public enum Kind {
		CONCEPT_PAPER("concept paper"), ACTION_PLAN("action plan");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** An activity the plan foresees, in a year, led by a State if one volunteered. */
	public record Activity(String title, int year, @Nullable String lead) {

		public Activity {
			if (title == null || title.isBlank()) {
				throw new PlanInvalid("problem.plan.activityTitle");
			}
		}
	}

	/**
	 * Approval by a body on a day, at a meeting where known, and by its decision in the register where known (the
	 * approvals loaded from the sources before Kurultai recorded decisions have none until a decision is linked).
	 */
	public record Approval(String body, LocalDate on, @Nullable String meeting, @Nullable DecisionReference decision) {
	}

	public boolean approved() {
		return approval != null;
	}

	/**
	 * What approving this plan by {@code byDecision} (a body's decision on a day) does: approves a plan not yet
	 * approved; links the same approval (the same body on the same day) recorded without a decision; nothing if
	 * already approved by this very decision; any other approval is refused, an approved plan being fixed.
	 */
	ByDecision approvedBy(Approval byDecision) {
		if (byDecision.decision() == null) {
			throw new IllegalArgumentException("An approval by decision names the decision");
		}
		if (approval == null) {
			return ByDecision.WRITE;
		}
		if (approval.decision() != null) {
			if (approval.decision().id() == byDecision.decision().id()) {
				return ByDecision.NOTHING;
			}
			throw new AlreadyApproved(code, approval);
		}
		if (approval.body().equals(byDecision.body()) && approval.on().equals(byDecision.on())) {
			return ByDecision.LINK;
		}
		throw new AlreadyApproved(code, approval);
	}

	public static class PlanInvalid extends RuleViolation {

		public PlanInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "plan-invalid";
		}
	}

	public static class AlreadyApproved extends RuleViolation {

		public AlreadyApproved(String code, Approval approval) {
			super("problem.plan.alreadyApproved", code, approval.body(), approval.on());
		}

		@Override
		public String rule() {
			return "plan-already-approved";
		}
	}
}
