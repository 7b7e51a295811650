package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Fund's money as its projects see it; implemented by the ledger. Every method writes in the caller's
 * transaction (propagation MANDATORY) balanced, immutable entries, and audits nothing itself: the caller's act is
 * audited once by the caller. Amounts are exact decimals in the Fund's currency (USD unless configured), scale 2,
 * positive; anything else is refused as {@code InvalidRequest} on the field {@code amount}.
 */
public interface FundLedger {

	/** The Fund's currency (ISO 4217), from {@code kurultai.fund.currency}: every amount of the Fund is in it. */
	String currency();


	/**
	 * The PRC's decision approving a project was adopted: its approved amount is allocated to it (from the Fund's
	 * unallocated balance to the project's allocation). Once per project: a second call for the same project returns
	 * the first entry's id and writes nothing.
	 *
	 * @return the ledger entry's id
	 */
	long allocate(long project, BigDecimal amount, long decision, LocalDate on);

	/**
	 * A tranche of a project paid out, under the ledger's lock (so two racing disbursements are serialized): refused
	 * with a {@code RuleViolation} (409, {@code FundRefused}: rule {@code fund-allocation-exceeded} or
	 * {@code fund-money-unavailable}) when the amount exceeds what of the project's allocation is not yet disbursed
	 * ({@link ProjectMoney#undisbursed()}), or the money available to the project on that day (cash received, not earmarked for another
	 * project or area; earmarked for this project or its priority area {@code area} counts).
	 *
	 * @param area the Catalogue's priority area code of the project, or null
	 * @return the ledger entry's id
	 */
	long disburse(long project, @Nullable String area, long tranche, BigDecimal amount, LocalDate on, String reference);

	/**
	 * What a project did not spend, returned to the Fund (closing the project): refused when it exceeds what was
	 * disbursed to it net of earlier returns.
	 *
	 * @return the ledger entry's id
	 */
	long returnUnspent(long project, BigDecimal amount, LocalDate on, String reference);

	/**
	 * A project closes: what of its allocation was never disbursed goes back to the Fund's unallocated balance (an entry
	 * of kind {@code RETURN} without cash), so a closed project holds no money. Nothing when nothing is left.
	 *
	 * @return the ledger entry's id, or null when nothing was left
	 */
	@Nullable Long releaseUndisbursed(long project, LocalDate on, String reference);

	/** A project's money: allocated, disbursed, returned, and what of the allocation is left to disburse. */
	ProjectMoney project(long project);

	/**
	 * A project's statement: every entry that moved its money, oldest first (by value date, then as written) — the
	 * allocation, each disbursement with its tranche, a return, and the reversal of any of them.
	 */
	List<ProjectMovement> movements(long project);

	/**
	 * One movement of a project's money (its tranche as the caller named it to {@link #disburse}): how much it allocated, disbursed (a return: negative) and what of the
	 * allocation is left to disburse after it (a reversal's figures carry the opposite sign of the entry it reverses).
	 */
	record ProjectMovement(long entry, LocalDate valueDate, String kind, boolean reversal, @Nullable Long tranche, String reference,
			BigDecimal allocated, BigDecimal disbursed, BigDecimal undisbursedAfter) {
	}

	/**
	 * A project's money as the ledger knows it (zeros for a project it never saw), each net of reversals: {@code allocated}
	 * by the PRC's decision, {@code disbursed} in tranches, {@code returned} unspent (that money goes back to the Fund's
	 * unallocated balance, not to the project), and {@code undisbursed} = allocated − disbursed, what may still be paid out (zero once the project closed: the rest is released).
	 */
	record ProjectMoney(BigDecimal allocated, BigDecimal disbursed, BigDecimal returned, BigDecimal undisbursed) {
	}
}
