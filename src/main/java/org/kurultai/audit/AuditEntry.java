package org.kurultai.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log, chained to the one before by {@code previousHash}. Entries of the keyed chain
 * ({@code chain} {@value #KEYED}) have a gap-free position {@code seq} and a hash keyed with the secret held outside the
 * database; entries written before it ({@code chain} {@value #UNKEYED}) have no {@code seq} and a plain SHA-256 hash.
 */
public record AuditEntry(long id, @Nullable Long seq, int chain, Instant at, String actor, String onBehalfOf, String action,
		String subject, @Nullable String beforeDigest, @Nullable String afterDigest, String previousHash, String hash) {

	/** Entries written before the keyed chain (ADR 0004's first version), verified as they were written. */
	static final int UNKEYED = 1;
	/** Entries of the keyed chain. */
	static final int KEYED = 2;

	boolean keyed() {
		return chain == KEYED;
	}

	/** The hash an unkeyed entry must carry, given the entry before it. */
	String expectedHash() {
		return Digests.sha256(String.join("\u001f", Long.toString(id), at.toString(), actor, onBehalfOf, action, subject,
				String.valueOf(beforeDigest), String.valueOf(afterDigest), previousHash));
	}

	/**
	 * What the keyed hash is taken of: the chain's identity, the position, the id and every field, each length-prefixed
	 * so no two different entries read the same.
	 */
	String canonical(String chainId) {
		var text = new StringBuilder("kurultai-audit-v2");
		for (var field : new @Nullable String[] { chainId, String.valueOf(seq), Long.toString(id), at.toString(), actor, onBehalfOf,
				action, subject, beforeDigest, afterDigest, previousHash }) {
			if (field == null) {
				text.append("|-");
			}
			else {
				text.append('|').append(field.length()).append(':').append(field);
			}
		}
		return text.toString();
	}

	AuditEntry withHash(String hash) {
		return new AuditEntry(id, seq, chain, at, actor, onBehalfOf, action, subject, beforeDigest, afterDigest, previousHash, hash);
	}
}
