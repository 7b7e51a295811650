package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * The Fund's books in memory: the lines posted, summed the ways the ledger's rules and statements ask. Pure (no
 * database), so the invariants are tested on any sequence of movements; the ledger reads the lines under its lock and
 * asks these questions of them.
 */
public final class Books {

	private final List<Posted> lines;

	public Books(Collection<Posted> lines) {
		this.lines = List.copyOf(lines);
	}

	public List<Posted> lines() {
		return lines;
	}

	/** The books with more lines (an entry about to be written), to check what it would leave. */
	Books with(long entry, LocalDate valueDate, EntryKind kind, boolean reversal, List<LedgerLine> more) {
		var all = new ArrayList<>(lines);
		more.forEach(line -> all.add(new Posted(entry, valueDate, kind, reversal, line)));
		return new Books(all);
	}

	/** The books as of a day (inclusive). */
	public Books asOf(LocalDate day) {
		return new Books(lines.stream().filter(p -> !p.valueDate().isAfter(day)).toList());
	}

	private BigDecimal sum(Predicate<Posted> which) {
		return lines.stream().filter(which).map(p -> p.line().amount()).reduce(Money.ZERO, BigDecimal::add);
	}

	private BigDecimal sumOriginal(Predicate<Posted> which) {
		return lines.stream().filter(which).map(p -> p.line().original()).reduce(Money.ZERO, BigDecimal::add);
	}

	/** An account's balance (debit positive). */
	public BigDecimal balance(LedgerAccount account) {
		return sum(p -> p.line().account() == account);
	}

	/** The sum of every line: zero when every entry balances. */
	public BigDecimal total() {
		return sum(p -> true);
	}

	/** Cash at bank of one earmark. */
	public BigDecimal cash(Earmark earmark) {
		return sum(p -> p.line().account() == LedgerAccount.CASH && p.line().earmark().equals(earmark));
	}

	/** Cash at bank by earmark (general first). */
	public Map<Earmark, BigDecimal> cashByEarmark() {
		var cash = new LinkedHashMap<Earmark, BigDecimal>();
		cash.put(Earmark.GENERAL, Money.ZERO);
		lines.stream().filter(p -> p.line().account() == LedgerAccount.CASH)
				.forEach(p -> cash.merge(p.line().earmark(), p.line().amount(), BigDecimal::add));
		return cash;
	}

	/** The cash a project may draw on: general, its own earmark, its priority area's. */
	public BigDecimal availableTo(long project, @Nullable String area) {
		var available = cash(Earmark.GENERAL).add(cash(Earmark.project(project)));
		return area == null ? available : available.add(cash(Earmark.area(area)));
	}

	private static boolean of(Posted p, LedgerAccount account, @Nullable Long project) {
		return p.line().account() == account && (project == null || project.equals(p.line().project()));
	}

	/** A project's money: allocated, disbursed, returned (each net of reversals), and the allocation not yet disbursed. */
	public FundLedger.ProjectMoney project(long project) {
		var allocated = sum(p -> of(p, LedgerAccount.ALLOCATED_TO_PROJECTS, project) && p.kind() == EntryKind.ALLOCATION).negate();
		var disbursed = sum(p -> of(p, LedgerAccount.PROJECT_EXPENDITURE, project) && p.kind() == EntryKind.DISBURSEMENT);
		var returned = sum(p -> of(p, LedgerAccount.PROJECT_EXPENDITURE, project) && p.kind() == EntryKind.RETURN).negate();
		var undisbursed = sum(p -> of(p, LedgerAccount.ALLOCATED_TO_PROJECTS, project)).negate();
		return new FundLedger.ProjectMoney(allocated, disbursed, returned, undisbursed);
	}

	/** The projects the books name, by id. */
	public List<Long> projects() {
		return lines.stream().map(p -> p.line().project()).filter(java.util.Objects::nonNull).distinct().sorted().toList();
	}

	/** What is still to be received on a pledge, in its own currency. */
	public BigDecimal outstanding(long pledge) {
		return sumOriginal(p -> p.line().account() == LedgerAccount.PLEDGES_RECEIVABLE && Long.valueOf(pledge).equals(p.line().pledge()));
	}

	/** What is still to be received on a pledge, in the Fund's currency at the pledge's rate. */
	public BigDecimal receivable(long pledge) {
		return sum(p -> p.line().account() == LedgerAccount.PLEDGES_RECEIVABLE && Long.valueOf(pledge).equals(p.line().pledge()));
	}

	/** The Fund's balance: cash, pledges receivable, what is allocated and not disbursed, and the rest (unallocated). */
	public Balance balance() {
		var cash = balance(LedgerAccount.CASH);
		var receivable = balance(LedgerAccount.PLEDGES_RECEIVABLE);
		var allocated = balance(LedgerAccount.ALLOCATED_TO_PROJECTS).negate();
		var netAssets = cash.add(receivable);
		return new Balance(cash, receivable, netAssets, allocated, netAssets.subtract(allocated), cashByEarmark());
	}

	/** The trial balance as of a day (inclusive). */
	public TrialBalance trialBalance(LocalDate asOf, String currency) {
		var books = asOf(asOf);
		var rows = new ArrayList<TrialBalance.Row>();
		var debits = Money.ZERO;
		var credits = Money.ZERO;
		var balances = new EnumMap<LedgerAccount, BigDecimal>(LedgerAccount.class);
		for (var account : LedgerAccount.values()) {
			balances.put(account, books.balance(account));
		}
		for (var entry : balances.entrySet()) {
			var balance = entry.getValue();
			var debit = balance.signum() > 0 ? balance : Money.ZERO;
			var credit = balance.signum() < 0 ? balance.negate() : Money.ZERO;
			rows.add(new TrialBalance.Row(entry.getKey(), debit, credit));
			debits = debits.add(debit);
			credits = credits.add(credit);
		}
		return new TrialBalance(asOf, currency, List.copyOf(rows), debits, credits);
	}

	/**
	 * What the books would break: cash of an earmark below zero, a project's allocation disbursed beyond it, more
	 * returned than disbursed, a pledge received beyond it. Empty when none.
	 */
	public List<String> violations() {
		var broken = new ArrayList<String>();
		cashByEarmark().forEach((earmark, cash) -> {
			if (cash.signum() < 0) {
				broken.add("cash " + earmark + " " + cash.toPlainString());
			}
		});
		for (var project : projects()) {
			var money = project(project);
			if (money.undisbursed().signum() < 0) {
				broken.add("project " + project + " undisbursed " + money.undisbursed().toPlainString());
			}
			if (money.returned().compareTo(money.disbursed()) > 0) {
				broken.add("project " + project + " returned " + money.returned().toPlainString());
			}
		}
		var pledges = new HashMap<Long, BigDecimal>();
		lines.stream().filter(p -> p.line().account() == LedgerAccount.PLEDGES_RECEIVABLE && p.line().pledge() != null)
				.forEach(p -> pledges.merge(p.line().pledge(), p.line().original(), BigDecimal::add));
		pledges.forEach((pledge, outstanding) -> {
			if (outstanding.signum() < 0) {
				broken.add("pledge " + pledge + " outstanding " + outstanding.toPlainString());
			}
		});
		return broken;
	}

	/** The Fund's balance in its currency. */
	public record Balance(BigDecimal cash, BigDecimal receivable, BigDecimal netAssets, BigDecimal allocatedUndisbursed, BigDecimal unallocated,
			Map<Earmark, BigDecimal> cashByEarmark) {
	}
}
