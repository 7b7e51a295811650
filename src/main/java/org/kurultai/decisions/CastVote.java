package org.kurultai.decisions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A member's vote on a decision taken by majority. */
public record CastVote(String participant, Vote vote, @Nullable String account, Instant castAt) {

	/** The vote as one who may not know who cast it for the State sees it. */
	public CastVote withoutAccount() {
		return new CastVote(participant, vote, null, castAt);
	}
}
