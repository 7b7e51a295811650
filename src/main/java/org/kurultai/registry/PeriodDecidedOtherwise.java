package org.kurultai.registry;

import org.kurultai.shared.RuleViolation;

/** A period of the history that another decision of the register caused (or ended) is not claimed by a second one. */
public class PeriodDecidedOtherwise extends RuleViolation {

	PeriodDecidedOtherwise(ParticipantCode participant, StatusPeriod period, DecisionRef other) {
		super("problem.registry.decidedOtherwise", participant, period.status(), period.from(), other.named());
	}

	@Override
	public String rule() {
		return "period-decided-otherwise";
	}
}
