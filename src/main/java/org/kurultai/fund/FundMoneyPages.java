package org.kurultai.fund;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Fund's money pages: the overview ({@code /fund}: the yearly totals for anyone, with a bar chart; the balance
 * for participants), the contributions (with the Secretariat's form recording a pledge, a contribution or a receipt;
 * a refused form comes back with the message beside its field and what was typed), a contributor's statement, the
 * trial balance at a day and the annual financial report (page, PDF, CSV).
 */
@Controller
class FundMoneyPages {

	static final String FORM = "contribution-form";
	static final String RATE_FORM = "rate-form";
	static final Set<String> RATE_FIELDS = Set.of("currency", "day", "rate", "source");
	static final Set<String> FIELDS = Set.of("kind", "participant", "contributorId", "contributorKind", "contributorName", "contributorCountry",
			"pledge", "currency", "amount", "bankCharges", "valueDate", "reference", "earmarkProject", "earmarkArea");

	private final Ledger ledger;
	private final FundStatements statements;
	private final FundPolicy policy;
	private final Registry registry;
	private final ForumClock clock;
	private final FormProblems forms;
	private final MessageSource messages;

	FundMoneyPages(Ledger ledger, FundStatements statements, FundPolicy policy, Registry registry, ForumClock clock, FormProblems forms,
			MessageSource messages) {
		this.ledger = ledger;
		this.statements = statements;
		this.policy = policy;
		this.registry = registry;
		this.clock = clock;
		this.forms = forms;
		this.messages = messages;
	}

	@GetMapping("/fund")
	String overview(Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = policy.currentViewer();
		var years = statements.yearlyTotals();
		model.addAttribute("years", years);
		model.addAttribute("chart", Chart.of(years));
		boolean totals = policy.maySeeTotals(viewer);
		model.addAttribute("maySeeTotals", totals);
		model.addAttribute("balance", totals ? statements.balance(viewer) : null);
		model.addAttribute("mayRecord", policy.mayRecordMoney(user == null ? null : user.account()));
		model.addAttribute("maySeeLedger", policy.maySeeLedger(viewer));
		model.addAttribute("contributors", statements.contributors(viewer, language()));
		model.addAttribute("currency", ledger.currency());
		model.addAttribute("thisYear", clock.today().getYear());
		model.addAttribute("today", clock.today());
		return "fund/overview";
	}

	@GetMapping("/fund/contributions")
	String contributions(Model model, @AuthenticationPrincipal @Nullable KurultaiUser user) {
		var viewer = policy.currentViewer();
		var language = language();
		var contributors = new HashMap<Long, Contributor>();
		ledger.contributors().forEach(c -> contributors.put(c.id(), c));
		var kinds = new HashMap<Long, EntryKind>();
		var entries = ledger.entries();
		entries.forEach(e -> kinds.put(e.id(), e.kind()));
		var rows = new ArrayList<Row>();
		for (var entry : entries) {
			var contributor = entry.contributor() == null ? null : contributors.get(entry.contributor());
			if (contributor == null || !policy.maySeeStatement(viewer, contributor)) {
				continue;
			}
			var kind = entry.reverses() == null ? entry.kind() : kinds.getOrDefault(entry.reverses(), entry.kind());
			var counted = entry.lines().stream().filter(l -> kind == EntryKind.PLEDGE ? l.account() == LedgerAccount.PLEDGES_RECEIVABLE
					: l.account() == LedgerAccount.CASH || l.account() == LedgerAccount.BANK_CHARGES).toList();
			if (counted.isEmpty()) {
				continue;
			}
			rows.add(new Row(entry.id(), entry.valueDate(), kind, entry.reverses() != null, contributor.id(), statements.name(contributor, language),
					entry.pledge(), counted.get(0).currency(), counted.stream().map(LedgerLine::original).reduce(Money.ZERO, BigDecimal::add),
					counted.stream().map(LedgerLine::amount).reduce(Money.ZERO, BigDecimal::add), entry.reference()));
		}
		java.util.Collections.reverse(rows);
		model.addAttribute("rows", rows);
		var mayRecord = policy.mayRecordMoney(user == null ? null : user.account());
		model.addAttribute("mayRecord", mayRecord);
		model.addAttribute("currency", ledger.currency());
		model.addAttribute("today", clock.today());
		if (mayRecord) {
			model.addAttribute("participants", registry.roster().participants());
			model.addAttribute("language", Locale.forLanguageTag(language.getLanguage()));
			model.addAttribute("known", ledger.contributors().stream().filter(c -> c.participant() == null).toList());
			var books = ledger.books();
			model.addAttribute("openPledges", ledger.pledges().stream().filter(p -> books.outstanding(p.id()).signum() > 0)
					.map(p -> new OpenPledge(p, contributors.containsKey(p.contributor()) ? statements.name(contributors.get(p.contributor()), language) : "",
							books.outstanding(p.id())))
					.toList());
			model.addAttribute("rates", ledger.rates().stream().limit(20).toList());
			model.addAttribute("kinds", List.of(ContributorKind.NON_MEMBER, ContributorKind.ORGANIZATION, ContributorKind.FINANCIAL_INSTITUTION,
					ContributorKind.LEGAL_ENTITY, ContributorKind.INDIVIDUAL));
		}
		FormProblems.none(model);
		return "fund/contributions";
	}

	/** A movement on the contributions' list. */
	record Row(long entry, java.time.LocalDate valueDate, EntryKind kind, boolean reversal, long contributor, String name, @Nullable Long pledge,
			String currency, BigDecimal original, BigDecimal amount, String reference) {
	}

	/** A pledge still to be received, for the receipt's choice. */
	record OpenPledge(Pledge pledge, String contributor, BigDecimal outstanding) {
	}

	@PostMapping("/fund/contributions")
	String record(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			var kind = form.getFirst("kind");
			// the radio says who contributes; only the fields of the chosen way count
			var who = form.getFirst("who");
			boolean receipt = "RECEIPT".equals(kind);
			String participant = receipt ? null : "participant".equals(who) || who == null ? form.getFirst("participant") : null;
			String known = receipt ? null : "known".equals(who) ? form.getFirst("contributorId") : null;
			boolean isNew = !receipt && "new".equals(who);
			var recorded = ledger.record(user.account(), new Ledger.Movement(kind, participant, known, isNew ? form.getFirst("contributorKind") : null,
					isNew ? form.getFirst("contributorName") : null, isNew ? form.getFirst("contributorCountry") : null,
					receipt ? form.getFirst("pledge") : null, receipt ? null : form.getFirst("currency"), form.getFirst("amount"), form.getFirst("bankCharges"),
					form.getFirst("valueDate"), form.getFirst("reference"), receipt ? null : form.getFirst("earmarkProject"),
					receipt ? null : form.getFirst("earmarkArea")));
			return "redirect:/fund/contributors/" + recorded.contributor() + "?entry=" + recorded.entry();
		}
		catch (RuntimeException refused) {
			forms.refused(refused, FORM, FIELDS, form, model, response);
			return contributions(model, user);
		}
	}

	@PostMapping("/fund/exchange-rates")
	String recordRate(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		try {
			ledger.recordRate(user.account(), form.getFirst("currency"), form.getFirst("day"), form.getFirst("rate"), form.getFirst("source"));
			return "redirect:/fund/contributions#rates";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, RATE_FORM, RATE_FIELDS, form, model, response);
			return contributions(model, user);
		}
	}

	@GetMapping("/fund/contributors/{id}")
	String statement(@PathVariable long id, @RequestParam(required = false) @Nullable Long entry, Model model) {
		var statement = statements.statement(id, policy.currentViewer(), language());
		model.addAttribute("statement", statement);
		model.addAttribute("recorded", entry);
		model.addAttribute("today", clock.today());
		return "fund/statement";
	}

	@GetMapping("/fund/trial-balance")
	String trialBalance(@RequestParam(required = false) @Nullable String asOf, Model model) {
		var day = FundMoneyApi.asOf(asOf, clock);
		model.addAttribute("trial", statements.trialBalance(day, policy.currentViewer()));
		var shown = new ArrayList<>(statements.entries(policy.currentViewer()).stream().filter(e -> !e.valueDate().isAfter(day)).toList());
		java.util.Collections.reverse(shown);
		model.addAttribute("entries", shown);
		model.addAttribute("today", clock.today());
		return "fund/trial-balance";
	}

	@GetMapping("/fund/report/{year}")
	String report(@PathVariable String year, Model model) {
		var report = statements.annualReport(year(year), policy.currentViewer(), language());
		model.addAttribute("report", report);
		return "fund/report";
	}

	@GetMapping("/fund/report/{year}.pdf")
	@ResponseBody
	void reportPdf(@PathVariable String year, HttpServletResponse response) throws IOException {
		var locale = language();
		var report = statements.annualReport(year(year), policy.currentViewer(), locale);
		var pdf = FundAnnualReport.pdf(report, key -> messages.getMessage(key, null, locale), locale);
		send(response, MediaType.APPLICATION_PDF_VALUE, ContentDisposition.inline().filename("fund-report-" + report.year() + ".pdf").build(), pdf);
	}

	@GetMapping("/fund/report/{year}.csv")
	@ResponseBody
	void reportCsv(@PathVariable String year, HttpServletResponse response) throws IOException {
		var report = statements.annualReport(year(year), policy.currentViewer(), language());
		var type = new MediaType("text", "csv", StandardCharsets.UTF_8).toString();
		send(response, type, ContentDisposition.attachment().filename("fund-report-" + report.year() + ".csv").build(),
				FundAnnualReport.csv(report).getBytes(StandardCharsets.UTF_8));
	}

	private static int year(String year) {
		try {
			return Integer.parseInt(year);
		}
		catch (NumberFormatException invalid) {
			throw NotFound.of("problem.fund.yearInvalid", year);
		}
	}

	private static void send(HttpServletResponse response, String type, ContentDisposition disposition, byte[] body) throws IOException {
		response.setContentType(type);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Locale language() {
		return LocaleContextHolder.getLocale();
	}

	/**
	 * The yearly totals as an SVG bar chart drawn on the server: two bars a year (received, disbursed), heights in whole
	 * units of a 100-high plot, from exact amounts.
	 */
	record Chart(int width, int height, List<Bar> bars, String max) {

		record Bar(int year, int x, int receivedY, int receivedHeight, int disbursedY, int disbursedHeight, int labelX) {
		}

		static final int PLOT = 100;
		static final int TOP = 10;

		static Chart of(List<FundStatements.YearTotals> years) {
			var max = years.stream().flatMap(y -> java.util.stream.Stream.of(y.received(), y.disbursed())).reduce(BigDecimal.ZERO, BigDecimal::max);
			var bars = new ArrayList<Bar>();
			int x = 10;
			for (var year : years) {
				int received = height(year.received(), max);
				int disbursed = height(year.disbursed(), max);
				bars.add(new Bar(year.year(), x, TOP + PLOT - received, received, TOP + PLOT - disbursed, disbursed, x + 14));
				x += 44;
			}
			return new Chart(Math.max(x, 120), TOP + PLOT + 20, List.copyOf(bars), max.toPlainString());
		}

		private static int height(BigDecimal value, BigDecimal max) {
			if (max.signum() <= 0 || value.signum() <= 0) {
				return 0;
			}
			return Math.max(1, value.multiply(BigDecimal.valueOf(PLOT)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValueExact());
		}
	}

}
