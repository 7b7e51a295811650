package org.kurultai.identity;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A personal API token of an account, for machine clients. The secret is shown once, when the
 * token is made; only its hash is kept. A token works until it expires or is revoked.
 */
public record ApiToken(UUID id, UUID account, String name, String prefix, Instant createdAt, Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

	public boolean worksAt(Instant moment) {
		return revokedAt == null && moment.isBefore(expiresAt);
	}
}
