package org.kurultai.fund;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Fund's projects: those the caller may see, and every act on one, each by whom {@link ProjectPolicy} allows. */
@RestController
@RequestMapping(path = "/api/fund/projects", produces = "application/json")
@Tag(name = "Fund projects", description = "Projects of the CICA Fund: submission, eligibility, the PRC's decision, tranches, reports, closing")
class ProjectsApi {

	private final FundProjects projects;
	private final AccessPolicy access;

	ProjectsApi(FundProjects projects, AccessPolicy access) {
		this.projects = projects;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "The projects the caller may see (drafts: their State and the Secretariat; submitted: participants; approved: everyone), "
			+ "the latest first, optionally in one state")
	List<ProjectSummary> list(@RequestParam(required = false) @Nullable String state) {
		var viewer = access.currentViewer();
		return projects.projects(viewer, state(state)).stream().map(ProjectsApi::summary).toList();
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "A member State's national coordinator drafts a project for their State")
	ResponseEntity<ProjectView> draft(@AuthenticationPrincipal KurultaiUser user, @RequestBody DraftRequest request) {
		var drafted = projects.draft(user.account(), request.draft());
		return ResponseEntity.created(URI.create("/api/fund/projects/" + drafted.id())).body(view(drafted, access.currentViewer()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A project: its current text, revisions, questions, eligibility checklist, the PRC's decision, tranches, reports and money")
	ProjectView project(@PathVariable long id) {
		var viewer = access.currentViewer();
		return view(projects.project(id, viewer), viewer);
	}

	@PostMapping(path = "/{id}/revisions", consumes = "application/json")
	@Operation(summary = "The State saves its draft again, or (answering the Secretariat's questions) submits a new revision")
	ProjectView revise(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody DraftRequest request) {
		return view(projects.revise(user.account(), id, request.draft()), access.currentViewer());
	}

	@PostMapping("/{id}/submission")
	@Operation(summary = "The State submits its draft to the Secretariat")
	ProjectView submit(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		return view(projects.submit(user.account(), id), access.currentViewer());
	}

	@PostMapping(path = "/{id}/questions", consumes = "application/json")
	@Operation(summary = "The Secretariat asks the State questions on the submitted project (the State then revises it)")
	ProjectView ask(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody QuestionsRequest request) {
		return view(projects.ask(user.account(), id, request.text()), access.currentViewer());
	}

	@PostMapping(path = "/{id}/eligibility", consumes = "application/json")
	@Operation(summary = "The Secretariat's eligibility checklist: every criterion met or not, with a reason when not; all met: eligible")
	ProjectView check(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody ChecklistRequest request) {
		return view(projects.check(user.account(), id, request.inputs()), access.currentViewer());
	}

	@PostMapping(path = "/{id}/decision", consumes = "application/json")
	@Operation(summary = "The Secretariat puts an eligible project to the PRC (silence procedure with a deadline, or at a meeting in session), "
			+ "naming the amount and the tranches")
	ProjectView putToPrc(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody PutRequest request) {
		return view(projects.putToPrc(user.account(), id, request.put()), access.currentViewer());
	}

	@PostMapping(path = "/{id}/disbursements", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat disburses a tranche of an approved project, once (409 twice, or beyond the project's allocation or "
			+ "the money available)")
	TrancheView disburse(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody DisbursementRequest request) {
		return tranche(projects.disburse(user.account(), id,
				new FundProjects.Disbursement(request.tranche(), request.amount(), request.on(), request.reference())));
	}

	@PostMapping(path = "/{id}/reports", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The implementing State reports on a disbursed tranche (progress; final on the last), marked late after its due day")
	ReportView report(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody ReportRequest request) {
		return report(projects.report(user.account(), id, new FundProjects.NewReport(request.tranche(), request.text())));
	}

	@PostMapping("/{id}/reports/{report}/acceptance")
	@Operation(summary = "The Secretariat accepts a report (one per tranche)")
	ReportView accept(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @PathVariable long report) {
		return report(projects.accept(user.account(), id, report));
	}

	@PostMapping(path = "/{id}/closing", consumes = "application/json")
	@Operation(summary = "The Secretariat closes an implemented project on its accepted final report, the unspent balance returned to the Fund")
	ProjectView close(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody ClosingRequest request) {
		return view(projects.close(user.account(), id, new FundProjects.Closing(request.unspent(), request.on(), request.reference())),
				access.currentViewer());
	}

	static @Nullable ProjectState state(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ProjectState.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("state", "problem.fund.project.filterUnknown", value.length() > 40 ? value.substring(0, 40) : value);
		}
	}

	private static ProjectSummary summary(FundProject p) {
		return new ProjectSummary(p.id(), p.owner(), p.state(), p.content().titleEn(), p.content().titleRu(), p.content().area(),
				p.content().requested(), p.approvedAmount(), p.content().start(), p.content().end());
	}

	private ProjectView view(FundProject p, Viewer viewer) {
		var details = projects.details(p, viewer);
		boolean who = access.mayKnowWhoActedFor(viewer, p.owner());
		return new ProjectView(p.id(), p.owner(), p.state(), p.revision(), projects.currency(), p.content(), p.content().total(), p.createdAt(),
				who ? p.createdBy() : null, p.eligibility(), p.decision() == null ? null : new DecisionRef(p.decision(), details.decisionSeen()),
				p.proposedAmount(), p.proposedTranches(), p.approvedAmount(), p.decidedOn(), p.closedOn(), p.returnedAmount(),
				details.revisions().stream().map(r -> new RevisionView(r.number(), r.content(), r.savedAt(), r.submittedAt())).toList(),
				details.questions().stream().map(q -> new QuestionView(q.id(), q.revision(), q.text(), q.askedAt())).toList(),
				details.tranches().stream().map(ProjectsApi::tranche).toList(), details.reports().stream().map(ProjectsApi::report).toList(),
				details.money(), details.movements());
	}

	private static TrancheView tranche(FundProject.Tranche t) {
		return new TrancheView(t.number(), t.amount(), t.plannedOn(), t.disbursed(), t.disbursedOn(), t.disbursedAmount(), t.reference());
	}

	private static ReportView report(FundProject.Report r) {
		return new ReportView(r.id(), r.tranche(), r.kind(), r.dueOn(), r.text(), r.submittedAt(), r.late(), r.accepted(), r.acceptedAt());
	}

	record ProjectSummary(long id, @Schema(description = "The submitting State's code") String owner, ProjectState state, String titleEn,
			@Nullable String titleRu, @Schema(description = "The Catalogue's priority area code") @Nullable String area, BigDecimal requested,
			@Nullable BigDecimal approvedAmount, LocalDate start, LocalDate end) {
	}

	record DecisionRef(long id, @Schema(description = "Whether the caller may open the decision at /decisions/{id}") boolean visible) {
	}

	record RevisionView(int number, ProjectContent content, Instant savedAt, @Nullable Instant submittedAt) {
	}

	record QuestionView(long id, int revision, String text, Instant askedAt) {
	}

	record TrancheView(int number, BigDecimal amount, LocalDate plannedOn, boolean disbursed, @Nullable LocalDate disbursedOn,
			@Nullable BigDecimal disbursedAmount, @Nullable String reference) {
	}

	record ReportView(long id, int tranche, FundProject.ReportKind kind, LocalDate dueOn, String text, Instant submittedAt, boolean late,
			boolean accepted, @Nullable Instant acceptedAt) {
	}

	record ProjectView(long id, String owner, ProjectState state, int revision,
			@Schema(description = "The Fund's currency (ISO 4217, kurultai.fund.currency): every amount of the project is in it") String currency,
			ProjectContent content, BigDecimal budgetTotal, Instant createdAt,
			@Schema(description = "Who drafted it (shown to the Secretariat and the State)") @Nullable String createdBy,
			@Nullable List<EligibilityCriterion.Check> eligibility, @Nullable DecisionRef decision, @Nullable BigDecimal proposedAmount,
			@Nullable List<FundProject.PlannedTranche> proposedTranches, @Nullable BigDecimal approvedAmount, @Nullable LocalDate decidedOn,
			@Nullable LocalDate closedOn, @Nullable BigDecimal returnedAmount, List<RevisionView> revisions, List<QuestionView> questions,
			List<TrancheView> tranches, List<ReportView> reports, FundLedger.ProjectMoney money,
			@Schema(description = "The project's statement: each entry of the ledger that moved its money, oldest first") List<FundLedger.ProjectMovement> movements) {
	}

	record LineRequest(@Nullable String description, @Schema(example = "12000.00") @Nullable String amount) {
	}

	record DraftRequest(@Schema(example = "Regional workshop on food security") @Nullable String titleEn, @Nullable String titleRu,
			@Schema(description = "Its purpose under the Declaration of 1999 and the Almaty Act") @Nullable String purpose,
			@Schema(description = "A priority area code of the Catalogue's current edition, where one applies") @Nullable String area,
			@Schema(description = "The implementing States' codes (the submitting State is always one)") @Nullable List<String> implementingStates,
			@Nullable String partners, @Schema(example = "2027-03-01") @Nullable String start, @Schema(example = "2027-12-31") @Nullable String end,
			@Nullable List<LineRequest> budget, @Schema(description = "The amount requested of the Fund (in the Fund's currency: kurultai.fund.currency, USD by default)") @Nullable String requested,
			@Schema(description = "Co-financing (in the Fund's currency: kurultai.fund.currency, USD by default)") @Nullable String cofinancing,
			@Schema(description = "Why the amount requested is not the budget's total less the co-financing") @Nullable String explanation) {

		FundProjects.Draft draft() {
			return new FundProjects.Draft(titleEn, titleRu, purpose, area, implementingStates, partners, start, end,
					budget == null ? null : budget.stream().map(l -> l == null ? null : new FundProjects.Line(l.description(), l.amount())).toList(),
					requested, cofinancing, explanation);
		}
	}

	record QuestionsRequest(@Nullable String text) {
	}

	record CheckRequest(@Schema(description = "One of the checklist's criteria") @Nullable String criterion, @Nullable Boolean met,
			@Nullable String reason) {
	}

	record ChecklistRequest(@Nullable List<CheckRequest> checklist) {

		@Nullable List<FundProjects.CheckInput> inputs() {
			return checklist == null ? null
					: checklist.stream().map(c -> c == null ? null : new FundProjects.CheckInput(c.criterion(), c.met(), c.reason())).toList();
		}
	}

	record TrancheRequest(@Nullable String amount, @Schema(example = "2027-04-01") @Nullable String plannedOn) {
	}

	record PutRequest(@Schema(description = "SILENCE (default) or MEETING") @Nullable String procedure,
			@Schema(description = "The silence procedure's deadline, a wall time", example = "2027-01-15T18:00") @Nullable String deadline,
			@Schema(example = "Asia/Almaty") @Nullable String timeZone, @Schema(description = "The PRC's meeting in session") @Nullable String meeting,
			@Nullable List<String> present, @Schema(description = "The amount to approve (in the Fund's currency: kurultai.fund.currency, USD by default), at most the amount requested") @Nullable String amount,
			@Nullable List<TrancheRequest> tranches) {

		FundProjects.Put put() {
			return new FundProjects.Put(procedure, deadline, timeZone, meeting, present, amount,
					tranches == null ? null : tranches.stream().map(t -> t == null ? null : new FundProjects.TrancheInput(t.amount(), t.plannedOn())).toList());
		}
	}

	record DisbursementRequest(@Schema(description = "The tranche's number") @Nullable Integer tranche,
			@Schema(description = "The amount paid (in the Fund's currency: kurultai.fund.currency, USD by default); the tranche's by default") @Nullable String amount,
			@Schema(description = "The day paid; today by default") @Nullable String on,
			@Schema(description = "The payment's reference") @Nullable String reference) {
	}

	record ReportRequest(@Nullable Integer tranche, @Nullable String text) {
	}

	record ClosingRequest(@Schema(description = "What the State did not spend, returned to the Fund (in the Fund's currency: kurultai.fund.currency, USD by default)") @Nullable String unspent,
			@Nullable String on, @Nullable String reference) {
	}
}
