package org.kurultai.registry;

import org.kurultai.shared.RuleViolation;

/** A participant holds one status at a time: its status periods never overlap. */
public class StatusPeriodsOverlap extends RuleViolation {

	StatusPeriodsOverlap(ParticipantCode participant, StatusPeriod existing, StatusPeriod proposed) {
		super("%s is already %s from %s%s; a %s period from %s would overlap it".formatted(participant,
				existing.status().label(), existing.from(), existing.until() == null ? "" : " until " + existing.until(),
				proposed.status().label(), proposed.from()));
	}

	@Override
	public String rule() {
		return "status-periods-overlap";
	}
}
