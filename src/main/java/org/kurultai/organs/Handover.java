package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * The chairmanship passing from one term to the next; {@code renewal} when the same State goes on
 * for a new term (Kazakhstan, 2022).
 */
public record Handover(LocalDate on, String from, String to, boolean renewal, @Nullable String at,
		@Nullable String occasion, Sources sources) {
}
