package org.kurultai.reference;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Sources that disagree, each claim with its date and sources, and the choice the forum's data makes. */
public record Contradiction(String id, String topic, List<Claim> claims, String choice) {

	public Contradiction {
		claims = claims == null ? List.of() : List.copyOf(claims);
	}

	public record Claim(String value, @Nullable String asOf, @Nullable List<String> sources) {
	}
}
