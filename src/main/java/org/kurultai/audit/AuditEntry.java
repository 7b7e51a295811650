package org.kurultai.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of the audit log, chained to the one before by {@code previousHash}. */
public record AuditEntry(long id, Instant at, String actor, String onBehalfOf, String action, String subject,
		@Nullable String beforeDigest, @Nullable String afterDigest, String previousHash, String hash) {

	/** The hash this entry must carry, given the entry before it. */
	String expectedHash() {
		return Digests.sha256(String.join("\u001f", Long.toString(id), at.toString(), actor, onBehalfOf, action, subject,
				String.valueOf(beforeDigest), String.valueOf(afterDigest), previousHash));
	}
}
