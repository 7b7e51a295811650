package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The trial balance at a date (inclusive, by the entries' value dates): each account's balance in the debit or the
 * credit column, in the Fund's currency; the two totals are equal because every entry balances.
 */
public record TrialBalance(LocalDate asOf, String currency, List<Row> rows, BigDecimal debits, BigDecimal credits) {

	public boolean balanced() {
		return debits.compareTo(credits) == 0;
	}

	/** An account's balance: in debit (positive balance) or credit (negative), the other zero. */
	public record Row(LedgerAccount account, BigDecimal debit, BigDecimal credit) {
	}
}
