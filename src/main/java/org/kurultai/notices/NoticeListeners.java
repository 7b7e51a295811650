package org.kurultai.notices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.Decision;
import org.kurultai.decisions.DecisionConcluded;
import org.kurultai.decisions.DecisionProposed;
import org.kurultai.decisions.DecisionStatus;
import org.kurultai.decisions.Decisions;
import org.kurultai.decisions.SilenceBroken;
import org.kurultai.decisions.SilenceRestarted;
import org.kurultai.drafting.AmendmentProposed;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.RevisionIssued;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.AccreditationChanged;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingCancelled;
import org.kurultai.meetings.MeetingChanged;
import org.kurultai.meetings.MeetingConvened;
import org.kurultai.meetings.Meetings;
import org.kurultai.meetings.RegistrationClosing;
import org.kurultai.shared.ForumClock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the forum's events into notices, synchronously in the transaction that publishes them (an act and what it
 * tells commit together or not at all). Each recipient is an active account that may see the record, asked through
 * the module's viewer-taking read path; the person whose act it is (the event's actor, or the account making the
 * request) is not told of their own act.
 */
@Component
class NoticeListeners {

	private final Notices notices;
	private final Texts texts;
	private final Accounts accounts;
	private final AccessPolicy access;
	private final Meetings meetings;
	private final Decisions decisions;
	private final Drafting drafting;
	private final ForumClock clock;

	NoticeListeners(Notices notices, Texts texts, Accounts accounts, AccessPolicy access, Meetings meetings, Decisions decisions,
			Drafting drafting, ForumClock clock) {
		this.notices = notices;
		this.texts = texts;
		this.accounts = accounts;
		this.access = access;
		this.meetings = meetings;
		this.decisions = decisions;
		this.drafting = drafting;
		this.clock = clock;
	}

	/** An active account and the viewer it is today. */
	private record Person(Account account, Viewer viewer) {

		@Nullable Capacity capacity() {
			return viewer.mandate() == null ? null : viewer.mandate().capacity();
		}

		boolean delegation() {
			var capacity = capacity();
			return capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION
					|| capacity == Capacity.PARTNER_DELEGATION;
		}

		/** A member's or an observer's delegation: those who take part in negotiations and decisions. */
		boolean negotiates() {
			var capacity = capacity();
			return capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION;
		}

		boolean officer() {
			return account.role() == Role.SECRETARIAT_OFFICER && capacity() == Capacity.SECRETARIAT;
		}

		/** What decides what the person may see (AccessPolicy: capacity and participant): people alike see alike. */
		String sight() {
			return capacity() + ":" + account.participant();
		}
	}

	/** Per event: what each kind of viewer may see, read once per kind of viewer through the read path. */
	private static final class Sight<T> {

		private final Map<String, Optional<T>> seen = new java.util.HashMap<>();

		@Nullable T of(Person person, java.util.function.Function<Person, @Nullable T> read) {
			return seen.computeIfAbsent(person.sight(), key -> Optional.ofNullable(read.apply(person))).orElse(null);
		}
	}

	/** The active accounts, less those whose act it is (the request's own account and any named). */
	private List<Person> people(UUID... actors) {
		return people(account -> true, actors);
	}

	/** The active accounts the event may concern ({@code concerned}), less those whose act it is. */
	private List<Person> people(java.util.function.Predicate<Account> concerned, UUID... actors) {
		var excluded = new HashSet<UUID>(List.of(actors));
		var current = access.currentViewer().mandate();
		if (current != null) {
			excluded.add(current.account().id());
		}
		var today = clock.today();
		var people = new ArrayList<Person>();
		for (var account : accounts.all()) {
			boolean told = account.role() == Role.SECRETARIAT_OFFICER || account.role().actsForAParticipant();
			if (told && account.active() && !excluded.contains(account.id()) && concerned.test(account)) {
				people.add(new Person(account, access.viewer(account, today)));
			}
		}
		return people;
	}

	/** Tells each person their own text (null: they are not told, e.g. they may not see the record). */
	private void tell(NoticeKind kind, String key, List<Person> people, BiFunction<Person, Account, Notices.@Nullable Told> content) {
		var told = new LinkedHashMap<Account, Notices.Told>();
		for (var person : people) {
			var text = content.apply(person, person.account());
			if (text != null) {
				told.put(person.account(), text);
			}
		}
		notices.tell(kind, key, told.keySet(), told::get);
	}

	// ---------------------------------------------------------------- meetings

	@EventListener
	void convened(MeetingConvened event) {
		// a meeting the Secretariat records after the fact (held already) convenes no one
		if (meetings.meeting(event.meeting()).status() != org.kurultai.meetings.MeetingStatus.PLANNED) {
			return;
		}
		meeting(NoticeKind.MEETING_CONVENED, "meeting-convened:" + event.meeting(), event.meeting(), null, account -> true, null);
	}

	@EventListener
	void changed(MeetingChanged event) {
		meeting(NoticeKind.MEETING_CHANGED, "meeting-changed:" + event.meeting() + ":" + event.plan(), event.meeting(), event.reason(),
				account -> true, null);
	}

	@EventListener
	void cancelled(MeetingCancelled event) {
		meeting(NoticeKind.MEETING_CANCELLED, "meeting-cancelled:" + event.meeting() + ":" + event.plan(), event.meeting(), event.reason(),
				account -> true, null);
	}

	/** The national coordinators of the participants that have not registered (who may see the meeting), only. */
	@EventListener
	void registrationClosing(RegistrationClosing event) {
		var unregistered = Set.copyOf(event.unregistered());
		meeting(NoticeKind.REGISTRATION_CLOSING, "registration-closing:" + event.meeting() + ":" + event.closes().getEpochSecond(),
				event.meeting(), null, account -> account.role() == Role.NATIONAL_COORDINATOR && unregistered.contains(account.participant()),
				person -> person.account().role() == Role.NATIONAL_COORDINATOR && person.delegation()
						&& unregistered.contains(person.account().participant()) ? event.closes() : null);
	}

	/**
	 * A meeting's people: the delegations of the participants who may see it and the Secretariat's officers (or, with
	 * {@code only}, whom it names, and the instant it gives).
	 */
	private void meeting(NoticeKind kind, String key, String id, @Nullable String reason, java.util.function.Predicate<Account> concerned,
			java.util.function.@Nullable Function<Person, @Nullable Instant> only) {
		var sight = new Sight<Meeting>();
		tell(kind, key, people(concerned), (person, reader) -> {
			Instant closes = null;
			if (only != null) {
				closes = only.apply(person);
				if (closes == null) {
					return null;
				}
			}
			else if (!person.delegation() && !person.officer()) {
				return null;
			}
			var meeting = sight.of(person, p -> meetings.meeting(id, access.seenBy(p.viewer())).orElse(null));
			if (meeting == null) {
				return null;
			}
			var language = reader.language();
			var where = meeting.online() ? texts.say(reader, "notices.meeting.online")
					: meeting.place() == null ? texts.say(reader, "notices.meeting.placeUnknown") : meeting.place();
			var days = Texts.days(meeting.from(), meeting.until(), language);
			var t = kind.template();
			var title = texts.say(reader, "notices." + t + ".title", meeting.title());
			var body = switch (kind) {
				case MEETING_CONVENED, MEETING_CHANGED -> texts.say(reader, "notices." + t + ".body", meeting.title(), days, where,
						reason == null ? "" : reason);
				case MEETING_CANCELLED -> texts.say(reader, "notices." + t + ".body", meeting.title(), days, reason == null ? "" : reason);
				default -> texts.say(reader, "notices." + t + ".body", meeting.title(), days,
						Texts.moment(closes, notices.zone(reader.id()), language));
			};
			return new Notices.Told(title, body, "/meetings/" + meeting.id(), Map.of(), List.of(meeting.title()));
		});
	}

	// ---------------------------------------------------------------- silence procedures and decisions

	@EventListener
	void proposed(DecisionProposed event) {
		var decision = decisions.register(event.proposer(), event.body(), null).stream().filter(d -> d.id() == event.decision()).findFirst()
				.orElse(null);
		if (decision == null || !decision.silence() || !decision.open() || decision.deadline() == null) {
			return;
		}
		var actor = event.proposer().mandate() == null ? null : event.proposer().mandate().account().id();
		silenceOpened(decision.id(), event.body(), decision.round(), decision.deadline(), actor);
	}

	@EventListener
	void restarted(SilenceRestarted event) {
		silenceOpened(event.decision(), event.body(), event.round(), event.deadline(), null);
	}

	private void silenceOpened(long id, String organ, int round, Instant deadline, @Nullable UUID actor) {
		var people = actor == null ? people() : people(actor);
		var sight = new Sight<Seen>();
		tell(NoticeKind.SILENCE_OPENED, "silence-opened:" + id + ":" + round, people, (person, reader) -> {
			var seen = sight.of(person, p -> decisionAndText(id, organ, p));
			if (seen == null) {
				return null;
			}
			var document = seen.document();
			var language = reader.language();
			var forumDeadline = Texts.moment(deadline, clock.zone(), language);
			var ownZone = notices.zone(reader.id());
			var ownDeadline = Texts.moment(deadline, ownZone, language);
			var name = name(seen, reader);
			var symbol = document == null ? seen.decision().body() : document.symbol();
			var title = texts.say(reader, "notices.silence-opened.title", name);
			var body = texts.say(reader, "notices.silence-opened.body", name, symbol, forumDeadline, ownDeadline);
			var mail = new LinkedHashMap<String, Object>();
			mail.put("name", name);
			mail.put("symbol", symbol);
			mail.put("deadlineForum", forumDeadline);
			mail.put("deadlineOwn", ownDeadline);
			mail.put("ownZoneDiffers", !ownZone.equals(clock.zone()));
			return new Notices.Told(title, body, "/decisions/" + id, mail, List.of(name));
		});
	}

	@EventListener
	void broken(SilenceBroken event) {
		var people = people();
		var sight = new Sight<Seen>();
		var round = people.stream().map(person -> sight.of(person, p -> decisionAndText(event.decision(), event.body(), p))).filter(java.util.Objects::nonNull)
				.map(seen -> seen.decision().round()).findFirst().orElse(0);
		tell(NoticeKind.SILENCE_BROKEN, "silence-broken:" + event.decision() + ":" + round + ":" + event.by(), people, (person, reader) -> {
			var seen = sight.of(person, p -> decisionAndText(event.decision(), event.body(), p));
			if (seen == null) {
				return null;
			}
			var name = name(seen, reader);
			var state = texts.state(event.by(), reader.language());
			var title = texts.say(reader, "notices.silence-broken.title", name);
			var body = texts.say(reader, event.procedureEnded() ? "notices.silence-broken.bodyEnded" : "notices.silence-broken.body", state,
					name, Texts.moment(event.at(), notices.zone(reader.id()), reader.language()));
			return new Notices.Told(title, body, "/decisions/" + event.decision(), Map.of(), List.of(name));
		});
	}

	/**
	 * A decision concluded: a silence procedure that closed (adopted, not adopted, withdrawn: a broken one was told as
	 * broken) is {@code SILENCE_CLOSED}; any other decision adopted is {@code DECISION_ADOPTED}.
	 */
	@EventListener
	void concluded(DecisionConcluded event) {
		var people = people();
		var sight = new Sight<Seen>();
		var any = people.stream().map(person -> sight.of(person, p -> decisionAndText(event.decision(), event.body(), p))).filter(java.util.Objects::nonNull)
				.findFirst();
		if (any.isEmpty()) {
			return;
		}
		boolean silence = any.get().decision().silence();
		NoticeKind kind;
		if (silence && event.status() != DecisionStatus.SILENCE_BROKEN) {
			kind = NoticeKind.SILENCE_CLOSED;
		}
		else if (!silence && event.adopted()) {
			kind = NoticeKind.DECISION_ADOPTED;
		}
		else {
			return;
		}
		var key = kind.template() + ":" + event.decision();
		tell(kind, key, people, (person, reader) -> {
			var seen = sight.of(person, p -> decisionAndText(event.decision(), event.body(), p));
			if (seen == null) {
				return null;
			}
			var name = name(seen, reader);
			var outcome = texts.say(reader, "notices.outcome." + event.status().name());
			var day = event.decidedOn() == null ? "" : Texts.day(event.decidedOn(), reader.language());
			var register = event.register() == null ? "" : event.register();
			var title = texts.say(reader, "notices." + kind.template() + ".title", name, outcome);
			var body = texts.say(reader, "notices." + kind.template() + (event.adopted() ? ".bodyAdopted" : ".body"), name, outcome, register,
					day);
			return new Notices.Told(title, body, "/decisions/" + event.decision(), Map.of(), List.of(name));
		});
	}

	private record Seen(Decision decision, @Nullable NegotiatedDocument document) {
	}

	/**
	 * The decision and its text as the person may see them, or null if they may not (or take no part in decisions). Read
	 * through the lists of the read paths, which leave out what the viewer may not see: a refusal (NotFound) thrown by a
	 * transactional read would mark the publishing transaction, the act itself, for rollback.
	 */
	private @Nullable Seen decisionAndText(long id, String body, Person person) {
		if (!person.negotiates() && !person.officer()) {
			return null;
		}
		var decision = decisions.register(person.viewer(), body, null).stream().filter(d -> d.id() == id).findFirst().orElse(null);
		if (decision == null) {
			return null;
		}
		if (decision.document() == null) {
			return new Seen(decision, null);
		}
		var document = visibleDocument(decision.document(), person);
		return document == null ? null : new Seen(decision, document);
	}

	private @Nullable NegotiatedDocument visibleDocument(String id, Person person) {
		return drafting.documents(person.viewer()).stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
	}

	/** "the Draft Statement … (CICA/SOC/…)" or, without a text, the decision's body and number. */
	private String name(Seen seen, Account reader) {
		return seen.document() != null ? seen.document().title()
				: texts.say(reader, "notices.decision.untitled", seen.decision().body(), seen.decision().id());
	}

	// ---------------------------------------------------------------- drafts

	/** A new revision: told to the member and observer delegations that may see the draft, and the Secretariat's officers. */
	@EventListener
	void revised(RevisionIssued event) {
		var actor = accounts.byEmail(event.actor()).map(Account::id);
		var people = actor.isPresent() ? people(actor.get()) : people();
		var sight = new Sight<NegotiatedDocument>();
		tell(NoticeKind.REVISION_ISSUED, "revision-issued:" + event.document() + ":" + event.number(), people, (person, reader) -> {
			var document = sight.of(person, p -> draft(event.document(), p));
			if (document == null) {
				return null;
			}
			var title = texts.say(reader, "notices.revision-issued.title", document.title());
			var body = texts.say(reader, event.hasBrackets() ? "notices.revision-issued.bodyBrackets" : "notices.revision-issued.body",
					version(event.number(), reader), document.symbol(), document.title());
			return new Notices.Told(title, body, "/documents/" + document.id(), Map.of(), List.of(document.title()));
		});
	}

	@EventListener
	void amended(AmendmentProposed event) {
		var sight = new Sight<NegotiatedDocument>();
		tell(NoticeKind.AMENDMENT_PROPOSED, "amendment-proposed:" + event.document() + ":" + event.amendment(), people(),
				(person, reader) -> {
					var document = sight.of(person, p -> draft(event.document(), p));
					if (document == null) {
						return null;
					}
					var title = texts.say(reader, "notices.amendment-proposed.title", document.title());
					var body = texts.say(reader, "notices.amendment-proposed.body", texts.state(event.by(), reader.language()),
							version(event.againstVersion(), reader), document.symbol(), document.title());
					return new Notices.Told(title, body, "/documents/" + document.id(), Map.of(), List.of(document.title()));
				});
	}

	/** "Rev.1", or for the text as tabled, "the original draft" in the reader's language. */
	private String version(int number, Account reader) {
		return number == 0 ? texts.say(reader, "notices.version.original") : DocumentVersion.name(number);
	}

	private @Nullable NegotiatedDocument draft(String id, Person person) {
		if (!person.negotiates() && !person.officer()) {
			return null;
		}
		return visibleDocument(id, person);
	}

	// ---------------------------------------------------------------- accreditations

	/** The person accredited, their participant's national coordinators and the Secretariat's officers. */
	@EventListener
	void accreditation(AccreditationChanged event) {
		var person = accounts.byId(event.account());
		var name = person.map(Account::displayName).orElse(event.account().toString());
		var people = people(account -> account.id().equals(event.account()) || account.role() == Role.SECRETARIAT_OFFICER
				|| (account.role() == Role.NATIONAL_COORDINATOR && event.participant().equals(account.participant())), event.by());
		tell(NoticeKind.ACCREDITATION_CHANGED, "accreditation-changed:" + event.accreditation() + ":" + event.stage(), people,
				(candidate, reader) -> {
					boolean concerned = reader.id().equals(event.account()) || candidate.officer()
							|| (reader.role() == Role.NATIONAL_COORDINATOR && event.participant().equals(reader.participant()));
					if (!concerned) {
						return null;
					}
					var state = texts.state(event.participant(), reader.language());
					var stage = texts.say(reader, "notices.accreditation.stage." + event.stage().name());
					var title = texts.say(reader, "notices.accreditation-changed.title", name, stage);
					var body = texts.say(reader, "notices.accreditation-changed.body", name, state, stage);
					return new Notices.Told(title, body, "/accreditations", Map.of(), List.of(name));
				});
	}
}
