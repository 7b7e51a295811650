package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** The previous, current and next chairs on a day; next is empty while not yet decided. */
public record Troika(LocalDate asOf, @Nullable ChairTerm previous, @Nullable ChairTerm current, @Nullable ChairTerm next) {
}
