package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * The CBM module's part in decisions with effects: a decision approves a concept paper or action plan
 * ({@code APPROVE_PLAN}, the only way a plan is approved) and adopts an edition of the Catalogue the
 * Secretariat proposed ({@code ADOPT_CATALOGUE_EDITION}), each from the decision's effective day, by its
 * body, at its meeting, pointing to the decision (id and register symbol). The very approval or adoption
 * already recorded from the forum's history is only linked to the decision.
 * <p>
 * Not transactional itself: it runs in the caller's transaction (the proposal's, the adoption's), and a
 * refusal is a plain exception that leaves that transaction to the caller (its savepoint), never marked
 * rollback-only behind its back.
 */
@Component
class CbmEffects implements EffectHandler {

	private final PlanRepository plans;
	private final CbmRepository editions;
	private final AuditLog audit;

	CbmEffects(PlanRepository plans, CbmRepository editions, AuditLog audit) {
		this.plans = plans;
		this.editions = editions;
		this.audit = audit;
	}

	@Override
	public Set<EffectKind> kinds() {
		return Set.of(EffectKind.APPROVE_PLAN, EffectKind.ADOPT_CATALOGUE_EDITION);
	}

	@Override
	public void check(Effect effect, int index) {
		switch (effect.kind()) {
			case APPROVE_PLAN -> checkApproval(effect.normalized(), index);
			case ADOPT_CATALOGUE_EDITION -> checkAdoption(effect.normalized(), index);
			default -> throw new IllegalArgumentException("Not a CBM effect: " + effect.kind());
		}
	}

	@Override
	public void apply(Effect effect, DecidedBy decision) {
		switch (effect.kind()) {
			case APPROVE_PLAN -> approve(effect.normalized(), decision);
			case ADOPT_CATALOGUE_EDITION -> adopt(effect.normalized(), decision);
			default -> throw new IllegalArgumentException("Not a CBM effect: " + effect.kind());
		}
	}

	/** At the proposal: the plan exists and is not yet approved. */
	private void checkApproval(Effect effect, int index) {
		var code = code(effect.required(effect.plan(), "plan", index));
		var plan = plans.plans().stream().filter(p -> p.code().equals(code)).findFirst()
				.orElseThrow(() -> InvalidRequest.of("effects[" + index + "].plan", "problem.plan.unknown", code));
		if (plan.approval() != null) {
			throw new ImplementationPlan.AlreadyApproved(plan.code(), plan.approval());
		}
	}

	/**
	 * At adoption: the plan is approved by the decision's body from the effective day, at the decision's meeting, by
	 * the decision; the same approval already recorded is only linked; another approval is refused. Audited.
	 */
	private void approve(Effect effect, DecidedBy decision) {
		var code = code(effect.plan());
		var plan = plans.lock(code).orElseThrow(() -> NotFound.of("problem.notFound.plan", code));
		var reference = DecisionReference.of(decision);
		var approval = new ImplementationPlan.Approval(decision.body(), effect.effectiveFrom(decision.decidedOn()), decision.meeting(), reference);
		var outcome = plan.approvedBy(approval);
		switch (outcome) {
			case WRITE -> plans.approve(plan.code(), approval);
			case LINK -> plans.link(plan.code(), reference);
			case NOTHING -> {
				return;
			}
		}
		audited(outcome == ByDecision.WRITE ? "plan.approved" : "plan.approval-linked", "plan:" + plan.code(), decision, approval.on());
	}

	/** At the proposal: a proposed edition (an adopted one never changes), effective after the last adopted one. */
	private void checkAdoption(Effect effect, int index) {
		var code = code(effect.required(effect.edition(), "edition", index));
		if (editions.adoptedEdition(code).isPresent()) {
			throw new Catalogue.EditionAdopted(code);
		}
		if (editions.proposedEdition(code).isEmpty()) {
			throw InvalidRequest.of("effects[" + index + "].edition", "problem.cbm.editionUnknown", code);
		}
		if (effect.effectiveOn() != null) {
			requireLatest(code, effect.effectiveOn());
		}
	}

	/**
	 * At adoption: the proposed edition becomes the Catalogue's edition from the effective day, adopted by the
	 * decision's body at its meeting, by the decision; an edition already adopted the same way is only linked; any
	 * other change is refused. Audited.
	 */
	private void adopt(Effect effect, DecidedBy decision) {
		var code = code(effect.edition());
		var status = editions.lockEdition(code).orElseThrow(() -> NotFound.of("problem.notFound.edition", code));
		var day = effect.effectiveFrom(decision.decidedOn());
		var reference = DecisionReference.of(decision);
		ByDecision outcome;
		if ("ADOPTED".equals(status)) {
			outcome = editions.adoptedEdition(code).orElseThrow().adoptedBy(decision.body(), day, reference);
			if (outcome == ByDecision.NOTHING) {
				return;
			}
			editions.link(code, reference);
		}
		else {
			requireLatest(code, day);
			editions.adopt(editions.proposedEdition(code).orElseThrow().adoptedBy(decision.body(), day, decision.meeting(), reference));
			outcome = ByDecision.WRITE;
		}
		audited(outcome == ByDecision.WRITE ? "catalogue.edition-adopted" : "catalogue.adoption-linked", "catalogue-edition:" + code, decision,
				day);
	}

	/** A new edition takes effect after the last adopted one: the Catalogue's past stays as it was. */
	private void requireLatest(String code, LocalDate day) {
		editions.editions().stream().map(CatalogueEdition::adoptedOn).max(LocalDate::compareTo).filter(last -> !day.isAfter(last))
				.ifPresent(last -> {
					throw new Catalogue.EditionNotLatest(code, day, last);
				});
	}

	private void audited(String action, String subject, DecidedBy decision, LocalDate from) {
		var after = new LinkedHashMap<String, Object>();
		after.put("body", decision.body());
		after.put("from", from.toString());
		after.put("decision", decision.decision());
		after.put("register", decision.register() == null ? "" : decision.register());
		audit.record(new Act(Act.SYSTEM, decision.body(), action, subject, null, after));
	}

	private static String code(@Nullable String value) {
		return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
	}
}
