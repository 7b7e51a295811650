package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.cbm.Catalogue;
import org.kurultai.identity.Account;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Fund's double-entry ledger. Every movement is one entry of balanced lines ({@link Postings}), written with the
 * ledger's lock held ({@code fund_ledger_state} row, {@code FOR UPDATE}) when it checks balances: the books are read
 * under the lock, the movement is refused if it would leave cash of an earmark below zero, a project's allocation
 * overdrawn or a pledge over-received ({@link Books#violations()}), then written; PostgreSQL checks at commit that the
 * entry balances and keeps it unchanged forever. The Secretariat's acts (pledges, contributions, receipts, rates, bank
 * charges, reversals) are checked whole before anything is written, and audited.
 */
@Service
@Transactional(readOnly = true)
public class Ledger implements FundLedger {

	private static final Pattern AREA = Pattern.compile("[A-Za-z0-9.\\-]{1,20}");
	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
	private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
	static final int TEXT_LENGTH = 200;

	private final LedgerRepository repository;
	private final Registry registry;
	private final FundPolicy policy;
	private final AuditLog audit;
	private final ForumClock clock;
	private final Postings postings;
	private final Catalogue catalogue;

	Ledger(LedgerRepository repository, Registry registry, FundPolicy policy, AuditLog audit, ForumClock clock, Catalogue catalogue,
			@Value("${kurultai.fund.currency:USD}") String currency) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.registry = registry;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.postings = new Postings(Money.currency(currency, "kurultai.fund.currency"));
	}

	/** The Fund's currency (ISO 4217), from {@code kurultai.fund.currency}. */
	public String currency() {
		return postings.fundCurrency();
	}

	/** The books as written now. */
	public Books books() {
		return new Books(repository.posted());
	}

	// what the projects ask (FundLedger): in the caller's transaction, audited by the caller

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long allocate(long project, BigDecimal amount, long decision, LocalDate on) {
		var value = Money.positive(amount, "amount");
		var earlier = repository.allocationOf(project);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		repository.lock();
		earlier = repository.allocationOf(project);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		return write(EntryKind.ALLOCATION, on, "decision " + decision, null, null, project, null, decision, null, clock.now(),
				actor(), postings.allocation(project, value));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long disburse(long project, @Nullable String area, long tranche, BigDecimal amount, LocalDate on, String reference) {
		var value = Money.positive(amount, "amount");
		var documents = reference(reference);
		repository.lock();
		var books = books();
		var money = books.project(project);
		if (value.compareTo(money.undisbursed()) > 0) {
			throw new FundRefused("fund-allocation-exceeded", "problem.fund.allocationExceeded", value.toPlainString(),
					money.undisbursed().toPlainString(), currency());
		}
		// the money available: on the day, and whatever was recorded after it (the least of the two)
		var available = books.availableTo(project, area).min(books.asOf(on).availableTo(project, area));
		if (value.compareTo(available) > 0) {
			throw new FundRefused("fund-money-unavailable", "problem.fund.moneyUnavailable", value.toPlainString(), available.max(Money.ZERO)
					.toPlainString(), currency());
		}
		var drawn = new ArrayList<Postings.Drawn>();
		var left = value;
		var order = new ArrayList<Earmark>(List.of(Earmark.project(project)));
		if (area != null) {
			order.add(Earmark.area(area));
		}
		order.add(Earmark.GENERAL);
		for (var earmark : order) {
			var cash = books.cash(earmark);
			if (left.signum() > 0 && cash.signum() > 0) {
				var part = left.min(cash);
				drawn.add(new Postings.Drawn(earmark, part));
				left = left.subtract(part);
			}
		}
		var lines = postings.disbursement(project, value, drawn);
		checked(books, on, EntryKind.DISBURSEMENT, false, lines);
		return write(EntryKind.DISBURSEMENT, on, documents, null, null, project, tranche, null, null, clock.now(), actor(),
				lines);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long returnUnspent(long project, BigDecimal amount, LocalDate on, String reference) {
		var value = Money.positive(amount, "amount");
		var documents = reference(reference);
		repository.lock();
		var books = books();
		var money = books.project(project);
		var returnable = money.disbursed().subtract(money.returned());
		if (value.compareTo(returnable) > 0) {
			throw new FundRefused("fund-return-exceeds-disbursed", "problem.fund.returnExceedsDisbursed", value.toPlainString(),
					returnable.toPlainString(), currency());
		}
		var lines = postings.returned(project, value);
		return write(EntryKind.RETURN, on, documents, null, null, project, null, null, null, clock.now(), actor(), lines);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public @Nullable Long releaseUndisbursed(long project, LocalDate on, String reference) {
		var documents = reference(reference);
		repository.lock();
		var books = books();
		var left = books.project(project).undisbursed();
		if (left.signum() <= 0) {
			return null;
		}
		var lines = postings.released(project, left);
		checked(books, on, EntryKind.RETURN, false, lines);
		return write(EntryKind.RETURN, on, documents, null, null, project, null, null, null, clock.now(), actor(), lines);
	}

	@Override
	public ProjectMoney project(long project) {
		return books().project(project);
	}

	@Override
	public List<ProjectMovement> movements(long project) {
		var movements = new ArrayList<ProjectMovement>();
		var undisbursed = Money.ZERO;
		for (var entry : repository.entries("where e.id in (select entry_id from fund_line where project_id = ?)", project)) {
			var allocated = Money.ZERO;
			var spent = Money.ZERO;
			for (var line : entry.lines()) {
				if (!Long.valueOf(project).equals(line.project())) {
					continue;
				}
				if (line.account() == LedgerAccount.ALLOCATED_TO_PROJECTS) {
					undisbursed = undisbursed.subtract(line.amount());
					if (entry.kind() == EntryKind.ALLOCATION) {
						allocated = allocated.subtract(line.amount());
					}
				}
				else if (line.account() == LedgerAccount.PROJECT_EXPENDITURE) {
					spent = spent.add(line.amount());
				}
			}
			movements.add(new ProjectMovement(entry.id(), entry.valueDate(), entry.kind().name(), entry.reverses() != null, entry.tranche(),
					entry.reference(), allocated, spent, undisbursed));
		}
		return List.copyOf(movements);
	}

	// the Secretariat's acts

	/**
	 * What the Secretariat records: a pledge, a contribution (money received without a pledge) or a receipt against a
	 * pledge. The contributor: a participant's code, an existing contributor's id, or a new one by kind, name and
	 * country; a receipt's contributor, currency and earmark are its pledge's.
	 */
	public record Movement(@Nullable String kind, @Nullable String participant, @Nullable String contributorId, @Nullable String contributorKind,
			@Nullable String contributorName, @Nullable String contributorCountry, @Nullable String pledge, @Nullable String currency,
			@Nullable String amount, @Nullable String bankCharges, @Nullable String valueDate, @Nullable String reference,
			@Nullable String earmarkProject, @Nullable String earmarkArea) {
	}

	/** The entry written, its contributor and, for a pledge, the pledge. */
	public record Recorded(long entry, long contributor, @Nullable Long pledge) {
	}

	@Transactional
	public Recorded record(Account account, Movement request) {
		if (!policy.mayRecordMoney(account)) {
			throw NotAllowed.of("problem.fund.secretariatOnly");
		}
		var kind = movementKind(request.kind());
		var day = day(request.valueDate(), "valueDate");
		var reference = reference(request.reference());
		var amount = Money.amount(request.amount(), "amount");
		var charges = kind == EntryKind.PLEDGE ? Money.ZERO : Money.optional(request.bankCharges(), "bankCharges");
		if (charges.compareTo(amount) >= 0) {
			throw InvalidRequest.of("bankCharges", "problem.fund.chargesTooHigh");
		}
		var actor = account.email();
		if (kind == EntryKind.RECEIPT) {
			var pledgeId = id(request.pledge(), "pledge");
			var pledge = repository.pledge(pledgeId).orElseThrow(() -> InvalidRequest.of("pledge", "problem.fund.pledgeUnknown", pledgeId));
			var currency = request.currency() == null || request.currency().isBlank() ? pledge.currency() : Money.currency(request.currency(), "currency");
			if (!currency.equals(pledge.currency())) {
				throw InvalidRequest.of("currency", "problem.fund.pledgeCurrency", pledge.currency());
			}
			if (day.isBefore(pledge.pledgedOn())) {
				throw InvalidRequest.of("valueDate", "problem.fund.receiptBeforePledge", pledge.pledgedOn());
			}
			var rate = rate(currency, day);
			repository.lock();
			var books = books();
			var outstanding = books.outstanding(pledge.id());
			if (amount.compareTo(outstanding) > 0) {
				throw new FundRefused("fund-pledge-exceeded", "problem.fund.pledgeExceeded", amount.toPlainString(), outstanding.toPlainString(),
						currency);
			}
			var pledgeRate = pledgeRate(books, pledge.id());
			var receivable = amount.compareTo(outstanding) == 0 ? books.receivable(pledge.id()) : Money.convert(amount, pledgeRate);
			var lines = postings.receipt(pledge.contributor(), pledge.id(), currency, amount, charges, rate, pledge.earmark(), receivable, pledgeRate);
			checked(books, day, kind, false, lines);
			long entry = write(kind, day, reference, pledge.contributor(), pledge.id(), null, null, null, null, clock.now(), actor,
					lines);
			audited(account, "fund.receipt", entry, lines, Map.of("pledge", pledge.id(), "valueDate", day.toString(), "reference", reference));
			return new Recorded(entry, pledge.contributor(), pledge.id());
		}
		var currency = Money.currency(request.currency() == null || request.currency().isBlank() ? currency() : request.currency(), "currency");
		var earmark = earmark(request.earmarkProject(), request.earmarkArea());
		// money earmarked for a project or an area that does not exist could never be spent
		if (earmark.project() != null && !repository.projectExists(earmark.project())) {
			throw InvalidRequest.of("earmarkProject", "problem.fund.project.notFound", earmark.project());
		}
		if (earmark.area() != null && !areaKnown(earmark.area())) {
			throw InvalidRequest.of("earmarkArea", "problem.fund.project.areaUnknown", earmark.area());
		}
		var rate = rate(currency, day);
		var contributor = contributor(request, day, actor);
		repository.lock();
		if (kind == EntryKind.PLEDGE) {
			long pledge = repository.insertPledge(contributor, currency, amount, day, earmark, reference);
			var lines = postings.pledge(contributor, pledge, currency, amount, rate, earmark);
			long entry = write(kind, day, reference, contributor, pledge, null, null, null, null, clock.now(), actor, lines);
			audited(account, "fund.pledge", entry, lines, Map.of("contributor", contributor, "pledge", pledge, "valueDate", day.toString(),
					"reference", reference, "earmark", earmark.toString()));
			return new Recorded(entry, contributor, pledge);
		}
		var lines = postings.receipt(contributor, null, currency, amount, charges, rate, earmark, null, null);
		long entry = write(kind, day, reference, contributor, null, null, null, null, null, clock.now(), actor, lines);
		audited(account, "fund.contribution", entry, lines, Map.of("contributor", contributor, "valueDate", day.toString(), "reference", reference,
				"earmark", earmark.toString()));
		return new Recorded(entry, contributor, null);
	}

	/** The Secretariat records an exchange rate for a currency and day, with its source; a day's rate is recorded once. */
	@Transactional
	public ExchangeRate recordRate(Account account, @Nullable String currency, @Nullable String day, @Nullable String rate, @Nullable String source) {
		if (!policy.mayRecordMoney(account)) {
			throw NotAllowed.of("problem.fund.secretariatOnly");
		}
		var code = Money.currency(currency, "currency");
		if (code.equals(currency())) {
			throw InvalidRequest.of("currency", "problem.fund.rateOfFundCurrency", code);
		}
		var on = day(day, "day");
		var value = Money.rate(rate, "rate");
		var from = text(source, "source");
		if (from == null) {
			throw InvalidRequest.of("source", "problem.fund.sourceNeeded");
		}
		if (!repository.insertRate(code, on, value, from, clock.now(), account.email())) {
			throw new FundRefused("fund-rate-recorded", "problem.fund.rateRecorded", code, on);
		}
		var after = new LinkedHashMap<String, Object>();
		after.put("currency", code);
		after.put("day", on.toString());
		after.put("rate", value.toPlainString());
		after.put("source", from);
		audit.record(new Act(account.email(), account.actsFor(), "fund.rate", "fund-rate:" + code + ":" + on, null, after));
		return repository.rate(code, on).orElseThrow();
	}

	/** The bank's charges on the Fund's account (not on a receipt), out of general cash. */
	@Transactional
	public long bankCharge(Account account, @Nullable String currency, @Nullable String amount, @Nullable String valueDate, @Nullable String reference) {
		if (!policy.mayRecordMoney(account)) {
			throw NotAllowed.of("problem.fund.secretariatOnly");
		}
		var code = Money.currency(currency == null || currency.isBlank() ? currency() : currency, "currency");
		var value = Money.amount(amount, "amount");
		var day = day(valueDate, "valueDate");
		var documents = reference(reference);
		var rate = rate(code, day);
		repository.lock();
		var books = books();
		var lines = postings.bankCharge(code, value, rate);
		checked(books, day, EntryKind.BANK_CHARGE, false, lines);
		long entry = write(EntryKind.BANK_CHARGE, day, documents, null, null, null, null, null, null, clock.now(), account.email(),
				lines);
		audited(account, "fund.bankCharge", entry, lines, Map.of("valueDate", day.toString(), "reference", documents));
		return entry;
	}

	/**
	 * Corrects an entry by its reversal (once): the same lines with the opposite sign, on a value date of its own, under
	 * the ledger's lock, refused if it would leave the books broken (a receipt already spent, a pledge already received).
	 */
	@Transactional
	public long reverse(Account account, long id, @Nullable String valueDate, @Nullable String reference) {
		if (!policy.mayRecordMoney(account)) {
			throw NotAllowed.of("problem.fund.secretariatOnly");
		}
		var documents = reference(reference);
		repository.lock();
		var entry = repository.entry(id).orElseThrow(() -> NotFound.of("problem.fund.entryNotFound", id));
		var day = valueDate == null || valueDate.isBlank() ? clock.today() : day(valueDate, "valueDate");
		if (day.isBefore(entry.valueDate())) {
			throw InvalidRequest.of("valueDate", "problem.fund.reversalBeforeEntry", entry.valueDate());
		}
		if (entry.kind() == EntryKind.REVERSAL) {
			throw new FundRefused("fund-reversal-reversed", "problem.fund.reversalOfReversal", id);
		}
		// an allocation is the PRC's decision: the Secretariat's correction would leave an approved project with nothing allocated
		if (entry.kind() == EntryKind.ALLOCATION) {
			throw new FundRefused("fund-allocation-decided", "problem.fund.allocationNotReversed", id);
		}
		// a return closes its project: reversed, the closed project would show money returned that the books no longer hold
		if (entry.kind() == EntryKind.RETURN) {
			throw new FundRefused("fund-return-closed", "problem.fund.returnNotReversed", id);
		}
		if (repository.reversed(id)) {
			throw new FundRefused("fund-entry-reversed", "problem.fund.entryReversed", id);
		}
		var lines = Postings.reversal(entry.lines());
		checked(books(), day, entry.kind(), true, lines);
		long reversal = write(EntryKind.REVERSAL, day, documents, entry.contributor(), entry.pledge(), entry.project(),
				entry.tranche(), entry.decision(), id, clock.now(), account.email(), lines);
		var facts = new LinkedHashMap<String, Object>(Map.of("reverses", id, "valueDate", day.toString(), "reference", documents));
		// a tranche's payment reversed: the tranche is unpaid again (else the project shows it paid and can never pay it)
		if (entry.kind() == EntryKind.DISBURSEMENT && entry.tranche() != null && repository.reopenTranche(entry.tranche(), id)) {
			facts.put("trancheReopened", entry.tranche());
		}
		audited(account, "fund.reversal", reversal, lines, facts);
		return reversal;
	}

	// reading

	public List<Contributor> contributors() {
		return repository.contributors();
	}

	public Contributor contributor(long id) {
		return repository.contributor(id).orElseThrow(() -> NotFound.of("problem.fund.contributorNotFound", id));
	}

	public List<Pledge> pledges() {
		return repository.pledges();
	}

	public List<ExchangeRate> rates() {
		return repository.rates();
	}

	public List<LedgerEntry> entries() {
		return repository.entries("");
	}

	public List<LedgerEntry> entriesOf(long contributor) {
		return repository.entries("where e.contributor_id = ?", contributor);
	}

	public java.util.Optional<LedgerEntry> entry(long id) {
		return repository.entry(id);
	}

	/** The contributor a participant contributes as, if it has. */
	public java.util.Optional<Contributor> contributorOf(String participant) {
		return repository.contributorOf(participant);
	}

	// checks

	/** Writes an entry whose every amount fits the books' columns (numeric(19,2)); a larger one is refused on the amount. */
	private long write(EntryKind kind, LocalDate valueDate, String reference, @Nullable Long contributor, @Nullable Long pledge,
			@Nullable Long project, @Nullable Long tranche, @Nullable Long decision, @Nullable Long reverses, java.time.Instant at, String by,
			List<LedgerLine> lines) {
		for (var line : lines) {
			if (line.amount().abs().compareTo(Money.MAX) > 0 || line.original().abs().compareTo(Money.MAX) > 0) {
				throw InvalidRequest.of("amount", "problem.fund.amountInvalid", line.original().abs().toPlainString());
			}
		}
		return repository.insertEntry(kind, valueDate, reference, contributor, pledge, project, tranche, decision, reverses, at, by, lines);
	}

	private void checked(Books books, LocalDate day, EntryKind kind, boolean reversal, List<LedgerLine> lines) {
		if (!Postings.balanced(lines)) {
			throw new IllegalStateException("an unbalanced entry: " + lines);
		}
		var before = books.violations();
		var after = books.with(0, day, kind, reversal, lines).violations();
		after.removeAll(before);
		if (!after.isEmpty()) {
			throw new FundRefused("fund-books-broken", "problem.fund.booksBroken", String.join("; ", after));
		}
	}

	private static BigDecimal pledgeRate(Books books, long pledge) {
		return books.lines().stream().filter(p -> p.line().account() == LedgerAccount.PLEDGES_RECEIVABLE && Long.valueOf(pledge).equals(p.line().pledge())
				&& p.kind() == EntryKind.PLEDGE).map(p -> p.line().rate()).findFirst().orElse(BigDecimal.ONE);
	}

	private BigDecimal rate(String currency, LocalDate day) {
		if (currency.equals(currency())) {
			return BigDecimal.ONE;
		}
		return repository.rate(currency, day).map(ExchangeRate::rate)
				.orElseThrow(() -> InvalidRequest.of("currency", "problem.fund.noRate", currency, day));
	}

	private long contributor(Movement request, LocalDate day, String actor) {
		var participant = request.participant() == null || request.participant().isBlank() ? null : request.participant().strip().toUpperCase(Locale.ROOT);
		var id = request.contributorId() == null || request.contributorId().isBlank() ? null : id(request.contributorId(), "contributorId");
		var name = text(request.contributorName(), "contributorName");
		int given = (participant != null ? 1 : 0) + (id != null ? 1 : 0) + (name != null ? 1 : 0);
		if (given != 1) {
			throw InvalidRequest.of("participant", "problem.fund.contributorNeeded");
		}
		if (id != null) {
			return repository.contributor(id).orElseThrow(() -> InvalidRequest.of("contributorId", "problem.fund.contributorUnknown", id)).id();
		}
		if (participant != null) {
			ParticipantCode code;
			try {
				code = ParticipantCode.of(participant);
			}
			catch (RuntimeException invalid) {
				throw InvalidRequest.of("participant", "problem.fund.participantUnknown", participant);
			}
			if (!registry.isRegistered(code)) {
				throw InvalidRequest.of("participant", "problem.fund.participantUnknown", participant);
			}
			var existing = repository.contributorOf(code.value());
			if (existing.isPresent()) {
				return existing.get().id();
			}
			var status = registry.statusOf(code, day);
			var kind = status == null
					? registry.participant(code).kind() == ParticipantKind.STATE ? ContributorKind.NON_MEMBER : ContributorKind.ORGANIZATION
					: ContributorKind.valueOf(status.name());
			return repository.insertContributor(kind, code.value(), null, null, clock.now(), actor);
		}
		ContributorKind kind;
		try {
			kind = ContributorKind.valueOf(String.valueOf(request.contributorKind()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("contributorKind", "problem.fund.contributorKind", String.valueOf(request.contributorKind()));
		}
		if (!kind.byName()) {
			throw InvalidRequest.of("contributorKind", "problem.fund.participantsByCode");
		}
		var country = request.contributorCountry() == null || request.contributorCountry().isBlank() ? null
				: request.contributorCountry().strip().toUpperCase(Locale.ROOT);
		if (country != null && !COUNTRY.matcher(country).matches()) {
			throw InvalidRequest.of("contributorCountry", "problem.fund.countryInvalid", request.contributorCountry().strip());
		}
		var named = name;
		return repository.contributorNamed(named, country).map(Contributor::id)
				.orElseGet(() -> repository.insertContributor(kind, null, named, country, clock.now(), actor));
	}

	private boolean areaKnown(String code) {
		try {
			return catalogue.inForce(clock.today()).priorityArea(code).isPresent();
		}
		catch (Catalogue.NoEditionYet none) {
			return false;
		}
	}

	private static EntryKind movementKind(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			throw InvalidRequest.of("kind", "problem.fund.kindNeeded");
		}
		return switch (kind.strip().toUpperCase(Locale.ROOT)) {
			case "PLEDGE" -> EntryKind.PLEDGE;
			case "CONTRIBUTION" -> EntryKind.CONTRIBUTION;
			case "RECEIPT" -> EntryKind.RECEIPT;
			default -> throw InvalidRequest.of("kind", "problem.fund.kindUnknown", kind.strip());
		};
	}

	private static Earmark earmark(@Nullable String project, @Nullable String area) {
		boolean hasProject = project != null && !project.isBlank();
		boolean hasArea = area != null && !area.isBlank();
		if (hasProject && hasArea) {
			throw InvalidRequest.of("earmarkArea", "problem.fund.oneEarmark");
		}
		if (hasProject) {
			return Earmark.project(id(project, "earmarkProject"));
		}
		if (hasArea) {
			var code = area.strip();
			if (!AREA.matcher(code).matches()) {
				throw InvalidRequest.of("earmarkArea", "problem.fund.areaInvalid", code);
			}
			return Earmark.area(code);
		}
		return Earmark.GENERAL;
	}

	private static long id(@Nullable String typed, String field) {
		if (typed == null || typed.isBlank()) {
			throw InvalidRequest.of(field, "problem.fund.idNeeded");
		}
		try {
			long id = Long.parseLong(typed.strip());
			if (id <= 0) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException invalid) {
			throw InvalidRequest.of(field, "problem.fund.idInvalid", typed.strip());
		}
	}

	private LocalDate day(@Nullable String typed, String field) {
		if (typed == null || typed.isBlank()) {
			throw InvalidRequest.of(field, "problem.fund.dateNeeded");
		}
		LocalDate day;
		try {
			day = LocalDate.parse(typed.strip());
		}
		catch (DateTimeException invalid) {
			throw InvalidRequest.of(field, "problem.fund.dateInvalid", typed.strip());
		}
		if (day.isAfter(clock.today())) {
			throw InvalidRequest.of(field, "problem.fund.dateInFuture", day);
		}
		if (day.getYear() < 2022) {
			throw InvalidRequest.of(field, "problem.fund.dateBeforeFund", day);
		}
		return day;
	}

	private static String reference(@Nullable String typed) {
		var reference = text(typed, "reference");
		if (reference == null) {
			throw InvalidRequest.of("reference", "problem.fund.referenceNeeded");
		}
		return reference;
	}

	private static @Nullable String text(@Nullable String typed, String field) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		var text = typed.strip();
		if (text.length() > TEXT_LENGTH || CONTROL.matcher(text).find()) {
			throw InvalidRequest.of(field, "problem.fund.textInvalid", TEXT_LENGTH);
		}
		return text;
	}

	/** Who writes an entry the projects ask for: the signed-in person making the request, else the system. */
	private static String actor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof KurultaiUser user ? user.account().email() : Act.SYSTEM;
	}

	private void audited(Account account, String action, long entry, List<LedgerLine> lines, Map<String, Object> facts) {
		var after = new LinkedHashMap<String, Object>(facts);
		after.put("lines", lines.stream().map(line -> line.account().name() + " " + line.amount().toPlainString() + " " + currency() + " ("
				+ line.original().toPlainString() + " " + line.currency() + " @ " + line.rate().toPlainString() + ")").toList());
		audit.record(new Act(account.email(), account.actsFor(), action, "fund-entry:" + entry, null, after));
	}
}
