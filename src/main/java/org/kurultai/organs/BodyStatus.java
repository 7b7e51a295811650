package org.kurultai.organs;

/** Whether a body works, was only proposed, or is of unknown status (never marked dissolved without a source). */
public enum BodyStatus {
	ACTIVE, STATUS_UNKNOWN, PROPOSED
}
