package org.kurultai.decisions;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Effect;

/**
 * Published (synchronously, inside the proposing transaction) when a decision is put to a body:
 * a listener that refuses it (an unknown application, say) rolls the proposal back.
 */
public record DecisionProposed(long decision, String body, DecisionKind kind, @Nullable Long application, @Nullable String concerned,
		List<Effect> effects) {

	public DecisionProposed {
		effects = List.copyOf(effects);
	}
}
