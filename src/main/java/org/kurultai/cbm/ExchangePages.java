package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The information exchange page: types, the returns on one type and year, reminders, and the form built from the type's fields. */
@Controller
class ExchangePages {

	private final InformationExchange exchange;
	private final AccessPolicy access;
	private final Registry registry;
	private final ForumClock clock;
	private final ForumProperties forum;

	ExchangePages(InformationExchange exchange, AccessPolicy access, Registry registry, ForumClock clock, ForumProperties forum) {
		this.exchange = exchange;
		this.access = access;
		this.registry = registry;
		this.clock = clock;
		this.forum = forum;
	}

	@GetMapping("/exchange")
	String exchange(@RequestParam @Nullable String type, @RequestParam @Nullable Integer year, Model model,
			@AuthenticationPrincipal @Nullable KurultaiUser user) {
		var types = exchange.types();
		var shown = type == null || type.isBlank() ? types.get(0) : exchange.type(type);
		var shownYear = year == null ? clock.today().getYear() - 1 : year;
		exchange.refuseUnlessReferenceYear("year", shownYear);
		var viewer = access.currentViewer();
		model.addAttribute("types", types);
		model.addAttribute("type", shown);
		model.addAttribute("year", shownYear);
		boolean participantsView = access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS));
		model.addAttribute("participantsView", participantsView);
		model.addAttribute("returns", participantsView && shown.schedule() == ExchangeType.Schedule.ANNUAL
				? exchange.returns(viewer, shown.code(), shownYear) : List.of());
		model.addAttribute("submissions", exchange.submissions(viewer, shown.code(), null, null));
		boolean mayAcknowledge = viewer.mandate() != null && viewer.mandate().actsForSecretariat();
		model.addAttribute("mayAcknowledge", mayAcknowledge);
		boolean maySubmit = user != null && viewer.mandate() != null && viewer.mandate().capacity() == Capacity.MEMBER_DELEGATION;
		model.addAttribute("maySubmit", maySubmit);
		model.addAttribute("reminders", user == null ? List.of() : exchange.reminders(user.account(), clock.now()));
		model.addAttribute("zone", clock.zone());
		model.addAttribute("title", "Information exchange");
		model.addAttribute("forum", forum.name());
		model.addAttribute("names", new NameLookup(registry.roster()));
		return "exchange";
	}

	@PostMapping("/exchange/submissions")
	String submit(@AuthenticationPrincipal KurultaiUser user, @RequestParam String type, @RequestParam @Nullable Integer referenceYear,
			@RequestParam @Nullable String activity,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime activityStarts,
			@RequestParam @Nullable String activityZone, @RequestParam(defaultValue = "false") boolean nil,
			@RequestParam @Nullable AccessLevel visibility, @RequestParam MultiValueMap<String, String> form) {
		var answers = new LinkedHashMap<String, String>();
		form.forEach((key, values) -> {
			if (key.startsWith("answer.") && !values.isEmpty() && !values.get(0).isBlank()) {
				answers.put(key.substring(7), values.get(0));
			}
		});
		exchange.submit(user.account(), new InformationExchange.NewSubmission(type, String.valueOf(user.account().participant()),
				referenceYear, activity, activityStarts, activityZone, answers, nil, visibility));
		return "redirect:/exchange?type=" + type + (referenceYear == null ? "" : "&year=" + referenceYear);
	}

	@PostMapping("/exchange/submissions/{id}/acknowledgement")
	String acknowledge(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam String type) {
		exchange.acknowledge(user.account(), id);
		return "redirect:/exchange?type=" + type;
	}
}
