package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * A name a body bore for a span of time, half-open; a null {@code from} means since the body's
 * creation, a null {@code until} means still.
 */
public record BodyName(String name, @Nullable String shortName, @Nullable LocalDate from, @Nullable LocalDate until,
		@Nullable String renamedBy, Sources sources) {

	public boolean validOn(LocalDate day) {
		return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
	}
}
