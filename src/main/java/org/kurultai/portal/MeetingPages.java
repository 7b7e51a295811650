package org.kurultai.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.Decisions;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Agenda;
import org.kurultai.meetings.AgendaItemStatus;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingLevel;
import org.kurultai.meetings.MeetingPolicy;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.meetings.PlanChange;
import org.kurultai.organs.Organs;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The meetings' pages: the list, a meeting (its plans, agenda, documents, decisions and outcome documents), convening a
 * meeting, changing its plan, and its agenda. Every button and form is shown only when {@link MeetingPolicy} allows the
 * act; the commands ask it again. A refused form comes back (400/409) with the message beside its field and what was typed.
 */
@Controller
class MeetingPages {

	private static final List<String> CONVENE_FIELDS = List.of("body", "title", "from", "until", "place", "online", "host", "access",
			"named", "registrationCloses");
	private static final List<String> PLAN_FIELDS = List.of("from", "until", "place", "online", "host", "registrationCloses",
			"cancelled", "reason");

	private final Meetings meetings;
	private final MeetingPolicy policy;
	private final AccessPolicy access;
	private final Organs organs;
	private final Registry registry;
	private final Drafting drafting;
	private final Decisions decisions;
	private final ForumClock clock;
	private final MessageSource messages;
	private final FormProblems forms;
	private final org.kurultai.meetings.RegistrationPolicy registrations;
	private final org.kurultai.meetings.Attendance attendance;

	MeetingPages(Meetings meetings, MeetingPolicy policy, AccessPolicy access, Organs organs, Registry registry, Drafting drafting,
			Decisions decisions, ForumClock clock, MessageSource messages, FormProblems forms,
			org.kurultai.meetings.RegistrationPolicy registrations, org.kurultai.meetings.Attendance attendance) {
		this.registrations = registrations;
		this.attendance = attendance;
		this.meetings = meetings;
		this.policy = policy;
		this.access = access;
		this.organs = organs;
		this.registry = registry;
		this.drafting = drafting;
		this.decisions = decisions;
		this.clock = clock;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/meetings")
	String meetings(@RequestParam @Nullable String body, Model model, Locale locale, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var list = access.visible(access.currentViewer(), meetings.find(body, null, null), Meeting::access);
		model.addAttribute("meetings", list.stream().sorted(Comparator.comparing(Meeting::from).reversed()).toList());
		model.addAttribute("body", body == null || body.isBlank() ? null : organs.body(body));
		model.addAttribute("bodies", organs.bodies());
		model.addAttribute("delegations", meetings.delegationCounts());
		model.addAttribute("today", clock.today());
		model.addAttribute("mayConvene", policy.mayConvene(user == null ? null : user.account()));
		common(model, messages.getMessage("portal.meetings.title", null, locale), locale);
		return "meetings";
	}

	@GetMapping("/meetings/{id}")
	String meeting(@PathVariable String id, Model model, Locale locale, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var meeting = visible(id, viewer);
		var plans = meetings.plans(meeting.id(), viewer);
		model.addAttribute("meeting", meeting);
		model.addAttribute("body", organs.body(meeting.body()));
		model.addAttribute("level", MeetingLevel.of(meeting.body()));
		model.addAttribute("plans", plans);
		model.addAttribute("earlierPlans", plans.size() > 1 ? plans.subList(0, plans.size() - 1) : List.of());
		model.addAttribute("currentPlan", plans.isEmpty() ? null : plans.get(plans.size() - 1));
		model.addAttribute("knowsWho", policy.mayKnowWhoRecorded(viewer));
		var agendas = meetings.agendas(meeting.id(), viewer);
		model.addAttribute("agenda", agendas.isEmpty() ? null : agendas.get(agendas.size() - 1));
		var visibleDocuments = drafting.documents(viewer);
		var documents = visibleDocuments.stream().filter(document -> meeting.id().equals(document.meeting()))
				.sorted(Comparator.comparing(NegotiatedDocument::symbol)).toList();
		model.addAttribute("documents", documents);
		model.addAttribute("documentTitles", titles(visibleDocuments));
		model.addAttribute("decisions", decisions.atMeeting(meeting.id(), meeting.body(), viewer));
		model.addAttribute("outcomeLinks", outcomeLinks(meeting, documents));
		var account = user == null ? null : user.account();
		model.addAttribute("mayChange", policy.mayChange(account, meeting));
		model.addAttribute("registration", meeting.registrationCloses() != null || meeting.status() == MeetingStatus.PLANNED);
		// the links to the delegations' and the attendance pages, as the policies that guard those pages answer
		model.addAttribute("mayRegisterDelegation", account != null && (registrations.seesEveryRegistration(account)
				|| account.participant() != null && registrations.mayRegister(account, meeting, account.participant())));
		model.addAttribute("mayRecordAttendance", account != null && attendance.mayRecord(account, meeting));
		common(model, meeting.title(), locale);
		return "meeting";
	}

	/**
	 * The outcome documents the sources name under a meeting, linked to the documents Kurultai holds: a document of the meeting
	 * (one the viewer may see) whose title is the outcome's, ignoring case and spacing. Choice: matching titles rather than a
	 * mapping, since every historical outcome of {@code meetings.yaml} has a document of that meeting with its very title in
	 * {@code documents.yaml} (checked by a test); an outcome without one stays plain text.
	 */
	static Map<String, String> outcomeLinks(Meeting meeting, List<NegotiatedDocument> documents) {
		var links = new LinkedHashMap<String, String>();
		for (var outcome : meeting.outcomes()) {
			documents.stream().filter(document -> normalized(document.title()).equals(normalized(outcome))).findFirst()
					.ifPresent(document -> links.put(outcome, document.id()));
		}
		return links;
	}

	private static String normalized(String title) {
		return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> titles(List<NegotiatedDocument> documents) {
		var titles = new LinkedHashMap<String, String>();
		documents.forEach(document -> titles.put(document.id(), document.symbol() + " — " + document.title()));
		return titles;
	}

	// ------------------------------------------------------------------ convening

	@GetMapping("/meetings/new")
	String convening(Model model, Locale locale, @AuthenticationPrincipal KurultaiUser user) {
		var bodies = policy.conveningBodies(user.account());
		if (bodies.isEmpty()) {
			throw NotAllowed.of("problem.meeting.notConvener", "—");
		}
		FormProblems.none(model);
		model.addAttribute("bodies", bodies.stream().map(organs::body).toList());
		model.addAttribute("levels", AccessLevel.values());
		model.addAttribute("participants", registry.roster().on(clock.today(), (ParticipantStatus) null));
		model.addAttribute("today", clock.today());
		model.addAttribute("zone", clock.zone().getId());
		common(model, messages.getMessage("convening.new.title", null, locale), locale);
		return "meeting-new";
	}

	@PostMapping("/meetings/new")
	String convene(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, @AuthenticationPrincipal KurultaiUser user,
			HttpServletResponse response) {
		try {
			var from = day(form, "from");
			if (from == null) {
				throw new FormProblem.Refusal("from", "convening.form.dayRequired");
			}
			var level = AccessLevel.PUBLIC;
			var typedLevel = text(form, "access");
			if (typedLevel != null) {
				try {
					level = AccessLevel.valueOf(typedLevel);
				}
				catch (IllegalArgumentException unknown) {
					throw new FormProblem.Refusal("access", "convening.form.badChoice", typedLevel);
				}
			}
			var named = new java.util.TreeSet<String>();
			var typedNamed = text(form, "named");
			if (typedNamed != null) {
				for (var code : typedNamed.split("[,\\s]+")) {
					if (!code.isBlank()) {
						named.add(code.trim().toUpperCase(Locale.ROOT));
					}
				}
			}
			var body = text(form, "body");
			var meeting = meetings.convene(user.account(), new Meetings.Convening(body == null ? "" : body,
					text(form, "title") == null ? "" : text(form, "title"), from, day(form, "until"), text(form, "place"),
					"true".equals(form.getFirst("online")), text(form, "host"), new Access(level, java.util.Set.copyOf(named)),
					instant(form, "registrationCloses")));
			return "redirect:/meetings/" + meeting.id();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "convene", CONVENE_FIELDS, form, model, response);
			return convening(model, locale, user);
		}
	}

	// ------------------------------------------------------------------ the plan

	@GetMapping("/meetings/{id}/plan")
	String plan(@PathVariable String id, Model model, Locale locale, @AuthenticationPrincipal KurultaiUser user) {
		var viewer = access.currentViewer();
		var meeting = visible(id, viewer);
		policy.requireChange(user.account(), meeting);
		FormProblems.none(model);
		model.addAttribute("meeting", meeting);
		model.addAttribute("plans", meetings.plans(meeting.id(), viewer));
		model.addAttribute("participants", registry.roster().on(clock.today(), (ParticipantStatus) null));
		model.addAttribute("closesLocal", meeting.registrationCloses() == null ? ""
				: LocalDateTime.ofInstant(meeting.registrationCloses(), clock.zone()).toString());
		model.addAttribute("zone", clock.zone().getId());
		model.addAttribute("changeable", meeting.status() == MeetingStatus.PLANNED);
		common(model, messages.getMessage("convening.plan.title", new Object[] { meeting.title() }, locale), locale);
		return "meeting-plan";
	}

	@PostMapping("/meetings/{id}/plan")
	String changePlan(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			@AuthenticationPrincipal KurultaiUser user, HttpServletResponse response) {
		try {
			var meeting = meetings.changePlan(id, new PlanChange(day(form, "from"), day(form, "until"),
					form.getFirst("place") == null ? null : form.getFirst("place"), "true".equals(form.getFirst("online")),
					form.getFirst("host") == null ? null : form.getFirst("host"), instant(form, "registrationCloses"),
					"true".equals(form.getFirst("cancelled")), form.getFirst("reason")), user.account());
			return "redirect:/meetings/" + meeting.id() + "#plans";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "change-plan", PLAN_FIELDS, form, model, response);
			return plan(id, model, locale, user);
		}
	}

	// ------------------------------------------------------------------ the agenda

	/** A row of the agenda form, as saved or as typed. */
	record Row(String title, String status, String documents, String decisions) {
	}

	@GetMapping("/meetings/{id}/agenda")
	String agenda(@PathVariable String id, @RequestParam @Nullable Integer version, Model model, Locale locale,
			@AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = access.currentViewer();
		var meeting = visible(id, viewer);
		var versions = meetings.agendas(meeting.id(), viewer);
		if (version != null && (version < 1 || version > versions.size())) {
			throw NotFound.of("problem.notFound.agendaVersion", id, version);
		}
		FormProblems.none(model);
		var shown = versions.isEmpty() ? null : versions.get((version == null ? versions.size() : version) - 1);
		var current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
		model.addAttribute("meeting", meeting);
		model.addAttribute("versions", versions);
		model.addAttribute("agenda", shown);
		model.addAttribute("knowsWho", policy.mayKnowWhoRecorded(viewer));
		model.addAttribute("documentTitles", titles(drafting.documents(viewer)));
		var mayChange = policy.mayChange(user == null ? null : user.account(), meeting) && meeting.status() != MeetingStatus.CANCELLED;
		model.addAttribute("mayChange", mayChange);
		model.addAttribute("statuses", AgendaItemStatus.values());
		var problem = (FormProblem) model.getAttribute(FormProblems.ATTRIBUTE);
		List<Row> rows;
		if (problem != null && problem.on("agenda")) {
			rows = typedRows(problem.typed());
			model.addAttribute("adoptedChecked", problem.values("agenda", "adopted").contains("true"));
		}
		else {
			rows = new ArrayList<>(current == null ? List.of() : current.items().stream().map(item -> new Row(item.title(),
					item.status().name(), String.join(", ", item.documents()),
					String.join(", ", item.decisions().stream().map(String::valueOf).toList()))).toList());
			rows.add(new Row("", AgendaItemStatus.PROPOSED.name(), "", ""));
			model.addAttribute("adoptedChecked", current != null && current.adopted());
		}
		model.addAttribute("rows", rows);
		model.addAttribute("currentAdopted", current != null && current.adopted());
		common(model, messages.getMessage("convening.agenda.title", new Object[] { meeting.title() }, locale), locale);
		return "meeting-agenda";
	}

	/**
	 * Saves the agenda typed into the form, or rearranges the form ("add an item", "move up", "move down") and shows it again
	 * as typed, saving nothing. Rows left blank are no items.
	 */
	@PostMapping("/meetings/{id}/agenda")
	String saveAgenda(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			@AuthenticationPrincipal KurultaiUser user, HttpServletResponse response) {
		var op = form.getFirst("op") == null ? "save" : form.getFirst("op");
		var rows = typedRows(form);
		if (!op.equals("save")) {
			var meeting = visible(id, access.currentViewer());
			policy.requireChange(user.account(), meeting);
			if (op.equals("add")) {
				rows.add(new Row("", AgendaItemStatus.PROPOSED.name(), "", ""));
			}
			else if (op.matches("(up|down):\\d{1,3}")) {
				int index = Integer.parseInt(op.substring(op.indexOf(':') + 1));
				int other = op.startsWith("up") ? index - 1 : index + 1;
				if (index >= 0 && index < rows.size() && other >= 0 && other < rows.size()) {
					java.util.Collections.swap(rows, index, other);
				}
			}
			model.addAttribute(FormProblems.ATTRIBUTE, FormProblem.asTyped("agenda", typed(rows, form)));
			return agenda(id, null, model, locale, user);
		}
		var fields = new ArrayList<String>(List.of("items", "reason", "adopted"));
		try {
			var items = new ArrayList<Meetings.ItemDraft>();
			for (var row : rows) {
				if (row.title().isBlank() && row.documents().isBlank() && row.decisions().isBlank()) {
					continue;
				}
				int number = items.size() + 1;
				fields.addAll(List.of("items[" + number + "].title", "items[" + number + "].documents", "items[" + number + "].decisions"));
				var decisionIds = new ArrayList<Long>();
				for (var typed : row.decisions().split("[,\\s]+")) {
					if (!typed.isBlank()) {
						try {
							decisionIds.add(Long.parseLong(typed.trim()));
						}
						catch (NumberFormatException notANumber) {
							throw new FormProblem.Refusal("items[" + number + "].decisions", "convening.agenda.badDecision", typed);
						}
					}
				}
				AgendaItemStatus status;
				try {
					status = AgendaItemStatus.valueOf(row.status());
				}
				catch (IllegalArgumentException unknown) {
					status = AgendaItemStatus.PROPOSED;
				}
				items.add(new Meetings.ItemDraft(row.title(), java.util.Arrays.stream(row.documents().split("[,\\s]+"))
						.filter(document -> !document.isBlank()).toList(), decisionIds, status));
			}
			meetings.saveAgenda(id, new Meetings.AgendaDraft(items, "true".equals(form.getFirst("adopted")), form.getFirst("reason")),
					user.account());
			return "redirect:/meetings/" + id + "/agenda";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "agenda", fields, typed(rows.stream()
					.filter(row -> !(row.title().isBlank() && row.documents().isBlank() && row.decisions().isBlank())).toList(), form),
					model, response);
			return agenda(id, null, model, locale, user);
		}
	}

	private static List<Row> typedRows(MultiValueMap<String, String> form) {
		var titles = list(form, "title");
		var statuses = list(form, "status");
		var documents = list(form, "documents");
		var decisions = list(form, "decisions");
		var rows = new ArrayList<Row>();
		for (int i = 0; i < Math.min(titles.size(), 100); i++) {
			rows.add(new Row(titles.get(i), i < statuses.size() ? statuses.get(i) : AgendaItemStatus.PROPOSED.name(),
					i < documents.size() ? documents.get(i) : "", i < decisions.size() ? decisions.get(i) : ""));
		}
		return rows;
	}

	private static MultiValueMap<String, String> typed(List<Row> rows, MultiValueMap<String, String> form) {
		var typed = new LinkedMultiValueMap<String, String>();
		for (var row : rows) {
			typed.add("title", row.title());
			typed.add("status", row.status());
			typed.add("documents", row.documents());
			typed.add("decisions", row.decisions());
		}
		if ("true".equals(form.getFirst("adopted"))) {
			typed.add("adopted", "true");
		}
		typed.add("reason", form.getFirst("reason") == null ? "" : form.getFirst("reason"));
		return typed;
	}

	private static List<String> list(MultiValueMap<String, String> form, String name) {
		var values = form.get(name);
		return values == null ? List.of() : values.stream().map(value -> value == null ? "" : value).toList();
	}

	// ------------------------------------------------------------------ helpers

	/** The meeting if the viewer may see it; a meeting they may not see does not exist for them. */
	private Meeting visible(String id, Viewer viewer) {
		var meeting = meetings.meeting(id);
		if (!access.maySee(viewer, meeting.access())) {
			throw NotFound.of("problem.notFound.meeting", id);
		}
		return meeting;
	}

	private static @Nullable String text(MultiValueMap<String, String> form, String field) {
		var typed = form.getFirst(field);
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

	/** A date typed into the form (YYYY-MM-DD), or none; anything else is refused beside its field. */
	private static @Nullable LocalDate day(MultiValueMap<String, String> form, String field) {
		var typed = text(form, field);
		if (typed == null) {
			return null;
		}
		try {
			return LocalDate.parse(typed);
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			throw new FormProblem.Refusal(field, "convening.form.badDate", typed);
		}
	}

	/** A local date and time typed into the form, read in the forum's time zone (choice: the form speaks the forum's time). */
	private @Nullable Instant instant(MultiValueMap<String, String> form, String field) {
		var typed = text(form, field);
		if (typed == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(typed).atZone(clock.zone()).toInstant();
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			throw new FormProblem.Refusal(field, "convening.form.badDateTime", typed);
		}
	}

	private void common(Model model, String title, Locale locale) {
		model.addAttribute("title", title);
		model.addAttribute("names", new LocalNames(registry.roster(), messages, locale));
	}
}
