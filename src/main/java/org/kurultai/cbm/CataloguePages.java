package org.kurultai.cbm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Role;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Catalogue's pages: an edition with its coordinators, two editions compared, and a State's commitments. */
@Controller
class CataloguePages {

	/** The field of the commitment form each refusal is about. */
	private static final Map<String, String> COMMITMENT_FIELDS = Map.of("not-in-edition", "subject", "only-members-commit", "effectiveOn",
			"commitment-out-of-order", "effectiveOn", "already-opted-in", "kind", "not-opted-in", "kind", "no-edition-in-force",
			"effectiveOn");

	private final Catalogue catalogue;
	private final Plans plans;
	private final Registry registry;
	private final Organs organs;
	private final ForumClock clock;
	private final AccessPolicy access;
	private final MessageSource messages;
	private final PageNamesFactory pageNames;
	private final org.kurultai.meetings.Meetings meetings;

	CataloguePages(Catalogue catalogue, Plans plans, Registry registry, Organs organs, ForumClock clock, AccessPolicy access,
			MessageSource messages, PageNamesFactory pageNames, org.kurultai.meetings.Meetings meetings) {
		this.pageNames = pageNames;
		this.meetings = meetings;
		this.catalogue = catalogue;
		this.plans = plans;
		this.registry = registry;
		this.organs = organs;
		this.clock = clock;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/catalogue")
	String catalogue(@RequestParam @Nullable String edition, Model model, Locale locale) {
		var editions = catalogue.editions();
		var shown = edition == null || edition.isBlank() ? catalogue.inForce(clock.today()) : catalogue.edition(edition);
		var day = catalogue.lastDayInForce(shown);
		model.addAttribute("editions", editions);
		model.addAttribute("edition", shown);
		model.addAttribute("coordinatorsOn", day);
		// the meeting it was adopted at, only for a reader who may know that meeting
		model.addAttribute("editionMeeting", shown.meeting() != null
				&& meetings.visible(List.of(shown.meeting()), access.seenBy(access.currentViewer())).contains(shown.meeting()) ? shown.meeting() : null);
		model.addAttribute("adoptedByName", organs.isBody(shown.adoptedBy())
				? organs.body(shown.adoptedBy()).nameOn(shown.adoptedOn()).name() : shown.adoptedBy());
		var leads = new LinkedHashMap<String, List<Coordination>>();
		shown.priorityAreas().forEach(area -> leads.put(area.code(), new ArrayList<>()));
		catalogue.coordinatorsOn(day).forEach(c -> leads.computeIfPresent(c.priorityArea(), (k, list) -> {
			list.add(c);
			return list;
		}));
		model.addAttribute("leads", leads);
		var plansByArea = new LinkedHashMap<String, List<ImplementationPlan>>();
		shown.priorityAreas().forEach(area -> plansByArea.put(area.code(), new ArrayList<>()));
		plans.plans(null).forEach(plan -> plansByArea.computeIfPresent(plan.priorityArea(), (k, list) -> {
			list.add(plan);
			return list;
		}));
		model.addAttribute("plans", plansByArea);
		model.addAttribute("previous", editions.stream().filter(e -> e.adoptedOn().isBefore(shown.adoptedOn()))
				.reduce((a, b) -> b).orElse(null));
		model.addAttribute("names", names(locale, shown));
		return "catalogue";
	}

	@GetMapping("/catalogue/differences")
	String differences(@RequestParam String from, @RequestParam String to, Model model, Locale locale) {
		model.addAttribute("differences", catalogue.differences(from, to));
		model.addAttribute("from", catalogue.edition(from));
		model.addAttribute("to", catalogue.edition(to));
		model.addAttribute("editions", catalogue.editions());
		model.addAttribute("names", names(locale, catalogue.edition(to)));
		return "catalogue-differences";
	}

	@GetMapping("/commitments")
	String commitments(@RequestParam @Nullable String participant,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf, Model model,
			@AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale) {
		var day = asOf == null ? clock.today() : asOf;
		var members = registry.standingsOn(day, ParticipantStatus.MEMBER);
		if (members.isEmpty()) {
			// a day before the forum had members (or before the first edition): no State had commitments then;
			// the States to choose from are today's members, each shown with none on that day
			members = registry.standingsOn(clock.today(), ParticipantStatus.MEMBER);
		}
		var code = participant == null || participant.isBlank()
				? (user != null && user.account().participant() != null ? user.account().participant() : members.get(0).code().value())
				: participant.trim().toUpperCase(Locale.ROOT);
		var commitments = catalogue.commitmentsOf(code, access.currentViewer());
		model.addAttribute("participant", code);
		model.addAttribute("asOf", day);
		model.addAttribute("members", members);
		model.addAttribute("current", new ArrayList<>(commitments.on(day).values()));
		var history = new ArrayList<>(commitments.history());
		java.util.Collections.reverse(history);
		model.addAttribute("history", history);
		var edition = catalogue.inForce(clock.today());
		model.addAttribute("edition", edition);
		boolean secretariat = user != null && user.account().role().isSecretariat();
		boolean ownCoordinator = user != null && user.account().role() == Role.NATIONAL_COORDINATOR && code.equals(user.account().participant());
		model.addAttribute("mayRecord", (secretariat || ownCoordinator)
				&& registry.statusOf(ParticipantCode.parse(code), clock.today()) == ParticipantStatus.MEMBER);
		model.addAttribute("secretariat", secretariat);
		model.addAttribute("today", clock.today());
		var names = names(locale, edition);
		model.addAttribute("names", names);
		model.addAttribute("state", names.of(code));
		FormError.none(model);
		return "commitments";
	}

	@PostMapping("/commitments")
	String record(@AuthenticationPrincipal KurultaiUser user, @RequestParam String participant, @RequestParam String subject,
			@RequestParam CommitmentChange.Kind kind, @RequestParam @Nullable String effectiveOn, @RequestParam @Nullable String writtenRequest,
			@RequestParam @Nullable String note, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		var typed = FormError.typed(request.getParameterMap());
		LocalDate from;
		try {
			from = effectiveOn == null || effectiveOn.isBlank() ? clock.today() : LocalDate.parse(effectiveOn.trim());
		}
		catch (DateTimeParseException notADate) {
			return again(FormError.invalid("commitment", "effectiveOn", messages, locale, "cbm.form.date", effectiveOn), participant, typed,
					model, user, locale, response);
		}
		var parts = subject.split("/", 2);
		try {
			catalogue.record(user.account(), new Catalogue.NewChange(participant, parts[0], parts.length > 1 ? parts[1] : null, kind, from,
					writtenRequest, note));
		}
		catch (InvalidRequest | RuleViolation refused) {
			return again(FormError.refused("commitment", refused, COMMITMENT_FIELDS, messages, locale), participant, typed, model, user,
					locale, response);
		}
		return "redirect:/commitments?participant=" + participant.trim().toUpperCase(Locale.ROOT);
	}

	/** The commitments page again, with the refusal beside its field and the form as it was typed. */
	private String again(FormError error, String participant, Map<String, String> typed, Model model, KurultaiUser user, Locale locale,
			HttpServletResponse response) {
		error.show(model, typed, response);
		return commitments(participant, null, model, user, locale);
	}

	private PageNames names(Locale locale, CatalogueEdition preferred) {
		return pageNames.in(locale, preferred);
	}
}
