package org.kurultai.identity;

/** What a person is in the forum. Anyone not signed in is the public and has no role. */
public enum Role {
	/** Runs the platform: accounts, accreditations, audit. */
	SECRETARIAT_ADMINISTRATOR,
	/** Staff of the Secretariat. */
	SECRETARIAT_OFFICER,
	/** The focal point of one participant in its foreign ministry. */
	NATIONAL_COORDINATOR,
	/** A member of one participant's delegation. */
	DELEGATE,
	/** A member of an advisory body, in a personal capacity. */
	EXPERT;

	public boolean isSecretariat() {
		return this == SECRETARIAT_ADMINISTRATOR || this == SECRETARIAT_OFFICER;
	}

	/** Coordinators and delegates act for one participant; the others do not. */
	public boolean actsForAParticipant() {
		return this == NATIONAL_COORDINATOR || this == DELEGATE;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}
