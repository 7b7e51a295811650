package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A change of a meeting's plan as asked: every field left null keeps the current plan's value ({@code place} and
 * {@code host} given as blank clear them); {@code cancelled} true calls the meeting off; {@code reason} is required.
 */
public record PlanChange(@Nullable LocalDate from, @Nullable LocalDate until, @Nullable String place, @Nullable Boolean online,
		@Nullable String host, @Nullable Instant registrationCloses, @Nullable Boolean cancelled, @Nullable String reason) {
}
