package org.kurultai.decisions;

import java.time.Instant;

/** A member's objection at a meeting, or its written communication breaking silence, with its reasons. */
public record Objection(long id, long decision, int round, String participant, String account, String reasons, Instant madeAt) {
}
