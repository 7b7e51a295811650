package org.kurultai.decisions;

/** Where a decision stands. Every status but OPEN is final. */
public enum DecisionStatus {
	OPEN("open"), ADOPTED("adopted"), NOT_ADOPTED("not adopted"), SILENCE_BROKEN("silence broken"), WITHDRAWN("withdrawn");

	private final String label;

	DecisionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
