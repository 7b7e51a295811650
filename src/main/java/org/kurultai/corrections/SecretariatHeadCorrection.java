package org.kurultai.corrections;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;

/**
 * A head of the Secretariat the Secretariat records: a new one, or in place of the head who took office on
 * {@code corrects}; with its sources and a note saying why.
 */
public record SecretariatHeadCorrection(@Nullable String person, @Nullable String nationality, @Nullable LocalDate from,
		@Nullable LocalDate until, @Nullable DatePrecision precision, @Nullable LocalDate corrects, @Nullable List<String> sources,
		@Nullable String note) {
}
