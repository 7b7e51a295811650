package org.kurultai.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A participant's status changed on a day: from one status (or none) to another (or none). */
public record StatusChange(LocalDate on, ParticipantCode code, String name, @Nullable ParticipantStatus before,
		@Nullable ParticipantStatus after, String how) {
}
