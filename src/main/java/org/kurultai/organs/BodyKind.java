package org.kurultai.organs;

/** What a body is for, in the forum's own classification. */
public enum BodyKind {
	/** Summit, Council of Foreign Ministers, Committee of Senior Officials. */
	GOVERNING,
	/** Special Working Group, Contact Group, experts meetings. */
	WORKING,
	/** The Secretariat. */
	ADMINISTRATIVE,
	/** Think Tank Forum, Council of Eminent Persons, Business Council, Youth Council, … */
	ADVISORY,
	/** The CICA Fund and its Project Review Committee. */
	FINANCIAL
}
