package org.kurultai.organs;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * An entry of the organs' history as it stood before the Secretariat corrected it: kept, never deleted, with who
 * superseded it, when, why ({@code reason}) and on which {@code sources}. {@code subject} is the chair's code, the
 * body's name or the person; {@code detail} the short name, the nationality or the precision.
 */
public record SupersededClaim(Record record, @Nullable String body, String subject, @Nullable String detail, @Nullable LocalDate from,
		@Nullable LocalDate until, Sources claimSources, @Nullable String claimNote, @Nullable DecisionRef decision, Instant at,
		String by, String reason, Sources sources) {

	/** Which kind of entry was superseded. */
	public enum Record {
		CHAIR_TERM, BODY_NAME, SECRETARIAT_HEAD
	}
}
