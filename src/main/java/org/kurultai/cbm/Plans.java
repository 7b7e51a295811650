package org.kurultai.cbm;

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
