package org.kurultai.drafting;

import java.time.Instant;

/** A State's stance on an alternative of a bracketed paragraph, as last stated. */
public record AlternativePosition(String paragraph, String alternative, String participant, Stance stance, int onVersion,
		Instant recordedAt) {

	public enum Stance {
		SUPPORTS, OPPOSES
	}
}
