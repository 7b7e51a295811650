package org.kurultai.fund;

/** What a ledger entry records. */
public enum EntryKind {
	/** A contributor's pledge: receivable, contribution. */
	PLEDGE,
	/** Money received against a pledge. */
	RECEIPT,
	/** Money received without a pledge. */
	CONTRIBUTION,
	/** The PRC's approved amount set aside for a project. */
	ALLOCATION,
	/** A project's tranche paid out. */
	DISBURSEMENT,
	/** What a project did not spend, paid back. */
	RETURN,
	/** The bank's charges on the Fund's account. */
	BANK_CHARGE,
	/** An exchange difference recorded on its own. */
	EXCHANGE_DIFFERENCE,
	/** The correction of an entry: its lines with the opposite sign. */
	REVERSAL
}
