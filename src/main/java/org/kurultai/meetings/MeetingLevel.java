package org.kurultai.meetings;

import java.util.Locale;

/**
 * The level at which a meeting sits. It follows from the body (choice: no body of the forum meets at two levels, so it
 * is derived, not stored): the Summit meets at the level of heads of State or government, the Ministerial Council at
 * ministers', the Senior Officials Committee and the Meeting of Deputy Ministers at senior officials', every other body
 * (working groups, experts' meetings, advisory and financial bodies) at experts'.
 */
public enum MeetingLevel {
	SUMMIT, MINISTERIAL, SENIOR_OFFICIALS, EXPERT;

	public static MeetingLevel of(String body) {
		return switch (body.toUpperCase(Locale.ROOT)) {
			case "CHSG" -> SUMMIT;
			case "CMFA" -> MINISTERIAL;
			case "SOC", "DEPMIN" -> SENIOR_OFFICIALS;
			default -> EXPERT;
		};
	}
}
