package org.kurultai.decisions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A reservation, interpretive statement or explanation of position, on the decision or on one paragraph. */
public record PositionStatement(long id, long decision, String participant, StatementKind kind, @Nullable String paragraph,
		String text, @Nullable String account, Instant filedAt) {

	/** The statement as one who may not know who filed it for the State sees it. */
	public PositionStatement withoutAccount() {
		return new PositionStatement(id, decision, participant, kind, paragraph, text, null, filedAt);
	}
}
