package org.kurultai.identity;

/** In which capacity a person acts on a given day. */
public enum Capacity {
	/** For a member State: takes part in consensus, may object, speaks. */
	MEMBER_DELEGATION,
	/** For an observer State or organization: speaks and makes statements, cannot object. */
	OBSERVER_DELEGATION,
	/** For a partner organization: cooperates, does not take part in decisions. */
	PARTNER_DELEGATION,
	/** For the Secretariat. */
	SECRETARIAT,
	/** An expert in a personal capacity. */
	PERSONAL,
	/** Acts for nobody that day (a participant without status, a closed account). */
	NONE
}
