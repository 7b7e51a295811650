package org.kurultai.registry;

import java.time.LocalDate;

import org.kurultai.shared.RuleViolation;

/** A status ends only where one is open: begun before that day, with no end. */
public class NoOpenStatus extends RuleViolation {

	NoOpenStatus(ParticipantCode participant, LocalDate on) {
		super("problem.registry.noOpenStatus", participant, on);
	}

	@Override
	public String rule() {
		return "no-open-status";
	}
}
