package org.kurultai.registry;

import java.time.LocalDate;
import java.util.Collection;

import org.kurultai.shared.RuleViolation;

/**
 * From the Almaty Act (4 June 2002) on, a State is admitted as a member only once it has signed
 * the Declaration on Principles and the Almaty Act.
 */
public class MembershipRequiresFoundingDocuments extends RuleViolation {

	MembershipRequiresFoundingDocuments(ParticipantCode state, LocalDate admission, Collection<String> unsigned) {
		super("problem.registry.foundingDocumentsUnsigned", state, admission,
				unsigned);
	}

	@Override
	public String rule() {
		return "membership-requires-founding-documents";
	}
}
