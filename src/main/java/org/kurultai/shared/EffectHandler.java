package org.kurultai.shared;

import java.util.Set;

/**
 * A module's part in decisions with effects: it checks the effects of its kinds when they are
 * proposed and applies them, writing only its own tables, in the adopting transaction. The
 * decisions module calls the handler of each kind; no module writes another's data.
 */
public interface EffectHandler {

	/** The kinds this module applies. */
	Set<EffectKind> kinds();

	/**
	 * At the proposal, read-only: refuses (with {@link InvalidRequest} naming {@code effects[index].term},
	 * or a {@link RuleViolation}) an effect naming what does not exist or that could never apply.
	 * What may still change before adoption (a signature, a chair's term) is left to {@link #apply}.
	 */
	void check(Effect effect, int index);

	/**
	 * At adoption, inside the decision's transaction (exactly once: the caller holds the decision's
	 * lock and applies only while it closes it): writes the change from
	 * {@code effect.effectiveFrom(decision.decidedOn())}, marking each record it writes or ends
	 * with the decision. Idempotent: where the very fact is already recorded (the forum's history
	 * loaded from its sources) it only links that record to the decision. Refuses with a
	 * {@link Refusal} when the forum's rules forbid it on that day; the caller then records the
	 * effect as not applied, with the reason, and nothing of it is written.
	 */
	void apply(Effect effect, DecidedBy decision);
}
