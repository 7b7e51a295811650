package org.kurultai.decisions;

/** A member's vote where the forum's rule for the matter is a majority. */
public enum Vote {
	FOR, AGAINST, ABSTAIN
}
