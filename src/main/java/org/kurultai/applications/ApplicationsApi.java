package org.kurultai.applications;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.applications.ApplicationSteps.StepKind;
import org.kurultai.applications.Progress.StepState;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionStatus;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.AccessLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Applications for a status: those the caller may see, where each stands, and the Secretariat's recording of one. */
@RestController
@RequestMapping(path = "/api/applications", produces = "application/json")
@Tag(name = "Applications", description = "Applications for member, observer or partner status, and the steps each takes")
class ApplicationsApi {

	private final Applications applications;
	private final AccessPolicy access;
	private final Registry registry;

	ApplicationsApi(Applications applications, AccessPolicy access, Registry registry) {
		this.applications = applications;
		this.access = access;
		this.registry = registry;
	}

	@GetMapping
	@Operation(summary = "The applications the caller may see (participants and the Secretariat by default), the latest received first")
	List<ApplicationView> applications() {
		var viewer = access.currentViewer();
		return applications.applications(viewer).stream().map(application -> view(application, viewer)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "An application and where it stands: each step pending, under way, done or failed, with its decisions")
	ApplicationView application(@PathVariable long id) {
		var viewer = access.currentViewer();
		return view(applications.application(id, viewer), viewer);
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "The Secretariat records an application received: an existing participant, or a new one entered without status")
	ResponseEntity<ApplicationView> record(@AuthenticationPrincipal KurultaiUser user, @RequestBody NewApplicationRequest request) {
		var typed = request.newParticipant();
		var recorded = applications.record(user.account(), new Applications.NewApplication(request.participant(),
				typed == null ? null : new Applications.NewParticipant(typed.code(), typed.kind(), typed.nameEn(), typed.nameRu()), request.status(),
				request.receivedOn(), request.reference(), request.note(), request.access()));
		var viewer = access.currentViewer();
		return ResponseEntity.created(URI.create("/api/applications/" + recorded.id())).body(view(recorded, viewer));
	}

	private ApplicationView view(Application application, Viewer viewer) {
		var progress = applications.progress(application);
		var seen = applications.decisionsSeenBy(application, viewer);
		var participant = registry.participant(ParticipantCode.of(application.participant()));
		var granting = progress.granting();
		var steps = progress.steps().stream().map(step -> new StepView(step.position(), step.step().kind(), step.step().bodies(), step.state(),
				step.decisions().stream().filter(d -> seen.contains(d.id()))
						.map(d -> new DecisionRef(d.id(), d.body(), d.kind(), d.status(), d.register(), d.decidedOn(), d.admittedFrom(),
								d.admissionRefused()))
						.toList(),
				step.signed(), step.unsigned())).toList();
		return new ApplicationView(application.id(), application.participant(), participant.names().shortEn(), participant.names().shortRu(),
				participant.kind().name(), application.status(), application.receivedOn(), application.reference(), application.note(),
				application.level(), progress.state(),
				granting == null || !seen.contains(granting.id()) ? null : new Reference(granting.id(), granting.register()), progress.done(),
				steps.size(), steps, application.recordedAt(), access.mayKnowWhoActedFor(viewer, null) ? application.recordedBy() : null);
	}

	/** A decision's id and register symbol, as every record a decision caused shows it. */
	record Reference(long id, @Nullable String register) {
	}

	record DecisionRef(long id, String body, DecisionKind kind, DecisionStatus status, @Nullable String register, @Nullable LocalDate decidedOn,
			@Schema(description = "The granting decision: the day the admission took effect") @Nullable LocalDate admittedFrom,
			@Schema(description = "The granting decision: why the forum's rules refused the admission") @Nullable String admissionRefused) {
	}

	record StepView(int position, StepKind kind, List<String> bodies, StepState state,
			@Schema(description = "The decisions taken on this step that the caller may see, in order; the last decides the state") List<DecisionRef> decisions,
			@Schema(description = "The signatures step: the founding documents signed, with the day") Map<String, LocalDate> signed,
			@Schema(description = "The signatures step: the founding documents still to sign") List<String> unsigned) {
	}

	record ApplicationView(long id, String participant, String name, @Nullable String nameRu, String kind, ParticipantStatus status,
			LocalDate receivedOn, String reference, @Nullable String note, AccessLevel access,
			@Schema(description = "OPEN, GRANTED (the granting decision adopted, the status recorded) or REFUSED (a step failed)") ApplicationState state,
			@Schema(description = "The decision that granted the status") @Nullable Reference decision, long stepsDone, int stepCount,
			List<StepView> steps, Instant recordedAt, @Schema(description = "Who recorded it (shown to the Secretariat)") @Nullable String recordedBy) {
	}

	/** The request: {@code participant} (a registered code) or {@code newParticipant}, with the status sought and the note verbale. */
	record NewApplicationRequest(@Schema(description = "A registered participant's code, e.g. SAU") @Nullable String participant,
			@Schema(description = "A new applicant, entered in the registry without status") @Nullable NewParticipantRequest newParticipant,
			@Schema(description = "MEMBER, OBSERVER or PARTNER", example = "OBSERVER") @Nullable String status,
			@Schema(description = "The day the note verbale was received", example = "2026-11-02") @Nullable String receivedOn,
			@Schema(description = "The note verbale's reference", example = "No. 12/345") @Nullable String reference, @Nullable String note,
			@Schema(description = "Who may see it: PARTICIPANTS (default), MEMBERS, SECRETARIAT or PUBLIC") @Nullable String access) {
	}

	record NewParticipantRequest(@Schema(description = "ISO 3166-1 alpha-3 for a State; 2 to 10 capital letters for an organization") @Nullable String code,
			@Schema(description = "STATE or ORGANIZATION") @Nullable String kind, @Nullable String nameEn, @Nullable String nameRu) {
	}

	static Set<String> fields() {
		return Set.of("participant", "status", "receivedOn", "reference", "note", "access");
	}
}
