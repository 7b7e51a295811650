package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Decisions: the register, proposals at meetings and under silence, objections, votes, statements. */
@RestController
@RequestMapping(path = "/api/decisions", produces = "application/json")
@Tag(name = "Decisions", description = "Adoption at meetings and by silence procedure, by the forum's decision rule")
class DecisionsApi {

	private final Decisions decisions;
	private final AccessPolicy access;

	DecisionsApi(Decisions decisions, AccessPolicy access) {
		this.decisions = decisions;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Decisions on documents the caller may see, newest first; adopted ones carry their register number")
	List<DecisionView> register(@Parameter(description = "Body code, e.g. SOC") @RequestParam @Nullable String body,
			@Parameter(description = "Register year") @RequestParam @Nullable Integer year) {
		var viewer = access.currentViewer();
		return decisions.register(viewer, body, year).stream().map(d -> view(d, viewer)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "A decision with its objections (for participants and the Secretariat), votes and published statements")
	DecisionView decision(@PathVariable long id) {
		var viewer = access.currentViewer();
		return view(decisions.decision(id, viewer), viewer);
	}

	@PostMapping(consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The chair or the Secretariat puts an agreed version for decision, at a meeting or under a silence procedure")
	DecisionView propose(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewDecision request) {
		var decision = decisions.propose(user.account(), new Decisions.Proposal(request.body(), request.document(), request.version(),
				request.kind(), request.matter(), request.concerned(), request.procedure(), request.meeting(), request.present(),
				request.deadline(), request.timeZone(), request.refersTo(), request.text(), request.title(), request.access(),
				request.effects() == null ? null : request.effects().stream().map(NewEffect::effect).toList(), request.application()));
		var viewer = access.currentViewer();
		return view(decisions.decision(decision.id(), viewer), viewer);
	}

	@PostMapping(path = "/{id}/objections", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A member delegation objects at the meeting or breaks silence in writing, with its reasons")
	Objection object(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @Valid @RequestBody NewObjection request) {
		return decisions.object(user.account(), id, request.reasons());
	}

	@PostMapping(path = "/{id}/votes", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A member delegation present votes, where the rule for the matter is a majority")
	CastVote vote(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @Valid @RequestBody NewVote request) {
		return decisions.vote(user.account(), id, request.vote());
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "The chair closes the item at the meeting; the rule judges the outcome")
	DecisionView close(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id) {
		var viewer = access.currentViewer();
		return view(decisions.decision(decisions.close(user.account(), id).id(), viewer), viewer);
	}

	@PostMapping("/{id}/withdrawal")
	@Operation(summary = "The chair or the Secretariat withdraws a proposal still open (under silence, before its deadline), with an optional reason")
	DecisionView withdraw(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable Withdrawal request) {
		var viewer = access.currentViewer();
		var reason = request == null ? null : request.reason();
		return view(decisions.decision(decisions.withdraw(user.account(), id, reason).id(), viewer), viewer);
	}

	@PostMapping(path = "/{id}/statements", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A State files a reservation, interpretive statement or explanation of position; it never blocks adoption")
	PositionStatement file(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @Valid @RequestBody NewStatement request) {
		return decisions.file(user.account(), id, request.kind(), request.paragraph(), request.text());
	}

	/** A decision read through {@link Decisions#decision} or the register: its meeting is already what the viewer may know. */
	private DecisionView view(Decision d, Viewer viewer) {
		var objections = decisions.objections(d.id(), viewer);
		boolean participantsView = access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS));
		return new DecisionView(d.id(), d.body(), d.kind(), d.matter(), d.rule(), d.concerned(), d.document(), d.version(),
				d.versionName(), d.refersTo(), d.procedure(), d.meeting(), d.present(),
				d.proposedAt(), d.proposedFor(), d.deadlineAsSet() == null ? null : d.deadlineAsSet().toOffsetDateTime(),
				d.timeZone() == null ? null : d.timeZone().getId(), d.round(), d.status(), d.closedAt(), d.decidedOn(), d.outcomeNote(),
				d.registerSymbol(), d.recorded(), d.sources().references(), d.application(),
				decisions.effects(d).stream().map(EffectView::of).toList(),
				objections.size(), participantsView ? objections : null, decisions.votes(d.id(), viewer), decisions.statements(d.id(), viewer));
	}

	/** An effect as proposed, and when (from which day) it was applied, or why the forum's rules refused it. */
	record EffectView(int position, EffectKind kind, @Nullable String participant, @Nullable String status, @Nullable String body,
			@Nullable String bodyKind, @Nullable String reportsTo, @Nullable String office, @Nullable String person,
			@Nullable String nationality, @Nullable String name, @Nullable String nameRu, @Nullable String shortName,
			@Nullable String edition, @Nullable String plan, @Nullable LocalDate effectiveOn, @Nullable LocalDate until,
			@Nullable Instant appliedAt, @Nullable LocalDate appliedFrom, @Nullable String refusal) {

		static EffectView of(DecidedEffect decided) {
			var e = decided.effect();
			return new EffectView(decided.position(), e.kind(), e.participant(), e.status(), e.body(), e.bodyKind(), e.reportsTo(), e.office(),
					e.person(), e.nationality(), e.name(), e.nameRu(), e.shortName(), e.edition(), e.plan(), e.effectiveOn(), e.until(),
					decided.appliedAt(), decided.appliedFrom(), decided.refusal());
		}
	}


	record DecisionView(long id, String body, DecisionKind kind, Matter matter, DecisionRule rule, @Nullable String concerned,
			@Nullable String document, @Nullable Integer version, @Nullable String versionName, @Nullable Long refersTo, Procedure procedure,
			@Nullable String meeting, List<String> present, Instant proposedAt, String proposedFor, @Nullable OffsetDateTime deadline,
			@Nullable String timeZone, int round, DecisionStatus status, @Nullable Instant closedAt, @Nullable LocalDate decidedOn,
			@Nullable String outcome, @Nullable String register, boolean recorded, List<String> sources, @Nullable Long application,
			List<EffectView> effects, int objectionCount,
			@Nullable List<Objection> objections, List<CastVote> votes, List<PositionStatement> statements) {
	}

	record NewDecision(@NotBlank @Size(max = 10) String body,
			@Parameter(description = "The document put for decision; omit with an inline text, or to decide on the text a recommendation refers") @Nullable @Size(max = 60) String document,
			@Nullable @Min(0) @jakarta.validation.constraints.Max(10000) Integer version,
			@Nullable DecisionKind kind, @Nullable Matter matter, @Nullable @Size(max = 10) String concerned, @NotNull Procedure procedure,
			@Nullable @Size(max = 40) String meeting, @Nullable @Size(max = 100) List<@NotNull @Size(max = 10) String> present,
			@Parameter(description = "Local date and time of the deadline, e.g. 2026-12-01T18:00") @Nullable LocalDateTime deadline,
			@Parameter(description = "The time zone the deadline is given in, e.g. Asia/Almaty") @Nullable @Size(max = 60) String timeZone,
			@Nullable Long refersTo,
			@Parameter(description = "A short decision's text inline, by language (e.g. {\"en\": \"…\"}); Kurultai tables it as a DECISION document") @Nullable @Size(max = 10) Map<@NotBlank @Size(max = 8) String, @NotNull @Size(max = 20000) String> text,
			@Nullable @Size(max = 200) String title, @Nullable AccessLevel access,
			@Parameter(description = "What the decision changes once adopted, in order") @Nullable @Size(max = 50) List<@NotNull @Valid NewEffect> effects,
			@Parameter(description = "The application for a status the decision is on") @Nullable Long application) {
	}

	/** An effect as requested: its kind and the terms that kind reads. */
	record NewEffect(@NotNull EffectKind kind, @Nullable @Size(max = 10) String participant, @Nullable @Size(max = 20) String status,
			@Nullable @Size(max = 10) String body, @Nullable @Size(max = 20) String bodyKind, @Nullable @Size(max = 10) String reportsTo,
			@Nullable @Size(max = 40) String office, @Nullable @Size(max = 200) String person, @Nullable @Size(max = 10) String nationality,
			@Nullable @Size(max = 500) String name, @Nullable @Size(max = 500) String nameRu, @Nullable @Size(max = 100) String shortName,
			@Nullable @Size(max = 40) String edition, @Nullable @Size(max = 60) String plan, @Nullable LocalDate effectiveOn,
			@Nullable LocalDate until) {

		Effect effect() {
			return new Effect(kind, participant, status, body, bodyKind, reportsTo, office, person, nationality, name, nameRu, shortName,
					edition, plan, effectiveOn, until);
		}
	}

	record NewObjection(@NotBlank @Size(max = 20000) String reasons) {
	}

	record NewVote(@NotNull Vote vote) {
	}

	record Withdrawal(@Nullable @Size(max = 2000) String reason) {
	}

	record NewStatement(@NotNull StatementKind kind, @Nullable @Size(max = 20) String paragraph, @NotBlank @Size(max = 20000) String text) {
	}
}
