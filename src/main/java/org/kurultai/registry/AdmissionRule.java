package org.kurultai.registry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which founding documents a State must have signed to be admitted as a member, and from when
 * that rule applies: from the adoption of the last founding document (for CICA the Almaty Act,
 * 4 June 2002). States that became members earlier predate the rule.
 */
public record AdmissionRule(List<FoundingDocument> foundingDocuments) {

	public AdmissionRule {
		foundingDocuments = List.copyOf(foundingDocuments);
	}

	public static AdmissionRule none() {
		return new AdmissionRule(List.of());
	}

	/** The day from which the rule applies; null if the forum has no founding documents. */
	public @Nullable LocalDate appliesFrom() {
		return foundingDocuments.stream().map(FoundingDocument::adoptedOn).max(Comparator.naturalOrder()).orElse(null);
	}

	/** The founding documents a State admitted on that day must already have signed. */
	List<String> requiredOn(LocalDate admission) {
		var from = appliesFrom();
		if (from == null || admission.isBefore(from)) {
			return List.of();
		}
		return foundingDocuments.stream().map(FoundingDocument::code).toList();
	}
}
