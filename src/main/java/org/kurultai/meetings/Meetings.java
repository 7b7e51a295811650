package org.kurultai.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.organs.Organs;
import org.kurultai.shared.Access;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import org.springframework.transaction.annotation.Transactional;

/** The record of the forum's meetings. */
@Service
@Transactional(readOnly = true)
public class Meetings {

	private final MeetingRepository repository;
	private final Organs organs;
	private final Registry registry;
	private final AuditLog audit;
	private final org.kurultai.shared.ForumClock clock;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final MeetingPolicy policy;
	private final AccessPolicy access;
	private final ObjectProvider<AgendaPapers> papers;
	private final Period registrationClosesBefore;

	Meetings(MeetingRepository repository, Organs organs, Registry registry, AuditLog audit, org.kurultai.shared.ForumClock clock,
			org.springframework.context.ApplicationEventPublisher events, MeetingPolicy policy, AccessPolicy access,
			ObjectProvider<AgendaPapers> papers,
			@Value("${kurultai.forum.meetings.registration-closes-before:P7D}") String registrationClosesBefore) {
		this.events = events;
		this.policy = policy;
		this.access = access;
		this.papers = papers;
		this.registrationClosesBefore = Period.parse(registrationClosesBefore);
		this.repository = repository;
		this.clock = clock;
		this.organs = organs;
		this.registry = registry;
		this.audit = audit;
	}

	/**
	 * Meetings that overlap the span from {@code from} to {@code to} (both optional, inclusive),
	 * optionally of one body, in date order.
	 */
	public List<Meeting> find(@Nullable String body, @Nullable LocalDate from, @Nullable LocalDate to) {
		var span = DateSpan.of(from, to);
		String bodyCode = null;
		if (body != null && !body.isBlank()) {
			bodyCode = body.trim().toUpperCase(java.util.Locale.ROOT);
			if (!organs.isBody(bodyCode)) {
				throw InvalidRequest.of("body", "problem.body.unknown", body);
			}
		}
		return repository.find(bodyCode, span.from(), span.to());
	}

	public Meeting meeting(String id) {
		return repository.find(id).orElseThrow(() -> NotFound.of("problem.notFound.meeting", id));
	}

	/**
	 * The meeting as one who may see records passing the test may know it: empty if it does not
	 * exist or they may not see it. Everything that shows a meeting through another record (the
	 * place of adoption of a text, the meeting of a decision) reads it here.
	 */
	public java.util.Optional<Meeting> meeting(String id, java.util.function.Predicate<Access> maySee) {
		return repository.find(id).filter(meeting -> maySee.test(meeting.access()));
	}

	/**
	 * Which of these meetings exist and may be seen ({@code maySee} of each one's access, as
	 * {@link #meeting(String, java.util.function.Predicate)} decides for one), read in one statement.
	 */
	public java.util.Set<String> visible(java.util.Collection<String> ids, java.util.function.Predicate<Access> maySee) {
		var visible = new java.util.HashSet<String>();
		repository.access(ids).forEach((id, access) -> {
			if (maySee.test(access)) {
				visible.add(id);
			}
		});
		return visible;
	}

	public Map<String, Integer> delegationCounts() {
		return repository.delegationCounts();
	}

	public boolean exists(String id) {
		return repository.exists(id);
	}

	/**
	 * The Secretariat schedules (or records) a meeting of a body: its id is the body's code and
	 * first day, made unique; planned if it lies ahead. Audited. (Who may is checked by {@link #convene}.)
	 */
	@Transactional
	public Meeting schedule(String body, String title, LocalDate from, LocalDate until, @Nullable String place, boolean online,
			@Nullable String host, Access access, LocalDate today, String actor, String actsFor) {
		return create(new Convening(body, title, from, until, place, online, host, access, null), today, actor, actsFor,
				"recorded by the Secretariat");
	}

	/** What a meeting is convened with; {@code until} null is a one-day meeting, {@code registrationCloses} null the default. */
	public record Convening(String body, String title, LocalDate from, @Nullable LocalDate until, @Nullable String place,
			boolean online, @Nullable String host, Access access, @Nullable Instant registrationCloses) {
	}

	/**
	 * The Secretariat, or the chairing State's coordinator for the bodies it chairs ({@link MeetingPolicy}), convenes a
	 * meeting. A meeting ahead gets a registration deadline: the one given, else the end of the day
	 * {@code kurultai.forum.meetings.registration-closes-before} (7 days) before its first day in the forum's time zone;
	 * a deadline after the first day is refused. The chairing State convenes meetings ahead only (a meeting already held is
	 * recorded by the Secretariat). Audited; {@link MeetingConvened} is published inside the transaction.
	 */
	@Transactional
	public Meeting convene(Account account, Convening convening) {
		policy.requireConvene(account, convening.body());
		if (!account.role().isSecretariat() && !convening.from().isAfter(clock.today())) {
			// a meeting on a day gone by (or today) is recorded as held, its plan closed: the forum's history is the Secretariat's
			throw InvalidRequest.of("from", "problem.meeting.conveneAhead", convening.from());
		}
		return create(convening, clock.today(), account.email(), account.actsFor(),
				account.role().isSecretariat() ? "recorded by the Secretariat" : "convened by the chairmanship (" + account.actsFor() + ")");
	}

	private Meeting create(Convening convening, LocalDate today, String actor, String actsFor, String source) {
		var body = convening.body();
		var access = convening.access();
		var host = convening.host() == null || convening.host().isBlank() ? null : convening.host().trim();
		var from = convening.from();
		var until = convening.until() == null ? from : convening.until();
		MeetingPlans.within("from", from);
		MeetingPlans.within("until", until);
		if (until.isBefore(from)) {
			throw InvalidRequest.of("until", "problem.meeting.endsBeforeStart", until, from);
		}
		if (convening.title() == null || convening.title().isBlank()) {
			throw InvalidRequest.of("title", "problem.meeting.titleRequired");
		}
		if (convening.title().strip().length() > MeetingPlans.TITLE_LENGTH) {
			throw InvalidRequest.of("title", "problem.meeting.titleTooLong", MeetingPlans.TITLE_LENGTH);
		}
		MeetingPlans.plain("title", convening.title().strip(), false);
		var typedPlace = blankToNull(convening.place());
		if (!convening.online() && typedPlace != null) {
			MeetingPlans.place(typedPlace);
		}
		var code = body.trim().toUpperCase(java.util.Locale.ROOT);
		if (!organs.isBody(code)) {
			throw InvalidRequest.of("body", "problem.body.unknown", body);
		}
		for (var participant : access.named()) {
			if (!MeetingPlans.isCode(participant) || !registry.isRegistered(ParticipantCode.parse(participant))) {
				throw InvalidRequest.of("named", "problem.participant.unknown", participant);
			}
		}
		if (host != null && (!MeetingPlans.isCode(host) || !registry.isRegistered(ParticipantCode.parse(host)))) {
			throw InvalidRequest.of("host", "problem.participant.unknown", host);
		}
		// stored as the registry codes it ("kaz" is KAZ), as the foreign key needs
		host = host == null ? null : ParticipantCode.parse(host).value();
		var planned = from.isAfter(today);
		var closes = convening.registrationCloses();
		if (closes != null && (closes.isAfter(MeetingPlans.endOf(from, clock.zone())) || closes.isBefore(MeetingPlans.FIRST_INSTANT))) {
			throw InvalidRequest.of("registrationCloses", "problem.meeting.plan.registrationAfterStart", closes, from);
		}
		if (closes == null && planned) {
			closes = MeetingPlans.defaultRegistrationCloses(from, registrationClosesBefore, clock.zone());
		}
		var id = code + "-" + from;
		for (int n = 2; repository.exists(id); n++) {
			id = code + "-" + from + "-" + n;
		}
		var meeting = new Meeting(id, code, null, convening.title().trim(), from, until, org.kurultai.shared.DatePrecision.DAY,
				planned ? MeetingStatus.PLANNED : MeetingStatus.HELD, convening.online() ? null : blankToNull(convening.place()),
				convening.online(), host, null, null, List.of(), List.of(), org.kurultai.shared.Sources.of(List.of(source)), null, access, 1,
				closes);
		record(meeting, actor);
		var after = new java.util.LinkedHashMap<String, Object>();
		after.put("title", meeting.title());
		after.put("from", from.toString());
		after.put("until", until.toString());
		after.put("access", access.level().name());
		if (closes != null) {
			after.put("registrationCloses", closes.toString());
		}
		audit.record(new Act(actor, actsFor, "meeting.scheduled", "meeting:" + id, null, after));
		events.publishEvent(new MeetingConvened(id));
		return meeting;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * When the current plan of each of these meetings was recorded, for those the viewer may see, read in one statement
	 * (the feeds' and the sitemap's "updated"): a meeting missing or hidden from the viewer is left out.
	 */
	public Map<String, java.time.Instant> currentPlanRecorded(java.util.Collection<String> ids, Viewer viewer) {
		var visible = visible(ids, access.seenBy(viewer));
		var recorded = new java.util.HashMap<>(repository.currentPlanRecorded(visible));
		recorded.keySet().retainAll(visible);
		return recorded;
	}

	/** The meeting's plans, first to current, for one who may see the meeting (else not found). */
	public List<MeetingPlan> plans(String id, Viewer viewer) {
		var meeting = meeting(id);
		if (!access.maySee(viewer, meeting.access())) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		return repository.plans(id);
	}

	/**
	 * A new plan for the meeting ({@link MeetingPlans#next}: with its reason; a cancelled or held meeting does not change),
	 * by one the {@link MeetingPolicy} lets change it (the chairing State to a plan ahead, or calling it off). Under the
	 * meeting's row lock, in one transaction: the plan is kept, the meeting row follows it, the act is audited, and
	 * {@link MeetingChanged} or {@link MeetingCancelled} is published.
	 */
	@Transactional
	public Meeting changePlan(String id, PlanChange change, Account account) {
		if (!repository.lock(id)) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		var current = meeting(id);
		if (!account.role().isSecretariat() && !access.maySee(access.viewer(account, clock.today()), current.access())) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		policy.requireChange(account, current);
		var next = MeetingPlans.next(current, change, clock.today(), clock.zone());
		if (!account.role().isSecretariat() && next.status() == MeetingStatus.HELD) {
			// a plan on a day gone by (or today) makes the meeting held, its plan closed: that record is the Secretariat's
			throw InvalidRequest.of("from", "problem.meeting.conveneAhead", next.from());
		}
		if (next.host() != null && !java.util.Objects.equals(next.host(), current.host())
				&& !registry.isRegistered(ParticipantCode.parse(next.host()))) {
			throw InvalidRequest.of("host", "problem.participant.unknown", next.host());
		}
		var reason = change.reason().strip();
		var plan = new MeetingPlan(next.plan(), next.from(), next.until(), next.status(), next.place(), next.online(), next.host(),
				next.registrationCloses(), reason, account.email(), clock.now(),
				Sources.of(List.of(account.role().isSecretariat() ? "recorded by the Secretariat" : "recorded by the chairmanship")));
		repository.savePlan(id, plan);
		repository.updateCurrent(next);
		audit.record(new Act(account.email(), account.actsFor(),
				next.status() == MeetingStatus.CANCELLED ? "meeting.cancelled" : "meeting.changed", "meeting:" + id,
				planView(current), planView(next, reason)));
		events.publishEvent(next.status() == MeetingStatus.CANCELLED ? new MeetingCancelled(id, plan.number(), reason)
				: new MeetingChanged(id, plan.number(), reason));
		return next;
	}

	private static Map<String, Object> planView(Meeting meeting) {
		var view = new java.util.LinkedHashMap<String, Object>();
		view.put("plan", meeting.plan());
		view.put("from", meeting.from().toString());
		view.put("until", meeting.until().toString());
		view.put("status", meeting.status().name());
		view.put("online", meeting.online());
		if (meeting.place() != null) {
			view.put("place", meeting.place());
		}
		if (meeting.host() != null) {
			view.put("host", meeting.host());
		}
		if (meeting.registrationCloses() != null) {
			view.put("registrationCloses", meeting.registrationCloses().toString());
		}
		return view;
	}

	private static Map<String, Object> planView(Meeting meeting, String reason) {
		var view = planView(meeting);
		view.put("reason", reason);
		return view;
	}

	/**
	 * The reference data's history of a meeting's plans, first to last (numbered from 1): the meeting follows the last.
	 * A database holds either none of the meeting's plan rows (V32 took away the one a first load derived from the meeting
	 * as held), or the first plan only (the loader recorded the meeting from its first plan), or the whole history already;
	 * anything else is refused. Audited.
	 */
	@Transactional
	public void recordPlanHistory(String id, List<MeetingPlan> history) {
		if (!repository.lock(id)) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		if (history.isEmpty()) {
			throw new Meeting.MeetingInvalid("problem.meeting.planHistory", id);
		}
		for (int i = 0; i < history.size(); i++) {
			if (history.get(i).number() != i + 1 || (i > 0 && (history.get(i).reason() == null || history.get(i).reason().isBlank()))) {
				throw new Meeting.MeetingInvalid("problem.meeting.planHistory", id);
			}
		}
		var current = meeting(id);
		var recorded = repository.plans(id);
		if (recorded.size() > history.size()) {
			throw new Meeting.MeetingInvalid("problem.meeting.planHistory", id);
		}
		for (int i = 0; i < recorded.size(); i++) {
			if (!recorded.get(i).samePlanAs(history.get(i))) {
				throw new Meeting.MeetingInvalid("problem.meeting.planHistory", id);
			}
		}
		for (var plan : history.subList(recorded.size(), history.size())) {
			repository.savePlan(id, plan);
		}
		var last = history.get(history.size() - 1);
		var now = new Meeting(current.id(), current.body(), current.number(), current.title(), last.from(), last.until(),
				current.precision(), last.status(), last.place(), last.online(), last.host(), current.chair(), current.chairedBy(),
				current.outcomes(), current.delegations(), current.sources(), current.note(), current.access(), last.number(),
				last.registrationCloses());
		repository.updateCurrent(now);
		audit.record(new Act(Act.SYSTEM, "SECRETARIAT", "meeting.planHistory", "meeting:" + id, planView(current), planView(now)));
	}

	/** A paper's place on an agenda item, as asked: its title, the documents (ids) and decisions (ids) under it, its status. */
	public record ItemDraft(@Nullable String title, @Nullable List<String> documents, @Nullable List<Long> decisions,
			@Nullable AgendaItemStatus status) {
	}

	/** The agenda as a whole, as asked: its items in order, whether adopted, and (once adopted) why it changes. */
	public record AgendaDraft(List<ItemDraft> items, boolean adopted, @Nullable String reason) {
	}

	/** The longest agenda and item title kept. */
	public static final int AGENDA_ITEMS = 100;
	public static final int ITEM_TITLE = 500;

	/**
	 * The meeting's agenda versions, oldest first, as the viewer may know them: the meeting at its access level (else
	 * not found), under each item only the documents and decisions the viewer may see, and who saved each version only for
	 * the Secretariat (otherwise blank).
	 */
	public List<Agenda> agendas(String id, Viewer viewer) {
		var meeting = meeting(id);
		if (!access.maySee(viewer, meeting.access())) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		var agendas = repository.agendas(id);
		if (agendas.isEmpty()) {
			return agendas;
		}
		var papers = this.papers.getIfAvailable();
		var documents = papers == null ? Map.<String, String>of() : papers.visibleDocuments(viewer);
		var decisions = papers == null ? java.util.Set.<Long>of() : papers.visibleDecisions(viewer);
		var knowsWho = policy.mayKnowWhoRecorded(viewer);
		return agendas.stream().map(agenda -> new Agenda(agenda.meeting(), agenda.version(), agenda.adopted(),
				agenda.items().stream().map(item -> new AgendaItem(item.number(), item.title(), item.status(),
						item.documents().stream().filter(documents::containsValue).toList(),
						item.decisions().stream().filter(decisions::contains).toList())).toList(),
				agenda.reason(), knowsWho ? agenda.recordedBy() : "", agenda.recordedAt())).toList();
	}

	/**
	 * Saves the meeting's whole agenda as its next version, by one the {@link MeetingPolicy} lets change the meeting, under
	 * the meeting's row lock. Refused: a cancelled meeting's agenda; no item, a blank title, a document or decision the
	 * editor may not see (or that does not exist); adopting before the opening (the first day); taking adoption back; a
	 * change to an adopted agenda without its reason; a version saying nothing new. Audited.
	 */
	@Transactional
	public Agenda saveAgenda(String id, AgendaDraft draft, Account account) {
		if (!repository.lock(id)) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		var meeting = meeting(id);
		var today = clock.today();
		var viewer = access.viewer(account, today);
		if (!access.maySee(viewer, meeting.access())) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		policy.requireChange(account, meeting);
		if (meeting.status() == MeetingStatus.CANCELLED) {
			throw new AgendaRefused("problem.agenda.cancelled", id);
		}
		if (draft.items() == null || draft.items().isEmpty()) {
			throw InvalidRequest.of("items", "problem.agenda.noItems");
		}
		if (draft.items().size() > AGENDA_ITEMS) {
			throw InvalidRequest.of("items", "problem.agenda.tooManyItems", AGENDA_ITEMS);
		}
		var papers = this.papers.getIfAvailable();
		var visibleDocuments = papers == null ? Map.<String, String>of() : papers.visibleDocuments(viewer);
		var visibleDecisions = papers == null ? java.util.Set.<Long>of() : papers.visibleDecisions(viewer);
		var items = new ArrayList<AgendaItem>();
		for (var draftItem : draft.items()) {
			int number = items.size() + 1;
			if (draftItem == null || draftItem.title() == null || draftItem.title().isBlank()) {
				throw InvalidRequest.of("items[" + number + "].title", "problem.agenda.itemTitle", number);
			}
			if (draftItem.title().strip().length() > ITEM_TITLE) {
				throw InvalidRequest.of("items[" + number + "].title", "problem.agenda.itemTitleTooLong", number, ITEM_TITLE);
			}
			MeetingPlans.plain("items[" + number + "].title", draftItem.title().strip(), false);
			var documents = new java.util.LinkedHashSet<String>();
			for (var document : draftItem.documents() == null ? List.<String>of() : draftItem.documents()) {
				var known = java.util.Optional.ofNullable(document == null ? null
						: visibleDocuments.get(document.strip().toUpperCase(java.util.Locale.ROOT)));
				if (known.isEmpty()) {
					throw InvalidRequest.of("items[" + number + "].documents", "problem.agenda.unknownDocument", number,
							document == null ? "" : document);
				}
				documents.add(known.get());
			}
			var decisions = new java.util.LinkedHashSet<Long>();
			for (var decision : draftItem.decisions() == null ? List.<Long>of() : draftItem.decisions()) {
				if (decision == null || !visibleDecisions.contains(decision)) {
					throw InvalidRequest.of("items[" + number + "].decisions", "problem.agenda.unknownDecision", number,
							decision == null ? "" : decision);
				}
				decisions.add(decision);
			}
			items.add(new AgendaItem(number, draftItem.title().strip(),
					draftItem.status() == null ? AgendaItemStatus.PROPOSED : draftItem.status(), List.copyOf(documents),
					List.copyOf(decisions)));
		}
		var reason = draft.reason() == null || draft.reason().isBlank() ? null : draft.reason().strip();
		if (reason != null && reason.length() > MeetingPlans.REASON_LENGTH) {
			throw InvalidRequest.of("reason", "problem.meeting.plan.reasonTooLong", MeetingPlans.REASON_LENGTH);
		}
		if (reason != null) {
			MeetingPlans.plain("reason", reason, true);
		}
		var versions = repository.agendas(id);
		var current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
		if (draft.adopted() && meeting.from().isAfter(today)) {
			throw new AgendaRefused("problem.agenda.adoptedAtOpening", id, meeting.from());
		}
		if (current != null && current.adopted()) {
			if (!draft.adopted()) {
				throw new AgendaRefused("problem.agenda.staysAdopted", id);
			}
			if (reason == null) {
				throw InvalidRequest.of("reason", "problem.agenda.reasonRequired");
			}
		}
		if (current != null && papers != null) {
			keepHiddenPapers(current, items, visibleDocuments, visibleDecisions);
		}
		if (current != null && current.sameAs(draft.adopted(), items)) {
			throw new AgendaRefused("problem.agenda.unchanged", id);
		}
		var agenda = new Agenda(id, current == null ? 1 : current.version() + 1, draft.adopted(), items, reason, account.email(),
				clock.now());
		repository.saveAgenda(agenda);
		var after = new java.util.LinkedHashMap<String, Object>();
		after.put("version", agenda.version());
		after.put("adopted", agenda.adopted());
		after.put("items", items.stream().map(item -> item.number() + ". " + item.title() + " [" + item.status() + "]").toList());
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(new Act(account.email(), account.actsFor(), "meeting.agenda", "meeting:" + id,
				current == null ? null : Map.of("version", current.version(), "adopted", current.adopted()), after));
		return agenda;
	}

	/**
	 * What the editor may not see under the current version's items (a paper at a level above theirs) stays under the item
	 * of the same title (ignoring case; each earlier item matched once, in order): an editor changes the agenda as they see
	 * it, and does not drop papers they cannot know of by saving it. An item taken off the agenda goes with all its papers.
	 */
	private static void keepHiddenPapers(Agenda current, List<AgendaItem> items, Map<String, String> visibleDocuments,
			java.util.Set<Long> visibleDecisions) {
		var unmatched = new ArrayList<AgendaItem>(current.items());
		for (int i = 0; i < items.size(); i++) {
			var item = items.get(i);
			var before = unmatched.stream().filter(old -> old.title().equalsIgnoreCase(item.title())).findFirst().orElse(null);
			if (before == null) {
				continue;
			}
			unmatched.remove(before);
			var documents = new java.util.LinkedHashSet<String>(item.documents());
			before.documents().stream().filter(document -> !visibleDocuments.containsValue(document)).forEach(documents::add);
			var decisions = new java.util.LinkedHashSet<Long>(item.decisions());
			before.decisions().stream().filter(decision -> !visibleDecisions.contains(decision)).forEach(decisions::add);
			items.set(i, new AgendaItem(item.number(), item.title(), item.status(), List.copyOf(documents), List.copyOf(decisions)));
		}
	}

	/** An agenda that cannot be saved as asked. */
	public static class AgendaRefused extends org.kurultai.shared.RuleViolation {

		AgendaRefused(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "meeting-agenda";
		}
	}

	/** Records a meeting of a body, refusing one whose body, host, chair or delegations are unknown. */
	@Transactional
	public void record(Meeting meeting) {
		record(meeting, "reference data");
	}

	private void record(Meeting meeting, String recordedBy) {
		if (!organs.isBody(meeting.body())) {
			throw NotFound.of("problem.notFound.body", meeting.body());
		}
		for (var participant : participantsNamedIn(meeting)) {
			if (!registry.isRegistered(ParticipantCode.of(participant))) {
				throw NotFound.of("problem.notFound.participant", participant);
			}
		}
		if (repository.exists(meeting.id())) {
			throw new MeetingAlreadyRecorded(meeting.id());
		}
		repository.save(meeting, recordedBy, clock.now());
	}

	private static List<String> participantsNamedIn(Meeting meeting) {
		var named = new java.util.ArrayList<String>();
		if (meeting.host() != null) {
			named.add(meeting.host());
		}
		if (meeting.chair() != null) {
			named.add(meeting.chair());
		}
		meeting.delegations().forEach(delegation -> named.add(delegation.participant()));
		return named;
	}

	/** A meeting is recorded once. */
	public static class MeetingAlreadyRecorded extends org.kurultai.shared.RuleViolation {

		MeetingAlreadyRecorded(String id) {
			super("Meeting " + id + " is already recorded");
		}

		@Override
		public String rule() {
			return "meeting-already-recorded";
		}
	}
}
