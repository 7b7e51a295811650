package org.kurultai.registry;

import org.kurultai.shared.RuleViolation;

/** Membership is for States; organizations take part as observers or partners. */
public class OnlyStatesAreMembers extends RuleViolation {

	OnlyStatesAreMembers(ParticipantCode organization) {
		super("problem.registry.onlyStatesAreMembers", organization);
	}

	@Override
	public String rule() {
		return "only-states-are-members";
	}
}
