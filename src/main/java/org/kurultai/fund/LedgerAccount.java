package org.kurultai.fund;

/**
 * The Fund's chart of accounts. A line's amount is signed in the Fund's currency: a debit is positive, a credit
 * negative; an entry's lines sum to zero. Assets and expenses normally have debit balances; net assets and revenue
 * credit balances. Net assets = cash + pledges receivable = unallocated + allocated + (contributions − expenditure −
 * charges − exchange differences): the last bracket is the year's result, which stays in the revenue and expense
 * accounts (no closing entries), so the Fund's unallocated balance is the unallocated account plus that result.
 */
public enum LedgerAccount {
	/** 1000: cash at bank, kept per earmark (general, a project's, a priority area's). */
	CASH("1000", Type.ASSET),
	/** 1100: pledges receivable, per contributor and pledge. */
	PLEDGES_RECEIVABLE("1100", Type.ASSET),
	/** 3000: the Fund's balance not allocated to a project (with the result of revenue and expenses). */
	UNALLOCATED_BALANCE("3000", Type.NET_ASSETS),
	/** 3100: allocated to projects by the PRC's decisions and not yet disbursed, per project. */
	ALLOCATED_TO_PROJECTS("3100", Type.NET_ASSETS),
	/** 4000: voluntary contributions (recognized when pledged or, without a pledge, received), per contributor. */
	CONTRIBUTIONS("4000", Type.REVENUE),
	/** 5000: tranches disbursed to projects, less what they returned, per project. */
	PROJECT_EXPENDITURE("5000", Type.EXPENSE),
	/** 5100: bank charges. */
	BANK_CHARGES("5100", Type.EXPENSE),
	/** 5200: exchange differences (a loss is a debit, a gain a credit) and rounding remainders. */
	EXCHANGE_DIFFERENCES("5200", Type.EXPENSE);

	/** The kind of account: what its normal balance is. */
	public enum Type {
		ASSET, NET_ASSETS, REVENUE, EXPENSE;

		public boolean debitNormal() {
			return this == ASSET || this == EXPENSE;
		}
	}

	private final String code;
	private final Type type;

	LedgerAccount(String code, Type type) {
		this.code = code;
		this.type = type;
	}

	public String code() {
		return code;
	}

	public Type type() {
		return type;
	}
}
