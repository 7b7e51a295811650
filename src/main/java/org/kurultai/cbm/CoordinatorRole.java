package org.kurultai.cbm;

/** A State's role in leading a priority area. */
public enum CoordinatorRole {
	COORDINATOR("coordinator"), CO_COORDINATOR("co-coordinator");

	private final String label;

	CoordinatorRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
