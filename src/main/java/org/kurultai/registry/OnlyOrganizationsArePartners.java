package org.kurultai.registry;

import org.kurultai.shared.RuleViolation;

/** Partnership is for international organizations; a State takes part as a member or an observer. */
public class OnlyOrganizationsArePartners extends RuleViolation {

	OnlyOrganizationsArePartners(ParticipantCode state) {
		super("problem.registry.onlyOrganizationsArePartners", state);
	}

	@Override
	public String rule() {
		return "only-organizations-are-partners";
	}
}
