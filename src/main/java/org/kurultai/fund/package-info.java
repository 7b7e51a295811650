/**
 * The CICA Fund (issue 15): projects a member State submits, checked by the Secretariat and approved by the
 * Project Review Committee through the forum's decisions (consensus of the members: one objection and the project is
 * not approved), with their tranches and reports; the money: contributors, pledges and contributions (general or
 * earmarked), a double-entry ledger of immutable balanced entries in exact decimals with recorded exchange rates
 * (corrections by reversal), disbursements that never exceed a project's approved amount nor the money available
 * (also when two race), statements, the trial balance at any date and the annual financial report.
 * <p>
 * {@link org.kurultai.fund.FundLedger} is how projects move money: allocation on approval, disbursement of a
 * tranche, return of an unspent balance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fund")
@org.jspecify.annotations.NullMarked
package org.kurultai.fund;
