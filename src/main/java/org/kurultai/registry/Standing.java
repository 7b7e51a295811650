package org.kurultai.registry;

import java.time.LocalDate;

/** Where a participant stands on a given day: its status and since when it has held it. */
public record Standing(ParticipantCode code, String name, ParticipantKind kind, ParticipantStatus status, LocalDate since,
		StatusPeriod period) {
}
