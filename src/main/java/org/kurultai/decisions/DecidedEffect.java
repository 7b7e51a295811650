package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Effect;

/**
 * An effect a decision carries, in its place in the proposal: applied (when and from which day)
 * once the decision was adopted, or refused by the forum's rules on its day, with the reason.
 */
public record DecidedEffect(int position, Effect effect, @Nullable Instant appliedAt, @Nullable LocalDate appliedFrom,
		@Nullable String refusal) {
}
