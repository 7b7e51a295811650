package org.kurultai.cbm;

/**
 * What an adopted decision's effect does to a plan or an edition: writes the approval or adoption, only links the
 * very approval or adoption already recorded (the forum's history, loaded from its sources) to the decision, or
 * nothing (already linked to this decision). Anything else is refused by the record itself.
 */
enum ByDecision {
	WRITE, LINK, NOTHING
}
