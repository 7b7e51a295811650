package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.identity.Role;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
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

	private final Catalogue catalogue;
	private final Plans plans;
	private final Registry registry;
	private final ForumClock clock;
	private final ForumProperties forum;

	private final AccessPolicy access;

	CataloguePages(Catalogue catalogue, Plans plans, Registry registry, ForumClock clock, ForumProperties forum, AccessPolicy access) {
		this.access = access;
		this.catalogue = catalogue;
		this.plans = plans;
		this.registry = registry;
		this.clock = clock;
		this.forum = forum;
	}

	@GetMapping("/catalogue")
	String catalogue(@RequestParam @Nullable String edition, Model model) {
		var editions = catalogue.editions();
		var shown = edition == null || edition.isBlank() ? catalogue.inForce(clock.today()) : catalogue.edition(edition);
		var day = catalogue.lastDayInForce(shown);
		model.addAttribute("editions", editions);
		model.addAttribute("edition", shown);
		model.addAttribute("coordinatorsOn", day);
		var leads = new java.util.LinkedHashMap<String, java.util.List<Coordination>>();
		shown.priorityAreas().forEach(area -> leads.put(area.code(), new ArrayList<>()));
		catalogue.coordinatorsOn(day).forEach(c -> leads.computeIfPresent(c.priorityArea(), (k, list) -> {
			list.add(c);
			return list;
		}));
		model.addAttribute("leads", leads);
		var plansByArea = new java.util.LinkedHashMap<String, java.util.List<ImplementationPlan>>();
		shown.priorityAreas().forEach(area -> plansByArea.put(area.code(), new ArrayList<>()));
		plans.plans(null).forEach(plan -> plansByArea.computeIfPresent(plan.priorityArea(), (k, list) -> {
			list.add(plan);
			return list;
		}));
		model.addAttribute("plans", plansByArea);
		model.addAttribute("previous", editions.stream().filter(e -> e.adoptedOn().isBefore(shown.adoptedOn()))
				.reduce((a, b) -> b).orElse(null));
		common(model, "Catalogue of Confidence-Building Measures");
		return "catalogue";
	}

	@GetMapping("/catalogue/differences")
	String differences(@RequestParam String from, @RequestParam String to, Model model) {
		model.addAttribute("differences", catalogue.differences(from, to));
		model.addAttribute("from", catalogue.edition(from));
		model.addAttribute("to", catalogue.edition(to));
		model.addAttribute("editions", catalogue.editions());
		common(model, "Catalogue: " + from + " and " + to + " compared");
		return "catalogue-differences";
	}

	@GetMapping("/commitments")
	String commitments(@RequestParam @Nullable String participant,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf, Model model,
			@AuthenticationPrincipal @Nullable KurultaiUser user) {
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
		model.addAttribute("edition", catalogue.inForce(clock.today()));
		boolean secretariat = user != null && user.account().role().isSecretariat();
		boolean ownCoordinator = user != null && user.account().role() == Role.NATIONAL_COORDINATOR && code.equals(user.account().participant());
		model.addAttribute("mayRecord", (secretariat || ownCoordinator)
				&& registry.statusOf(ParticipantCode.parse(code), clock.today()) == ParticipantStatus.MEMBER);
		model.addAttribute("secretariat", secretariat);
		model.addAttribute("today", clock.today());
		common(model, "Commitments of " + new NameLookup(registry.roster()).of(code));
		return "commitments";
	}

	@PostMapping("/commitments")
	String record(@AuthenticationPrincipal KurultaiUser user, @RequestParam String participant, @RequestParam String subject,
			@RequestParam CommitmentChange.Kind kind, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate effectiveOn,
			@RequestParam @Nullable String writtenRequest, @RequestParam @Nullable String note) {
		var parts = subject.split("/", 2);
		catalogue.record(user.account(), new Catalogue.NewChange(participant, parts[0], parts.length > 1 ? parts[1] : null, kind,
				effectiveOn == null ? clock.today() : effectiveOn, writtenRequest, note));
		return "redirect:/commitments?participant=" + participant.trim().toUpperCase(Locale.ROOT);
	}

	private void common(Model model, String title) {
		model.addAttribute("title", title);
		model.addAttribute("forum", forum.name());
		model.addAttribute("names", new NameLookup(registry.roster()));
	}
}
