package org.kurultai.decisions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Paragraph;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.Sources;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decisions of the forum's bodies: the application service of the {@link Decision} aggregate. The
 * chair (or the Secretariat) puts an agreed text for decision at a meeting or under a silence
 * procedure; member delegations object or, between meetings, break silence in writing with their
 * reasons (which, by default, ends the procedure at once: {@link SilenceRules}); the forum's rule
 * judges the outcome; the register numbers what is adopted. Each command reads the same way: load
 * the decision under the lock of its document and itself ({@link DecisionRepository#lock}), ask the
 * {@link DecisionPolicy} whether the person may do the act, let the aggregate decide what happens
 * ({@link Decision.Change}), save it, audit it, apply the effects of an adoption and publish
 * {@link DecisionProposed}/{@link DecisionConcluded}. A decision is seen by whoever may see its document.
 */
@Service
@Transactional(readOnly = true)
public class Decisions {

	/** The longest a silence procedure may run: a year, far beyond any forum's practice (days to weeks). */
	static final Duration LONGEST_SILENCE = Decision.LONGEST_SILENCE;

	private final DecisionRepository repository;
	private final DecisionRules rules;
	private final SilenceRules silenceRules;
	private final DecisionPolicy policy;
	private final Drafting drafting;
	private final AccessPolicy access;
	private final ActingRights rights;
	private final Organs organs;
	private final Meetings meetings;
	private final org.kurultai.meetings.Attendance attendance;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;
	private final Map<EffectKind, EffectHandler> handlers = new java.util.EnumMap<>(EffectKind.class);
	private final ApplicationEventPublisher events;
	private final TransactionTemplate savepoint;

	Decisions(DecisionRepository repository, DecisionRules rules, SilenceRules silenceRules, DecisionPolicy policy, Drafting drafting,
			AccessPolicy access, ActingRights rights, Organs organs, Meetings meetings, Registry registry, AuditLog audit, ForumClock clock,
			List<EffectHandler> handlers, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			org.kurultai.meetings.Attendance attendance) {
		this.attendance = attendance;
		for (var handler : handlers) {
			for (var kind : handler.kinds()) {
				if (this.handlers.put(kind, handler) != null) {
					throw new IllegalStateException("Two modules apply effects of kind " + kind);
				}
			}
		}
		this.events = events;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.repository = repository;
		this.rules = rules;
		this.silenceRules = silenceRules;
		this.policy = policy;
		this.drafting = drafting;
		this.access = access;
		this.rights = rights;
		this.organs = organs;
		this.meetings = meetings;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** The instant and the forum's zone of one act: the aggregate's clock, read once per act from the injected one. */
	private Clock now() {
		return Clock.fixed(clock.now(), clock.zone());
	}

	public DecisionRules rules() {
		return rules;
	}

	/**
	 * The decisions the viewer may see (those on documents they may see, and those recorded from the
	 * forum's history without a text Kurultai holds, which are public like their sources), newest
	 * first, optionally of one body and year.
	 */
	public List<Decision> register(Viewer viewer, @Nullable String body, @Nullable Integer year) {
		var documents = drafting.documents(viewer).stream().map(NegotiatedDocument::id).collect(Collectors.toSet());
		var code = body == null || body.isBlank() ? null : body.trim().toUpperCase(Locale.ROOT);
		if (code != null && !organs.isBody(code)) {
			throw InvalidRequest.of("body", "problem.body.unknown", body);
		}
		var listed = repository.register(code, year, clock.zone()).stream()
				.filter(decision -> decision.document() == null || documents.contains(decision.document())).toList();
		return asSeenBy(listed, viewer);
	}

	/**
	 * The decisions of a body taken at its meeting that the viewer may see, by id: those of {@link #register} (the body,
	 * every year) held at that meeting, read without the rest of the register.
	 */
	public List<Decision> atMeeting(String meeting, String body, Viewer viewer) {
		var documents = drafting.documents(viewer).stream().map(NegotiatedDocument::id).collect(Collectors.toSet());
		return asSeenBy(repository.atMeeting(meeting).stream().filter(decision -> decision.body().equals(body))
				.filter(decision -> decision.document() == null || documents.contains(decision.document())).toList(), viewer).stream()
				.filter(decision -> meeting.equals(decision.meeting())).toList();
	}

	/** The decisions on an application for a status that the viewer may see, in order. */
	public List<Decision> onApplication(long application, Viewer viewer) {
		var documents = drafting.documents(viewer).stream().map(NegotiatedDocument::id).collect(Collectors.toSet());
		return asSeenBy(repository.onApplication(application).stream()
				.filter(decision -> decision.document() == null || documents.contains(decision.document())).toList(), viewer);
	}

	/**
	 * Every decision that names the application, whoever may see them: only for the applications module to derive
	 * where the application stands (a step's state is a fact of the application, shown to those who may see it). A
	 * decision itself is shown, or linked, only through {@link #onApplication(long, Viewer)}.
	 */
	public List<Decision> allOnApplication(long application) {
		return repository.onApplication(application);
	}

	/** The effects the decision carries, with when each was applied (the decision read through {@link #decision}). */
	public List<DecidedEffect> effects(Decision decision) {
		return repository.effects(decision.id());
	}

	/**
	 * The decision as the viewer may know it: taken at a meeting they may not see, it shows neither
	 * the meeting nor who was present there. Each meeting is looked up once per call.
	 */
	private Decision asSeenBy(Decision decision, Viewer viewer, Map<String, Boolean> seen) {
		var meeting = decision.meeting();
		if (meeting == null || seen.computeIfAbsent(meeting, id -> meetings.meeting(id, access.seenBy(viewer)).isPresent())) {
			return decision;
		}
		return decision.withoutMeeting();
	}

	/** The decisions as the viewer may know them ({@link #asSeenBy(Decision, Viewer, Map)}): their meetings read in one statement. */
	private List<Decision> asSeenBy(List<Decision> decisions, Viewer viewer) {
		var held = decisions.stream().map(Decision::meeting).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
		var visible = meetings.visible(held, access.seenBy(viewer));
		return decisions.stream().map(decision -> decision.meeting() == null || visible.contains(decision.meeting()) ? decision
				: decision.withoutMeeting()).toList();
	}

	public Decision decision(long id, Viewer viewer) {
		var decision = repository.find(id).orElseThrow(() -> NotFound.of("problem.notFound.decision", id));
		try {
			if (decision.document() != null) {
				drafting.document(decision.document(), viewer);
			}
		}
		catch (NotFound hidden) {
			throw NotFound.of("problem.notFound.decision", id);
		}
		return asSeenBy(decision, viewer, new HashMap<>());
	}

	public List<Decision> ofDocument(String document, Viewer viewer) {
		return asSeenBy(repository.ofDocument(drafting.document(document, viewer).id()), viewer);
	}

	/** The decision (not a recommendation) by which the document was adopted in Kurultai, if it was. */
	public java.util.Optional<Decision> adopting(String document, Viewer viewer) {
		return ofDocument(document, viewer).stream()
				.filter(d -> d.kind() == DecisionKind.DECISION && d.status() == DecisionStatus.ADOPTED).reduce((first, second) -> second);
	}

	public List<Objection> objections(long id, Viewer viewer) {
		return repository.objections(decision(id, viewer).id()).stream()
				.map(o -> access.mayKnowWhoActedFor(viewer, o.participant()) ? o : o.withoutAccount()).toList();
	}

	public List<CastVote> votes(long id, Viewer viewer) {
		return repository.votes(decision(id, viewer).id()).stream()
				.map(v -> access.mayKnowWhoActedFor(viewer, v.participant()) ? v : v.withoutAccount()).toList();
	}

	public List<PositionStatement> statements(long id, Viewer viewer) {
		return repository.statements(decision(id, viewer).id()).stream()
				.map(s -> access.mayKnowWhoActedFor(viewer, s.participant()) ? s : s.withoutAccount()).toList();
	}

	/**
	 * What the person may do on this decision now, for the pages: the {@link DecisionPolicy}'s answers,
	 * the very ones the commands act on.
	 */
	public Permissions permissions(Decision decision, @Nullable Account account) {
		if (account == null) {
			return new Permissions(false, false, false, false, false);
		}
		var mandate = rights.of(account, clock.today());
		var now = clock.now();
		return new Permissions(policy.mayObject(mandate, decision, now).allowed(), policy.mayVote(mandate, decision, now).allowed(),
				policy.mayClose(mandate, decision, now).allowed(), policy.mayFileStatement(mandate, decision, null).allowed(),
				policy.mayWithdraw(mandate, decision, now).allowed());
	}

	public record Permissions(boolean mayObject, boolean mayVote, boolean mayClose, boolean mayFileStatement, boolean mayWithdraw) {

		/** The four acts of the first pages (withdrawal not offered). */
		public Permissions(boolean mayObject, boolean mayVote, boolean mayClose, boolean mayFileStatement) {
			this(mayObject, mayVote, mayClose, mayFileStatement, false);
		}
	}

	/**
	 * The chair or the Secretariat puts the exact version of a document for decision by a body:
	 * at a meeting with the delegations present, or under a silence procedure with a deadline
	 * given as a wall time in an explicit time zone. A text with brackets is refused; a referral
	 * carries the exact version the lower body recommended. At a meeting, a proposal that names no
	 * delegation present takes the attendance the Secretariat recorded for today (forum's zone).
	 */
	@Transactional
	public Decision propose(Account account, Proposal proposal) {
		var mandate = rights.of(account, clock.today());
		var viewer = access.viewer(account, clock.today());
		policy.mayPropose(mandate).orThrow();
		var body = proposal.body().trim().toUpperCase(Locale.ROOT);
		if (!organs.isBody(body)) {
			throw InvalidRequest.of("body", "problem.body.unknown", proposal.body());
		}
		var kind = proposal.kind() == null ? DecisionKind.DECISION : proposal.kind();
		var effects = checkEffects(kind, proposal.effects());
		Decision recommendation = proposal.refersTo() == null ? null : decision(proposal.refersTo(), viewer);
		boolean inline = proposal.text() != null && !proposal.text().isEmpty();
		if (inline && (proposal.document() != null || proposal.version() != null)) {
			throw InvalidRequest.of("text", "problem.decision.textOrDocument");
		}
		String documentId = proposal.document();
		Integer version = proposal.version();
		if (!inline && documentId == null && recommendation != null) {
			// the decision on a recommendation takes the very text recommended
			documentId = recommendation.document();
			version = recommendation.version();
		}
		if (!inline && (documentId == null || documentId.isBlank())) {
			throw InvalidRequest.of("document", "problem.decision.documentNeeded");
		}
		if (!inline && version == null) {
			throw InvalidRequest.of("version", "problem.decision.versionNeeded");
		}
		NegotiatedDocument document;
		if (inline) {
			document = tableInline(account, body, proposal, viewer);
			version = 0;
		}
		else {
			document = drafting.document(documentId, viewer);
		}
		Long refersTo = null;
		if (recommendation != null) {
			checkReferral(recommendation, body, document, version);
			refersTo = recommendation.id();
		}
		// the document's lock first (taking its text), then whether a decision on it is open: the one locking boundary
		var text = drafting.textForDecision(document.id(), version);
		if (repository.lockOpenOn(document.id()).isPresent()) {
			throw new DecisionPending(document.symbol());
		}
		var concerned = proposal.concerned() == null || proposal.concerned().isBlank() ? null
				: proposal.concerned().trim().toUpperCase(Locale.ROOT);
		if (concerned != null && !registry.isRegistered(ParticipantCode.parse(concerned))) {
			throw InvalidRequest.of("concerned", "problem.participant.unknown", proposal.concerned());
		}
		var matter = proposal.matter() == null ? Matter.SUBSTANTIVE : proposal.matter();
		var rule = rules.ruleFor(matter, concerned != null);
		Decision.Motion motion;
		if (proposal.procedure() == Procedure.SILENCE) {
			if (rule == DecisionRule.SIMPLE_MAJORITY) {
				throw new MajorityNeedsAMeeting();
			}
			var zone = zone(proposal.timeZone());
			if (proposal.deadline() == null) {
				throw InvalidRequest.of("deadline", "problem.decision.deadlineNeeded");
			}
			motion = new Decision.Motion(body, kind, matter, rule, concerned, document.id(), text.number(), refersTo, Procedure.SILENCE, null,
					List.of(), proposal.deadline().atZone(zone).toInstant(), zone, account.email(), account.actsFor(), proposal.application());
		}
		else {
			// a meeting the proposer may not see is, to them, no meeting at all: the same answer as an unknown id
			var meeting = proposal.meeting() == null ? null : meetings.meeting(proposal.meeting(), access.seenBy(viewer)).orElse(null);
			if (meeting == null) {
				throw InvalidRequest.of("meeting", "problem.decision.meetingNeeded");
			}
			if (!meeting.body().equals(body)) {
				throw new MeetingOfAnotherBody(meeting.id(), body);
			}
			refuseUnlessInSession(meeting, true);
			var present = new ArrayList<String>();
			var given = proposal.present() == null ? List.<String>of() : proposal.present();
			if (given.isEmpty()) {
				// none given: the Secretariat's attendance of the day, where recorded, is who is present
				given = attendance.presentOn(meeting.id(), clock.today()).orElse(List.of());
			}
			for (var code : given) {
				var normalized = code.trim().toUpperCase(Locale.ROOT);
				if (!registry.isRegistered(ParticipantCode.parse(normalized))) {
					throw InvalidRequest.of("present", "problem.participant.unknown", code);
				}
				if (!present.contains(normalized)) {
					present.add(normalized);
				}
			}
			motion = new Decision.Motion(body, kind, matter, rule, concerned, document.id(), text.number(), refersTo, Procedure.MEETING,
					meeting.id(), present, null, null, account.email(), account.actsFor(), proposal.application());
		}
		var change = Decision.propose(motion, now());
		var decision = repository.save(change);
		long id = decision.id();
		repository.insertEffects(id, effects);
		events.publishEvent(new DecisionProposed(id, body, kind, proposal.application(), concerned, effects, viewer));
		var after = new LinkedHashMap<String, Object>();
		after.put("document", document.id());
		after.put("version", text.name());
		after.put("procedure", decision.procedure().name());
		after.put("rule", rule.name());
		if (decision.deadline() != null) {
			after.put("deadline", decision.deadlineAsSet().toString());
		}
		if (!effects.isEmpty()) {
			after.put("effects", effects.stream().map(effect -> effect.kind().name()).toList());
		}
		if (proposal.application() != null) {
			after.put("application", proposal.application());
		}
		audit.record(new Act(account.email(), account.actsFor(),
				decision.silence() ? "silence.circulated" : "decision.proposed", "decision:" + id, null, after));
		return decision;
	}

	/**
	 * What is put for decision: a document's exact version, or (a short decision: an election, an
	 * admission) its text inline in one or more languages, which Kurultai tables as a DECISION
	 * document; the effects it has once adopted; the application for a status it decides on.
	 */
	public record Proposal(String body, @Nullable String document, @Nullable Integer version, @Nullable DecisionKind kind,
			@Nullable Matter matter, @Nullable String concerned, Procedure procedure, @Nullable String meeting,
			@Nullable List<String> present, @Nullable LocalDateTime deadline, @Nullable String timeZone, @Nullable Long refersTo,
			@Nullable Map<String, String> text, @Nullable String title, @Nullable AccessLevel access, @Nullable List<Effect> effects,
			@Nullable Long application) {

		/** A proposal on a document's version, without effects (the form of the pages and of most tests). */
		public Proposal(String body, String document, int version, @Nullable DecisionKind kind, @Nullable Matter matter,
				@Nullable String concerned, Procedure procedure, @Nullable String meeting, @Nullable List<String> present,
				@Nullable LocalDateTime deadline, @Nullable String timeZone, @Nullable Long refersTo) {
			this(body, document, version, kind, matter, concerned, procedure, meeting, present, deadline, timeZone, refersTo, null, null,
					null, null, null);
		}
	}

	/** Each effect names a kind some module applies and passes that module's check; a recommendation has none. */
	private List<Effect> checkEffects(DecisionKind kind, @Nullable List<Effect> requested) {
		return checkEffects(kind, requested, true);
	}

	private List<Effect> checkEffects(DecisionKind kind, @Nullable List<Effect> requested, boolean proposal) {
		if (requested == null || requested.isEmpty()) {
			return List.of();
		}
		if (kind == DecisionKind.RECOMMENDATION) {
			throw InvalidRequest.of("effects", "problem.decision.recommendationHasNoEffects");
		}
		var effects = new ArrayList<Effect>();
		for (int i = 0; i < requested.size(); i++) {
			var raw = requested.get(i);
			if (raw == null || raw.kind() == null) {
				throw InvalidRequest.of("effects[" + i + "].kind", "problem.decision.effectKindNeeded");
			}
			var effect = raw.normalized();
			refuseOddTerms(effect, i);
			var handler = handlers.get(effect.kind());
			if (handler == null) {
				throw InvalidRequest.of("effects[" + i + "].kind", "problem.decision.effectNotApplied", effect.kind());
			}
			if (proposal) {
				handler.check(effect, i);
			}
			effects.add(effect);
		}
		return List.copyOf(effects);
	}

	/**
	 * Terms PostgreSQL could not store or the records do not speak of: a control character (a NUL
	 * reaches the database as a 409 otherwise) or a day outside the years 1 to 9999.
	 */
	private static void refuseOddTerms(Effect effect, int index) {
		var terms = new LinkedHashMap<String, String>();
		terms.put("participant", effect.participant());
		terms.put("status", effect.status());
		terms.put("body", effect.body());
		terms.put("bodyKind", effect.bodyKind());
		terms.put("reportsTo", effect.reportsTo());
		terms.put("office", effect.office());
		terms.put("person", effect.person());
		terms.put("nationality", effect.nationality());
		terms.put("name", effect.name());
		terms.put("nameRu", effect.nameRu());
		terms.put("shortName", effect.shortName());
		terms.put("edition", effect.edition());
		terms.put("plan", effect.plan());
		for (var term : terms.entrySet()) {
			if (term.getValue() != null && term.getValue().chars().anyMatch(Character::isISOControl)) {
				throw InvalidRequest.of("effects[" + index + "]." + term.getKey(), "problem.effect.controlCharacter", term.getKey());
			}
		}
		var days = new LinkedHashMap<String, LocalDate>();
		days.put("effectiveOn", effect.effectiveOn());
		days.put("until", effect.until());
		for (var day : days.entrySet()) {
			if (day.getValue() != null && (day.getValue().isBefore(org.kurultai.shared.DateSpan.BEGINNING)
					|| day.getValue().isAfter(org.kurultai.shared.DateSpan.END))) {
				throw InvalidRequest.of("effects[" + index + "]." + day.getKey(), "problem.effect.dateOutside", day.getValue(),
						org.kurultai.shared.DateSpan.BEGINNING, org.kurultai.shared.DateSpan.END);
			}
		}
	}

	/** A text PostgreSQL can store: no NUL or other control character but line breaks and tabs. */
	private static void refuseControlCharacters(String parameter, @Nullable String text) {
		if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw InvalidRequest.of(parameter, "problem.decision.controlCharacter");
		}
	}

	/** Tables an inline decision text as a DECISION document of the body, agreed, in the languages given. */
	private NegotiatedDocument tableInline(Account account, String body, Proposal proposal, Viewer viewer) {
		var text = new java.util.LinkedHashMap<String, String>();
		for (var entry : proposal.text().entrySet()) {
			var language = entry.getKey() == null ? "" : entry.getKey().trim().toLowerCase(Locale.ROOT);
			refuseControlCharacters("text", language);
			refuseControlCharacters("text", entry.getValue());
			if (entry.getValue() == null || entry.getValue().isBlank()) {
				throw InvalidRequest.of("text", "problem.decision.textEmpty", language);
			}
			text.put(language, entry.getValue().strip());
		}
		refuseControlCharacters("title", proposal.title());
		var title = proposal.title() != null && !proposal.title().isBlank() ? proposal.title().strip() : titleOf(text.values().iterator().next());
		var level = proposal.access() == null ? AccessLevel.PARTICIPANTS : proposal.access();
		if (level == AccessLevel.NAMED_PARTICIPANTS) {
			throw InvalidRequest.of("access", "problem.decision.inlineAccess");
		}
		var tabled = drafting.table(account, new Drafting.NewDocument(DocumentType.DECISION, title, body, Access.of(level),
				List.copyOf(text.keySet()), text.keySet().iterator().next(), List.of(Paragraph.agreed("1", text))));
		return drafting.document(tabled.id(), viewer);
	}

	/** A title from the text's first sentence, at most 200 characters. */
	static String titleOf(String text) {
		var line = text.strip().split("\\R", 2)[0];
		int stop = line.indexOf(". ");
		var sentence = stop > 0 ? line.substring(0, stop + 1) : line;
		return sentence.length() <= 200 ? sentence : sentence.substring(0, 199) + "…";
	}

	private void checkReferral(Decision recommendation, String body, NegotiatedDocument document, int version) {
		if (recommendation.kind() != DecisionKind.RECOMMENDATION || recommendation.status() != DecisionStatus.ADOPTED) {
			throw new ReferralInvalid("problem.decision.notAnAdoptedRecommendation", recommendation.id());
		}
		var lower = organs.body(recommendation.body());
		if (!body.equals(lower.reportsTo())) {
			throw new ReferralInvalid(lower.reportsTo() == null ? "problem.decision.referralToNoBody" : "problem.decision.referralToAnotherBody",
					lower.code(), lower.reportsTo(), body);
		}
		if (!document.id().equals(recommendation.document()) || !Integer.valueOf(version).equals(recommendation.version())) {
			throw new ReferralInvalid("problem.decision.referralText", String.valueOf(recommendation.versionName()),
					String.valueOf(recommendation.document()));
		}
	}

	private static ZoneId zone(@Nullable String timeZone) {
		if (timeZone == null || timeZone.isBlank()) {
			throw InvalidRequest.of("timeZone", "problem.decision.timeZoneNeeded");
		}
		try {
			return ZoneId.of(timeZone.trim());
		}
		catch (DateTimeException unknown) {
			throw InvalidRequest.of("timeZone", "problem.decision.timeZoneUnknown", timeZone);
		}
	}

	/**
	 * A member delegation objects at the meeting, or breaks silence by a written communication with
	 * its reasons. Observers may speak but cannot object. An objection after the deadline, or a
	 * second one by the same State in the same round, is refused and changes nothing. The first
	 * communication the rule counts ends a silence procedure at once (unless the forum configures
	 * otherwise, {@link SilenceRules}): closed as silence broken in this transaction, the register
	 * untouched, no effect applied, {@link DecisionConcluded} published.
	 */
	@Transactional
	public Objection object(Account account, long id, String reasons) {
		var mandate = rights.of(account, clock.today());
		var seen = decision(id, access.viewer(mandate));
		var locked = repository.lock(seen).orElseThrow();
		var at = now();
		policy.mayObject(mandate, locked.decision(), at.instant()).orThrow();
		refuseControlCharacters("reasons", reasons);
		var participant = account.participant();
		var change = locked.decision().object(participant, account.email(), reasons, locked.round(), this::membersOn,
				silenceRules.breakEndsProcedure(), at);
		commit(change, account.email(), participant);
		var round = locked.decision().round();
		return repository.objection(id, round, participant).orElseThrow();
	}

	/** Under a majority rule, a member delegation present votes once. */
	@Transactional
	public CastVote vote(Account account, long id, Vote vote) {
		var viewer = access.viewer(account, clock.today());
		decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		var locked = repository.lock(id).orElseThrow();
		var at = now();
		policy.mayVote(mandate, locked.decision(), at.instant()).orThrow();
		var change = locked.decision().vote(account.participant(), account.email(), vote, locked.round(), at);
		commit(change, account.email(), account.participant());
		return change.event(DecisionEvent.Voted.class).vote();
	}

	/** The chair closes the item at the meeting: the rule judges who, being present, objected or voted. */
	@Transactional
	public Decision close(Account account, long id) {
		var viewer = access.viewer(account, clock.today());
		decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		var locked = repository.lock(id).orElseThrow();
		var decision = locked.decision();
		var at = now();
		policy.mayClose(mandate, decision, at.instant()).orThrow();
		if (decision.meeting() != null) {
			refuseUnlessInSession(meetings.meeting(decision.meeting()),
					meetings.meeting(decision.meeting(), access.seenBy(viewer)).isPresent());
		}
		return commit(decision.close(locked.round(), this::membersOn, at), account.email(), account.actsFor());
	}

	/**
	 * The chair or the Secretariat withdraws a proposal still open (a silence procedure before its
	 * deadline), with an optional reason: nothing is adopted, {@link DecisionConcluded} says so.
	 */
	@Transactional
	public Decision withdraw(Account account, long id, @Nullable String reason) {
		var viewer = access.viewer(account, clock.today());
		decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		var locked = repository.lock(id).orElseThrow();
		var at = now();
		policy.mayWithdraw(mandate, locked.decision(), at.instant()).orThrow();
		if (reason != null && reason.length() > 2000) {
			throw InvalidRequest.of("reason", "problem.decision.withdrawalReasonTooLong", 2000);
		}
		refuseControlCharacters("reason", reason);
		return commit(locked.decision().withdraw(reason, at), account.email(), account.actsFor());
	}

	/**
	 * Closes a silence procedure whose deadline has passed, exactly once: under the document's and
	 * the decision's row locks, and only if it is still open, so a second closer (another instance,
	 * a retry after a crash, a break of silence that ended it first) finds it closed and does nothing.
	 * Returns whether this call closed it.
	 */
	@Transactional
	public boolean closeIfDue(long id, Instant now) {
		var peek = repository.find(id).orElse(null);
		if (peek == null || !peek.dueAt(now)) {
			return false;
		}
		var locked = repository.lock(id).orElseThrow();
		var current = clock.now().isAfter(now) ? clock.now() : now;
		var change = locked.decision().closeIfDue(locked.round(), this::membersOn, Clock.fixed(current, clock.zone()));
		if (!change.changed()) {
			return false;
		}
		commit(change, Act.SYSTEM, "SECRETARIAT");
		return true;
	}

	/** A decision is taken at a meeting only while it sits: today, in the forum's zone, is one of its days. */
	private void refuseUnlessInSession(org.kurultai.meetings.Meeting meeting, boolean mayKnowIt) {
		var today = clock.today();
		if (today.isBefore(meeting.from()) || today.isAfter(meeting.until())) {
			throw mayKnowIt ? new MeetingNotInSession(meeting.id(), meeting.from(), meeting.until(), today) : new MeetingNotInSession(today);
		}
	}

	public List<Long> due(Instant now, int limit) {
		return repository.due(now, limit);
	}

	/** The member States on a day, as the rule counts them. */
	private Set<String> membersOn(LocalDate day) {
		return registry.holding(ParticipantStatus.MEMBER, day).stream().map(ParticipantCode::value).collect(Collectors.toSet());
	}

	/**
	 * Saves what the aggregate decided (under the lock the caller holds), then, event by event, audits
	 * it and does what it means for the rest of the forum: an adoption records the outcome on the
	 * document and applies the effects; any close or withdrawal publishes {@link DecisionConcluded},
	 * after the effects. Answers the decision as stored.
	 */
	private Decision commit(Decision.Change change, String actor, String actsFor) {
		var before = change.decision();
		var saved = repository.save(change);
		long id = saved.id();
		boolean concluded = false;
		for (var event : change.events()) {
			if (event instanceof DecisionEvent.SilenceBroken broken) {
				events.publishEvent(new SilenceBroken(id, saved.body(), saved.document(), broken.by(), broken.at(),
						change.events().stream().anyMatch(DecisionEvent.Closed.class::isInstance)));
			}
			else if (event instanceof DecisionEvent.Objected objected) {
				audit.record(new Act(actor, actsFor, saved.silence() ? "silence.broken" : "decision.objection", "decision:" + id, null,
						Map.of("round", objected.objection().round(), "reasons", objected.objection().reasons())));
			}
			else if (event instanceof DecisionEvent.Voted voted) {
				audit.record(new Act(actor, actsFor, "decision.vote", "decision:" + id, null, Map.of("vote", voted.vote().vote().name())));
			}
			else if (event instanceof DecisionEvent.Closed closed) {
				if (closed.adopted()) {
					drafting.recordOutcome(saved.document(),
							saved.kind() == DecisionKind.RECOMMENDATION ? DocumentStatus.RECOMMENDED : DocumentStatus.ADOPTED,
							closed.decidedOn(), saved.meeting());
				}
				var after = new LinkedHashMap<String, Object>();
				after.put("status", closed.status().name());
				after.put("objections", closed.countedObjections().stream().sorted().toList());
				after.put("register", saved.registerSymbol() == null ? "" : saved.registerSymbol());
				after.put("cause", closed.cause().name());
				audit.record(new Act(actor, actsFor, saved.silence() ? "silence.closed" : "decision.closed", "decision:" + id,
						Map.of("status", "OPEN"), after));
				concluded = true;
			}
			else if (event instanceof DecisionEvent.EffectsDue due) {
				applyEffects(saved, new DecidedBy(id, saved.registerSymbol(), saved.body(), due.decidedOn(), saved.meeting(), Sources.none(),
						false), clock.now(), actor, actsFor);
			}
			else if (event instanceof DecisionEvent.Restarted restarted) {
				audit.record(new Act(actor, actsFor, "silence.restarted", "decision:" + id,
						Map.of("version", DocumentVersion.name(restarted.fromVersion())),
						Map.of("version", DocumentVersion.name(restarted.version()),
								"deadline", restarted.deadline().atZone(saved.timeZone()).toString(), "round", restarted.round())));
				events.publishEvent(new SilenceRestarted(id, saved.body(), saved.document(), restarted.version(), restarted.deadline(),
						restarted.round()));
			}
			else if (event instanceof DecisionEvent.Withdrawn withdrawn) {
				var after = new LinkedHashMap<String, Object>();
				after.put("status", "WITHDRAWN");
				if (withdrawn.version() != null) {
					after.put("version", DocumentVersion.name(withdrawn.version()));
				}
				after.put("note", withdrawn.note());
				audit.record(new Act(actor, actsFor, "decision.withdrawn", "decision:" + id, Map.of("status", "OPEN"), after));
				concluded = true;
			}
			// Proposed is audited by propose, which knows the text and the effects; SilenceBroken by its Objected and Closed
		}
		if (concluded) {
			events.publishEvent(new DecisionConcluded(id, saved.body(), saved.kind(), saved.status(), saved.decidedOn(), saved.registerSymbol(),
					saved.application(), saved.refersTo()));
		}
		// an objection or a vote changes no row of the decision: what save read (or kept) is the decision
		return before.id() == 0 || !DecisionRepository.changesTheDecision(change) ? saved : repository.find(id).orElseThrow();
	}

	/**
	 * Applies the adopted decision's effects in order, each by the module owning its data, inside the
	 * adopting transaction, each in a savepoint: one the forum's rules refuse on its day (a member
	 * that has not signed the founding documents, say) leaves nothing of itself, is recorded as
	 * refused with the reason, and the others still apply. Called only by the transaction that
	 * closes the decision under its lock, so each effect applies exactly once.
	 */
	private void applyEffects(Decision decision, DecidedBy by, Instant now, String actor, String actsFor) {
		new EffectApplication(handlers, work -> savepoint.executeWithoutResult(status -> work.run()))
				.apply(repository.effects(decision.id()), by, outcome -> {
					if (outcome.applied()) {
						repository.effectApplied(decision.id(), outcome.position(), now, outcome.from());
					}
					else {
						repository.effectRefused(decision.id(), outcome.position(), outcome.refusal());
					}
					var after = new LinkedHashMap<String, Object>();
					after.put("effect", outcome.position());
					after.put("kind", outcome.kind().name());
					after.put("from", outcome.from().toString());
					if (!outcome.applied()) {
						after.put("refusal", outcome.refusal());
					}
					audit.record(new Act(actor, actsFor, outcome.applied() ? "decision.effect.applied" : "decision.effect.refused",
							"decision:" + decision.id(), null, after));
				});
	}

	/**
	 * Enters a decision the forum's history records (reference data) into the register: adopted on its
	 * day by its body, at its meeting where known or by silence procedure, with its sources, its text
	 * when Kurultai holds the document, the recommendation it followed, and its effects, which the
	 * owning modules link to the history already recorded from the same sources (or record, where
	 * the history lacks them). Numbered in the register like any adopted decision.
	 */
	@Transactional
	public Decision recordHistorical(HistoricalDecision record) {
		var body = record.body().trim().toUpperCase(Locale.ROOT);
		if (!organs.isBody(body)) {
			throw NotFound.of("problem.notFound.body", record.body());
		}
		if (record.meeting() != null && !meetings.exists(record.meeting())) {
			throw NotFound.of("problem.notFound.meeting", record.meeting());
		}
		if (record.document() != null) {
			drafting.document(record.document(), Viewer.PUBLIC);
		}
		if (record.refersTo() != null) {
			var recommendation = repository.find(record.refersTo()).orElseThrow(() -> NotFound.of("problem.notFound.decision", record.refersTo()));
			if (recommendation.kind() != DecisionKind.RECOMMENDATION) {
				throw new ReferralInvalid("problem.decision.notAnAdoptedRecommendation", recommendation.id());
			}
		}
		// the facts of the forum's history are mostly recorded already: no proposal-time check, the handlers link them
		var effects = checkEffects(record.kind(), record.effects(), false);
		int year = record.decidedOn().getYear();
		int number = repository.nextRegisterNumber(body, year);
		var at = record.decidedOn().atStartOfDay(clock.zone()).toInstant();
		var decision = new Decision(0, body, record.kind(), Matter.SUBSTANTIVE, rules.ruleFor(Matter.SUBSTANTIVE, false), null,
				record.document(), record.version(), record.refersTo(), record.procedure(), record.meeting(), List.of(), at,
				"reference:" + record.key(), "SECRETARIAT", null, null, null, 1, DecisionStatus.ADOPTED, at, record.note(), year, number, true,
				record.decidedOn(), record.sources(), null);
		long id = repository.insertRecorded(decision);
		repository.insertEffects(id, effects);
		var register = body + "/" + year + "/" + number;
		var by = new DecidedBy(id, register, body, record.decidedOn(), record.meeting(), record.sources(), true);
		for (var decided : repository.effects(id)) {
			handlers.get(decided.effect().kind()).apply(decided.effect(), by);
			repository.effectApplied(id, decided.position(), clock.now(), decided.effect().effectiveFrom(record.decidedOn()));
		}
		audit.record(new Act(Act.SYSTEM, "SECRETARIAT", "decision.recorded", "decision:" + id, null,
				Map.of("key", record.key(), "register", register, "effects", effects.size())));
		return repository.find(id).orElseThrow();
	}

	/** A decision of the forum's history, as its sources record it; {@code key} names it in the reference data. */
	public record HistoricalDecision(String key, String body, DecisionKind kind, LocalDate decidedOn, Procedure procedure,
			@Nullable String meeting, @Nullable String document, @Nullable Integer version, @Nullable Long refersTo, List<Effect> effects,
			Sources sources, @Nullable String note) {
	}

	/**
	 * A new revision of a text under decision: an open silence procedure moves to the new version and
	 * its clock restarts for the same period (a new round, in which earlier objections no longer
	 * count); a revision that reopens brackets, or one at a meeting, withdraws the proposal. A
	 * procedure whose deadline has already passed is not restarted: the revision waits for its outcome.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void revisionIssued(String document, int version, boolean hasBrackets, String actor, String actsFor) {
		var locked = repository.lockOpenOn(document);
		if (locked.isEmpty()) {
			return;
		}
		commit(locked.get().decision().revisionIssued(version, hasBrackets, now()), actor, actsFor);
	}

	/**
	 * A State files a reservation or interpretive statement (members) or an explanation of position
	 * (members and observers) with a decision under way or adopted, on the whole text or one
	 * paragraph. It is published with the decision and never blocks it.
	 */
	@Transactional
	public PositionStatement file(Account account, long id, StatementKind kind, @Nullable String paragraph, String text) {
		var mandate = rights.of(account, clock.today());
		var viewer = access.viewer(mandate);
		var decision = decision(id, viewer);
		policy.mayFileStatement(mandate, decision, kind).orThrow();
		if (text == null || text.isBlank()) {
			throw InvalidRequest.of("text", "problem.decision.statementText");
		}
		refuseControlCharacters("text", text);
		refuseControlCharacters("paragraph", paragraph);
		String label = null;
		if (paragraph != null && !paragraph.isBlank()) {
			if (decision.document() == null || decision.version() == null) {
				throw NotFound.of("problem.notFound.paragraph", paragraph);
			}
			label = drafting.version(decision.document(), decision.version(), viewer).paragraph(paragraph.trim())
					.orElseThrow(() -> NotFound.of("problem.notFound.paragraph", paragraph)).label();
		}
		var statement = repository.insert(new PositionStatement(0, id, account.participant(), kind, label, text.trim(), account.email(),
				clock.now()));
		audit.record(new Act(account.email(), account.participant(), "statement.filed", "decision:" + id, null,
				Map.of("kind", kind.name(), "paragraph", label == null ? "" : label, "statement", statement.id())));
		return statement;
	}

	public static class DecisionClosed extends RuleViolation {

		DecisionClosed(Decision decision) {
			super("problem.decision.closed", decision.id(), decision.status());
		}

		@Override
		public String rule() {
			return "decision-closed";
		}
	}

	public static class SilencePeriodOver extends RuleViolation {

		SilencePeriodOver(Decision decision) {
			super("problem.decision.silencePeriodOver", decision.id(), decision.deadlineAsSet());
		}

		@Override
		public String rule() {
			return "silence-period-over";
		}
	}

	public static class AlreadyObjected extends RuleViolation {

		AlreadyObjected(String participant) {
			super("problem.decision.alreadyObjected", participant);
		}

		@Override
		public String rule() {
			return "already-objected";
		}
	}

	public static class AlreadyVoted extends RuleViolation {

		AlreadyVoted(String participant) {
			super("problem.decision.alreadyVoted", participant);
		}

		@Override
		public String rule() {
			return "already-voted";
		}
	}

	public static class NotPresent extends RuleViolation {

		NotPresent(@Nullable String participant, @Nullable String meeting) {
			super("problem.decision.notPresent", participant);
		}

		@Override
		public String rule() {
			return "delegation-not-present";
		}
	}

	public static class DecisionPending extends RuleViolation {

		DecisionPending(String symbol) {
			super("problem.decision.pending", symbol);
		}

		@Override
		public String rule() {
			return "decision-already-pending";
		}
	}

	public static class MajorityNeedsAMeeting extends RuleViolation {

		MajorityNeedsAMeeting() {
			super("problem.decision.majorityNeedsAMeeting");
		}

		@Override
		public String rule() {
			return "majority-needs-a-meeting";
		}
	}

	public static class VoteUnderMajorityRule extends RuleViolation {

		VoteUnderMajorityRule() {
			super("problem.decision.voteUnderMajorityRule");
		}

		@Override
		public String rule() {
			return "vote-under-majority-rule";
		}
	}

	public static class NoVoteUnderConsensus extends RuleViolation {

		NoVoteUnderConsensus(DecisionRule rule) {
			super("problem.decision.noVoteUnderConsensus", rule);
		}

		@Override
		public String rule() {
			return "no-vote-under-consensus";
		}
	}

	public static class MeetingOfAnotherBody extends RuleViolation {

		MeetingOfAnotherBody(String meeting, String body) {
			super("problem.decision.meetingOfAnotherBody", meeting, body);
		}

		@Override
		public String rule() {
			return "meeting-of-another-body";
		}
	}

	/** A decision "at" a meeting is taken while the meeting sits, not before it opens or after it ends. */
	public static class MeetingNotInSession extends RuleViolation {

		MeetingNotInSession(String meeting, LocalDate from, LocalDate until, LocalDate today) {
			super("problem.decision.meetingNotInSession", meeting, from, until, today);
		}

		/** The same refusal to one who may not see the meeting: neither its id nor its days. */
		MeetingNotInSession(LocalDate today) {
			super("problem.decision.meetingNotInSessionToday", today);
		}

		@Override
		public String rule() {
			return "meeting-not-in-session";
		}
	}

	public static class SilenceClosesByItself extends RuleViolation {

		SilenceClosesByItself() {
			super("problem.decision.silenceClosesByItself");
		}

		@Override
		public String rule() {
			return "silence-closes-at-deadline";
		}
	}

	public static class ReferralInvalid extends RuleViolation {

		ReferralInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "referral-invalid";
		}
	}
}
