package org.kurultai.decisions;

/** What a decision is about, which chooses the rule it is taken by. */
public enum Matter {
	SUBSTANTIVE, PROCEDURAL
}
