package org.kurultai.cbm;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DecidedBy;

/**
 * The decision a plan's approval or an edition's adoption came from, as the register knows it: its id (the page
 * {@code /decisions/{id}}) and register symbol ("SOC/2026/3"), which may be unknown for a decision recorded from the
 * forum's history.
 */
public record DecisionReference(long id, @Nullable String register) {

	public static DecisionReference of(DecidedBy decision) {
		return new DecisionReference(decision.decision(), decision.register());
	}
}
