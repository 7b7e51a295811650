package org.kurultai.fund;

/** Who may contribute to the Fund (its regulations): the forum's participants and anyone else the Secretariat records. */
public enum ContributorKind {
	MEMBER, OBSERVER, PARTNER, NON_MEMBER, ORGANIZATION, FINANCIAL_INSTITUTION, LEGAL_ENTITY, INDIVIDUAL;

	/** Kinds the Secretariat records by name (a participant of the registry is recorded by its code, its kind from its status). */
	public boolean byName() {
		return this != MEMBER && this != OBSERVER && this != PARTNER;
	}
}
