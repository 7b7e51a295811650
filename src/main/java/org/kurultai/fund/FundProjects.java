package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.cbm.Catalogue;
import org.kurultai.decisions.DecisionConcluded;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.Decisions;
import org.kurultai.decisions.Matter;
import org.kurultai.decisions.Procedure;
import org.kurultai.fund.FundProject.PlannedTranche;
import org.kurultai.fund.FundProject.ReportKind;
import org.kurultai.fund.ProjectContent.BudgetLine;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Fund's projects: a member State's national coordinator drafts and submits one; the Secretariat asks questions
 * (the State revises and resubmits, every revision kept), checks its eligibility against a fixed checklist and puts an
 * eligible project to the Project Review Committee through the forum's decisions (inline text in English and Russian,
 * naming the amount and the tranches); when that decision concludes, the project is approved (its amount allocated by
 * the ledger in the concluding transaction) or not. The Secretariat then disburses the tranches through the ledger,
 * the State reports on each, the Secretariat accepts the reports and closes the project, its unspent balance returned.
 * Each command locks the project's row, asks {@link ProjectPolicy}, checks everything before it writes, and is audited.
 */
@Service
@Transactional(readOnly = true)
public class FundProjects {

	static final String PRC = "PRC";
	static final BigDecimal MAX_AMOUNT = Money.MAX_TYPED;
	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
	static final int TITLE_LENGTH = 300;
	static final int TEXT_LENGTH = 8000;
	static final int SHORT_LENGTH = 2000;
	static final int REFERENCE_LENGTH = 200;
	static final int MAX_LINES = 50;
	static final int MAX_TRANCHES = 12;
	/** A final report is due this many days after the project's end. */
	static final int FINAL_REPORT_DAYS = 60;

	private final ProjectRepository repository;
	private final FundLedger ledger;
	private final Decisions decisions;
	private final Catalogue catalogue;
	private final Registry registry;
	private final AccessPolicy access;
	private final ActingRights rights;
	private final AuditLog audit;
	private final ForumClock clock;

	FundProjects(ProjectRepository repository, FundLedger ledger, Decisions decisions, Catalogue catalogue, Registry registry, AccessPolicy access,
			ActingRights rights, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.ledger = ledger;
		this.decisions = decisions;
		this.catalogue = catalogue;
		this.registry = registry;
		this.access = access;
		this.rights = rights;
		this.audit = audit;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ reads

	/** The projects the viewer may see (in a state, if given), the latest first. */
	public List<FundProject> projects(Viewer viewer, @Nullable ProjectState state) {
		return access.visible(viewer, repository.all(), FundProject::access).stream().filter(p -> state == null || p.state() == state).toList();
	}

	/** A project the viewer may see; one they may not see does not exist for them. */
	public FundProject project(long id, Viewer viewer) {
		var project = repository.find(id).orElseThrow(() -> NotFound.of("problem.fund.project.notFound", id));
		if (!access.maySee(viewer, project.access())) {
			throw NotFound.of("problem.fund.project.notFound", id);
		}
		return project;
	}

	/**
	 * What is known of a project the viewer may see: read only after {@link #project(long, Viewer)}. Outside a
	 * transaction: the decisions module answers a decision the viewer may not see with a refusal, which would mark a
	 * surrounding transaction for rollback.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Details details(FundProject project, Viewer viewer) {
		boolean decisionSeen = false;
		if (project.decision() != null) {
			try {
				decisions.decision(project.decision(), viewer);
				decisionSeen = true;
			}
			catch (NotFound unseen) {
				decisionSeen = false;
			}
		}
		var tranches = repository.tranches(project.id());
		return new Details(repository.revisions(project.id()), repository.questions(project.id()), tranches,
				repository.reports(project.id()), ledger.project(project.id()), movements(project.id(), tranches, viewer), decisionSeen);
	}

	/**
	 * The project's statement, each tranche by its number (the ledger knows it by its id); the payments' documents
	 * (references) only for those who may see the ledger (the Secretariat).
	 */
	private List<FundLedger.ProjectMovement> movements(long project, List<FundProject.Tranche> tranches, Viewer viewer) {
		var numbers = new java.util.HashMap<Long, Long>();
		tranches.forEach(tranche -> numbers.put(tranche.id(), (long) tranche.number()));
		boolean documents = access.maySee(viewer, FundPolicy.LEDGER);
		return ledger.movements(project).stream().map(m -> new FundLedger.ProjectMovement(m.entry(), m.valueDate(), m.kind(), m.reversal(),
				m.tranche() == null ? null : numbers.get(m.tranche()), documents ? m.reference() : "", m.allocated(), m.disbursed(),
				m.undisbursedAfter())).toList();
	}

	/** A project's revisions, questions, tranches, reports, money and its statement (the ledger's movements), and whether the viewer may open the PRC's decision. */
	public record Details(List<FundProject.Revision> revisions, List<FundProject.Question> questions, List<FundProject.Tranche> tranches,
			List<FundProject.Report> reports, FundLedger.ProjectMoney money, List<FundLedger.ProjectMovement> movements, boolean decisionSeen) {
	}

	/** The Fund's currency (ISO 4217, {@code kurultai.fund.currency}). */
	public String currency() {
		return ledger.currency();
	}

	/** The Fund's currency as a text in the language names it beside an amount: its code, or in Russian its name where usual. */
	public String currency(Locale language) {
		return "ru".equals(language.getLanguage()) ? russianCurrency(ledger.currency()) : ledger.currency();
	}

	public @Nullable Mandate mandate(@Nullable Account account) {
		return account == null ? null : rights.of(account, clock.today());
	}

	/** May the person draft a project (the "new project" link and form)? */
	public boolean mayDraft(@Nullable Account account) {
		return ProjectPolicy.mayDraft(mandate(account));
	}

	// ------------------------------------------------------------------ requests, as typed

	public record Draft(@Nullable String titleEn, @Nullable String titleRu, @Nullable String purpose, @Nullable String area,
			@Nullable List<String> implementingStates, @Nullable String partners, @Nullable String start, @Nullable String end,
			@Nullable List<Line> budget, @Nullable String requested, @Nullable String cofinancing, @Nullable String explanation) {
	}

	public record Line(@Nullable String description, @Nullable String amount) {
	}

	public record CheckInput(@Nullable String criterion, @Nullable Boolean met, @Nullable String reason) {
	}

	public record Put(@Nullable String procedure, @Nullable String deadline, @Nullable String timeZone, @Nullable String meeting,
			@Nullable List<String> present, @Nullable String amount, @Nullable List<TrancheInput> tranches) {
	}

	public record TrancheInput(@Nullable String amount, @Nullable String plannedOn) {
	}

	public record Disbursement(@Nullable Integer tranche, @Nullable String amount, @Nullable String on, @Nullable String reference) {
	}

	public record NewReport(@Nullable Integer tranche, @Nullable String text) {
	}

	public record Closing(@Nullable String unspent, @Nullable String on, @Nullable String reference) {
	}

	// ------------------------------------------------------------------ commands

	/** A member State's national coordinator drafts a project for their State. */
	@Transactional
	public FundProject draft(Account account, Draft request) {
		var mandate = mandate(account);
		if (!ProjectPolicy.mayDraft(mandate)) {
			throw org.kurultai.shared.NotAllowed.of("problem.fund.project.whoDrafts");
		}
		var owner = account.participant();
		var content = content(request, owner);
		var now = clock.now();
		long id = repository.insert(owner, content, now, account.email());
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.drafted", subject(id), null, summary(content)));
		return repository.find(id).orElseThrow();
	}

	/** The State saves its draft again, or (after the Secretariat's questions) submits a new revision. */
	@Transactional
	public FundProject revise(Account account, long id, Draft request) {
		var project = locked(account, id);
		var mandate = mandate(account);
		var act = project.state() == ProjectState.DRAFT ? ProjectState.Act.EDIT : ProjectState.Act.REVISE;
		ProjectPolicy.require(mandate, act, project);
		var content = content(request, project.owner());
		var now = clock.now();
		if (act == ProjectState.Act.EDIT) {
			repository.saveDraft(id, content, now, account.email());
			audit.record(new Act(account.email(), account.actsFor(), "fund-project.draft-saved", subject(id), summary(project.content()),
					summary(content)));
		}
		else {
			int number = project.revision() + 1;
			repository.addRevision(id, number, content, now, account.email());
			repository.state(id, project.state().to(ProjectState.SUBMITTED));
			var after = summary(content);
			after.put("revision", number);
			after.put("state", ProjectState.SUBMITTED.name());
			audit.record(new Act(account.email(), account.actsFor(), "fund-project.revised", subject(id),
					Map.of("revision", project.revision(), "state", project.state().name()), after));
		}
		return repository.find(id).orElseThrow();
	}

	/** The State submits its draft to the Secretariat. */
	@Transactional
	public FundProject submit(Account account, long id) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.SUBMIT, project);
		repository.submitted(id, project.revision(), clock.now());
		repository.state(id, project.state().to(ProjectState.SUBMITTED));
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.submitted", subject(id), Map.of("state", project.state().name()),
				Map.of("state", ProjectState.SUBMITTED.name(), "revision", project.revision())));
		return repository.find(id).orElseThrow();
	}

	/** The Secretariat asks the State questions on the submitted revision; the State revises and resubmits. */
	@Transactional
	public FundProject ask(Account account, long id, @Nullable String questions) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.ASK, project);
		var text = required(questions, "text", TEXT_LENGTH, true);
		repository.ask(id, project.revision(), text, clock.now(), account.email());
		repository.state(id, project.state().to(ProjectState.QUESTIONS));
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.questions-asked", subject(id), Map.of("state", project.state().name()),
				Map.of("state", ProjectState.QUESTIONS.name(), "revision", project.revision(), "text", text)));
		return repository.find(id).orElseThrow();
	}

	/**
	 * The Secretariat's eligibility checklist: every criterion once, met or not, with a reason when not met. All met:
	 * eligible; otherwise ineligible.
	 */
	@Transactional
	public FundProject check(Account account, long id, @Nullable List<CheckInput> checklist) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.CHECK, project);
		var checks = checklist(checklist);
		boolean eligible = checks.stream().allMatch(EligibilityCriterion.Check::met);
		var state = project.state().to(eligible ? ProjectState.ELIGIBLE : ProjectState.INELIGIBLE);
		repository.eligibility(id, checks, clock.now());
		repository.state(id, state);
		var after = new LinkedHashMap<String, Object>();
		after.put("state", state.name());
		checks.forEach(check -> after.put(check.criterion().name(), check.met() ? "met" : "not met: " + check.reason()));
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.eligibility-checked", subject(id),
				Map.of("state", project.state().name()), after));
		return repository.find(id).orElseThrow();
	}

	/**
	 * The Secretariat puts an eligible project to the PRC: at a meeting of the PRC in session, or by silence procedure
	 * with a deadline; the decision's text, in English and Russian, names the amount approved and the tranches. The
	 * decision's id is kept on the project, which is under decision until it concludes.
	 */
	@Transactional
	public FundProject putToPrc(Account account, long id, Put request) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.PUT_TO_PRC, project);
		var procedure = procedure(request.procedure());
		var amount = amount(request.amount(), "amount", false);
		if (amount.compareTo(project.content().requested()) > 0) {
			throw InvalidRequest.of("amount", "problem.fund.project.moreThanRequested", money(amount), money(project.content().requested()));
		}
		var tranches = tranches(request.tranches(), project.content());
		var total = tranches.stream().map(PlannedTranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(amount) != 0) {
			throw InvalidRequest.of("tranches", "problem.fund.project.tranchesTotal", money(total), money(amount));
		}
		LocalDateTime deadline = null;
		if (procedure == Procedure.SILENCE) {
			if (request.deadline() == null || request.deadline().isBlank()) {
				throw InvalidRequest.of("deadline", "problem.fund.project.deadlineNeeded");
			}
			try {
				deadline = LocalDateTime.parse(request.deadline().trim());
			}
			catch (DateTimeException e) {
				throw InvalidRequest.of("deadline", "problem.fund.project.deadlineUnreadable", request.deadline());
			}
		}
		var zone = request.timeZone() == null || request.timeZone().isBlank() ? clock.zone().getId() : request.timeZone().trim();
		var state = registry.participant(ParticipantCode.of(project.owner())).names();
		var text = new LinkedHashMap<String, String>();
		text.put("en", decisionText(project.content().titleEn(), state.shortEn(), amount, tranches, ledger.currency(), Locale.ENGLISH));
		text.put("ru", decisionText(project.content().title("ru"), state.shortRu() == null ? state.shortEn() : state.shortRu(), amount, tranches,
				ledger.currency(), Locale.forLanguageTag("ru")));
		var title = shorten("Fund project: " + project.content().titleEn());
		var decision = decisions.propose(account, new Decisions.Proposal(PRC, null, null, DecisionKind.DECISION, Matter.SUBSTANTIVE, null, procedure,
				request.meeting(), request.present(), deadline, zone, null, text, title, AccessLevel.PARTICIPANTS, null, null));
		repository.putToPrc(id, decision.id(), amount, tranches);
		repository.state(id, project.state().to(ProjectState.UNDER_DECISION));
		var after = new LinkedHashMap<String, Object>();
		after.put("state", ProjectState.UNDER_DECISION.name());
		after.put("decision", decision.id());
		after.put("procedure", procedure.name());
		after.put("amount", money(amount));
		after.put("tranches", tranches.stream().map(t -> money(t.amount()) + " on " + t.plannedOn()).toList());
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.put-to-prc", subject(id), Map.of("state", project.state().name()),
				after));
		return repository.find(id).orElseThrow();
	}

	/**
	 * The PRC's decision on a project concluded (inside the concluding transaction): adopted, the project is approved
	 * with the amount and tranches the decision named, and the ledger allocates the amount, in this transaction; any
	 * other outcome (silence broken by a member's objection, not adopted, withdrawn): not approved, nothing allocated.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void concluded(DecisionConcluded event) {
		var project = repository.lockByDecision(event.decision()).orElse(null);
		if (project == null || project.state() != ProjectState.UNDER_DECISION) {
			return;
		}
		var day = event.decidedOn() != null ? event.decidedOn() : clock.today();
		var after = new LinkedHashMap<String, Object>();
		after.put("decision", event.decision());
		after.put("decisionStatus", event.status().name());
		if (event.adopted()) {
			var amount = project.proposedAmount();
			var planned = project.proposedTranches();
			int number = 1;
			for (var tranche : planned) {
				repository.insertTranche(project.id(), number++, tranche.amount(), tranche.plannedOn());
			}
			repository.decided(project.id(), amount, day);
			repository.state(project.id(), project.state().to(ProjectState.APPROVED));
			long entry = ledger.allocate(project.id(), amount, event.decision(), day);
			after.put("state", ProjectState.APPROVED.name());
			after.put("approvedAmount", money(amount));
			after.put("register", String.valueOf(event.register()));
			after.put("ledgerEntry", entry);
		}
		else {
			repository.decided(project.id(), null, day);
			repository.state(project.id(), project.state().to(ProjectState.NOT_APPROVED));
			after.put("state", ProjectState.NOT_APPROVED.name());
		}
		audit.record(new Act(Act.SYSTEM, "SECRETARIAT", event.adopted() ? "fund-project.approved" : "fund-project.not-approved",
				subject(project.id()), Map.of("state", project.state().name()), after));
	}

	/**
	 * The Secretariat disburses a tranche through the ledger (which refuses beyond the project's undisbursed allocation
	 * or the money available): once per tranche, under the project's row lock, so two requests for the same tranche
	 * never both pay. The amount defaults to the tranche's, the day to today.
	 */
	@Transactional
	public FundProject.Tranche disburse(Account account, long id, Disbursement request) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.DISBURSE, project);
		var tranche = tranche(project, request.tranche());
		if (tranche.disbursed()) {
			throw new TrancheDisbursed(id, tranche.number(), tranche.disbursedOn());
		}
		var amount = request.amount() == null || request.amount().isBlank() ? tranche.amount() : amount(request.amount(), "amount", false);
		var on = day(request.on(), "on", clock.today());
		if (on.isAfter(clock.today())) {
			throw InvalidRequest.of("on", "problem.fund.project.dayInFuture", on, clock.today());
		}
		if (project.decidedOn() != null && on.isBefore(project.decidedOn())) {
			throw InvalidRequest.of("on", "problem.fund.project.beforeApproval", on, project.decidedOn());
		}
		var reference = required(request.reference(), "reference", REFERENCE_LENGTH, false);
		long entry = ledger.disburse(id, project.content().area(), tranche.id(), amount, on, reference);
		repository.disbursed(tranche.id(), on, amount, entry, reference, clock.now(), account.email());
		if (project.state() == ProjectState.APPROVED) {
			repository.state(id, project.state().to(ProjectState.IMPLEMENTING));
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("tranche", tranche.number());
		after.put("amount", money(amount));
		after.put("on", on.toString());
		after.put("reference", reference);
		after.put("ledgerEntry", entry);
		after.put("state", ProjectState.IMPLEMENTING.name());
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.tranche-disbursed", subject(id), Map.of("state", project.state().name()),
				after));
		return repository.tranches(id).stream().filter(t -> t.id() == tranche.id()).findFirst().orElseThrow();
	}

	/**
	 * The implementing State reports on a disbursed tranche: a progress report, or the final report on the last
	 * tranche; due on the next tranche's planned day (the final one {@value #FINAL_REPORT_DAYS} days after the
	 * project's end), marked late when submitted after that day (in the forum's zone). Submitted again until accepted,
	 * every submission kept.
	 */
	@Transactional
	public FundProject.Report report(Account account, long id, NewReport request) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.REPORT, project);
		var tranches = repository.tranches(id);
		var tranche = tranche(project, request.tranche());
		if (!tranche.disbursed()) {
			throw new TrancheNotDisbursed(id, tranche.number());
		}
		if (repository.reports(id).stream().anyMatch(r -> r.tranche() == tranche.number() && r.accepted())) {
			throw new ReportAccepted(id, tranche.number());
		}
		var text = required(request.text(), "text", 20000, true);
		boolean last = tranche.number() == tranches.size();
		var kind = last ? ReportKind.FINAL : ReportKind.PROGRESS;
		var due = dueOn(project, tranches, tranche);
		var today = clock.today();
		boolean late = today.isAfter(due);
		long report = repository.insertReport(id, tranche.number(), kind, due, text, clock.now(), account.email(), late);
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.report-submitted", subject(id), null,
				Map.of("report", report, "tranche", tranche.number(), "kind", kind.name(), "dueOn", due.toString(), "late", late)));
		return repository.reports(id).stream().filter(r -> r.id() == report).findFirst().orElseThrow();
	}

	/** When the report on a tranche is due. */
	static LocalDate dueOn(FundProject project, List<FundProject.Tranche> tranches, FundProject.Tranche tranche) {
		if (tranche.number() == tranches.size()) {
			return project.content().end().plusDays(FINAL_REPORT_DAYS);
		}
		return tranches.get(tranche.number()).plannedOn();
	}

	/** The Secretariat accepts a report (one per tranche). */
	@Transactional
	public FundProject.Report accept(Account account, long id, long reportId) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.ACCEPT_REPORT, project);
		var reports = repository.reports(id);
		var report = reports.stream().filter(r -> r.id() == reportId).findFirst()
				.orElseThrow(() -> NotFound.of("problem.fund.project.reportNotFound", reportId, id));
		if (reports.stream().anyMatch(r -> r.tranche() == report.tranche() && r.accepted())) {
			throw new ReportAccepted(id, report.tranche());
		}
		repository.accept(reportId, clock.now(), account.email());
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.report-accepted", subject(id), null,
				Map.of("report", reportId, "tranche", report.tranche(), "kind", report.kind().name())));
		return repository.reports(id).stream().filter(r -> r.id() == reportId).findFirst().orElseThrow();
	}

	/**
	 * The Secretariat closes a project whose final report it accepted: what the State did not spend is returned to the
	 * Fund through the ledger (which refuses more than was disbursed).
	 */
	@Transactional
	public FundProject close(Account account, long id, Closing request) {
		var project = locked(account, id);
		ProjectPolicy.require(mandate(account), ProjectState.Act.CLOSE, project);
		var tranches = repository.tranches(id);
		var reports = repository.reports(id);
		if (reports.stream().noneMatch(r -> r.kind() == ReportKind.FINAL && r.accepted())) {
			throw new FinalReportNeeded(id);
		}
		var unspent = request.unspent() == null || request.unspent().isBlank() ? BigDecimal.ZERO.setScale(2) : amount(request.unspent(), "unspent", true);
		var on = day(request.on(), "on", clock.today());
		if (on.isAfter(clock.today())) {
			throw InvalidRequest.of("on", "problem.fund.project.dayInFuture", on, clock.today());
		}
		// never before the last tranche was paid: the books would return money before it was disbursed
		var lastPaid = tranches.stream().map(FundProject.Tranche::disbursedOn).filter(java.util.Objects::nonNull).max(LocalDate::compareTo)
				.orElse(project.decidedOn());
		if (lastPaid != null && on.isBefore(lastPaid)) {
			throw InvalidRequest.of("on", "problem.fund.project.closingBeforeDisbursement", on, lastPaid);
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("state", ProjectState.CLOSED.name());
		after.put("unspent", money(unspent));
		after.put("on", on.toString());
		if (unspent.signum() > 0) {
			var reference = required(request.reference(), "reference", REFERENCE_LENGTH, false);
			after.put("reference", reference);
			after.put("ledgerEntry", ledger.returnUnspent(id, unspent, on, reference));
		}
		after.put("tranchesUndisbursed", tranches.stream().filter(t -> !t.disbursed()).count());
		// what of the allocation was never disbursed goes back to the Fund: a closed project holds no money
		var released = ledger.releaseUndisbursed(id, on, request.reference() == null || request.reference().isBlank()
				? "Closing of Fund project " + id : required(request.reference(), "reference", REFERENCE_LENGTH, false));
		if (released != null) {
			after.put("allocationReleasedEntry", released);
		}
		repository.closed(id, on, unspent);
		repository.state(id, project.state().to(ProjectState.CLOSED));
		audit.record(new Act(account.email(), account.actsFor(), "fund-project.closed", subject(id), Map.of("state", project.state().name()), after));
		return repository.find(id).orElseThrow();
	}

	// ------------------------------------------------------------------ checks

	/** The project under its row lock, if the person may see it (else, to them, it does not exist). */
	private FundProject locked(Account account, long id) {
		var viewer = access.viewer(account, clock.today());
		var project = repository.lock(id).orElseThrow(() -> NotFound.of("problem.fund.project.notFound", id));
		if (!access.maySee(viewer, project.access())) {
			throw NotFound.of("problem.fund.project.notFound", id);
		}
		return project;
	}

	private FundProject.Tranche tranche(FundProject project, @Nullable Integer number) {
		if (number == null) {
			throw InvalidRequest.of("tranche", "problem.fund.project.trancheNeeded");
		}
		return repository.tranches(project.id()).stream().filter(t -> t.number() == number).findFirst()
				.orElseThrow(() -> InvalidRequest.of("tranche", "problem.fund.project.trancheUnknown", number, project.id()));
	}

	/**
	 * The text checked: everything typed, before anything is written. The rule of the amounts: the amount requested of
	 * the Fund is at most the budget's total, and equals the total less the co-financing unless an explanation says why.
	 */
	ProjectContent content(Draft request, String owner) {
		var titleEn = required(request.titleEn(), "titleEn", TITLE_LENGTH, false);
		var titleRu = optional(request.titleRu(), "titleRu", TITLE_LENGTH, false);
		var purpose = required(request.purpose(), "purpose", TEXT_LENGTH, true);
		String area = null;
		if (request.area() != null && !request.area().isBlank()) {
			var code = request.area().trim();
			try {
				area = catalogue.inForce(clock.today()).priorityArea(code).map(org.kurultai.cbm.PriorityArea::code)
						.orElseThrow(() -> InvalidRequest.of("area", "problem.fund.project.areaUnknown", code));
			}
			catch (Catalogue.NoEditionYet none) {
				throw InvalidRequest.of("area", "problem.fund.project.areaUnknown", code);
			}
		}
		var states = new ArrayList<String>();
		states.add(owner);
		for (var typed : request.implementingStates() == null ? List.<String>of() : request.implementingStates()) {
			if (typed == null || typed.isBlank()) {
				continue;
			}
			var code = typed.trim().toUpperCase(Locale.ROOT);
			boolean known;
			try {
				known = registry.isRegistered(ParticipantCode.parse(code));
			}
			catch (NotFound unknown) {
				known = false;
			}
			if (!known) {
				throw InvalidRequest.of("implementingStates", "problem.fund.project.stateUnknown", shorten(typed.strip()));
			}
			if (!states.contains(code)) {
				states.add(code);
			}
		}
		if (states.size() > 30) {
			throw InvalidRequest.of("implementingStates", "problem.fund.project.tooMany", 30);
		}
		var partners = optional(request.partners(), "partners", SHORT_LENGTH, true);
		var start = day(request.start(), "start", null);
		var end = day(request.end(), "end", null);
		if (start.getYear() < 2022) {
			throw InvalidRequest.of("start", "problem.fund.project.startTooEarly", start);
		}
		if (!end.isAfter(start)) {
			throw InvalidRequest.of("end", "problem.fund.project.endBeforeStart", end, start);
		}
		if (end.isAfter(start.plusYears(10))) {
			throw InvalidRequest.of("end", "problem.fund.project.tooLong", 10);
		}
		var lines = new ArrayList<BudgetLine>();
		var typedLines = request.budget() == null ? List.<Line>of() : request.budget();
		for (var line : typedLines) {
			if (line == null || (blank(line.description()) && blank(line.amount()))) {
				continue;
			}
			int index = lines.size();
			var description = required(line.description(), "budget[" + index + "].description", TITLE_LENGTH, false);
			lines.add(new BudgetLine(description, amount(line.amount(), "budget[" + index + "].amount", false)));
		}
		if (lines.isEmpty()) {
			throw InvalidRequest.of("budget", "problem.fund.project.budgetNeeded");
		}
		if (lines.size() > MAX_LINES) {
			throw InvalidRequest.of("budget", "problem.fund.project.tooMany", MAX_LINES);
		}
		var requested = amount(request.requested(), "requested", false);
		var cofinancing = blank(request.cofinancing()) ? BigDecimal.ZERO.setScale(2) : amount(request.cofinancing(), "cofinancing", true);
		var explanation = optional(request.explanation(), "explanation", SHORT_LENGTH, true);
		var total = lines.stream().map(BudgetLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.compareTo(MAX_AMOUNT) > 0) {
			throw InvalidRequest.of("budget", "problem.fund.project.amountTooLarge");
		}
		if (requested.compareTo(total) > 0) {
			throw InvalidRequest.of("requested", "problem.fund.project.requestedOverBudget", money(requested), money(total));
		}
		if (requested.add(cofinancing).compareTo(total) != 0 && explanation == null) {
			throw InvalidRequest.of("explanation", "problem.fund.project.explainDifference", money(requested), money(cofinancing), money(total));
		}
		return new ProjectContent(titleEn, titleRu, purpose, area, states, partners, start, end, lines, requested, cofinancing, explanation);
	}

	private List<EligibilityCriterion.Check> checklist(@Nullable List<CheckInput> typed) {
		var checks = new EnumMap<EligibilityCriterion, EligibilityCriterion.Check>(EligibilityCriterion.class);
		for (var input : typed == null ? List.<CheckInput>of() : typed) {
			if (input == null || blank(input.criterion())) {
				throw InvalidRequest.of("checklist", "problem.fund.project.criterionNeeded");
			}
			EligibilityCriterion criterion;
			try {
				criterion = EligibilityCriterion.valueOf(input.criterion().trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				throw InvalidRequest.of("checklist", "problem.fund.project.criterionUnknown", shorten(input.criterion()));
			}
			var field = "checklist." + criterion.name();
			if (checks.containsKey(criterion)) {
				throw InvalidRequest.of(field, "problem.fund.project.criterionTwice", criterion.name());
			}
			if (input.met() == null) {
				throw InvalidRequest.of(field, "problem.fund.project.metOrNot", criterion.name());
			}
			var reason = optional(input.reason(), field, SHORT_LENGTH, true);
			if (!input.met() && reason == null) {
				throw InvalidRequest.of(field, "problem.fund.project.reasonNeeded", criterion.name());
			}
			checks.put(criterion, new EligibilityCriterion.Check(criterion, input.met(), reason));
		}
		for (var criterion : EligibilityCriterion.values()) {
			if (!checks.containsKey(criterion)) {
				throw InvalidRequest.of("checklist." + criterion.name(), "problem.fund.project.metOrNot", criterion.name());
			}
		}
		return List.copyOf(checks.values());
	}

	private List<PlannedTranche> tranches(@Nullable List<TrancheInput> typed, ProjectContent content) {
		var tranches = new ArrayList<PlannedTranche>();
		for (var input : typed == null ? List.<TrancheInput>of() : typed) {
			if (input == null || (blank(input.amount()) && blank(input.plannedOn()))) {
				continue;
			}
			int index = tranches.size();
			var amount = amount(input.amount(), "tranches[" + index + "].amount", false);
			var on = day(input.plannedOn(), "tranches[" + index + "].plannedOn", null);
			if (on.isBefore(content.start()) || on.isAfter(content.end())) {
				throw InvalidRequest.of("tranches[" + index + "].plannedOn", "problem.fund.project.trancheOutsideDuration", on, content.start(),
						content.end());
			}
			if (!tranches.isEmpty() && !on.isAfter(tranches.get(index - 1).plannedOn())) {
				throw InvalidRequest.of("tranches[" + index + "].plannedOn", "problem.fund.project.tranchesInOrder");
			}
			tranches.add(new PlannedTranche(amount, on));
		}
		if (tranches.isEmpty()) {
			throw InvalidRequest.of("tranches", "problem.fund.project.tranchesNeeded");
		}
		if (tranches.size() > MAX_TRANCHES) {
			throw InvalidRequest.of("tranches", "problem.fund.project.tooMany", MAX_TRANCHES);
		}
		return tranches;
	}

	private static Procedure procedure(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Procedure.SILENCE;
		}
		try {
			return Procedure.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("procedure", "problem.fund.project.procedureUnknown", shorten(value));
		}
	}

	/** An amount in the Fund's currency as typed: the Fund's one reading of money ({@link Money#amount(String, String, boolean)}). */
	static BigDecimal amount(@Nullable String value, String field, boolean zeroAllowed) {
		return Money.amount(value, field, zeroAllowed);
	}

	private static LocalDate day(@Nullable String value, String field, @Nullable LocalDate otherwise) {
		if (value == null || value.isBlank()) {
			if (otherwise != null) {
				return otherwise;
			}
			throw InvalidRequest.of(field, "problem.fund.project.dayNeeded");
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeException unreadable) {
			throw InvalidRequest.of(field, "problem.fund.project.dayUnreadable", shorten(value));
		}
	}

	private static String required(@Nullable String value, String field, int max, boolean multiline) {
		var text = optional(value, field, max, multiline);
		if (text == null) {
			throw InvalidRequest.of(field, "problem.fund.project.textNeeded");
		}
		return text;
	}

	/** A text typed by a person: trimmed, without control characters (but line breaks where allowed), bounded; null when empty. */
	private static @Nullable String optional(@Nullable String value, String field, int max, boolean multiline) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		var checked = multiline ? text.replaceAll("\\R", "\n").replace("\t", " ") : text;
		if (CONTROL.matcher(multiline ? checked.replace("\n", "") : checked).find()) {
			throw InvalidRequest.of(field, "problem.fund.project.controlCharacters");
		}
		if (checked.length() > max) {
			throw InvalidRequest.of(field, "problem.fund.project.textTooLong", max);
		}
		return checked;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static String shorten(String value) {
		var clean = CONTROL.matcher(value).replaceAll("?");
		return clean.length() <= 200 ? clean : clean.substring(0, 199) + "…";
	}

	/** An amount as the audit and the refusals write it: the Fund's currency, then the amount ({@code USD 90,000.00}). */
	String money(BigDecimal amount) {
		return money(amount, ledger.currency());
	}

	static String money(BigDecimal amount, String currency) {
		return String.format(Locale.ENGLISH, "%s %,.2f", currency, amount);
	}

	/** The currency as the Russian text names it after an amount: the US dollar and the euro by their names, any other by its code. */
	static String russianCurrency(String currency) {
		return switch (currency) {
			case "USD" -> "долл. США";
			case "EUR" -> "евро";
			default -> currency;
		};
	}

	static String decisionText(String title, String state, BigDecimal amount, List<PlannedTranche> tranches, String currency, Locale language) {
		boolean russian = "ru".equals(language.getLanguage());
		var inRussian = russianCurrency(currency);
		var list = new StringBuilder();
		for (int i = 0; i < tranches.size(); i++) {
			var tranche = tranches.get(i);
			list.append(i == 0 ? "" : "; ").append(i + 1).append(") ")
					.append(russian ? String.format(language, "%,.2f %s — %s", tranche.amount(), inRussian, tranche.plannedOn())
							: String.format(Locale.ENGLISH, "%s %,.2f on %s", currency, tranche.amount(), tranche.plannedOn()));
		}
		return russian
				? String.format(language, "Комитет по рассмотрению проектов Фонда СВМДА одобряет проект «%s», представленный государством %s, "
						+ "и выделяет на него %,.2f %s, предоставляемых траншами: %s.", title, state, amount, inRussian, list)
				: String.format(Locale.ENGLISH, "The Project Review Committee of the CICA Fund approves the project \u201c%s\u201d submitted by %s "
						+ "and allocates to it %s %,.2f, disbursed in tranches: %s.", title, state, currency, amount, list);
	}

	private static String subject(long id) {
		return "fund-project:" + id;
	}

	private Map<String, Object> summary(ProjectContent content) {
		var map = new LinkedHashMap<String, Object>();
		map.put("titleEn", content.titleEn());
		map.put("area", String.valueOf(content.area()));
		map.put("implementingStates", content.implementingStates());
		map.put("start", content.start().toString());
		map.put("end", content.end().toString());
		map.put("budget", money(content.total()));
		map.put("requested", money(content.requested()));
		map.put("cofinancing", money(content.cofinancing()));
		return map;
	}

	// ------------------------------------------------------------------ refusals

	/** A tranche is disbursed once. */
	public static class TrancheDisbursed extends RuleViolation {

		TrancheDisbursed(long project, int tranche, @Nullable LocalDate on) {
			super("problem.fund.project.trancheDisbursed", tranche, project, String.valueOf(on));
		}

		@Override
		public String rule() {
			return "tranche-disbursed-once";
		}
	}

	/** A report is on a tranche paid out. */
	public static class TrancheNotDisbursed extends RuleViolation {

		TrancheNotDisbursed(long project, int tranche) {
			super("problem.fund.project.trancheNotDisbursed", tranche, project);
		}

		@Override
		public String rule() {
			return "report-on-disbursed-tranche";
		}
	}

	/** A tranche's report, once accepted, is final. */
	public static class ReportAccepted extends RuleViolation {

		ReportAccepted(long project, int tranche) {
			super("problem.fund.project.reportAccepted", tranche, project);
		}

		@Override
		public String rule() {
			return "report-accepted-once";
		}
	}

	/** A project closes on its accepted final report. */
	public static class FinalReportNeeded extends RuleViolation {

		FinalReportNeeded(long project) {
			super("problem.fund.project.finalReportNeeded", project);
		}

		@Override
		public String rule() {
			return "close-on-final-report";
		}
	}
}
