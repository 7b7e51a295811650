package org.kurultai.decisions;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Published (synchronously, inside the concluding transaction, after the effects were applied)
 * when a decision closes with any outcome: adopted (with its day and register symbol), not
 * adopted, silence broken or withdrawn. Once per decision.
 */
public record DecisionConcluded(long decision, String body, DecisionKind kind, DecisionStatus status, @Nullable LocalDate decidedOn,
		@Nullable String register, @Nullable Long application, @Nullable Long refersTo) {

	public boolean adopted() {
		return status == DecisionStatus.ADOPTED;
	}
}
