package org.kurultai.applications;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.applications.Progress.Considered;
import org.kurultai.applications.Progress.StepState;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.decisions.Decision;
import org.kurultai.decisions.DecisionConcluded;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionProposed;
import org.kurultai.decisions.Decisions;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.FoundingDocument;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantNames;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for a status. The Secretariat records the note verbale received (a new applicant is entered in
 * the registry, without status, in the same transaction); the bodies then decide on it by decisions that name it,
 * in the order the forum's configuration gives ({@link ApplicationSteps}). A proposal naming an application is
 * checked here, inside the proposing transaction, under the application's row lock: it must be the application's
 * next step, and the granting decision must admit the applicant to the status sought. When a decision on it
 * concludes, the outcome (granted, refused) is written in the concluding transaction and audited. Where it stands
 * is derived from the decisions ({@link Progress}).
 */
@Service
@Transactional(readOnly = true)
public class Applications {

	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
	private static final Pattern CODE = Pattern.compile("[A-Z]{2,10}");
	private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");
	static final int REFERENCE_LENGTH = 200;
	static final int NAME_LENGTH = 200;
	static final int NOTE_LENGTH = 4000;

	private final ApplicationRepository repository;
	private final ApplicationSteps steps;
	private final Registry registry;
	private final Decisions decisions;
	private final AccessPolicy access;
	private final ActingRights rights;
	private final AuditLog audit;
	private final ForumClock clock;

	Applications(ApplicationRepository repository, ApplicationSteps steps, Registry registry, Decisions decisions, AccessPolicy access,
			ActingRights rights, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.steps = steps;
		this.registry = registry;
		this.decisions = decisions;
		this.access = access;
		this.rights = rights;
		this.audit = audit;
		this.clock = clock;
	}

	public ApplicationSteps steps() {
		return steps;
	}

	/** The applications the viewer may see, the latest received first. */
	public List<Application> applications(Viewer viewer) {
		return access.visible(viewer, repository.all(), Application::access);
	}

	/** An application the viewer may see; one they may not see does not exist for them. */
	public Application application(long id, Viewer viewer) {
		var application = repository.find(id).orElseThrow(() -> NotFound.of("problem.application.notFound", id));
		if (!access.maySee(viewer, application.access())) {
			throw NotFound.of("problem.application.notFound", id);
		}
		return application;
	}

	/** Where the application stands, from every decision that names it (a step's state is a fact of the application). */
	public Progress progress(Application application) {
		return progress(application, null);
	}

	/** Of the decisions on the application, those the viewer may see (the others are shown as a state, without a link). */
	public Set<Long> decisionsSeenBy(Application application, Viewer viewer) {
		return decisions.onApplication(application.id(), viewer).stream().map(Decision::id).collect(Collectors.toSet());
	}

	/** May the person record an application? Only for the Secretariat: the page asks (the form) and so does {@link #record}. */
	public boolean mayRecord(@Nullable Account account) {
		return account != null && rights.of(account, clock.today()).actsForSecretariat();
	}

	/** What the Secretariat records: an existing participant's code, or a new participant; the status, the note verbale. */
	public record NewApplication(@Nullable String participant, @Nullable NewParticipant newParticipant, @Nullable String status,
			@Nullable String receivedOn, @Nullable String reference, @Nullable String note, @Nullable String access) {
	}

	/** A new applicant: its code (ISO 3166-1 alpha-3 for a State), kind and short names in English and Russian. */
	public record NewParticipant(@Nullable String code, @Nullable String kind, @Nullable String nameEn, @Nullable String nameRu) {
	}

	/**
	 * Records an application received. Everything is checked before anything is written; the new participant and
	 * the application are written in one transaction, and audited.
	 */
	@Transactional
	public Application record(Account account, NewApplication request) {
		if (!mayRecord(account)) {
			throw NotAllowed.of("problem.application.secretariatOnly");
		}
		var status = status(request.status());
		var receivedOn = receivedOn(request.receivedOn());
		var reference = text(request.reference(), "reference", REFERENCE_LENGTH);
		if (reference == null) {
			throw InvalidRequest.of("reference", "problem.application.textNeeded.reference");
		}
		var note = text(request.note(), "note", NOTE_LENGTH);
		var level = level(request.access());
		boolean named = request.participant() != null && !request.participant().isBlank();
		if (named == (request.newParticipant() != null)) {
			throw InvalidRequest.of("participant", "problem.application.participantOrNew");
		}
		ParticipantCode code;
		ParticipantKind kind;
		Participant newcomer = null;
		if (named) {
			code = existing(request.participant());
			kind = registry.participant(code).kind();
		}
		else {
			newcomer = newcomer(request.newParticipant());
			code = newcomer.code();
			kind = newcomer.kind();
		}
		if (steps.to(status).isEmpty()) {
			throw InvalidRequest.of("status", "problem.application.noSteps", status);
		}
		if (status == ParticipantStatus.MEMBER && kind != ParticipantKind.STATE) {
			throw InvalidRequest.of("status", "problem.application.membersAreStates", code.value());
		}
		if (status == ParticipantStatus.PARTNER && kind != ParticipantKind.ORGANIZATION) {
			throw InvalidRequest.of("status", "problem.application.partnersAreOrganizations", code.value());
		}
		if (newcomer == null && registry.statusOf(code, clock.today()) == status) {
			throw new AlreadyHeld(code.value(), status);
		}
		var open = repository.open(code.value(), status, 0);
		if (open.isPresent()) {
			throw new AlreadyApplied(code.value(), status, open.get().id());
		}
		var actor = account.email();
		if (newcomer != null) {
			registry.enrol(newcomer);
			var enrolled = new LinkedHashMap<String, Object>();
			enrolled.put("kind", newcomer.kind().name());
			enrolled.put("nameEn", newcomer.names().shortEn());
			enrolled.put("nameRu", String.valueOf(newcomer.names().shortRu()));
			enrolled.put("status", "none");
			audit.record(new Act(actor, account.actsFor(), "participant.enrolled", "participant:" + code.value(), null, enrolled));
		}
		long id = repository.insert(code.value(), status, receivedOn, reference, note, level, clock.now(), actor);
		var after = new LinkedHashMap<String, Object>();
		after.put("participant", code.value());
		after.put("status", status.name());
		after.put("receivedOn", receivedOn.toString());
		after.put("reference", reference);
		after.put("access", level.name());
		if (note != null) {
			after.put("note", note);
		}
		audit.record(new Act(actor, account.actsFor(), "application.recorded", "application:" + id, null, after));
		return repository.find(id).orElseThrow();
	}

	/**
	 * A decision proposed on an application (inside the proposing transaction, before it commits): refused, which
	 * rolls the proposal back, unless the application exists, is not yet granted, has no decision under way, and
	 * the decision is its next step — by one of the step's bodies, of the step's kind — and, for the granting
	 * step, admits the applicant to the status sought. A refused application is reopened by a new decision on its
	 * failed step, unless another application of the participant for the status is open meanwhile.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void proposed(DecisionProposed event) {
		var id = event.application();
		if (id == null) {
			return;
		}
		var application = repository.lock(id).filter(found -> access.maySee(event.proposer(), found.access()))
				.orElseThrow(() -> InvalidRequest.of("application", "problem.application.unknown", id));
		if (application.granted()) {
			throw InvalidRequest.of("application", "problem.application.decided", id, application.participant());
		}
		var progress = progress(application, event.decision());
		var next = progress.nextDecisionStep();
		if (next == null) {
			throw InvalidRequest.of("application", "problem.application.decided", id, application.participant());
		}
		if (next.state() == StepState.UNDER_WAY) {
			throw InvalidRequest.of("application", "problem.application.underWay", id, next.last().id());
		}
		if (!next.step().takenBy(event.body(), event.kind())) {
			throw InvalidRequest.of("application", next.step().kind() == ApplicationSteps.StepKind.RECOMMENDATION
					? "problem.application.nextIsRecommendation" : "problem.application.nextIsDecision", id, String.join(", ", next.step().bodies()),
					event.body());
		}
		var decisionSteps = progress.steps().stream().filter(step -> step.step().isDecision()).toList();
		boolean granting = decisionSteps.get(decisionSteps.size() - 1).position() == next.position();
		var admissions = event.effects().stream().filter(effect -> effect.kind() == EffectKind.ADMIT).toList();
		boolean admitsTheApplicant = admissions.size() == 1 && application.participant().equals(admissions.get(0).participant())
				&& application.status().name().equals(admissions.get(0).status());
		if (granting ? !admitsTheApplicant : !admissions.isEmpty()) {
			throw InvalidRequest.of("effects", granting ? "problem.application.admissionNeeded" : "problem.application.admissionNotYet", id,
					application.participant(), application.status());
		}
		if (application.outcome() == ApplicationState.REFUSED) {
			var other = repository.open(application.participant(), application.status(), id);
			if (other.isPresent()) {
				throw new AlreadyApplied(application.participant(), application.status(), other.get().id());
			}
			repository.outcome(id, null, null, null);
			audit.record(new Act(Act.SYSTEM, "SECRETARIAT", "application.reopened", "application:" + id, Map.of("outcome", "REFUSED"),
					Map.of("decision", event.decision())));
		}
	}

	/**
	 * A decision on an application concluded (inside the concluding transaction, after its effects were applied):
	 * the application's outcome follows — granted once the granting decision is adopted and its admission applied,
	 * refused when a step's decision was not adopted — and each step done is audited.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	public void concluded(DecisionConcluded event) {
		var id = event.application();
		if (id == null) {
			return;
		}
		var application = repository.lock(id).orElse(null);
		if (application == null || application.granted()) {
			return;
		}
		var progress = progress(application, null);
		var step = progress.steps().stream().filter(s -> s.last() != null && s.last().id() == event.decision()).findFirst().orElse(null);
		var after = new LinkedHashMap<String, Object>();
		after.put("decision", event.decision());
		after.put("decisionStatus", event.status().name());
		if (event.register() != null) {
			after.put("register", event.register());
		}
		if (step != null) {
			after.put("step", step.position());
			after.put("stepState", step.state().name());
		}
		after.put("state", progress.state().name());
		var day = event.decidedOn() != null ? event.decidedOn() : clock.today();
		switch (progress.state()) {
			case GRANTED -> repository.outcome(id, ApplicationState.GRANTED, event.decision(), day);
			case REFUSED -> repository.outcome(id, ApplicationState.REFUSED, event.decision(), day);
			case OPEN -> {
				// never refuse a conclusion here: reopened only if no other application of the participant for the status is open
				if (application.outcome() != null && repository.open(application.participant(), application.status(), id).isEmpty()) {
					repository.outcome(id, null, null, null);
				}
			}
		}
		audit.record(new Act(Act.SYSTEM, "SECRETARIAT", switch (progress.state()) {
			case GRANTED -> "application.granted";
			case REFUSED -> "application.refused";
			case OPEN -> "application.progressed";
		}, "application:" + id, application.outcome() == null ? null : Map.of("outcome", application.outcome().name()), after));
	}

	/** Where it stands, leaving out a decision (the one being proposed, judged against the others). */
	private Progress progress(Application application, @Nullable Long leaving) {
		var considered = decisions.allOnApplication(application.id()).stream()
				.filter(decision -> leaving == null || decision.id() != leaving)
				.sorted(Comparator.comparing(Decision::proposedAt).thenComparing(Decision::id))
				.map(decision -> considered(decision, application)).toList();
		var signed = new HashMap<String, LocalDate>();
		var required = List.<String>of();
		if (steps.to(application.status()).stream().anyMatch(step -> !step.isDecision())) {
			required = registry.foundingDocuments().stream().map(FoundingDocument::code).toList();
			registry.participant(ParticipantCode.of(application.participant())).signatures()
					.forEach(signature -> signed.put(signature.document(), signature.signedOn()));
		}
		return Progress.of(steps.to(application.status()), considered, signed, required);
	}

	private Considered considered(Decision decision, Application application) {
		LocalDate admittedFrom = null;
		String refused = null;
		if (decision.kind() == DecisionKind.DECISION) {
			for (var decided : decisions.effects(decision)) {
				var effect = decided.effect();
				if (effect.kind() == EffectKind.ADMIT && application.participant().equals(effect.participant())) {
					admittedFrom = decided.appliedFrom();
					refused = decided.refusal();
				}
			}
		}
		return new Considered(decision.id(), decision.body(), decision.kind(), decision.status(), decision.registerSymbol(), decision.decidedOn(),
				admittedFrom, refused);
	}

	private static ParticipantStatus status(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw InvalidRequest.of("status", "problem.application.statusNeeded");
		}
		try {
			return ParticipantStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("status", "problem.application.statusUnknown", value);
		}
	}

	private LocalDate receivedOn(@Nullable String value) {
		if (value == null || value.isBlank()) {
			throw InvalidRequest.of("receivedOn", "problem.application.receivedOnNeeded");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(value.trim());
		}
		catch (DateTimeException unreadable) {
			throw InvalidRequest.of("receivedOn", "problem.application.receivedOnUnreadable", value);
		}
		if (day.isAfter(clock.today())) {
			throw InvalidRequest.of("receivedOn", "problem.application.receivedOnFuture", day, clock.today());
		}
		if (day.getYear() < 1992) {
			throw InvalidRequest.of("receivedOn", "problem.application.receivedOnTooEarly", day);
		}
		return day;
	}

	private static AccessLevel level(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return AccessLevel.PARTICIPANTS;
		}
		try {
			var level = AccessLevel.valueOf(value.trim().toUpperCase(Locale.ROOT));
			if (level != AccessLevel.NAMED_PARTICIPANTS) {
				return level;
			}
		}
		catch (IllegalArgumentException unknown) {
			// refused below
		}
		throw InvalidRequest.of("access", "problem.application.accessUnknown", value);
	}

	/** A text typed by a person: trimmed, without control characters, at most {@code max} characters; null when empty. */
	private static @Nullable String text(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		var checked = field.equals("note") ? text.replaceAll("\\R", "\n").replace("\t", " ") : text;
		if (CONTROL.matcher(checked.replace("\n", "")).find()) {
			throw InvalidRequest.of(field, "problem.application.controlCharacters");
		}
		if (text.length() > max) {
			throw InvalidRequest.of(field, "problem.application.tooLong", max);
		}
		return checked;
	}

	private ParticipantCode existing(String value) {
		var code = value.trim().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches() || !registry.isRegistered(ParticipantCode.of(code))) {
			throw InvalidRequest.of("participant", "problem.application.unknownParticipant", value.strip());
		}
		return ParticipantCode.of(code);
	}

	private Participant newcomer(NewParticipant typed) {
		var raw = typed.code() == null ? "" : typed.code().trim().toUpperCase(Locale.ROOT);
		if (raw.isEmpty()) {
			throw InvalidRequest.of("newParticipant.code", "problem.application.codeNeeded");
		}
		if (typed.kind() == null || typed.kind().isBlank()) {
			throw InvalidRequest.of("newParticipant.kind", "problem.application.kindNeeded");
		}
		ParticipantKind kind;
		try {
			kind = ParticipantKind.valueOf(typed.kind().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("newParticipant.kind", "problem.application.kindUnknown", typed.kind());
		}
		if (kind == ParticipantKind.STATE ? !ALPHA_3.matcher(raw).matches() : !CODE.matcher(raw).matches()) {
			throw InvalidRequest.of("newParticipant.code", kind == ParticipantKind.STATE ? "problem.application.stateCode"
					: "problem.application.organizationCode", typed.code().strip());
		}
		var code = ParticipantCode.of(raw);
		if (registry.isRegistered(code)) {
			throw InvalidRequest.of("newParticipant.code", "problem.application.codeTaken", raw);
		}
		var nameEn = text(typed.nameEn(), "newParticipant.nameEn", NAME_LENGTH);
		if (nameEn == null) {
			throw InvalidRequest.of("newParticipant.nameEn", "problem.application.textNeeded.nameEn");
		}
		var nameRu = text(typed.nameRu(), "newParticipant.nameRu", NAME_LENGTH);
		if (nameRu == null) {
			throw InvalidRequest.of("newParticipant.nameRu", "problem.application.textNeeded.nameRu");
		}
		var names = new ParticipantNames(nameEn, nameRu, nameEn, nameRu);
		return kind == ParticipantKind.STATE ? Participant.state(code, names) : Participant.organization(code, names);
	}

	/** The participant already holds the status it applies for. */
	public static class AlreadyHeld extends RuleViolation {

		AlreadyHeld(String participant, ParticipantStatus status) {
			super("problem.application.alreadyHeld", participant, status);
		}

		@Override
		public String rule() {
			return "status-already-held";
		}
	}

	/** One open application of a participant for a status at a time. */
	public static class AlreadyApplied extends RuleViolation {

		AlreadyApplied(String participant, ParticipantStatus status, long open) {
			super("problem.application.duplicate", participant, status, open);
		}

		@Override
		public String rule() {
			return "application-already-open";
		}
	}
}
