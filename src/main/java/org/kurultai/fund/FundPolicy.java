package org.kurultai.fund;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.stereotype.Component;

/**
 * Who may do and see what of the Fund's money, in one place (seeing through {@link AccessPolicy}): the Secretariat
 * records money (pledges, contributions, receipts, rates, bank charges, reversals) and sees the ledger's entries and the
 * trial balance; participants see the Fund's totals and the annual report for the SOC; a contributor of the registry sees
 * its own statement (its acting delegation: the statement is for named participants, the contributor); anyone else's
 * statement is the Secretariat's; the public sees the yearly totals.
 */
@Component
public class FundPolicy {

	/** The Fund's totals (balance, cash, allocated) and the annual financial report: participants. */
	public static final Access TOTALS = Access.of(AccessLevel.PARTICIPANTS);
	/** The ledger's entries, the trial balance, the exchange rates: the Secretariat. */
	public static final Access LEDGER = Access.of(AccessLevel.SECRETARIAT);

	private final AccessPolicy access;
	private final ActingRights rights;
	private final ForumClock clock;

	FundPolicy(AccessPolicy access, ActingRights rights, ForumClock clock) {
		this.access = access;
		this.rights = rights;
		this.clock = clock;
	}

	/** May the person record the Fund's money? The Secretariat only: the pages ask (forms) and so do the commands. */
	public boolean mayRecordMoney(@Nullable Account account) {
		return account != null && rights.of(account, clock.today()).actsForSecretariat();
	}

	/** Who sees a contributor's statement: a participant's delegation (and the Secretariat), anyone else's the Secretariat. */
	public static Access statement(Contributor contributor) {
		return contributor.participant() != null ? Access.namedParticipants(contributor.participant()) : LEDGER;
	}

	public boolean maySeeStatement(Viewer viewer, Contributor contributor) {
		return access.maySee(viewer, statement(contributor));
	}

	public boolean maySeeTotals(Viewer viewer) {
		return access.maySee(viewer, TOTALS);
	}

	public boolean maySeeLedger(Viewer viewer) {
		return access.maySee(viewer, LEDGER);
	}

	public Viewer currentViewer() {
		return access.currentViewer();
	}
}
