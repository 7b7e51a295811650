package org.kurultai.meetings;

/** Whether a meeting took place; a plan that slipped stays in history, marked not held as planned. */
public enum MeetingStatus {
	HELD, PLANNED, NOT_HELD_AS_PLANNED,
	/** Called off by the Secretariat; its plans stay in history. */
	CANCELLED
}
