package org.kurultai.corrections;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A name of a body the Secretariat records: a new one, or in place of the name {@code corrects} (in English, as
 * recorded); {@code from} null means since the body's creation; with its sources and a note saying why.
 */
public record BodyNameCorrection(@Nullable String name, @Nullable String shortName, @Nullable String nameRu, @Nullable LocalDate from,
		@Nullable LocalDate until, @Nullable String corrects, @Nullable List<String> sources, @Nullable String note) {
}
