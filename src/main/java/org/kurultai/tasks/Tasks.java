package org.kurultai.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.Implementation;
import org.kurultai.cbm.InformationExchange;
import org.kurultai.cbm.PriorityArea;
import org.kurultai.decisions.Decisions;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Facilitation;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditation;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.tasks.Task.Kind;
import org.kurultai.tasks.Task.Text;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What awaits a person today, most urgent first. Every record is read through its module's read
 * path with the person as viewer, so a task never shows a record the person may not see:
 * <ul>
 * <li>open silence procedures ({@link Decisions#register}) their State may break (a member's delegation
 * that has not objected in this round), or that they conduct (the chair, the Secretariat);</li>
 * <li>drafts under negotiation ({@link Drafting#documents}) the person takes part in (delegations that
 * may speak, the Secretariat) with a version or amendments they have not seen on the document's page;</li>
 * <li>their State's information-exchange returns ({@link InformationExchange#reminders}) and
 * implementation reports ({@link Implementation#overdue} as of 30 days ahead) due within 30 days or overdue;</li>
 * <li>proposed accreditations ({@link Accreditations#visibleTo}): for the Secretariat to act on, and for
 * the proposing State's coordinator to know they wait.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class Tasks {

	private final AccessPolicy access;
	private final Drafting drafting;
	private final Facilitation facilitation;
	private final Decisions decisions;
	private final InformationExchange exchange;
	private final Implementation implementation;
	private final Catalogue catalogue;
	private final Accreditations accreditations;
	private final Accounts accounts;
	private final Registry registry;
	private final SeenDrafts seen;
	private final ForumClock clock;
	private final MessageSource messages;

	Tasks(AccessPolicy access, Drafting drafting, Facilitation facilitation, Decisions decisions, InformationExchange exchange,
			Implementation implementation, Catalogue catalogue, Accreditations accreditations, Accounts accounts, Registry registry,
			SeenDrafts seen, ForumClock clock, MessageSource messages) {
		this.access = access;
		this.drafting = drafting;
		this.facilitation = facilitation;
		this.decisions = decisions;
		this.exchange = exchange;
		this.implementation = implementation;
		this.catalogue = catalogue;
		this.accreditations = accreditations;
		this.accounts = accounts;
		this.registry = registry;
		this.seen = seen;
		this.clock = clock;
		this.messages = messages;
	}

	/** What awaits the person now, most urgent first. */
	public List<Task> awaiting(Account account) {
		var now = clock.now();
		var viewer = access.viewer(account, clock.today());
		var mandate = viewer.mandate();
		if (mandate == null || mandate.capacity() == Capacity.NONE) {
			return List.of();
		}
		var tasks = new ArrayList<Task>();
		boolean negotiates = mandate.maySpeak() || mandate.actsForSecretariat();
		boolean conducts = facilitation.mayFacilitate(mandate);
		if (negotiates || conducts) {
			var documents = drafting.documents(viewer).stream().collect(Collectors.toMap(NegotiatedDocument::id, Function.identity()));
			silenceProcedures(account, viewer, mandate, conducts, documents, now, tasks);
			drafts(account, viewer, documents, tasks);
		}
		if (mandate.capacity() == Capacity.MEMBER_DELEGATION && account.participant() != null) {
			reports(account.participant(), viewer, now, tasks);
			returns(account, now, tasks);
		}
		accreditations(account, tasks);
		tasks.sort(Task.BY_URGENCY);
		return List.copyOf(tasks);
	}

	/** How many things await the person: the length of {@link #awaiting}, for the header. */
	public int count(Account account) {
		return awaiting(account).size();
	}

	/** What awaits the person, in words of the page's language, with the time left; for pages ({@code @tasks.shown(viewer)}). */
	public List<Shown> shown(@Nullable Account account) {
		return account == null ? List.of() : shown(account, LocaleContextHolder.getLocale());
	}

	public List<Shown> shown(Account account, Locale locale) {
		var now = clock.now();
		return awaiting(account).stream().map(task -> new Shown(task, words(task.title(), locale),
				task.deadline() == null ? null : Countdown.text(now, task.deadline(), messages, locale),
				task.state() == null ? null : stateName(task.state(), locale))).toList();
	}

	/** A task as a person reads it: its title and the time left in their language, and the State's name. */
	public record Shown(Task task, String title, @Nullable String remaining, @Nullable String stateName) {
	}

	// ---------------------------------------------------------------- each kind

	private void silenceProcedures(Account account, Viewer viewer, Mandate mandate, boolean conducts, Map<String, NegotiatedDocument> documents,
			Instant now, List<Task> tasks) {
		if (!mandate.mayObject() && !conducts) {
			return;
		}
		for (var decision : decisions.register(viewer, null, null)) {
			var document = decision.document() == null ? null : documents.get(decision.document());
			if (document != null && brokenLately(decision, now)) {
				// the others are told in-app: a notice for a week (the decision's page says who broke silence)
				var breaker = decisions.objections(decision.id(), viewer).stream().filter(o -> o.round() == decision.round())
						.map(org.kurultai.decisions.Objection::participant).findFirst().orElse(null);
				if (breaker == null || !breaker.equals(account.participant())) {
					tasks.add(new Task(Kind.SILENCE_BROKEN, "decision:" + decision.id(), "/decisions/" + decision.id(), null, false, null,
							false, Text.of("tasks.silence.broken", document.title(), document.symbol())));
				}
				continue;
			}
			if (!decision.open() || !decision.silence() || decision.deadline() == null || decision.dueAt(now) || document == null) {
				continue;
			}
			var state = account.participant();
			boolean mayBreak = decisions.permissions(decision, account).mayObject() && state != null
					&& decisions.objections(decision.id(), viewer).stream()
							.noneMatch(objection -> objection.round() == decision.round() && objection.participant().equals(state));
			if (!mayBreak && !conducts) {
				continue;
			}
			tasks.add(new Task(Kind.SILENCE_PROCEDURE, "decision:" + decision.id(), "/decisions/" + decision.id(), decision.deadline(), false,
					mayBreak ? state : null, true,
					Text.of(mayBreak ? "tasks.silence.mayObject" : "tasks.silence.conducts", document.title(), document.symbol())));
		}
	}

	/** How long a broken silence procedure is told to those who took part in it. */
	static final java.time.Duration BROKEN_NOTICE = java.time.Duration.ofDays(7);

	private static boolean brokenLately(org.kurultai.decisions.Decision decision, Instant now) {
		return decision.status() == org.kurultai.decisions.DecisionStatus.SILENCE_BROKEN && decision.closedAt() != null
				&& now.isBefore(decision.closedAt().plus(BROKEN_NOTICE));
	}

	private void drafts(Account account, Viewer viewer, Map<String, NegotiatedDocument> documents, List<Task> tasks) {
		var seenByPerson = seen.of(account.id());
		for (var document : documents.values()) {
			var latest = document.latestVersion();
			if (document.status() != DocumentStatus.DRAFT || latest == null) {
				continue;
			}
			int amendments = drafting.amendments(document.id(), viewer).size();
			var before = seenByPerson.get(document.id());
			Text title;
			if (before == null) {
				title = Text.of("tasks.draft.unread", document.title(), version(latest));
			}
			else {
				int newAmendments = Math.max(0, amendments - before.amendments());
				boolean revised = latest > before.version();
				if (!revised && newAmendments == 0) {
					continue;
				}
				var amended = Text.of(AMENDMENTS, newAmendments);
				title = revised && newAmendments > 0 ? Text.of("tasks.draft.revisedAndAmended", document.title(), version(latest), amended)
						: revised ? Text.of("tasks.draft.revised", document.title(), version(latest))
								: Text.of("tasks.draft.amended", document.title(), amended);
			}
			tasks.add(new Task(Kind.DRAFT_CHANGED, "document:" + document.id(), "/documents/" + document.id(), null, false, null, true, title));
		}
	}

	/** "3 new amendments": its plural form is chosen in the reader's language when put into words. */
	private static final String AMENDMENTS = "tasks.draft.amendments";

	private static Text version(int number) {
		return number == 0 ? Text.of("tasks.version.draft") : Text.of("tasks.version.revision", Integer.toString(number));
	}

	/** The State's reports due within 30 days or overdue: those it should have submitted by then and has not. */
	private void reports(String state, Viewer viewer, Instant now, List<Task> tasks) {
		var horizon = now.plus(InformationExchange.REMINDER_HORIZON);
		int thisYear = clock.today().getYear();
		for (int year = thisYear - 1; year <= thisYear; year++) {
			var due = implementation.dueAt(year);
			var areas = implementation.overdue(viewer, year, horizon).getOrDefault(state, List.of());
			if (areas.isEmpty()) {
				continue;
			}
			var names = catalogue.inForce(LocalDate.of(year, 12, 31)).priorityAreas().stream()
					.collect(Collectors.toMap(PriorityArea::code, PriorityArea::name, (a, b) -> a));
			for (var area : areas) {
				tasks.add(new Task(Kind.REPORT_DUE, "report:" + state + "/" + area + "/" + year, "/cbm/reports?year=" + year, due,
						!now.isBefore(due), state, true, Text.of("tasks.report.due", names.getOrDefault(area, area), Integer.toString(year))));
			}
		}
	}

	private void returns(Account account, Instant now, List<Task> tasks) {
		for (var reminder : exchange.reminders(account, now)) {
			tasks.add(new Task(Kind.RETURN_DUE, "return:" + account.participant() + "/" + reminder.type() + "/" + reminder.referenceYear(),
					"/exchange?type=" + reminder.type() + "&year=" + reminder.referenceYear(), reminder.dueAt(), reminder.overdue(),
					account.participant(), true, Text.of("tasks.return.due", reminder.title(), Integer.toString(reminder.referenceYear()))));
		}
	}

	private void accreditations(Account account, List<Task> tasks) {
		boolean secretariat = account.role().isSecretariat();
		if (!secretariat && account.role() != Role.NATIONAL_COORDINATOR) {
			return;
		}
		var pending = accreditations.visibleTo(account).stream().filter(a -> a.stage() == Accreditation.Stage.PROPOSED).toList();
		if (pending.isEmpty()) {
			return;
		}
		Map<UUID, Account> people = new HashMap<>();
		accounts.all().forEach(person -> people.put(person.id(), person));
		for (var accreditation : pending) {
			var person = people.get(accreditation.account());
			var name = person == null ? accreditation.account().toString() : person.displayName();
			tasks.add(new Task(Kind.ACCREDITATION_PENDING, "accreditation:" + accreditation.id(), "/accreditations", null, false,
					accreditation.participant(), secretariat,
					Text.of(secretariat ? "tasks.accreditation.toAccredit" : "tasks.accreditation.awaitsSecretariat", name,
							Text.of("tasks.state", accreditation.participant()))));
		}
	}

	// ---------------------------------------------------------------- words

	/** The message in the language; arguments that are messages first, a State's code as its name. */
	String words(Text text, Locale locale) {
		if (text.key().equals("tasks.state")) {
			return stateName((String) text.arguments().get(0), locale);
		}
		var key = text.key();
		var arguments = text.arguments().toArray();
		if (key.equals(AMENDMENTS)) {
			key = AMENDMENTS + "." + Countdown.plural(((Number) arguments[0]).longValue(), locale);
		}
		for (int i = 0; i < arguments.length; i++) {
			if (arguments[i] instanceof Text inner) {
				arguments[i] = words(inner, locale);
			}
		}
		return messages.getMessage(key, arguments, locale);
	}

	/** A participant's short name in the language (Russian where the data has it), else its code. */
	String stateName(String code, Locale locale) {
		try {
			var names = registry.participant(ParticipantCode.parse(code)).names();
			return names.shortIn(locale);
		}
		catch (RuntimeException unknown) {
			return code;
		}
	}
}
