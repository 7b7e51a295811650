package org.kurultai.corrections;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;

/**
 * A chair term the Secretariat records: a new one, or in place of the term beginning on {@code corrects}; with the
 * sources it rests on and a note saying why.
 */
public record ChairTermCorrection(@Nullable String chair, @Nullable LocalDate from, @Nullable LocalDate until,
		@Nullable DatePrecision precision, @Nullable LocalDate decidedOn, @Nullable String handoverOccasion, @Nullable LocalDate corrects,
		@Nullable List<String> sources, @Nullable String note) {
}
