package org.kurultai.fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The lines of each movement, built from exact amounts: pure functions, so their invariants are tested without a
 * database. Every list returned sums to zero in the Fund's currency: a conversion rounds each line half-even to the
 * cent, and what rounding (or a rate that moved since the pledge) leaves is posted to exchange differences.
 */
final class Postings {

	private final String fundCurrency;

	Postings(String fundCurrency) {
		this.fundCurrency = fundCurrency;
	}

	String fundCurrency() {
		return fundCurrency;
	}

	/** A pledge: receivable from the contributor, contribution recognized, both at the pledge day's rate. */
	List<LedgerLine> pledge(long contributor, long pledge, String currency, BigDecimal amount, BigDecimal rate, Earmark earmark) {
		var value = Money.convert(amount, rate);
		return List.of(new LedgerLine(LedgerAccount.PLEDGES_RECEIVABLE, value, currency, amount, rate, contributor, pledge, null, earmark),
				new LedgerLine(LedgerAccount.CONTRIBUTIONS, value.negate(), currency, amount.negate(), rate, contributor, pledge, null, earmark));
	}

	/**
	 * Money received: cash (net of the bank's charges) and the charges at the day's rate, against either the
	 * contribution (no pledge) or the pledge's receivable ({@code receivable}: the Fund-currency value the receipt
	 * clears, at the pledge's rate); the difference, if any, to exchange differences.
	 */
	List<LedgerLine> receipt(long contributor, @Nullable Long pledge, String currency, BigDecimal amount, BigDecimal charges, BigDecimal rate,
			Earmark earmark, @Nullable BigDecimal receivable, @Nullable BigDecimal pledgeRate) {
		if (charges.compareTo(amount) >= 0) {
			throw new IllegalArgumentException("charges take the whole amount");
		}
		var lines = new ArrayList<LedgerLine>();
		var net = amount.subtract(charges);
		lines.add(new LedgerLine(LedgerAccount.CASH, Money.convert(net, rate), currency, net, rate, contributor, pledge, null, earmark));
		if (charges.signum() > 0) {
			lines.add(new LedgerLine(LedgerAccount.BANK_CHARGES, Money.convert(charges, rate), currency, charges, rate, contributor, pledge, null,
					Earmark.GENERAL));
		}
		if (pledge == null) {
			lines.add(new LedgerLine(LedgerAccount.CONTRIBUTIONS, Money.convert(amount, rate).negate(), currency, amount.negate(), rate, contributor,
					null, null, earmark));
		}
		else {
			if (receivable == null || pledgeRate == null) {
				throw new IllegalArgumentException("a receipt against a pledge clears its receivable");
			}
			lines.add(new LedgerLine(LedgerAccount.PLEDGES_RECEIVABLE, receivable.negate(), currency, amount.negate(), pledgeRate, contributor, pledge,
					null, earmark));
		}
		remainder(lines, contributor);
		return List.copyOf(lines);
	}

	/** The PRC's approved amount set aside for a project. */
	List<LedgerLine> allocation(long project, BigDecimal amount) {
		return List.of(LedgerLine.fund(LedgerAccount.UNALLOCATED_BALANCE, amount, fundCurrency, null, null, project, Earmark.GENERAL),
				LedgerLine.fund(LedgerAccount.ALLOCATED_TO_PROJECTS, amount.negate(), fundCurrency, null, null, project, Earmark.GENERAL));
	}

	/**
	 * A tranche paid out: expenditure of the project, cash out of each earmark it draws on ({@code drawn}: in order,
	 * each part positive), and the allocation released (the expenditure now stands for it).
	 */
	List<LedgerLine> disbursement(long project, BigDecimal amount, List<Drawn> drawn) {
		var lines = new ArrayList<LedgerLine>();
		lines.add(LedgerLine.fund(LedgerAccount.PROJECT_EXPENDITURE, amount, fundCurrency, null, null, project, Earmark.GENERAL));
		for (var part : drawn) {
			lines.add(LedgerLine.fund(LedgerAccount.CASH, part.amount().negate(), fundCurrency, null, null, project, part.earmark()));
		}
		lines.add(LedgerLine.fund(LedgerAccount.ALLOCATED_TO_PROJECTS, amount, fundCurrency, null, null, project, Earmark.GENERAL));
		lines.add(LedgerLine.fund(LedgerAccount.UNALLOCATED_BALANCE, amount.negate(), fundCurrency, null, null, project, Earmark.GENERAL));
		return List.copyOf(lines);
	}

	/** What was left of a closed project's allocation, back to the Fund's unallocated balance. */
	List<LedgerLine> released(long project, BigDecimal amount) {
		return List.of(LedgerLine.fund(LedgerAccount.ALLOCATED_TO_PROJECTS, amount, fundCurrency, null, null, project, Earmark.GENERAL),
				LedgerLine.fund(LedgerAccount.UNALLOCATED_BALANCE, amount.negate(), fundCurrency, null, null, project, Earmark.GENERAL));
	}

	/** What a project paid back: cash (general: the Fund's again), the project's expenditure reduced. */
	List<LedgerLine> returned(long project, BigDecimal amount) {
		return List.of(LedgerLine.fund(LedgerAccount.CASH, amount, fundCurrency, null, null, project, Earmark.GENERAL),
				LedgerLine.fund(LedgerAccount.PROJECT_EXPENDITURE, amount.negate(), fundCurrency, null, null, project, Earmark.GENERAL));
	}

	/** The bank's charges on the account, in the currency charged, at the day's rate. */
	List<LedgerLine> bankCharge(String currency, BigDecimal amount, BigDecimal rate) {
		var value = Money.convert(amount, rate);
		return List.of(new LedgerLine(LedgerAccount.BANK_CHARGES, value, currency, amount, rate, null, null, null, Earmark.GENERAL),
				new LedgerLine(LedgerAccount.CASH, value.negate(), currency, amount.negate(), rate, null, null, null, Earmark.GENERAL));
	}

	/** A correction: the entry's lines with the opposite sign. */
	static List<LedgerLine> reversal(List<LedgerLine> lines) {
		return lines.stream().map(LedgerLine::reversed).toList();
	}

	/** Posts what the lines leave unbalanced to exchange differences (in the Fund's currency). */
	private void remainder(List<LedgerLine> lines, @Nullable Long contributor) {
		var total = sum(lines);
		if (total.signum() != 0) {
			lines.add(LedgerLine.fund(LedgerAccount.EXCHANGE_DIFFERENCES, total.negate(), fundCurrency, contributor, null, null, Earmark.GENERAL));
		}
	}

	static BigDecimal sum(List<LedgerLine> lines) {
		return lines.stream().map(LedgerLine::amount).reduce(Money.ZERO, BigDecimal::add);
	}

	/** Whether the lines make an entry: two at least, summing to zero. */
	static boolean balanced(List<LedgerLine> lines) {
		return lines.size() >= 2 && sum(lines).signum() == 0;
	}

	/** A part of a disbursement drawn on the cash of one earmark. */
	record Drawn(Earmark earmark, BigDecimal amount) {
	}
}
