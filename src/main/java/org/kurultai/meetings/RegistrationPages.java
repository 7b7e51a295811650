package org.kurultai.meetings;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.platform.Formats;
import org.kurultai.shared.CsvText;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of a meeting's delegations: the registration form (the national coordinator's, or the Secretariat's for
 * a participant it picks) beside the Secretariat's overview of who has registered; the list of participants (page,
 * PDF, CSV) at the meeting's access level; the Secretariat's attendance per day. A refused form comes back with its
 * status, the message beside the field and what was chosen and typed.
 */
@Controller
class RegistrationPages {

	static final String REGISTER = "register";

	private final Registrations registrations;
	private final RegistrationPolicy policy;
	private final ParticipantsList participants;
	private final Attendance attendance;
	private final AccessPolicy access;
	private final FormProblems forms;
	private final MessageSource messages;
	private final Formats formats;

	RegistrationPages(Registrations registrations, RegistrationPolicy policy, ParticipantsList participants, Attendance attendance,
			AccessPolicy access, FormProblems forms, MessageSource messages, Formats formats) {
		this.registrations = registrations;
		this.policy = policy;
		this.participants = participants;
		this.attendance = attendance;
		this.access = access;
		this.forms = forms;
		this.messages = messages;
		this.formats = formats;
	}

	// ------------------------------------------------------------------ delegations

	/** A row of the Secretariat's overview. */
	record Row(ExpectedParticipant participant, @Nullable RegisteredDelegation registration) {
	}

	/** One person's line of the form: its field prefix ("head", "members[2]") and what is registered there now. */
	record Slot(String field, String email, String title) {
	}

	@GetMapping("/meetings/{id}/delegations")
	String delegations(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id,
			@RequestParam(required = false) @Nullable String participant, Model model, Locale locale) {
		var account = user.account();
		var meeting = registrations.meeting(id, account);
		var secretariat = policy.seesEveryRegistration(account);
		var expected = policy.expected(meeting);
		var registered = registrations.registrations(meeting);
		model.addAttribute("meeting", meeting);
		model.addAttribute("deadline", policy.deadline(meeting));
		model.addAttribute("secretariat", secretariat);
		if (secretariat) {
			var rows = expected.stream().map(p -> new Row(p, registered.get(p.code()))).toList();
			model.addAttribute("rows", rows);
			model.addAttribute("registeredCount", rows.stream().filter(r -> r.registration() != null).count());
			model.addAttribute("expectedCount", rows.size());
		}
		// whose delegation the form is for: the coordinator's own State, or the participant the Secretariat picked
		String code = secretariat ? (participant == null || participant.isBlank() ? null : participant.trim().toUpperCase(Locale.ROOT))
				: account.participant();
		var chosen = code == null ? null : expected.stream().filter(p -> p.code().equals(code)).findFirst().orElse(null);
		model.addAttribute("chosen", chosen);
		model.addAttribute("notExpected", !secretariat && chosen == null);
		if (chosen != null) {
			var current = registered.get(chosen.code());
			var refusal = policy.refusal(account, meeting, chosen.code());
			model.addAttribute("current", current);
			model.addAttribute("mayRegister", refusal.isEmpty());
			model.addAttribute("refusal", refusal.map(forms::message).orElse(""));
			var people = registrations.accredited(chosen.code());
			model.addAttribute("people", people);
			int rows = Math.max(1, people.size());
			model.addAttribute("head", slot("head", current == null ? null : current.head()));
			model.addAttribute("memberSlots", slots("members", current == null ? List.of() : current.members(), rows));
			model.addAttribute("adviserSlots", slots("advisers", current == null ? List.of() : current.advisers(), rows));
			model.addAttribute("headLevel", current == null || current.head() == null || current.head().level() == null ? ""
					: current.head().level().name());
		}
		model.addAttribute("levels", DelegationLevel.REGISTERED);
		model.addAttribute("title", messages.getMessage("delegations.title", new Object[] { meeting.title() }, locale));
		FormProblems.none(model);
		return "meeting-delegations";
	}

	private static Slot slot(String field, RegisteredDelegation.@Nullable Delegate delegate) {
		return new Slot(field, delegate == null ? "" : delegate.email(), delegate == null || delegate.title() == null ? "" : delegate.title());
	}

	private static List<Slot> slots(String field, List<RegisteredDelegation.Delegate> delegates, int rows) {
		var slots = new ArrayList<Slot>();
		for (int i = 0; i < Math.max(rows, delegates.size()); i++) {
			slots.add(slot(field + "[" + i + "]", i < delegates.size() ? delegates.get(i) : null));
		}
		return slots;
	}

	@PostMapping("/meetings/{id}/delegations")
	String register(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestParam MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Locale locale) {
		var participant = form.getFirst("participant");
		var fields = new HashSet<String>();
		fields.add("participant");
		Typed members = null;
		Typed advisers = null;
		try {
			members = people(form, "members", fields);
			advisers = people(form, "advisers", fields);
			fields.addAll(List.of("head.person", "head.title", "head.level"));
			var head = new Registrations.Person(blank(form.getFirst("head.person")), null, form.getFirst("head.title"),
					form.getFirst("head.level"));
			var registration = new Registrations.Registration(participant,
					head.email() == null ? null : head, members.people(), advisers.people());
			registrations.register(user.account(), id, registration);
			var secretariat = policy.seesEveryRegistration(user.account());
			return "redirect:/meetings/" + id + "/delegations" + (secretariat ? "?participant=" + Registrations.participant(participant) : "")
					+ "#registered";
		}
		catch (InvalidRequest invalid) {
			// the refusal names the API's field ("members[0].email"): the message stands beside the form's ("members[3].person")
			var field = members == null || advisers == null ? invalid.parameter() : onForm(invalid.parameter(), members, advisers);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute(FormProblems.ATTRIBUTE, new FormProblem(REGISTER, fields.contains(field) ? field : null, forms.message(invalid),
					withoutToken(form)));
			return delegations(user, id, participant, model, locale);
		}
		catch (RuntimeException refused) {
			forms.refused(refused, REGISTER, fields, form, model, response);
			return delegations(user, id, participant, model, locale);
		}
	}

	private static MultiValueMap<String, String> withoutToken(MultiValueMap<String, String> form) {
		var typed = new org.springframework.util.LinkedMultiValueMap<>(form);
		typed.remove("_csrf");
		return typed;
	}

	/** The people of a repeated part of the form, skipping empty lines, and where each came from. */
	private record Typed(List<Registrations.Person> people, List<Integer> rows) {
	}

	private static Typed people(MultiValueMap<String, String> form, String part, Set<String> fields) {
		var people = new ArrayList<Registrations.Person>();
		var rows = new ArrayList<Integer>();
		for (int i = 0; i < Registrations.MAX_PEOPLE * 2 && form.containsKey(part + "[" + i + "].person"); i++) {
			fields.add(part + "[" + i + "].person");
			fields.add(part + "[" + i + "].title");
			var email = blank(form.getFirst(part + "[" + i + "].person"));
			if (email != null) {
				people.add(new Registrations.Person(email, null, form.getFirst(part + "[" + i + "].title"), null));
				rows.add(i);
			}
		}
		return new Typed(people, rows);
	}

	/** A field of the API ("members[0].email") as the form's field ("members[3].person"). */
	private static String onForm(String field, Typed members, Typed advisers) {
		var mapped = field.equals("head") ? "head.person" : field;
		for (var part : List.of("members", "advisers")) {
			var typed = part.equals("members") ? members : advisers;
			var matcher = java.util.regex.Pattern.compile(part + "\\[(\\d+)](\\.\\w+)?").matcher(field);
			if (matcher.matches()) {
				int index = Integer.parseInt(matcher.group(1));
				int row = index < typed.rows().size() ? typed.rows().get(index) : index;
				mapped = part + "[" + row + "]" + (matcher.group(2) == null ? ".person" : matcher.group(2));
			}
		}
		return mapped.replaceAll("\\.(email|name)$", ".person");
	}

	private static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	// ------------------------------------------------------------------ the list of participants

	@GetMapping("/meetings/{id}/participants")
	String participants(@PathVariable String id, Model model, Locale locale) {
		var listing = participants.of(id, access.currentViewer());
		model.addAttribute("meeting", listing.meeting());
		model.addAttribute("groups", grouped(listing));
		model.addAttribute("count", listing.entries().size());
		model.addAttribute("title", messages.getMessage("participantlist.title", new Object[] { listing.meeting().title() }, locale));
		return "meeting-participants";
	}

	private static Map<ProtocolGroup, List<ParticipantsList.Entry>> grouped(ParticipantsList.Listing listing) {
		var groups = new LinkedHashMap<ProtocolGroup, List<ParticipantsList.Entry>>();
		for (var entry : listing.entries()) {
			groups.computeIfAbsent(entry.participant().group(), g -> new ArrayList<>()).add(entry);
		}
		return groups;
	}

	@GetMapping("/meetings/{id}/participants.pdf")
	@org.springframework.web.bind.annotation.ResponseBody
	void participantsPdf(@PathVariable String id, Locale locale, HttpServletResponse response) throws java.io.IOException {
		var listing = participants.of(id, access.currentViewer());
		var meeting = listing.meeting();
		var lines = new ArrayList<ParticipantsListPdf.Line>();
		lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.TITLE, text("participantlist.heading", locale)));
		lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.SUBTITLE, meeting.title()));
		lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.SUBTITLE, days(meeting) + place(meeting, locale)));
		if (listing.entries().isEmpty()) {
			lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.LINE, text("participantlist.none", locale)));
		}
		grouped(listing).forEach((group, entries) -> {
			lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.GROUP, text("participantlist.group." + group.name(), locale)));
			for (var entry : entries) {
				var d = entry.delegation();
				lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.PARTICIPANT, entry.participant().name(locale)));
				var head = d.head();
				if (head != null) {
					lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.LINE, text("participantlist.head", locale) + ": "
							+ person(head) + (head.level() == null ? "" : " (" + text("delegations.level." + head.level().name(), locale) + ")")));
				}
				people(lines, d.members(), "participantlist.members", locale);
				people(lines, d.advisers(), "participantlist.advisers", locale);
			}
		});
		var pdf = ParticipantsListPdf.render(text("participantlist.heading", locale) + " — " + meeting.title(), locale.getLanguage(),
				meeting.title(), lines);
		// written as is, whatever the request accepts (a browser, a script): a file, not a representation to negotiate
		send(response, MediaType.APPLICATION_PDF_VALUE, ContentDisposition.inline().filename(meeting.id() + "-participants.pdf").build(), pdf);
	}

	private void people(List<ParticipantsListPdf.Line> lines, List<RegisteredDelegation.Delegate> people, String key, Locale locale) {
		if (!people.isEmpty()) {
			lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.LINE, text(key, locale) + ":"));
			people.forEach(p -> lines.add(new ParticipantsListPdf.Line(ParticipantsListPdf.Style.PERSON, person(p))));
		}
	}

	private static String person(RegisteredDelegation.Delegate delegate) {
		return delegate.name() + (delegate.title() == null ? "" : ", " + delegate.title());
	}

	private String days(Meeting meeting) {
		return formats.date(meeting.from()) + (meeting.until().isAfter(meeting.from()) ? " – " + formats.date(meeting.until()) : "");
	}

	private String place(Meeting meeting, Locale locale) {
		if (meeting.online()) {
			return ", " + text("participantlist.online", locale);
		}
		return meeting.place() == null ? "" : ", " + meeting.place();
	}

	@GetMapping("/meetings/{id}/participants.csv")
	@org.springframework.web.bind.annotation.ResponseBody
	void participantsCsv(@PathVariable String id, Locale locale, HttpServletResponse response) throws java.io.IOException {
		var listing = participants.of(id, access.currentViewer());
		var csv = new StringBuilder();
		row(csv, "participant_code", "participant", "group", "role", "name", "title", "level");
		for (var entry : listing.entries()) {
			for (var delegate : entry.delegation().delegates()) {
				row(csv, entry.participant().code(), entry.participant().name(locale), entry.participant().group().name(), delegate.role().name(),
						delegate.name(), delegate.title() == null ? "" : delegate.title(), delegate.level() == null ? "" : delegate.level().name());
			}
		}
		var type = new MediaType("text", "csv", StandardCharsets.UTF_8).toString();
		send(response, type, ContentDisposition.attachment().filename(listing.meeting().id() + "-participants.csv").build(),
				csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpServletResponse response, String type, ContentDisposition disposition, byte[] body)
			throws java.io.IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** One RFC 4180 record (CsvText), each field after an apostrophe when a spreadsheet would take it for a formula. */
	static void row(StringBuilder csv, String... fields) {
		CsvText.row(csv, java.util.Arrays.stream(fields).map(CsvText::safe).toArray(String[]::new));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	// ------------------------------------------------------------------ attendance

	/** One day's form: the expected participants, the registered first, and which are ticked. */
	record AttendanceDay(LocalDate day, String form, boolean recorded, List<ExpectedParticipant> participants, Set<String> ticked,
			Set<String> registered) {
	}

	@GetMapping("/meetings/{id}/attendance")
	String attendance(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, Model model, Locale locale) {
		var meeting = registrations.meeting(id, user.account());
		var registered = registrations.registrations(meeting).keySet();
		var expected = new ArrayList<>(policy.expected(meeting));
		// the registered first, each part in protocol order
		expected.sort(java.util.Comparator.comparing((ExpectedParticipant p) -> !registered.contains(p.code())));
		var days = attendance.days(meeting).stream().map(day -> new AttendanceDay(day.day(), "attendance-" + day.day(), day.recorded(),
				expected, day.recorded() ? Set.copyOf(day.present()) : Set.copyOf(registered), Set.copyOf(registered))).toList();
		model.addAttribute("meeting", meeting);
		model.addAttribute("days", days);
		model.addAttribute("mayRecord", attendance.mayRecord(user.account(), meeting));
		model.addAttribute("title", messages.getMessage("attendance.title", new Object[] { meeting.title() }, locale));
		FormProblems.none(model);
		return "meeting-attendance";
	}

	@PostMapping("/meetings/{id}/attendance")
	String recordAttendance(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response, Locale locale) {
		var typedDay = form.getFirst("day");
		try {
			LocalDate day;
			try {
				day = typedDay == null || typedDay.isBlank() ? null : LocalDate.parse(typedDay.trim());
			}
			catch (DateTimeParseException unreadable) {
				throw new FormProblem.Refusal("day", "attendance.form.badDay", typedDay);
			}
			var present = form.get("present");
			attendance.record(user.account(), id, day, present == null ? List.of() : present);
			return "redirect:/meetings/" + id + "/attendance#attendance-" + day;
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "attendance-" + (typedDay == null ? "" : typedDay.trim()), Set.of("present", "day"), form, model, response);
			return attendance(user, id, model, locale);
		}
	}
}
