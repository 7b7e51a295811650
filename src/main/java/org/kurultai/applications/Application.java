package org.kurultai.applications;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;

/**
 * A participant's application for a status, as the Secretariat recorded it from the note verbale received:
 * the day it was received, its reference, the status sought, a note. Its outcome (granted or refused, by which
 * decision, on which day) is written by the transaction that concluded that decision; while it is null the
 * application is open. Seen by whoever its access level admits, and by the applicant's own acting delegation.
 */
public record Application(long id, String participant, ParticipantStatus status, LocalDate receivedOn, String reference,
		@Nullable String note, AccessLevel level, Instant recordedAt, String recordedBy, @Nullable ApplicationState outcome,
		@Nullable Long outcomeDecision, @Nullable LocalDate outcomeOn) {

	/** Who may see it: its level, and the applicant's acting delegation whatever the level. */
	public Access access() {
		return Access.owned(participant, level);
	}

	public boolean granted() {
		return outcome == ApplicationState.GRANTED;
	}
}
