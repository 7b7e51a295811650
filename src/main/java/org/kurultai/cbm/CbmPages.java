package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The CBM dashboard, events, and a State's implementation reports with the form to write them. */
@Controller
class CbmPages {

	/** The first year of the Catalogue. */
	static final int FIRST_YEAR = 2004;

	/** The field of the report form each refusal is about. */
	private static final Map<String, String> REPORT_FIELDS = Map.of("not-participating", "priorityArea", "year", "priorityArea");

	private final Dashboard dashboard;
	private final InformationExchange exchange;
	private final Implementation implementation;
	private final AnnualReport annualReport;
	private final Catalogue catalogue;
	private final AccessPolicy access;
	private final ForumClock clock;
	private final MessageSource messages;
	private final PageNamesFactory pageNames;

	CbmPages(Dashboard dashboard, InformationExchange exchange, Implementation implementation, AnnualReport annualReport, Catalogue catalogue,
			AccessPolicy access, ForumClock clock, MessageSource messages, PageNamesFactory pageNames) {
		this.dashboard = dashboard;
		this.exchange = exchange;
		this.implementation = implementation;
		this.annualReport = annualReport;
		this.catalogue = catalogue;
		this.access = access;
		this.clock = clock;
		this.messages = messages;
		this.pageNames = pageNames;
	}

	@GetMapping("/cbm")
	String dashboard(@RequestParam @Nullable String year, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		var shown = year(year, clock.today().getYear(), model, locale, request, response);
		var heatmap = dashboard.heatmap(access.currentViewer(), shown);
		model.addAttribute("heatmap", heatmap);
		model.addAttribute("events", implementation.events(null, null, shown));
		var viewer = access.currentViewer();
		var overdueReturns = new LinkedHashMap<ExchangeType, List<String>>();
		if (access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS))) {
			exchange.types().stream().filter(type -> type.schedule() == ExchangeType.Schedule.ANNUAL).forEach(type -> overdueReturns.put(
					type, exchange.returns(viewer, type.code(), shown).stream()
							.filter(r -> r.status() == InformationExchange.ReturnStatus.OVERDUE).map(InformationExchange.Return::participant).toList()));
		}
		model.addAttribute("overdueReturns", overdueReturns);
		model.addAttribute("years", years());
		long maxTrend = heatmap.trends().stream().mapToLong(t -> Math.max(t.events(), Math.max(t.reportsSubmitted(), t.statesOptedIn()))).max()
				.orElse(1);
		model.addAttribute("maxTrend", Math.max(1, maxTrend));
		model.addAttribute("names", pageNames.in(locale, catalogue.edition(heatmap.edition())));
		model.addAttribute("zone", clock.zone());
		FormError.none(model);
		return "cbm";
	}

	@GetMapping("/cbm/reports")
	String reports(@RequestParam @Nullable String year, Model model, @AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		var shown = year(year, clock.today().getYear() - 1, model, locale, request, response);
		return reports(shown, model, user, locale);
	}

	private String reports(int shown, Model model, @Nullable KurultaiUser user, Locale locale) {
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
		var edition = catalogue.inForce(LocalDate.of(shown, 12, 31));
		if (mayReport) {
			var areas = edition.priorityAreas().stream().filter(area -> implementation.participatedIn(own, area.code(), shown)).toList();
			model.addAttribute("areas", areas);
		}
		model.addAttribute("names", pageNames.in(locale, edition));
		model.addAttribute("zone", clock.zone());
		FormError.none(model);
		return "cbm-reports";
	}

	@PostMapping("/cbm/reports")
	String save(@AuthenticationPrincipal KurultaiUser user, @RequestParam String priorityArea, @RequestParam int year,
			@RequestParam @Nullable String text, @RequestParam(defaultValue = "false") boolean nil, @RequestParam String action, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response) {
		try {
			implementation.save(user.account(), new Implementation.NewReport(String.valueOf(user.account().participant()),
					priorityArea.toUpperCase(Locale.ROOT), year, text, nil, action.equals("submit")));
		}
		catch (InvalidRequest | RuleViolation refused) {
			FormError.refused("report", refused, REPORT_FIELDS, messages, locale).show(model, FormError.typed(request.getParameterMap()), response);
			return reports(inRange(year) ? year : clock.today().getYear() - 1, model, user, locale);
		}
		return "redirect:/cbm/reports?year=" + year;
	}

	@PostMapping("/cbm/annual-reports")
	String compile(@AuthenticationPrincipal KurultaiUser user, @RequestParam int year, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			return "redirect:/documents/" + annualReport.compile(user.account(), year).id();
		}
		catch (InvalidRequest | RuleViolation refused) {
			FormError.refused("compile", refused, Map.of("year", ""), messages, locale).show(model, FormError.typed(request.getParameterMap()),
					response);
			return reports(inRange(year) ? year : clock.today().getYear() - 1, model, user, locale);
		}
	}

	/**
	 * The year a page shows: the one asked for, or {@code otherwise}. A year that is not one (or outside the
	 * Catalogue's years) is said beside the year control, with what was typed kept, and answered 400.
	 */
	private int year(@Nullable String year, int otherwise, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		if (year == null || year.isBlank()) {
			return otherwise;
		}
		try {
			var asked = Integer.parseInt(year.trim());
			if (inRange(asked)) {
				return asked;
			}
		}
		catch (NumberFormatException notANumber) {
			// said below
		}
		FormError.invalid("year", "year", messages, locale, "cbm.form.years", String.valueOf(FIRST_YEAR),
				String.valueOf(clock.today().getYear())).show(model, FormError.typed(request.getParameterMap()), response);
		return otherwise;
	}

	private boolean inRange(int year) {
		return year >= FIRST_YEAR && year <= clock.today().getYear();
	}

	private List<Integer> years() {
		var years = new ArrayList<Integer>();
		for (int y = clock.today().getYear(); y >= FIRST_YEAR; y--) {
			years.add(y);
		}
		return years;
	}
}
