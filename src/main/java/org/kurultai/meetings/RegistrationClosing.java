package org.kurultai.meetings;

import java.time.Instant;
import java.util.List;

/**
 * A meeting's registration deadline approaches and these participants (codes) have not registered their delegation.
 * Published once per meeting and deadline, inside the transaction that marks the reminder as given, so that the
 * reminder is written exactly once also with several instances.
 */
public record RegistrationClosing(String meeting, Instant closes, List<String> unregistered) {

	public RegistrationClosing {
		unregistered = List.copyOf(unregistered);
	}
}
