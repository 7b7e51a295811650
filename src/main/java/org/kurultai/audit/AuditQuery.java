package org.kurultai.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filters of the audit log; every field optional. */
public record AuditQuery(@Nullable String actor, @Nullable String onBehalfOf, @Nullable String action, @Nullable Instant from,
		@Nullable Instant to, int limit) {

	public AuditQuery {
		limit = Math.max(1, Math.min(limit, 500));
	}
}
