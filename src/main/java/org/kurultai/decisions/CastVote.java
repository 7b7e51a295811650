package org.kurultai.decisions;

import java.time.Instant;

/** A member's vote on a decision taken by majority. */
public record CastVote(String participant, Vote vote, String account, Instant castAt) {
}
