package org.kurultai.identity;

import java.time.LocalDate;

import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The one rule of who may act for whom: what a person may do for their State follows from that
 * State's status on the day of the act (a member's delegation may object to consensus, an
 * observer's may speak), from the person's role, and for a delegate from being accredited to the
 * delegation that day. Every module asks here.
 */
@Service
public class ActingRights {

	private final Registry registry;
	private final Accreditations accreditations;

	ActingRights(Registry registry, Accreditations accreditations) {
		this.registry = registry;
		this.accreditations = accreditations;
	}

	public Mandate of(Account account, LocalDate day) {
		if (!account.active()) {
			return new Mandate(account, day, Capacity.NONE);
		}
		if (account.role().isSecretariat()) {
			return new Mandate(account, day, Capacity.SECRETARIAT);
		}
		if (account.participant() == null) {
			return new Mandate(account, day, Capacity.PERSONAL);
		}
		if (account.role() == Role.DELEGATE && !accreditations.isAccredited(account, account.participant(), day)) {
			// a delegate acts for their State only while accredited to its delegation
			return new Mandate(account, day, Capacity.NONE);
		}
		var status = registry.statusOf(ParticipantCode.of(account.participant()), day);
		var capacity = status == null ? Capacity.NONE : switch (status) {
			case MEMBER -> Capacity.MEMBER_DELEGATION;
			case OBSERVER -> Capacity.OBSERVER_DELEGATION;
			case PARTNER -> Capacity.PARTNER_DELEGATION;
		};
		return new Mandate(account, day, capacity);
	}
}
