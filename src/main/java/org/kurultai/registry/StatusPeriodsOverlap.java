package org.kurultai.registry;

import org.kurultai.shared.RuleViolation;

/** A participant holds one status at a time: its status periods never overlap. */
public class StatusPeriodsOverlap extends RuleViolation {

	StatusPeriodsOverlap(ParticipantCode participant, StatusPeriod existing, StatusPeriod proposed) {
		super(existing.until() == null ? "problem.registry.statusPeriodsOverlap" : "problem.registry.statusPeriodsOverlapUntil", participant,
				existing.status(), existing.from(), proposed.status(), proposed.from(), existing.until());
	}

	@Override
	public String rule() {
		return "status-periods-overlap";
	}
}
