package org.kurultai.cbm;

import java.util.ArrayList;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.ForumProperties;
import org.kurultai.registry.NameLookup;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The CBM dashboard, events, and a State's implementation reports with the form to write them. */
@Controller
class CbmPages {

	private final Dashboard dashboard;
	private final InformationExchange exchange;
	private final Implementation implementation;
	private final AnnualReport annualReport;
	private final Catalogue catalogue;
	private final AccessPolicy access;
	private final Registry registry;
	private final ForumClock clock;
	private final ForumProperties forum;

	CbmPages(Dashboard dashboard, InformationExchange exchange, Implementation implementation, AnnualReport annualReport, Catalogue catalogue, AccessPolicy access, Registry registry, ForumClock clock,
			ForumProperties forum) {
		this.dashboard = dashboard;
		this.exchange = exchange;
		this.implementation = implementation;
		this.annualReport = annualReport;
		this.catalogue = catalogue;
		this.access = access;
		this.registry = registry;
		this.clock = clock;
		this.forum = forum;
	}

	@GetMapping("/cbm")
	String dashboard(@RequestParam @Nullable Integer year, Model model) {
		var shown = year == null ? clock.today().getYear() : year;
		if (shown < 2004 || shown > clock.today().getYear()) {
			throw InvalidRequest.of("year", "problem.cbm.yearRange", clock.today().getYear());
		}
		var heatmap = dashboard.heatmap(access.currentViewer(), shown);
		model.addAttribute("heatmap", heatmap);
		model.addAttribute("events", implementation.events(null, null, shown));
		var viewer = access.currentViewer();
		var overdueReturns = new java.util.LinkedHashMap<String, java.util.List<String>>();
		if (access.maySee(viewer, org.kurultai.shared.Access.of(org.kurultai.shared.AccessLevel.PARTICIPANTS))) {
			exchange.types().stream().filter(type -> type.schedule() == ExchangeType.Schedule.ANNUAL).forEach(type -> overdueReturns.put(
					type.title(), exchange.returns(viewer, type.code(), shown).stream()
							.filter(r -> r.status() == InformationExchange.ReturnStatus.OVERDUE).map(InformationExchange.Return::participant).toList()));
		}
		model.addAttribute("overdueReturns", overdueReturns);
		var years = new ArrayList<Integer>();
		for (int y = clock.today().getYear(); y >= 2004; y--) {
			years.add(y);
		}
		model.addAttribute("years", years);
		long maxTrend = heatmap.trends().stream().mapToLong(t -> Math.max(t.events(), Math.max(t.reportsSubmitted(), t.statesOptedIn()))).max()
				.orElse(1);
		model.addAttribute("maxTrend", Math.max(1, maxTrend));
		common(model, "Confidence-building measures: who does what");
		return "cbm";
	}

	@GetMapping("/cbm/reports")
	String reports(@RequestParam @Nullable Integer year, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var shown = year == null ? clock.today().getYear() - 1 : year;
		if (shown < 2004 || shown > clock.today().getYear()) {
			throw InvalidRequest.of("year", "problem.cbm.yearRange", clock.today().getYear());
		}
		var viewer = access.currentViewer();
		var reports = new ArrayList<>(implementation.reports(viewer, null, shown));
		model.addAttribute("year", shown);
		model.addAttribute("reports", reports);
		model.addAttribute("dueDay", implementation.dueDay(shown));
		// the State one acts for today: none once an accreditation has ended
		var named = user == null ? null : user.account().participant();
		var own = named != null && access.actsFor(viewer, named) ? named : null;
		boolean mayReport = own != null && viewer.mandate() != null && viewer.mandate().capacity() == Capacity.MEMBER_DELEGATION;
		model.addAttribute("mayReport", mayReport);
		model.addAttribute("mayCompile", viewer.mandate() != null && viewer.mandate().actsForSecretariat());
		model.addAttribute("own", own);
		if (mayReport) {
			var areas = catalogue.inForce(java.time.LocalDate.of(shown, 12, 31)).priorityAreas().stream()
					.filter(area -> implementation.participatedIn(own, area.code(), shown)).toList();
			model.addAttribute("areas", areas);
		}
		common(model, "Implementation reports " + shown);
		return "cbm-reports";
	}

	@PostMapping("/cbm/reports")
	String save(@AuthenticationPrincipal KurultaiUser user, @RequestParam String priorityArea, @RequestParam int year,
			@RequestParam @Nullable String text, @RequestParam(defaultValue = "false") boolean nil, @RequestParam String action) {
		implementation.save(user.account(), new Implementation.NewReport(String.valueOf(user.account().participant()),
				priorityArea.toUpperCase(Locale.ROOT), year, text, nil, action.equals("submit")));
		return "redirect:/cbm/reports?year=" + year;
	}

	@PostMapping("/cbm/annual-reports")
	String compile(@AuthenticationPrincipal KurultaiUser user, @RequestParam int year) {
		return "redirect:/documents/" + annualReport.compile(user.account(), year).id();
	}

	private void common(Model model, String title) {
		model.addAttribute("title", title);
		model.addAttribute("forum", forum.name());
		model.addAttribute("names", new NameLookup(registry.roster()));
		model.addAttribute("zone", clock.zone());
	}
}
