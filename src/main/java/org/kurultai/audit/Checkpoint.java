package org.kurultai.audit;

import java.time.Instant;
import java.util.HashMap;

/**
 * A signed statement of the chain's head at a moment: how many entries, the last one's position and hash, and how many
 * of them are from before the keyed chain. Written outside the database (a file, the log, mail), so that removing the
 * last entries, or rewriting the chain, is found even by someone who can change everything in the database.
 *
 * @param chain the identity of the database's chain ({@code audit_chain.id})
 * @param at when it was taken
 * @param count the number of entries
 * @param seq the position of the last entry (equal to the count in an intact chain; 0 when empty)
 * @param hash the hash of the last entry ({@link Digests#GENESIS} when empty)
 * @param unkeyed how many entries are from before the keyed chain (never changes)
 * @param key the id of the key that signed it
 * @param signature HMAC-SHA256 of everything before it, under the checkpoint key derived from the audit key
 */
public record Checkpoint(String chain, Instant at, long count, long seq, String hash, long unkeyed, String key, String signature) {

	static final String PREFIX = "kurultai-audit-checkpoint v=1";

	/** What is signed. */
	String payload() {
		return PREFIX + " chain=" + chain + " at=" + at + " count=" + count + " seq=" + seq + " hash=" + hash + " unkeyed=" + unkeyed
				+ " key=" + key;
	}

	/** One line, as written to the file, the log and the mail. */
	public String line() {
		return payload() + " sig=" + signature;
	}

	static Checkpoint signed(AuditKey key, String chain, Instant at, long count, long seq, String hash, long unkeyed) {
		var unsigned = new Checkpoint(chain, at, count, seq, hash, unkeyed, key.id(), "");
		return new Checkpoint(chain, at, count, seq, hash, unkeyed, key.id(), key.sign(unsigned.payload()));
	}

	boolean signedBy(AuditKey key) {
		return key.id().equals(this.key) && key.signed(payload(), signature);
	}

	/** Reads a line written by {@link #line()}; refuses anything else. */
	static Checkpoint parse(String line) {
		if (!line.startsWith(PREFIX + " ")) {
			throw new IllegalArgumentException("not a checkpoint");
		}
		var fields = new HashMap<String, String>();
		for (var part : line.substring(PREFIX.length() + 1).trim().split(" ")) {
			var equals = part.indexOf('=');
			if (equals <= 0 || fields.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
				throw new IllegalArgumentException("malformed checkpoint field: " + part);
			}
		}
		try {
			var checkpoint = new Checkpoint(required(fields, "chain"), Instant.parse(required(fields, "at")),
					Long.parseLong(required(fields, "count")), Long.parseLong(required(fields, "seq")), required(fields, "hash"),
					Long.parseLong(required(fields, "unkeyed")), required(fields, "key"), required(fields, "sig"));
			if (!checkpoint.line().equals(line.trim())) {
				throw new IllegalArgumentException("not in canonical form");
			}
			return checkpoint;
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("malformed checkpoint: " + e.getMessage(), e);
		}
	}

	private static String required(java.util.Map<String, String> fields, String name) {
		var value = fields.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("no " + name);
		}
		return value;
	}
}
