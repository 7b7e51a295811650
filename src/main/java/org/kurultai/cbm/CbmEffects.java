package org.kurultai.cbm;

import java.util.Set;

import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.springframework.stereotype.Component;

/**
 * The CBM module's part in decisions with effects: a decision approves a concept paper or action plan
 * ({@code APPROVE_PLAN}, the only way a plan is approved) and adopts a proposed edition of the Catalogue
 * ({@code ADOPT_CATALOGUE_EDITION}), each from the decision's effective day, by its body, at its meeting,
 * pointing to it.
 */
@Component
class CbmEffects implements EffectHandler {

	private final Plans plans;
	private final Catalogue catalogue;

	CbmEffects(Plans plans, Catalogue catalogue) {
		this.plans = plans;
		this.catalogue = catalogue;
	}

	@Override
	public Set<EffectKind> kinds() {
		return Set.of(EffectKind.APPROVE_PLAN, EffectKind.ADOPT_CATALOGUE_EDITION);
	}

	@Override
	public void check(Effect effect, int index) {
		switch (effect.kind()) {
			case APPROVE_PLAN -> plans.checkApproval(effect.normalized(), index);
			case ADOPT_CATALOGUE_EDITION -> catalogue.checkAdoption(effect.normalized(), index);
			default -> throw new IllegalArgumentException("Not a CBM effect: " + effect.kind());
		}
	}

	@Override
	public void apply(Effect effect, DecidedBy decision) {
		switch (effect.kind()) {
			case APPROVE_PLAN -> plans.approveBy(effect.normalized(), decision);
			case ADOPT_CATALOGUE_EDITION -> catalogue.adoptBy(effect.normalized(), decision);
			default -> throw new IllegalArgumentException("Not a CBM effect: " + effect.kind());
		}
	}
}
