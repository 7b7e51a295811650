package org.kurultai.drafting;

/** Where a document stands: under negotiation, recommended by a lower body, or adopted. */
public enum DocumentStatus {
	DRAFT, RECOMMENDED, ADOPTED;

	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
