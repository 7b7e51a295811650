package org.kurultai.drafting;

/** How far a paragraph is agreed. */
public enum ParagraphStatus {
	/** Agreed by all. */
	AGREED("agreed"),
	/** Agreed by the negotiators subject to confirmation by their capitals; not a bracket. */
	AGREED_AD_REFERENDUM("agreed ad referendum"),
	/** In square brackets: not agreed, possibly with alternatives. */
	BRACKETED("bracketed");

	private final String label;

	ParagraphStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
