package org.kurultai.portal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletResponse;
import org.kurultai.corrections.ParticipantCorrections;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.meetings.Meetings;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.organs.Organs;
import org.kurultai.reference.ReferenceNotes;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.registry.Roster;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.DateSpan;
import org.kurultai.timeline.Timeline;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public pages. Every page is reachable from the home page's navigation. */
@Controller
class Pages {

	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;
	private final Timeline timeline;
	private final ReferenceNotes notes;
	private final ForumClock clock;
	private final MessageSource messages;
	private final AccessPolicy access;
	private final org.kurultai.cbm.Catalogue catalogue;
	private final org.kurultai.cbm.Implementation implementation;
	private final ParticipantCorrections corrections;
	private final FormProblems forms;

	Pages(Registry registry, Organs organs, Meetings meetings, Timeline timeline, ReferenceNotes notes, ForumClock clock,
			MessageSource messages, AccessPolicy access, org.kurultai.cbm.Catalogue catalogue, org.kurultai.cbm.Implementation implementation,
			ParticipantCorrections corrections, FormProblems forms) {
		this.corrections = corrections;
		this.forms = forms;
		this.access = access;
		this.catalogue = catalogue;
		this.implementation = implementation;
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
		this.timeline = timeline;
		this.notes = notes;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		var today = clock.today();
		var roster = registry.roster();
		model.addAttribute("today", today);
		model.addAttribute("census", roster.census(today));
		model.addAttribute("members", roster.on(today, ParticipantStatus.MEMBER));
		model.addAttribute("observers", roster.on(today, ParticipantStatus.OBSERVER));
		model.addAttribute("partners", roster.on(today, ParticipantStatus.PARTNER));
		model.addAttribute("troika", organs.chairmanship().troikaOn(today));
		model.addAttribute("secretariat", organs.secretariat());
		var entries = visibleEntries(timeline.between(null, null));
		var past = entries.stream().filter(entry -> !entry.date().isAfter(today) && !entry.planned()).toList();
		var recent = new java.util.ArrayList<>(past.subList(Math.max(0, past.size() - 6), past.size()));
		java.util.Collections.reverse(recent);
		model.addAttribute("recent", recent);
		model.addAttribute("upcoming", entries.stream().filter(entry -> entry.date().isAfter(today) || entry.planned()).limit(5).toList());
		common(model, messages.getMessage("nav.home", null, locale), roster, locale);
		return "home";
	}

	@GetMapping("/participants")
	String participants(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@RequestParam @Nullable String status, Model model, Locale locale) {
		var day = asOf == null ? clock.today() : asOf;
		var wanted = status == null || status.isBlank() ? null : ParticipantStatus.named(status);
		var roster = registry.roster();
		model.addAttribute("asOf", day);
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", ParticipantStatus.values());
		model.addAttribute("standings", roster.on(day, wanted));
		model.addAttribute("census", roster.census(day));
		model.addAttribute("chart", MembershipChart.of(roster, clock.today()));
		common(model, messages.getMessage("portal.participants.title", null, locale), roster, locale);
		return "participants";
	}

	@GetMapping("/participants/{code}")
	String participant(@PathVariable String code, Model model, Locale locale, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var roster = registry.roster();
		var participant = roster.find(ParticipantCode.parse(code))
				.orElseThrow(() -> new org.kurultai.shared.NotFound("participant", code));
		var today = clock.today();
		model.addAttribute("participant", participant);
		model.addAttribute("superseded", registry.superseded(participant.code()));
		// who corrected the history is known to the Secretariat and the participant's own delegation (as who acted for it)
		model.addAttribute("mayKnowWho", access.mayKnowWhoActedFor(access.currentViewer(), participant.code().value()));
		model.addAttribute("mayCorrect", corrections.mayCorrect(user == null ? null : user.account()));
		model.addAttribute("statuses", ParticipantStatus.values());
		model.addAttribute("precisions", org.kurultai.shared.DatePrecision.values());
		FormProblems.none(model);
		model.addAttribute("status", participant.statusOn(today).orElse(null));
		model.addAttribute("since", participant.inStatusSince(today).orElse(null));
		model.addAttribute("documents", registry.foundingDocuments().stream()
				.collect(LinkedHashMap::new, (map, document) -> map.put(document.code(),
						messages.getMessage("portal.founding." + document.code(), null, document.title(), locale)), Map::putAll));
		model.addAttribute("terms", organs.chairmanship().terms().stream()
				.filter(term -> term.chair().equals(participant.code().value())).toList());
		model.addAttribute("hosted", visibleMeetings(meetings.find(null, null, null)).stream()
				.filter(meeting -> participant.code().value().equals(meeting.host())).toList());
		var state = participant.code().value();
		var areas = new java.util.HashMap<String, String>();
		catalogue.editions().forEach(edition -> edition.priorityAreas().forEach(area -> areas.put(area.code(), area.name())));
		model.addAttribute("areas", areas);
		model.addAttribute("commitments", catalogue.commitmentsOf(state, access.currentViewer()).on(today).keySet().stream()
				.map(subject -> subject.contains("/")
						? areas.getOrDefault(subject.substring(0, subject.indexOf('/')), subject) + " (" + subject.substring(subject.indexOf('/') + 1) + ")"
						: areas.getOrDefault(subject, subject))
				.toList());
		model.addAttribute("coordinating", catalogue.coordinatorsOn(today).stream().filter(c -> c.participant().equals(state)).toList());
		model.addAttribute("eventsHosted", implementation.events(null, state, null));
		var names = common(model, "", roster, locale);
		model.addAttribute("title", names.of(participant));
		return "participant";
	}

	/** The fields of the correction form, where a refusal's message stands beside its field. */
	private static final java.util.Set<String> CORRECTION_FIELDS = java.util.Set.of("status", "from", "precision", "until", "sources", "note",
			"how", "supersedes");

	/**
	 * The Secretariat's correction of the status history from the participant's page; a refusal
	 * comes back on the same page with its message beside the field and what was typed.
	 */
	@PostMapping("/participants/{code}/statuses")
	String correct(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			@AuthenticationPrincipal KurultaiUser user, HttpServletResponse response) {
		try {
			var sources = new java.util.ArrayList<String>();
			for (var line : String.valueOf(form.getFirst("sources") == null ? "" : form.getFirst("sources")).split("\\R")) {
				if (!line.isBlank()) {
					sources.add(line.strip());
				}
			}
			corrections.correct(user.account(), code, new ParticipantCorrections.Correction(form.getFirst("status"), day(form, "from"),
					form.getFirst("precision"), day(form, "until"), sources, form.getFirst("note"), form.getFirst("how"),
					day(form, "supersedes")));
			return "redirect:/participants/" + ParticipantCode.parse(code).value() + "#history";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "correct-status", CORRECTION_FIELDS, form, model, response);
			return participant(code, model, locale, user);
		}
	}

	/** A date typed into the form (YYYY-MM-DD), or none; anything else is refused beside its field. */
	private static @Nullable LocalDate day(MultiValueMap<String, String> form, String field) {
		var typed = form.getFirst(field);
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.trim());
		}
		catch (java.time.format.DateTimeParseException unreadable) {
			throw new FormProblem.Refusal(field, "corrections.participant.badDate", typed);
		}
	}

	@GetMapping("/changes")
	String changes(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model, Locale locale) {
		var end = to == null ? clock.today() : within("to", to, locale);
		// ten years back, but never before the first day a date can be written (a far 'to' is refused above)
		var start = from == null ? (end.getYear() > DateSpan.BEGINNING.getYear() + 10 ? end.minusYears(10) : DateSpan.BEGINNING)
				: within("from", from, locale);
		new DateSpan(start, end);
		var roster = registry.roster();
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("changes", roster.changesBetween(start, end));
		model.addAttribute("before", roster.census(start));
		model.addAttribute("after", roster.census(end));
		common(model, messages.getMessage("portal.changes.title", null, locale), roster, locale);
		return "changes";
	}

	@GetMapping("/timeline")
	String timeline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model, Locale locale) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("entries", visibleEntries(timeline.between(from, to)));
		common(model, messages.getMessage("portal.timeline.title", null, locale), registry.roster(), locale);
		return "timeline";
	}

	@GetMapping("/sources")
	String sources(Model model, Locale locale) {
		var roster = registry.roster();
		model.addAttribute("contradictions", notes.contradictions());
		model.addAttribute("counts", notes.attestedCounts().stream().map(count -> new CountCheck(count.asOf(), count.status(),
				count.kind(), count.count(), roster.count(count.asOf(), ParticipantStatus.valueOf(count.status()),
						ParticipantKind.valueOf(count.kind())), count.followed(), count.sources() == null ? List.of() : count.sources(),
				count.note())).toList());
		common(model, messages.getMessage("portal.sources.title", null, locale), roster, locale);
		return "sources";
	}

	/** Meetings the person looking may know of: lists and counts are made from these only. */
	private List<org.kurultai.meetings.Meeting> visibleMeetings(List<org.kurultai.meetings.Meeting> list) {
		return access.visible(access.currentViewer(), list, org.kurultai.meetings.Meeting::access);
	}

	private List<org.kurultai.timeline.TimelineEntry> visibleEntries(List<org.kurultai.timeline.TimelineEntry> list) {
		return access.visible(access.currentViewer(), list, org.kurultai.timeline.TimelineEntry::access);
	}

	/** A count a source attests beside the count the periods give. */
	record CountCheck(LocalDate asOf, String status, String kind, int attested, int derived, boolean followed,
			List<String> sources, @Nullable String note) {
	}

	/** What every public page has: its title (in the page's language) and participants', bodies' and places' names in it. */
	private LocalNames common(Model model, String title, Roster roster, Locale locale) {
		var names = new LocalNames(roster, messages, locale);
		model.addAttribute("title", title);
		model.addAttribute("names", names);
		return names;
	}

	/** The records speak of years 1 to 9999; a date outside them names no day of the forum's history. */
	private LocalDate within(String parameter, LocalDate day, Locale locale) {
		if (day.isBefore(DateSpan.BEGINNING) || day.isAfter(DateSpan.END)) {
			throw new org.kurultai.shared.InvalidRequest(parameter,
					messages.getMessage("portal.date.outside", new Object[] { parameter, day, DateSpan.BEGINNING, DateSpan.END }, locale));
		}
		return day;
	}
}
