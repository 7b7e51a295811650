package org.kurultai.drafting;

import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.organs.ChairTerm;
import org.kurultai.organs.Organs;
import org.springframework.stereotype.Service;

/**
 * Who conducts the negotiation: the chairing State's delegation on the day, or the Secretariat
 * assisting it. They take amendments into revisions and put texts for decision.
 */
@Service
public class Facilitation {

	private final Organs organs;

	Facilitation(Organs organs) {
		this.organs = organs;
	}

	public boolean mayFacilitate(Mandate mandate) {
		if (mandate.actsForSecretariat()) {
			return true;
		}
		var chair = organs.chairmanship().termOn(mandate.on()).map(ChairTerm::chair).orElse(null);
		return mandate.capacity() == Capacity.MEMBER_DELEGATION && chair != null && chair.equals(mandate.account().participant());
	}

	public String chairOn(java.time.LocalDate day) {
		return organs.chairmanship().termOn(day).map(ChairTerm::chair).orElse("—");
	}
}
