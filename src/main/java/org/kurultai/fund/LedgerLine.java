package org.kurultai.fund;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One line of an entry: the account, the amount in the Fund's currency (debit positive, credit negative), the amount
 * as the document says it (its currency, same sign) with the exchange rate recorded (Fund currency per unit), and what
 * the line concerns: a contributor, a pledge, a project, an earmark.
 */
public record LedgerLine(LedgerAccount account, BigDecimal amount, String currency, BigDecimal original, BigDecimal rate,
		@Nullable Long contributor, @Nullable Long pledge, @Nullable Long project, Earmark earmark) {

	public LedgerLine {
		if (amount.scale() > 2 || original.scale() > 2) {
			throw new IllegalArgumentException("money has two decimals at most: " + amount + ", " + original);
		}
		amount = amount.setScale(2);
		original = original.setScale(2);
		if (amount.signum() * original.signum() < 0) {
			throw new IllegalArgumentException("a line's amounts have the same sign: " + amount + ", " + original);
		}
	}

	/** A line in the Fund's own currency (rate 1). */
	static LedgerLine fund(LedgerAccount account, BigDecimal amount, String currency, @Nullable Long contributor, @Nullable Long pledge,
			@Nullable Long project, Earmark earmark) {
		return new LedgerLine(account, amount, currency, amount, BigDecimal.ONE, contributor, pledge, project, earmark);
	}

	/** The same line with the opposite sign (a reversal's). */
	LedgerLine reversed() {
		return new LedgerLine(account, amount.negate(), currency, original.negate(), rate, contributor, pledge, project, earmark);
	}

	public boolean debit() {
		return amount.signum() > 0;
	}
}
