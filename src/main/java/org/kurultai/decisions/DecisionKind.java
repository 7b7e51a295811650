package org.kurultai.decisions;

/** A body decides, or recommends a text to the body it reports to. */
public enum DecisionKind {
	DECISION, RECOMMENDATION
}
