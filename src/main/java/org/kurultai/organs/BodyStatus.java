package org.kurultai.organs;

/**
 * Whether a body works, was only proposed, or is of unknown status (never marked dissolved without a source);
 * dissolved by a decision of the forum, from a day on ({@link Body#dissolvedOn()}).
 */
public enum BodyStatus {
	ACTIVE, STATUS_UNKNOWN, PROPOSED, DISSOLVED
}
