package org.kurultai.shared;

/** Who may see a record. Every record that the forum's modules create carries one. */
public enum AccessLevel {
	/** Everyone, signed in or not. */
	PUBLIC,
	/** The delegations of members and observers on the day, and the Secretariat. */
	PARTICIPANTS,
	/** The delegations of members on the day, and the Secretariat. */
	MEMBERS,
	/** The delegations of the participants the record names, and the Secretariat. */
	NAMED_PARTICIPANTS,
	/** The Secretariat only. */
	SECRETARIAT
}
