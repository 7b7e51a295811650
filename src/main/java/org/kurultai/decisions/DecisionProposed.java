package org.kurultai.decisions;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Effect;

/**
 * Published (synchronously, inside the proposing transaction) when a decision is put to a body:
 * a listener that refuses it (an unknown application, say) rolls the proposal back. {@code proposer} is who
 * proposes, as the access policy sees them: a listener says nothing of a record they may not see.
 */
public record DecisionProposed(long decision, String body, DecisionKind kind, @Nullable Long application, @Nullable String concerned,
		List<Effect> effects, Viewer proposer) {

	public DecisionProposed {
		effects = List.copyOf(effects);
	}
}
