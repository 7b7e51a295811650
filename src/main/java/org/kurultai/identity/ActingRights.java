package org.kurultai.identity;

import java.time.LocalDate;

import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The one rule of who may act for whom: what a person may do for their State follows from that
 * State's status on the day of the act (a member's delegation may object to consensus, an
 * observer's may speak) and from the person's role. Every module asks here.
 */
@Service
public class ActingRights {

	private final Registry registry;

	ActingRights(Registry registry) {
		this.registry = registry;
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
		var status = registry.statusOf(ParticipantCode.of(account.participant()), day);
		var capacity = status == null ? Capacity.NONE : switch (status) {
			case MEMBER -> Capacity.MEMBER_DELEGATION;
			case OBSERVER -> Capacity.OBSERVER_DELEGATION;
			case PARTNER -> Capacity.PARTNER_DELEGATION;
		};
		return new Mandate(account, day, capacity);
	}
}
