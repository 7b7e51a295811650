package org.kurultai.cbm;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A member State leading a priority area as coordinator or co-coordinator, over a half-open period
 * {@code [from, until)}; {@code ATTESTED} precision means "at least since".
 */
public record Coordination(String priorityArea, String participant, CoordinatorRole role, LocalDate from, DatePrecision precision,
		@Nullable LocalDate until, Sources sources, @Nullable String note) {

	public Coordination {
		if (until != null && !until.isAfter(from)) {
			throw new CoordinationInvalid("problem.coordination.endsBeforeStart", from, until);
		}
	}

	public boolean holdsOn(LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	/** Only a member State coordinates a priority area: observers take part but do not lead. */
	public static class OnlyMembersCoordinate extends RuleViolation {

		public OnlyMembersCoordinate(String participant, LocalDate day) {
			super("problem.coordination.onlyMembers", participant, day);
		}

		@Override
		public String rule() {
			return "only-members-coordinate";
		}
	}

	public static class CoordinationInvalid extends RuleViolation {

		public CoordinationInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "coordination-invalid";
		}
	}
}
