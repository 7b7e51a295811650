package org.kurultai.decisions;

import java.time.Instant;

/**
 * A silence procedure started again on a new revision: a new round with a new deadline. Published inside the
 * revising transaction.
 */
public record SilenceRestarted(long decision, String body, String document, int version, Instant deadline, int round) {
}
