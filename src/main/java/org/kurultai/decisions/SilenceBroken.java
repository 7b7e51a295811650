package org.kurultai.decisions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A member delegation broke silence on a decision taken by silence procedure: a written communication the rule counts.
 * Published synchronously inside the objecting transaction; {@code procedureEnded} says whether the forum ends the
 * procedure at once ({@link SilenceRules}), in which case {@link DecisionConcluded} follows in the same transaction.
 */
public record SilenceBroken(long decision, String body, @Nullable String document, String by, Instant at, boolean procedureEnded) {
}
