package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/** A participant or a person sitting in a body, in a role, for a span of time. */
public record BodyMember(@Nullable String participant, @Nullable String person, String role, @Nullable LocalDate from,
		@Nullable LocalDate until, Sources sources) {
}
