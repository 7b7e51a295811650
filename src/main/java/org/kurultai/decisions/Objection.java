package org.kurultai.decisions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A member's objection at a meeting, or its written communication breaking silence, with its reasons. */
public record Objection(long id, long decision, int round, String participant, @Nullable String account, String reasons, Instant madeAt) {

	/** The objection as one who may not know who made it for the State sees it. */
	public Objection withoutAccount() {
		return new Objection(id, decision, round, participant, null, reasons, madeAt);
	}
}
