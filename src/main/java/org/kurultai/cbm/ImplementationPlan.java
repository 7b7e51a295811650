package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A concept paper or a multi-year action plan for a priority area, with its activities, and the
 * approval recorded by the body that approved it (the SOC, as a rule); once approved it is fixed.
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

	/** Approval by a body on a day, at a meeting or by one of its decisions recorded in Kurultai. */
	public record Approval(String body, LocalDate on, @Nullable String meeting, @Nullable Long decision) {
	}

	public boolean approved() {
		return approval != null;
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
