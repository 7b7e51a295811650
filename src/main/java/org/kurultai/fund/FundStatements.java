package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the books say, to whom may see it ({@link FundPolicy}): a contributor's statement (pledged, received,
 * outstanding, each movement), a project's money, the Fund's balance, the trial balance at a day, the yearly totals the
 * public sees and the annual financial report for the SOC. Amounts in the Fund's currency unless said otherwise.
 */
@Service
@Transactional(readOnly = true)
public class FundStatements {

	private final Ledger ledger;
	private final FundPolicy policy;
	private final Registry registry;
	private final ForumClock clock;

	FundStatements(Ledger ledger, FundPolicy policy, Registry registry, ForumClock clock) {
		this.ledger = ledger;
		this.policy = policy;
		this.registry = registry;
		this.clock = clock;
	}

	public String currency() {
		return ledger.currency();
	}

	/** A contributor's name in a language: a participant's short name from the registry, anyone else's as recorded. */
	public String name(Contributor contributor, Locale language) {
		if (contributor.participant() != null) {
			return registry.participant(ParticipantCode.of(contributor.participant())).names().shortIn(language);
		}
		return contributor.name() == null ? "" : contributor.name();
	}

	/** One movement on a statement: the entry, what it was, its amount as the document says it and in the Fund's currency. */
	public record Movement(long entry, LocalDate valueDate, EntryKind kind, boolean reversal, String reference, @Nullable Long pledge,
			String currency, BigDecimal original, BigDecimal amount) {
	}

	/** A pledge on a statement: what was pledged, received and is outstanding, in its currency. */
	public record PledgeState(Pledge pledge, BigDecimal received, BigDecimal outstanding) {
	}

	public record ContributorStatement(Contributor contributor, String name, String currency, BigDecimal pledged, BigDecimal received,
			BigDecimal outstanding, List<PledgeState> pledges, List<Movement> movements) {
	}

	/** A contributor with its totals, for a list. */
	public record ContributorTotals(Contributor contributor, String name, BigDecimal pledged, BigDecimal received, BigDecimal outstanding) {
	}

	/** The contributors whose statements the viewer may see, with their totals. */
	public List<ContributorTotals> contributors(Viewer viewer, Locale language) {
		var books = ledger.books();
		var entries = ledger.entries();
		var kinds = kinds(entries);
		var pledges = ledger.pledges();
		return ledger.contributors().stream().filter(c -> policy.maySeeStatement(viewer, c)).map(c -> {
			var s = statement(c, books, entries, kinds, pledges, language);
			return new ContributorTotals(c, s.name(), s.pledged(), s.received(), s.outstanding());
		}).toList();
	}

	/** A contributor's statement, if the viewer may see it: otherwise it does not exist for them. */
	public ContributorStatement statement(long id, Viewer viewer, Locale language) {
		var contributor = ledger.contributors().stream().filter(c -> c.id() == id).findFirst()
				.orElseThrow(() -> NotFound.of("problem.fund.statementNotFound", id));
		if (!policy.maySeeStatement(viewer, contributor)) {
			throw NotFound.of("problem.fund.statementNotFound", id);
		}
		var entries = ledger.entries();
		return statement(contributor, ledger.books(), entries, kinds(entries), ledger.pledges(), language);
	}

	/** The statement of the contributor a participant contributes as, if any and the viewer may see it. */
	public @Nullable Contributor contributorOf(String participant) {
		return ledger.contributorOf(participant).orElse(null);
	}

	private static Map<Long, EntryKind> kinds(List<LedgerEntry> entries) {
		var kinds = new HashMap<Long, EntryKind>();
		entries.forEach(e -> kinds.put(e.id(), e.kind()));
		return kinds;
	}

	private ContributorStatement statement(Contributor contributor, Books books, List<LedgerEntry> entries, Map<Long, EntryKind> kinds,
			List<Pledge> allPledges, Locale language) {
		var movements = new ArrayList<Movement>();
		var pledged = Money.ZERO;
		var received = Money.ZERO;
		for (var entry : entries) {
			if (!Long.valueOf(contributor.id()).equals(entry.contributor())) {
				continue;
			}
			var kind = entry.reverses() == null ? entry.kind() : kinds.getOrDefault(entry.reverses(), entry.kind());
			Predicate<LedgerLine> counted = kind == EntryKind.PLEDGE ? l -> l.account() == LedgerAccount.PLEDGES_RECEIVABLE
					: l -> l.account() == LedgerAccount.CASH || l.account() == LedgerAccount.BANK_CHARGES;
			var lines = entry.lines().stream().filter(counted).toList();
			if (lines.isEmpty()) {
				continue;
			}
			var amount = lines.stream().map(LedgerLine::amount).reduce(Money.ZERO, BigDecimal::add);
			var original = lines.stream().map(LedgerLine::original).reduce(Money.ZERO, BigDecimal::add);
			movements.add(new Movement(entry.id(), entry.valueDate(), kind, entry.reverses() != null, entry.reference(), entry.pledge(),
					lines.get(0).currency(), original, amount));
			if (kind == EntryKind.PLEDGE) {
				pledged = pledged.add(amount);
			}
			else {
				received = received.add(amount);
			}
		}
		var pledges = new ArrayList<PledgeState>();
		var outstanding = Money.ZERO;
		for (var pledge : allPledges) {
			if (pledge.contributor() == contributor.id()) {
				var left = books.outstanding(pledge.id());
				pledges.add(new PledgeState(pledge, pledge.amount().subtract(left), left));
				outstanding = outstanding.add(books.receivable(pledge.id()));
			}
		}
		return new ContributorStatement(contributor, name(contributor, language), currency(), pledged, received, outstanding, List.copyOf(pledges),
				List.copyOf(movements));
	}

	/** The Fund's balance now: participants and the Secretariat. */
	public Books.Balance balance(Viewer viewer) {
		totals(viewer);
		return ledger.books().balance();
	}

	/** The trial balance at a day (inclusive): the Secretariat's. */
	public TrialBalance trialBalance(LocalDate asOf, Viewer viewer) {
		if (!policy.maySeeLedger(viewer)) {
			throw NotAllowed.of("problem.fund.ledgerSecretariat");
		}
		return ledger.books().trialBalance(asOf, currency());
	}

	/** The ledger's entries: the Secretariat's. */
	public List<LedgerEntry> entries(Viewer viewer) {
		if (!policy.maySeeLedger(viewer)) {
			throw NotAllowed.of("problem.fund.ledgerSecretariat");
		}
		return ledger.entries();
	}

	/** A project's money: participants and the Secretariat. */
	public FundLedger.ProjectMoney project(long project, Viewer viewer) {
		totals(viewer);
		return ledger.project(project);
	}

	/**
	 * A year's totals as the public sees them: received (gross of the bank's charges), allocated to projects by the PRC's
	 * approvals (the annual report's rule: the allocations of the year, each approved project's amount, which its public
	 * page shows) and disbursed to projects (net of returns).
	 */
	public record YearTotals(int year, BigDecimal received, BigDecimal allocated, BigDecimal disbursed) {
	}

	/** Every year from the first entry's to this one, for anyone. */
	public List<YearTotals> yearlyTotals() {
		var books = ledger.books();
		var years = new TreeMap<Integer, BigDecimal[]>();
		for (var posted : books.lines()) {
			var year = posted.valueDate().getYear();
			var sums = years.computeIfAbsent(year, y -> new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO });
			var line = posted.line();
			if ((posted.kind() == EntryKind.RECEIPT || posted.kind() == EntryKind.CONTRIBUTION)
					&& (line.account() == LedgerAccount.CASH || line.account() == LedgerAccount.BANK_CHARGES)) {
				sums[0] = sums[0].add(line.amount());
			}
			// as the annual report counts them: the allocations' credits (an allocation is never reversed)
			if (posted.kind() == EntryKind.ALLOCATION && line.account() == LedgerAccount.ALLOCATED_TO_PROJECTS && line.project() != null) {
				sums[1] = sums[1].add(line.amount().negate());
			}
			if (line.account() == LedgerAccount.PROJECT_EXPENDITURE) {
				sums[2] = sums[2].add(line.amount());
			}
		}
		if (!years.isEmpty()) {
			for (int year = years.firstKey(); year <= clock.today().getYear(); year++) {
				years.putIfAbsent(year, new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO });
			}
		}
		return years.entrySet().stream().map(e -> new YearTotals(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
	}

	/** A line of the annual report: a contributor's or a project's figures. */
	public record ReportRow(String label, BigDecimal first, BigDecimal second, BigDecimal third) {
	}

	/**
	 * The annual financial report for the SOC: the Fund's net assets at the opening and the close of the year, and
	 * between them contributions by contributor (recognized: pledged or received without pledge; and received),
	 * allocations, disbursements and returns by project, bank charges and exchange differences. {@code reconciles}:
	 * opening + contributions − (disbursed − returned) − charges − exchange differences = closing.
	 */
	public record AnnualReport(int year, String currency, Books.Balance opening, Books.Balance closing, List<ReportRow> contributors,
			BigDecimal contributions, BigDecimal received, List<ReportRow> projects, BigDecimal allocated, BigDecimal disbursed,
			BigDecimal returned, BigDecimal bankCharges, BigDecimal exchangeDifferences, boolean reconciles) {
	}

	public AnnualReport annualReport(int year, Viewer viewer, Locale language) {
		totals(viewer);
		if (year < 2022 || year > clock.today().getYear()) {
			throw NotFound.of("problem.fund.yearInvalid", String.valueOf(year));
		}
		var books = ledger.books();
		var opening = books.asOf(LocalDate.of(year - 1, 12, 31)).balance();
		var closing = books.asOf(LocalDate.of(year, 12, 31)).balance();
		var inYear = books.lines().stream().filter(p -> p.valueDate().getYear() == year).toList();
		var contributors = new HashMap<Long, Contributor>();
		ledger.contributors().forEach(c -> contributors.put(c.id(), c));
		var byContributor = new TreeMap<String, BigDecimal[]>();
		var byProject = new TreeMap<Long, BigDecimal[]>();
		var totals = new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO };
		for (var posted : inYear) {
			var line = posted.line();
			var amount = line.amount();
			switch (line.account()) {
				case CONTRIBUTIONS -> {
					row(byContributor, contributors, line.contributor(), language)[0] = row(byContributor, contributors, line.contributor(), language)[0]
							.add(amount.negate());
					totals[0] = totals[0].add(amount.negate());
				}
				case CASH, BANK_CHARGES -> {
					if (posted.kind() == EntryKind.RECEIPT || posted.kind() == EntryKind.CONTRIBUTION) {
						var sums = row(byContributor, contributors, line.contributor(), language);
						sums[1] = sums[1].add(amount);
						totals[1] = totals[1].add(amount);
					}
					if (line.account() == LedgerAccount.BANK_CHARGES) {
						totals[5] = totals[5].add(amount);
					}
				}
				case ALLOCATED_TO_PROJECTS -> {
					if (posted.kind() == EntryKind.ALLOCATION && line.project() != null) {
						var sums = byProject.computeIfAbsent(line.project(), p -> new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO });
						sums[0] = sums[0].add(amount.negate());
						totals[2] = totals[2].add(amount.negate());
					}
				}
				case PROJECT_EXPENDITURE -> {
					var sums = byProject.computeIfAbsent(line.project() == null ? 0L : line.project(),
							p -> new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO });
					if (posted.kind() == EntryKind.RETURN) {
						sums[2] = sums[2].add(amount.negate());
						totals[4] = totals[4].add(amount.negate());
					}
					else {
						sums[1] = sums[1].add(amount);
						totals[3] = totals[3].add(amount);
					}
				}
				case EXCHANGE_DIFFERENCES -> totals[6] = totals[6].add(amount);
				default -> {
				}
			}
		}
		var contributorRows = byContributor.entrySet().stream().map(e -> new ReportRow(e.getKey(), e.getValue()[0], e.getValue()[1], Money.ZERO))
				.toList();
		var projectRows = byProject.entrySet().stream()
				.map(e -> new ReportRow(String.valueOf(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
		var expected = opening.netAssets().add(totals[0]).subtract(totals[3]).add(totals[4]).subtract(totals[5]).subtract(totals[6]);
		return new AnnualReport(year, currency(), opening, closing, contributorRows, totals[0], totals[1], projectRows, totals[2], totals[3],
				totals[4], totals[5], totals[6], expected.compareTo(closing.netAssets()) == 0);
	}

	private BigDecimal[] row(Map<String, BigDecimal[]> rows, Map<Long, Contributor> contributors, @Nullable Long contributor, Locale language) {
		var known = contributor == null ? null : contributors.get(contributor);
		var label = known == null ? "—" : name(known, language);
		return rows.computeIfAbsent(label, l -> new BigDecimal[] { Money.ZERO, Money.ZERO });
	}

	private void totals(Viewer viewer) {
		if (!policy.maySeeTotals(viewer)) {
			throw NotFound.of("problem.fund.totalsParticipants");
		}
	}

}
