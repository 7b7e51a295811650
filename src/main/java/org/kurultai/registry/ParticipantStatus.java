package org.kurultai.registry;

import java.util.Locale;

import org.kurultai.shared.InvalidRequest;

/**
 * The capacity in which a participant takes part. Only members take part in consensus; observers
 * (States or organizations) attend and speak; partner organizations cooperate with the forum.
 */
public enum ParticipantStatus {
	MEMBER, OBSERVER, PARTNER;

	/** Reads a status named in a request, refusing anything the forum does not know. */
	public static ParticipantStatus named(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw InvalidRequest.of("status", "problem.participant.unknownStatus", name);
		}
	}

	public String label() {
		return switch (this) {
			case MEMBER -> "member";
			case OBSERVER -> "observer";
			case PARTNER -> "partner organization";
		};
	}
}
