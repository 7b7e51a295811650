package org.kurultai.registry;

import java.time.LocalDate;

import org.kurultai.shared.RuleViolation;

/** A correction that states exactly what the history already says supersedes nothing. */
public class CorrectionChangesNothing extends RuleViolation {

	CorrectionChangesNothing(ParticipantCode participant, LocalDate from) {
		super("problem.registry.correctionChangesNothing", participant, from);
	}

	@Override
	public String rule() {
		return "correction-changes-nothing";
	}
}
