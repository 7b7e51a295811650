package org.kurultai.decisions;

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
import org.kurultai.registry.Standing;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions of the forum's bodies. The chair (or the Secretariat) puts an agreed text for
 * decision at a meeting or under a silence procedure; member delegations object or, between
 * meetings, break silence in writing with their reasons; the forum's rule judges the outcome; the
 * register numbers what is adopted. Every act is audited in its own transaction. A decision is
 * seen by whoever may see its document.
 */
@Service
@Transactional(readOnly = true)
public class Decisions {

	/** The longest a silence procedure may run: a year, far beyond any forum's practice (days to weeks). */
	static final Duration LONGEST_SILENCE = Duration.ofDays(366);

	private final DecisionRepository repository;
	private final DecisionRules rules;
	private final Drafting drafting;
	private final org.kurultai.drafting.Facilitation facilitation;
	private final AccessPolicy access;
	private final ActingRights rights;
	private final Organs organs;
	private final Meetings meetings;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;

	Decisions(DecisionRepository repository, DecisionRules rules, Drafting drafting, org.kurultai.drafting.Facilitation facilitation, AccessPolicy access, ActingRights rights,
			Organs organs, Meetings meetings, Registry registry, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.rules = rules;
		this.drafting = drafting;
		this.facilitation = facilitation;
		this.access = access;
		this.rights = rights;
		this.organs = organs;
		this.meetings = meetings;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	public DecisionRules rules() {
		return rules;
	}

	/** The decisions the viewer may see (those on documents they may see), newest first, optionally of one body and year. */
	public List<Decision> register(Viewer viewer, @Nullable String body, @Nullable Integer year) {
		var documents = drafting.documents(viewer).stream().map(NegotiatedDocument::id).collect(Collectors.toSet());
		var code = body == null || body.isBlank() ? null : body.trim().toUpperCase(Locale.ROOT);
		if (code != null && !organs.isBody(code)) {
			throw InvalidRequest.of("body", "problem.body.unknown", body);
		}
		var seen = new HashMap<String, Boolean>();
		return repository.all().stream().filter(decision -> documents.contains(decision.document()))
				.filter(decision -> code == null || decision.body().equals(code))
				.filter(decision -> year == null || year.equals(decision.registerYear())
						|| (decision.registerYear() == null && LocalDate.ofInstant(decision.proposedAt(), clock.zone()).getYear() == year))
				.map(decision -> asSeenBy(decision, viewer, seen))
				.toList();
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

	public Decision decision(long id, Viewer viewer) {
		var decision = repository.find(id).orElseThrow(() -> NotFound.of("problem.notFound.decision", id));
		try {
			drafting.document(decision.document(), viewer);
		}
		catch (NotFound hidden) {
			throw NotFound.of("problem.notFound.decision", id);
		}
		return asSeenBy(decision, viewer, new HashMap<>());
	}

	public List<Decision> ofDocument(String document, Viewer viewer) {
		var seen = new HashMap<String, Boolean>();
		return repository.ofDocument(drafting.document(document, viewer).id()).stream().map(decision -> asSeenBy(decision, viewer, seen))
				.toList();
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

	/** What the person may do on this decision now, for the pages. */
	public Permissions permissions(Decision decision, @Nullable Account account) {
		if (account == null) {
			return new Permissions(false, false, false, false);
		}
		var mandate = rights.of(account, clock.today());
		boolean open = decision.open() && !(decision.silence() && decision.dueAt(clock.now()));
		// the Secretariat and experts act for no State: they are never "present" as a delegation
		boolean present = decision.silence() || (account.participant() != null && decision.present().contains(account.participant()));
		boolean consensus = decision.rule() != DecisionRule.SIMPLE_MAJORITY;
		boolean facilitates = open && !decision.silence() && facilitation.mayFacilitate(mandate);
		return new Permissions(open && consensus && present && mandate.mayObject(),
				open && !consensus && present && mandate.mayObject(), facilitates,
				(decision.open() || decision.status() == DecisionStatus.ADOPTED) && mandate.maySpeak());
	}

	public record Permissions(boolean mayObject, boolean mayVote, boolean mayClose, boolean mayFileStatement) {
	}

	/**
	 * The chair or the Secretariat puts the exact version of a document for decision by a body:
	 * at a meeting with the delegations present, or under a silence procedure with a deadline
	 * given as a wall time in an explicit time zone. A text with brackets is refused; a referral
	 * carries the exact version the lower body recommended.
	 */
	@Transactional
	public Decision propose(Account account, Proposal proposal) {
		var mandate = rights.of(account, clock.today());
		var viewer = access.viewer(account, clock.today());
		var document = drafting.document(proposal.document(), viewer);
		drafting.refuseUnlessFacilitating(mandate);
		var body = proposal.body().trim().toUpperCase(Locale.ROOT);
		if (!organs.isBody(body)) {
			throw InvalidRequest.of("body", "problem.body.unknown", proposal.body());
		}
		int version = proposal.version();
		Long refersTo = null;
		if (proposal.refersTo() != null) {
			var recommendation = decision(proposal.refersTo(), viewer);
			checkReferral(recommendation, body, document, version);
			refersTo = recommendation.id();
		}
		var text = drafting.textForDecision(document.id(), version);
		if (!repository.openOn(document.id()).isEmpty()) {
			throw new DecisionPending(document.symbol());
		}
		var concerned = proposal.concerned() == null || proposal.concerned().isBlank() ? null
				: proposal.concerned().trim().toUpperCase(Locale.ROOT);
		if (concerned != null && !registry.isRegistered(ParticipantCode.parse(concerned))) {
			throw InvalidRequest.of("concerned", "problem.participant.unknown", proposal.concerned());
		}
		var matter = proposal.matter() == null ? Matter.SUBSTANTIVE : proposal.matter();
		var rule = rules.ruleFor(matter, concerned != null);
		var kind = proposal.kind() == null ? DecisionKind.DECISION : proposal.kind();
		var now = clock.now();
		Decision decision;
		if (proposal.procedure() == Procedure.SILENCE) {
			if (rule == DecisionRule.SIMPLE_MAJORITY) {
				throw new MajorityNeedsAMeeting();
			}
			var zone = zone(proposal.timeZone());
			if (proposal.deadline() == null) {
				throw InvalidRequest.of("deadline", "problem.decision.deadlineNeeded");
			}
			var deadline = proposal.deadline().atZone(zone).toInstant();
			if (!deadline.isAfter(now)) {
				throw InvalidRequest.of("deadline", "problem.decision.deadlinePassed", proposal.deadline().atZone(zone));
			}
			if (deadline.isAfter(now.plus(LONGEST_SILENCE))) {
				throw InvalidRequest.of("deadline", "problem.decision.silenceTooLong", LONGEST_SILENCE.toDays(), proposal.deadline().atZone(zone));
			}
			long seconds = Math.max(1, (Duration.between(now, deadline).toMillis() + 999) / 1000);
			decision = new Decision(0, body, kind, matter, rule, concerned, document.id(), text.number(), refersTo, Procedure.SILENCE,
					null, List.of(), now, account.email(), account.actsFor(), deadline, zone, seconds, 1, DecisionStatus.OPEN, null, null,
					null, null);
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
			for (var code : proposal.present() == null ? List.<String>of() : proposal.present()) {
				var normalized = code.trim().toUpperCase(Locale.ROOT);
				if (!registry.isRegistered(ParticipantCode.parse(normalized))) {
					throw InvalidRequest.of("present", "problem.participant.unknown", code);
				}
				if (!present.contains(normalized)) {
					present.add(normalized);
				}
			}
			if (present.isEmpty()) {
				throw InvalidRequest.of("present", "problem.decision.presentNeeded");
			}
			decision = new Decision(0, body, kind, matter, rule, concerned, document.id(), text.number(), refersTo, Procedure.MEETING,
					meeting.id(), present, now, account.email(), account.actsFor(), null, null, null, 1, DecisionStatus.OPEN, null, null,
					null, null);
		}
		long id = repository.insert(decision);
		var after = new LinkedHashMap<String, Object>();
		after.put("document", document.id());
		after.put("version", text.name());
		after.put("procedure", decision.procedure().name());
		after.put("rule", rule.name());
		if (decision.deadline() != null) {
			after.put("deadline", decision.deadlineAsSet().toString());
		}
		audit.record(new Act(account.email(), account.actsFor(),
				decision.silence() ? "silence.circulated" : "decision.proposed", "decision:" + id, null, after));
		return repository.find(id).orElseThrow();
	}

	public record Proposal(String body, String document, int version, @Nullable DecisionKind kind, @Nullable Matter matter,
			@Nullable String concerned, Procedure procedure, @Nullable String meeting, @Nullable List<String> present,
			@Nullable LocalDateTime deadline, @Nullable String timeZone, @Nullable Long refersTo) {
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
		if (!recommendation.document().equals(document.id()) || recommendation.version() != version) {
			throw new ReferralInvalid("problem.decision.referralText", DocumentVersion.name(recommendation.version()), recommendation.document());
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
	 * second one by the same State in the same round, is refused and changes nothing.
	 */
	@Transactional
	public Objection object(Account account, long id, String reasons) {
		var viewer = access.viewer(account, clock.today());
		decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		var decision = repository.lockShared(id).orElseThrow();
		var now = clock.now();
		refuseUnlessOpen(decision, now);
		if (decision.rule() == DecisionRule.SIMPLE_MAJORITY) {
			throw new VoteUnderMajorityRule();
		}
		if (!mandate.mayObject()) {
			throw NotAllowed.of(decision.silence() ? "problem.decision.onlyMembersBreakSilence" : "problem.decision.onlyMembersObject", account.actsFor(), mandate.on());
		}
		var participant = account.participant();
		if (!decision.silence() && !decision.present().contains(participant)) {
			throw new NotPresent(participant, decision.meeting());
		}
		if (reasons == null || reasons.isBlank()) {
			throw InvalidRequest.of("reasons", decision.silence() ? "problem.decision.silenceReasons" : "problem.decision.reasons");
		}
		var objection = new Objection(0, id, decision.round(), participant, account.email(), reasons.trim(), now);
		if (!repository.insert(objection)) {
			throw new AlreadyObjected(participant);
		}
		audit.record(new Act(account.email(), participant, decision.silence() ? "silence.broken" : "decision.objection",
				"decision:" + id, null, Map.of("round", decision.round(), "reasons", reasons.trim())));
		return repository.objections(id).stream().filter(o -> o.participant().equals(participant) && o.round() == decision.round())
				.findFirst().orElseThrow();
	}

	/** Under a majority rule, a member delegation present votes once. */
	@Transactional
	public CastVote vote(Account account, long id, Vote vote) {
		var viewer = access.viewer(account, clock.today());
		decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		var decision = repository.lockShared(id).orElseThrow();
		refuseUnlessOpen(decision, clock.now());
		if (decision.rule() != DecisionRule.SIMPLE_MAJORITY) {
			throw new NoVoteUnderConsensus(decision.rule());
		}
		if (!mandate.mayObject()) {
			throw NotAllowed.of("problem.decision.onlyMembersVote", account.actsFor(), mandate.on());
		}
		if (!decision.present().contains(account.participant())) {
			throw new NotPresent(account.participant(), decision.meeting());
		}
		var cast = new CastVote(account.participant(), vote, account.email(), clock.now());
		if (!repository.insert(id, cast)) {
			throw new AlreadyVoted(account.participant());
		}
		audit.record(new Act(account.email(), account.participant(), "decision.vote", "decision:" + id, null, Map.of("vote", vote.name())));
		return cast;
	}

	/** The chair closes the item at the meeting: the rule judges who, being present, objected or voted. */
	@Transactional
	public Decision close(Account account, long id) {
		var viewer = access.viewer(account, clock.today());
		var visible = decision(id, viewer);
		drafting.refuseUnlessFacilitating(rights.of(account, clock.today()));
		if (visible.silence()) {
			throw new SilenceClosesByItself();
		}
		drafting.lockForDecision(visible.document());
		var decision = repository.lock(id).orElseThrow();
		if (!decision.open()) {
			throw new DecisionClosed(decision);
		}
		if (decision.meeting() != null) {
			refuseUnlessInSession(meetings.meeting(decision.meeting()),
					meetings.meeting(decision.meeting(), access.seenBy(viewer)).isPresent());
		}
		return conclude(decision, clock.now(), account.email(), account.actsFor());
	}

	/**
	 * Closes a silence procedure whose deadline has passed, exactly once: under the document's and
	 * the decision's row locks, and only if it is still open, so a second closer (another instance,
	 * a retry after a crash) finds it closed and does nothing. Returns whether this call closed it.
	 */
	@Transactional
	public boolean closeIfDue(long id, Instant now) {
		var peek = repository.find(id).orElse(null);
		if (peek == null || !peek.dueAt(now)) {
			return false;
		}
		drafting.lockForDecision(peek.document());
		var decision = repository.lock(id).orElseThrow();
		var current = clock.now().isAfter(now) ? clock.now() : now;
		if (!decision.dueAt(current)) {
			return false;
		}
		conclude(decision, current, Act.SYSTEM, "SECRETARIAT");
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

	private Decision conclude(Decision decision, Instant now, String actor, String actsFor) {
		var day = LocalDate.ofInstant(decision.silence() ? decision.deadline() : now, clock.zone());
		var members = registry.standingsOn(day, ParticipantStatus.MEMBER).stream().map(Standing::code).map(ParticipantCode::value)
				.collect(Collectors.toSet());
		var objecting = repository.objections(decision.id()).stream().filter(o -> o.round() == decision.round())
				.map(Objection::participant).collect(Collectors.toSet());
		var votes = new HashMap<String, Vote>();
		repository.votes(decision.id()).forEach(vote -> votes.put(vote.participant(), vote.vote()));
		var deliberation = new DecisionRule.Deliberation(members, decision.silence() ? null : Set.copyOf(decision.present()), objecting,
				votes, decision.concerned());
		var outcome = decision.rule().judge(deliberation);
		var status = outcome.adopted() ? DecisionStatus.ADOPTED : decision.silence() ? DecisionStatus.SILENCE_BROKEN : DecisionStatus.NOT_ADOPTED;
		Integer year = null;
		Integer number = null;
		if (outcome.adopted()) {
			year = day.getYear();
			number = repository.nextRegisterNumber(decision.body(), year);
			drafting.recordOutcome(decision.document(),
					decision.kind() == DecisionKind.RECOMMENDATION ? DocumentStatus.RECOMMENDED : DocumentStatus.ADOPTED, day,
					decision.meeting());
		}
		var note = outcome.explanation() + (decision.silence() ? "" : Decision.PRESENT + String.join(", ", decision.present()) + ".");
		repository.close(decision.id(), status, now, note, year, number);
		var after = new LinkedHashMap<String, Object>();
		after.put("status", status.name());
		after.put("objections", outcome.countedObjections().stream().sorted().toList());
		after.put("register", number == null ? "" : decision.body() + "/" + year + "/" + number);
		audit.record(new Act(actor, actsFor, decision.silence() ? "silence.closed" : "decision.closed", "decision:" + decision.id(),
				Map.of("status", "OPEN"), after));
		return repository.find(decision.id()).orElseThrow();
	}

	/**
	 * A new revision of a text under decision: an open silence procedure moves to the new version and
	 * its clock restarts for the same period (a new round, in which earlier objections no longer
	 * count); a revision that reopens brackets, or one at a meeting, withdraws the proposal. A
	 * procedure whose deadline has already passed is not restarted: the revision waits for its outcome.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void revisionIssued(String document, int version, boolean hasBrackets, String actor, String actsFor) {
		for (var id : repository.openOn(document)) {
			var decision = repository.lock(id).orElseThrow();
			if (!decision.open()) {
				continue;
			}
			var now = clock.now();
			if (decision.dueAt(now)) {
				throw new SilencePeriodOver(decision);
			}
			if (decision.silence() && !hasBrackets) {
				var deadline = now.plusSeconds(decision.silenceSeconds() == null ? 0 : decision.silenceSeconds());
				repository.restart(id, version, deadline);
				audit.record(new Act(actor, actsFor, "silence.restarted", "decision:" + id, Map.of("version", decision.version()),
						Map.of("version", DocumentVersion.name(version), "deadline", deadline.atZone(decision.timeZone()).toString(),
								"round", decision.round() + 1)));
			}
			else {
				repository.close(id, DecisionStatus.WITHDRAWN, now,
						"Withdrawn: %s of the text was issued%s.".formatted(DocumentVersion.name(version),
								hasBrackets ? " with bracketed paragraphs" : ""), null, null);
				audit.record(new Act(actor, actsFor, "decision.withdrawn", "decision:" + id, Map.of("status", "OPEN"),
						Map.of("status", "WITHDRAWN", "version", DocumentVersion.name(version))));
			}
		}
	}

	/**
	 * A State files a reservation or interpretive statement (members) or an explanation of position
	 * (members and observers) with a decision under way or adopted, on the whole text or one
	 * paragraph. It is published with the decision and never blocks it.
	 */
	@Transactional
	public PositionStatement file(Account account, long id, StatementKind kind, @Nullable String paragraph, String text) {
		var viewer = access.viewer(account, clock.today());
		var decision = decision(id, viewer);
		var mandate = rights.of(account, clock.today());
		if (kind.membersOnly() ? !mandate.mayObject() : !mandate.maySpeak()) {
			throw NotAllowed.of(kind.membersOnly() ? "problem.decision.statementByMembers" : "problem.decision.statementByDelegations", kind,
					account.actsFor(), mandate.on());
		}
		if (!(decision.open() || decision.status() == DecisionStatus.ADOPTED)) {
			throw new DecisionClosed(decision);
		}
		if (text == null || text.isBlank()) {
			throw InvalidRequest.of("text", "problem.decision.statementText");
		}
		String label = null;
		if (paragraph != null && !paragraph.isBlank()) {
			label = drafting.version(decision.document(), decision.version(), viewer).paragraph(paragraph.trim())
					.orElseThrow(() -> NotFound.of("problem.notFound.paragraph", paragraph)).label();
		}
		var statement = new PositionStatement(0, id, account.participant(), kind, label, text.trim(), account.email(), clock.now());
		long statementId = repository.insert(statement);
		audit.record(new Act(account.email(), account.participant(), "statement.filed", "decision:" + id, null,
				Map.of("kind", kind.name(), "paragraph", label == null ? "" : label, "statement", statementId)));
		return repository.statements(id).stream().filter(s -> s.id() == statementId).findFirst().orElseThrow();
	}

	private static void refuseUnlessOpen(Decision decision, Instant now) {
		if (!decision.open()) {
			throw new DecisionClosed(decision);
		}
		if (decision.dueAt(now)) {
			throw new SilencePeriodOver(decision);
		}
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
