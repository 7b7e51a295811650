package org.kurultai.shared;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The decision an effect comes from, as the record it changes keeps it: the decision's id and
 * register symbol ("CMFA/2023/1"), the body, the day of adoption, the meeting where known, its
 * sources; {@code recorded} for a decision entered from the forum's history rather than taken in
 * Kurultai (its facts are usually in the history already: the handler then links them).
 */
public record DecidedBy(long decision, @Nullable String register, String body, LocalDate decidedOn, @Nullable String meeting,
		Sources sources, boolean recorded) {
}
