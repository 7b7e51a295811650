package org.kurultai.decisions;

/** What a State files with a decision; none of them blocks it. */
public enum StatementKind {
	/** A member joins consensus but does not accept part of the text for itself. Members only. */
	RESERVATION("Reservation", true),
	/** A member states how it understands the text. Members only. */
	INTERPRETIVE_STATEMENT("Interpretive statement", true),
	/** A member or observer explains its position. */
	EXPLANATION_OF_POSITION("Explanation of position", false);

	private final String label;
	private final boolean membersOnly;

	StatementKind(String label, boolean membersOnly) {
		this.label = label;
		this.membersOnly = membersOnly;
	}

	public String label() {
		return label;
	}

	public boolean membersOnly() {
		return membersOnly;
	}
}
