package org.kurultai.registry;

import org.jspecify.annotations.Nullable;

/**
 * The decision a status period comes from (or that ended it), as the registry keeps it: the
 * decision's id and its register symbol ("CMFA/2023/1"), which a decision recorded from the
 * forum's history may lack.
 */
public record DecisionRef(long id, @Nullable String register) {

	/** How a period it caused says where it came from, in the data's English ("admitted by decision CMFA/2023/1"). */
	String named() {
		return register != null ? register : "no. " + id;
	}
}
