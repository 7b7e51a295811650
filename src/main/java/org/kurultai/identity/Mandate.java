package org.kurultai.identity;

import java.time.LocalDate;

/** What a person may do, for whom, on one day. */
public record Mandate(Account account, LocalDate on, Capacity capacity) {

	/** Only the delegation of a member State takes part in consensus and may object to it. */
	public boolean mayObject() {
		return capacity == Capacity.MEMBER_DELEGATION;
	}

	/** Members and observers may take the floor and make statements. */
	public boolean maySpeak() {
		return capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION;
	}

	public boolean actsForSecretariat() {
		return capacity == Capacity.SECRETARIAT;
	}
}
