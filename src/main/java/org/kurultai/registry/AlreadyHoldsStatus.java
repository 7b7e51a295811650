package org.kurultai.registry;

import java.time.LocalDate;

import org.kurultai.shared.RuleViolation;

/** A participant is not admitted to the status it already holds on that day. */
public class AlreadyHoldsStatus extends RuleViolation {

	AlreadyHoldsStatus(ParticipantCode participant, ParticipantStatus status, LocalDate on, LocalDate since) {
		super("problem.registry.alreadyHolds", participant, status, on, since);
	}

	@Override
	public String rule() {
		return "already-holds-status";
	}
}
