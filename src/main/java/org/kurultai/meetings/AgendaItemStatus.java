package org.kurultai.meetings;

/** Where an agenda item stands: proposed (not yet taken up), taken (considered at the meeting), deferred (to a later one). */
public enum AgendaItemStatus {
	PROPOSED, TAKEN, DEFERRED
}
