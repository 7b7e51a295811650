package org.kurultai.cbm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concept papers and action plans: proposed for a priority area by its coordinator or co-coordinator
 * (or the Secretariat), and approved by a decision of a body (the effect {@code APPROVE_PLAN}, applied
 * when the decision is adopted), recorded with the day, the meeting and the decision.
 */
@Service
@Transactional(readOnly = true)
public class Plans {

	private final PlanRepository repository;
	private final Catalogue catalogue;
	private final Organs organs;
	private final Meetings meetings;
	private final ActingRights rights;
	private final AuditLog audit;
	private final ForumClock clock;

	Plans(PlanRepository repository, Catalogue catalogue, Organs organs, Meetings meetings, ActingRights rights, AuditLog audit,
			ForumClock clock) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.organs = organs;
		this.meetings = meetings;
		this.rights = rights;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ImplementationPlan> plans(@Nullable String area) {
		return repository.plans().stream().filter(p -> area == null || area.isBlank() || p.priorityArea().equalsIgnoreCase(area.trim())).toList();
	}

	/** Records a plan (reference data, or proposed through {@link #propose}). */
	@Transactional
	public ImplementationPlan record(ImplementationPlan plan) {
		if (repository.exists(plan.code())) {
			throw new PlanRecorded(plan.code());
		}
		if (catalogue.editions().stream().noneMatch(edition -> edition.priorityArea(plan.priorityArea()).isPresent())) {
			throw new Catalogue.NotInEdition(plan.priorityArea(), "any");
		}
		if (plan.approval() != null) {
			check(plan.approval());
		}
		repository.insert(plan);
		return plan;
	}

	/** The coordinator or a co-coordinator of the area today, or the Secretariat, proposes a plan. Audited. */
	@Transactional
	public ImplementationPlan propose(Account account, ImplementationPlan plan) {
		var mandate = rights.of(account, clock.today());
		boolean leads = account.participant() != null && catalogue.coordinatorsOn(clock.today()).stream()
				.anyMatch(c -> c.participant().equals(account.participant()) && c.priorityArea().equalsIgnoreCase(plan.priorityArea()));
		if (!mandate.actsForSecretariat() && !(leads && mandate.mayObject())) {
			throw NotAllowed.of("problem.plan.whoProposes");
		}
		if (plan.approval() != null) {
			throw InvalidRequest.of("approval", "problem.plan.approvedAfterwards");
		}
		var recorded = record(plan);
		audit.record(new Act(account.email(), account.actsFor(), "plan.proposed", "plan:" + plan.code(), null,
				Map.of("kind", plan.kind().name(), "area", plan.priorityArea(), "activities", plan.activities().size())));
		return recorded;
	}

	/**
	 * At the proposal of a decision approving a plan ({@code APPROVE_PLAN}): the plan exists and is not yet approved.
	 */
	public void checkApproval(Effect effect, int index) {
		var code = effect.required(effect.plan(), "plan", index).strip();
		var plan = repository.plans().stream().filter(p -> p.code().equalsIgnoreCase(code)).findFirst()
				.orElseThrow(() -> InvalidRequest.of("effects[" + index + "].plan", "problem.plan.unknown", code));
		if (plan.approval() != null) {
			throw new ImplementationPlan.AlreadyApproved(plan.code(), plan.approval());
		}
	}

	/**
	 * At the adoption of a decision approving a plan, in its transaction: the plan is approved by the decision's body
	 * from the effective day, at the decision's meeting, by the decision. The same approval already recorded (the
	 * forum's history) is only linked to the decision; another approval is refused. Audited.
	 */
	@Transactional
	public void approveBy(Effect effect, DecidedBy decision) {
		var code = effect.plan() == null ? "" : effect.plan().strip().toUpperCase(Locale.ROOT);
		var plan = repository.lock(code).orElseThrow(() -> NotFound.of("problem.notFound.plan", code));
		var reference = DecisionReference.of(decision);
		var approval = new ImplementationPlan.Approval(decision.body(), effect.effectiveFrom(decision.decidedOn()), decision.meeting(), reference);
		var outcome = plan.approvedBy(approval);
		switch (outcome) {
			case WRITE -> repository.approve(plan.code(), approval);
			case LINK -> repository.link(plan.code(), reference);
			case NOTHING -> {
				return;
			}
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("body", approval.body());
		after.put("on", approval.on().toString());
		after.put("decision", reference.id());
		after.put("register", reference.register() == null ? "" : reference.register());
		audit.record(new Act(Act.SYSTEM, decision.body(), outcome == ByDecision.WRITE ? "plan.approved" : "plan.approval-linked",
				"plan:" + plan.code(), null, after));
	}

	private void check(ImplementationPlan.Approval approval) {
		if (!organs.isBody(approval.body())) {
			throw InvalidRequest.of("body", "problem.body.unknown", approval.body());
		}
		if (approval.meeting() != null && !meetings.exists(approval.meeting())) {
			throw NotFound.of("problem.notFound.meeting", approval.meeting());
		}
	}

	public static class PlanRecorded extends RuleViolation {

		PlanRecorded(String code) {
			super("problem.plan.recorded", code);
		}

		@Override
		public String rule() {
			return "plan-already-recorded";
		}
	}

}
