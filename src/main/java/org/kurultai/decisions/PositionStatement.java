package org.kurultai.decisions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A reservation, interpretive statement or explanation of position, on the decision or on one paragraph. */
public record PositionStatement(long id, long decision, String participant, StatementKind kind, @Nullable String paragraph,
		String text, String account, Instant filedAt) {
}
