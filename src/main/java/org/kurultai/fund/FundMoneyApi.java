package org.kurultai.fund;

import java.math.BigDecimal;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Fund's money through the API: contributions, pledges and receipts (the Secretariat records them), contributors'
 * statements (the contributor's delegation and the Secretariat), the Fund's balance (participants), the trial balance,
 * the ledger's entries and their reversal, exchange rates and bank charges (the Secretariat), the yearly totals (anyone).
 */
@RestController
@RequestMapping(path = "/api/fund", produces = "application/json")
@Tag(name = "Fund", description = "The CICA Fund's money: contributions, pledges, the double-entry ledger, statements")
class FundMoneyApi {

	private final Ledger ledger;
	private final FundStatements statements;
	private final FundPolicy policy;
	private final ForumClock clock;

	FundMoneyApi(Ledger ledger, FundStatements statements, FundPolicy policy, ForumClock clock) {
		this.ledger = ledger;
		this.statements = statements;
		this.policy = policy;
		this.clock = clock;
	}

	@GetMapping("/contributions")
	@Operation(summary = "The pledges, contributions and receipts (and their reversals) the caller may see: a contributor's own to its "
			+ "delegation, all to the Secretariat; the oldest first")
	List<ContributionView> contributions() {
		var viewer = policy.currentViewer();
		var language = LocaleContextHolder.getLocale();
		var contributors = new HashMap<Long, Contributor>();
		ledger.contributors().forEach(c -> contributors.put(c.id(), c));
		var kinds = new HashMap<Long, EntryKind>();
		var entries = ledger.entries();
		entries.forEach(e -> kinds.put(e.id(), e.kind()));
		return entries.stream().filter(e -> e.contributor() != null && policy.maySeeStatement(viewer, contributors.get(e.contributor())))
				.map(e -> view(e, contributors.get(e.contributor()), kinds, language)).toList();
	}

	private ContributionView view(LedgerEntry entry, Contributor contributor, java.util.Map<Long, EntryKind> kinds, Locale language) {
		var kind = entry.reverses() == null ? entry.kind() : kinds.getOrDefault(entry.reverses(), entry.kind());
		var counted = entry.lines().stream().filter(l -> kind == EntryKind.PLEDGE ? l.account() == LedgerAccount.PLEDGES_RECEIVABLE
				: l.account() == LedgerAccount.CASH || l.account() == LedgerAccount.BANK_CHARGES).toList();
		var amount = counted.stream().map(LedgerLine::amount).reduce(Money.ZERO, BigDecimal::add);
		var original = counted.stream().map(LedgerLine::original).reduce(Money.ZERO, BigDecimal::add);
		var currency = counted.isEmpty() ? ledger.currency() : counted.get(0).currency();
		var earmark = counted.isEmpty() ? Earmark.GENERAL : counted.get(0).earmark();
		return new ContributionView(entry.id(), kind, entry.reverses(), entry.valueDate(), contributor.id(), statements.name(contributor, language),
				contributor.participant(), contributor.kind(), entry.pledge(), currency, original, amount, ledger.currency(), earmark.project(),
				earmark.area(), entry.reference());
	}

	@PostMapping(path = "/contributions", consumes = "application/json")
	@Operation(summary = "The Secretariat records a pledge (kind PLEDGE), money received without a pledge (CONTRIBUTION) or money "
			+ "received against a pledge (RECEIPT, naming 'pledge'; its contributor, currency and earmark are the pledge's). The contributor "
			+ "is a participant's code ('participant'), a contributor already recorded ('contributorId') or a new one ('contributorKind', "
			+ "'contributorName', 'contributorCountry'). A foreign amount is converted at the rate the Secretariat recorded for the value "
			+ "date (or the latest before it), half-even to the cent; rounding and rate differences go to exchange differences. Audited. "
			+ "201 with the entry; 400 for a bad value, 409 when a receipt exceeds what is outstanding on its pledge")
	ResponseEntity<RecordedView> record(@AuthenticationPrincipal KurultaiUser user, @RequestBody ContributionRequest request) {
		var recorded = ledger.record(user.account(), new Ledger.Movement(request.kind(), request.participant(), string(request.contributorId()),
				request.contributorKind(), request.contributorName(), request.contributorCountry(), string(request.pledge()), request.currency(),
				request.amount(), request.bankCharges(), request.valueDate(), request.reference(), string(request.earmarkProject()),
				request.earmarkArea()));
		return ResponseEntity.created(URI.create("/api/fund/contributors/" + recorded.contributor() + "/statement"))
				.body(new RecordedView(recorded.entry(), recorded.contributor(), recorded.pledge(), "/fund/contributors/" + recorded.contributor()));
	}

	@GetMapping("/contributors")
	@Operation(summary = "The contributors whose statements the caller may see, with what each pledged, paid and still owes (Fund currency)")
	List<FundStatements.ContributorTotals> contributors() {
		return statements.contributors(policy.currentViewer(), LocaleContextHolder.getLocale());
	}

	@GetMapping("/contributors/{id}/statement")
	@Operation(summary = "A contributor's statement: pledged, received, outstanding, its pledges and every movement. Its delegation and the "
			+ "Secretariat see a participant's; the Secretariat anyone else's; 404 for whoever may not see it")
	FundStatements.ContributorStatement statement(@PathVariable long id) {
		return statements.statement(id, policy.currentViewer(), LocaleContextHolder.getLocale());
	}

	@GetMapping("/balance")
	@Operation(summary = "The Fund's balance now (participants and the Secretariat): cash at bank (by earmark), pledges receivable, net assets, "
			+ "allocated to projects and not disbursed, unallocated")
	BalanceView balance() {
		var balance = statements.balance(policy.currentViewer());
		return new BalanceView(ledger.currency(), balance.cash(), balance.receivable(), balance.netAssets(), balance.allocatedUndisbursed(),
				balance.unallocated());
	}

	@GetMapping("/totals")
	@Operation(summary = "The yearly totals anyone may see: contributions received and disbursements to projects, per year")
	TotalsView totals() {
		return new TotalsView(ledger.currency(), statements.yearlyTotals());
	}

	@GetMapping("/trial-balance")
	@Operation(summary = "The trial balance at a day (inclusive, by value date; today by default): each account's balance as debit or "
			+ "credit, and their totals, which are equal. The Secretariat's")
	TrialBalance trialBalance(@Parameter(description = "YYYY-MM-DD", example = "2026-12-31") @RequestParam(required = false) @Nullable String asOf) {
		return statements.trialBalance(asOf(asOf, clock), policy.currentViewer());
	}

	@GetMapping("/entries")
	@Operation(summary = "The ledger's entries with their lines, by value date (the Secretariat's)")
	List<LedgerEntry> entries() {
		return statements.entries(policy.currentViewer());
	}

	@PostMapping(path = "/entries/{id}/reversal", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat corrects an entry by its reversal (once; a reversal is not reversed): the same lines with the "
			+ "opposite sign, refused (409) if it would leave the books wrong (a receipt already spent). Audited")
	EntryView reverse(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestBody ReversalRequest request) {
		return new EntryView(ledger.reverse(user.account(), id, request.valueDate(), request.reference()));
	}

	@GetMapping("/exchange-rates")
	@Operation(summary = "The exchange rates recorded (units of the Fund's currency per unit), the latest first (the Secretariat's)")
	List<ExchangeRate> rates() {
		statements.entries(policy.currentViewer());
		return ledger.rates();
	}

	@PostMapping(path = "/exchange-rates", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a currency's rate for a day with its source (once per currency and day). Audited")
	ExchangeRate recordRate(@AuthenticationPrincipal KurultaiUser user, @RequestBody RateRequest request) {
		return ledger.recordRate(user.account(), request.currency(), request.day(), request.rate() == null ? null : request.rate().toPlainString(), request.source());
	}

	@PostMapping(path = "/bank-charges", consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records the bank's charges on the Fund's account (charges on a receipt go with it: 'bankCharges'). Audited")
	EntryView bankCharge(@AuthenticationPrincipal KurultaiUser user, @RequestBody ChargeRequest request) {
		return new EntryView(ledger.bankCharge(user.account(), request.currency(), request.amount(), request.valueDate(), request.reference()));
	}

	static LocalDate asOf(@Nullable String asOf, ForumClock clock) {
		if (asOf == null || asOf.isBlank()) {
			return clock.today();
		}
		try {
			return LocalDate.parse(asOf.strip());
		}
		catch (DateTimeException invalid) {
			throw InvalidRequest.of("asOf", "problem.fund.asOfInvalid", asOf.strip());
		}
	}

	private static @Nullable String string(@Nullable Object value) {
		return value == null ? null : String.valueOf(value);
	}

	record ContributionRequest(@Schema(description = "PLEDGE, CONTRIBUTION or RECEIPT", example = "CONTRIBUTION") @Nullable String kind,
			@Schema(description = "A participant's code (members, observers, partners)", example = "KAZ") @Nullable String participant,
			@Schema(description = "A contributor already recorded") @Nullable Long contributorId,
			@Schema(description = "A new contributor's kind: NON_MEMBER, ORGANIZATION, FINANCIAL_INSTITUTION, LEGAL_ENTITY or INDIVIDUAL") @Nullable String contributorKind,
			@Schema(description = "A new contributor's name") @Nullable String contributorName,
			@Schema(description = "A new contributor's country, ISO 3166-1 alpha-2", example = "CH") @Nullable String contributorCountry,
			@Schema(description = "RECEIPT: the pledge received against") @Nullable Long pledge,
			@Schema(description = "ISO 4217; the Fund's currency by default", example = "USD") @Nullable String currency,
			@Schema(description = "The amount as a decimal string, two decimals at most", example = "25000.00") @Nullable String amount,
			@Schema(description = "CONTRIBUTION and RECEIPT: what the bank deducted, in the same currency", example = "15.00") @Nullable String bankCharges,
			@Schema(description = "The value date (not in the future)", example = "2026-11-02") @Nullable String valueDate,
			@Schema(description = "The documents: the bank's advice, the note verbale", example = "Note verbale No. 12/345") @Nullable String reference,
			@Schema(description = "Earmarked for a project (its id)") @Nullable Long earmarkProject,
			@Schema(description = "Earmarked for a priority area of the Catalogue (its code)") @Nullable String earmarkArea) {
	}

	record RecordedView(long entry, long contributor, @Nullable Long pledge, String statement) {
	}

	record ContributionView(long entry, EntryKind kind, @Schema(description = "A reversal: the entry it reverses") @Nullable Long reverses,
			LocalDate valueDate, long contributor, String contributorName, @Nullable String participant, ContributorKind contributorKind,
			@Nullable Long pledge, String currency, BigDecimal original, BigDecimal amount, String fundCurrency, @Nullable Long earmarkProject,
			@Nullable String earmarkArea, String reference) {
	}

	record BalanceView(String currency, BigDecimal cash, BigDecimal pledgesReceivable, BigDecimal netAssets, BigDecimal allocatedUndisbursed,
			BigDecimal unallocated) {
	}

	record TotalsView(String currency, List<FundStatements.YearTotals> years) {
	}

	record ReversalRequest(@Schema(description = "Today by default", example = "2026-11-02") @Nullable String valueDate,
			@Schema(description = "Why: the documents of the correction") @Nullable String reference) {
	}

	record RateRequest(@Schema(example = "EUR") @Nullable String currency, @Schema(example = "2026-11-02") @Nullable String day,
			@Schema(description = "Units of the Fund's currency per unit", example = "1.0837") @Nullable BigDecimal rate,
			@Schema(example = "National Bank of Kazakhstan") @Nullable String source) {
	}

	record ChargeRequest(@Nullable String currency, @Nullable String amount, @Nullable String valueDate, @Nullable String reference) {
	}

	record EntryView(long entry) {
	}
}
