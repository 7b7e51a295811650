package org.kurultai.timeline;

/** What kind of thing happened. */
public enum EventKind {
	PROPOSAL, PROCESS_STAGE, DOCUMENT_ADOPTED, DECISION, OTHER,
	SUMMIT, MINISTERIAL_MEETING, MEETING, ACCESSION, OBSERVER_ADMITTED, PARTNERSHIP, HANDOVER, RENAMING, BODY_CREATED;

	/** The kinds recorded as events of their own; the others are derived from other records. */
	public boolean isRecorded() {
		return ordinal() <= OTHER.ordinal();
	}

	public String label() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}
}
