package org.kurultai.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the chain entry by entry, in order, and finds the first entry that does not hold: unkeyed entries as they were
 * written (SHA-256, linked); keyed entries by their position (gap-free from the unkeyed ones on), their link and their
 * keyed hash. An entry whose keyed hash does not hold is judged by the next one: if the next one's holds, it vouches
 * for the link, so the entry was edited in place; if not, the chain was recomputed without the key from there on.
 */
final class ChainWalk {

	private final AuditKey key;
	private final String chainId;
	private final Set<Long> positionsToRemember;
	private final Map<Long, AuditEntry> remembered = new HashMap<>();

	private long position;
	private long unkeyed;
	private boolean keyedSeen;
	private String expectedPrevious = Digests.GENESIS;
	private @Nullable AuditEntry previousEntry;
	private @Nullable AuditEntry suspect;
	private long suspectPosition;
	private @Nullable Verification broken;

	ChainWalk(AuditKey key, String chainId, Set<Long> positionsToRemember) {
		this.key = key;
		this.chainId = chainId;
		this.positionsToRemember = positionsToRemember;
	}

	void accept(AuditEntry entry) {
		if (broken != null) {
			return;
		}
		position++;
		if (suspect != null) {
			judgeSuspect(entry.keyed() && holds(entry));
			return;
		}
		if (!entry.keyed()) {
			unkeyed(entry);
		}
		else {
			keyed(entry);
		}
		if (broken == null && suspect == null) {
			if (positionsToRemember.contains(position)) {
				remembered.put(position, entry);
			}
			expectedPrevious = entry.hash();
			previousEntry = entry;
		}
	}

	private void unkeyed(AuditEntry entry) {
		if (keyedSeen) {
			broken = Verification.broken(position, Tampering.RECOMPUTED, entry.id(), position,
					"an unkeyed entry after keyed ones: the chain was rewritten without the key");
			return;
		}
		unkeyed++;
		if (!entry.previousHash().equals(expectedPrevious)) {
			broken = Verification.broken(position, Tampering.DELETED, entry.id(), position,
					"does not follow the entry before it (an unkeyed entry before it was removed or changed)");
		}
		else if (!entry.hash().equals(entry.expectedHash())) {
			broken = Verification.broken(position, Tampering.EDITED, entry.id(), position, "its content does not match its hash");
		}
	}

	private void keyed(AuditEntry entry) {
		keyedSeen = true;
		var seq = entry.seq();
		if (seq == null || seq != position) {
			if (seq != null && seq > position) {
				broken = Verification.broken(position, Tampering.DELETED, entry.id(), position,
						(seq - position == 1 ? "the entry at position " + position + " was removed"
								: "the entries at positions " + position + " to " + (seq - 1) + " were removed")
								+ " (entry " + entry.id() + " is at position " + seq + ")");
			}
			else {
				broken = Verification.broken(position, Tampering.EDITED, entry.id(), position,
						"its position " + seq + " is not the next one, " + position);
			}
		}
		else if (!holds(entry)) {
			suspect = entry;
			suspectPosition = position;
		}
		else if (!entry.previousHash().equals(expectedPrevious)) {
			var before = previousEntry;
			broken = Verification.broken(position, Tampering.RECOMPUTED, before != null ? before.id() : entry.id(), position - 1,
					"the entry before entry " + entry.id() + " is not the one it was chained to: the chain before it was rewritten");
		}
	}

	private void judgeSuspect(boolean nextHolds) {
		var entry = suspect;
		assert entry != null;
		var theOldWay = entry.hash().equals(entry.expectedHash());
		if (nextHolds) {
			broken = Verification.broken(position, Tampering.EDITED, entry.id(), suspectPosition,
					"its content does not match its hash" + (theOldWay ? " (which was recomputed the old unkeyed way)" : ""));
		}
		else {
			broken = Verification.broken(position, Tampering.RECOMPUTED, entry.id(), suspectPosition,
					"from this entry on, hashes are not the key's: the chain was recomputed without the key"
							+ (theOldWay ? " (the old unkeyed way, plain SHA-256)" : " (with another key)"));
		}
	}

	private boolean holds(AuditEntry entry) {
		return entry.hash().equals(key.chainHash(entry.canonical(chainId)));
	}

	/** The first break, or null if the chain holds. */
	@Nullable Verification finish() {
		if (broken == null && suspect != null) {
			judgeSuspect(true);
		}
		return broken;
	}

	/** How many entries were read. */
	long count() {
		return position;
	}

	long unkeyedCount() {
		return unkeyed;
	}

	String lastHash() {
		return expectedPrevious;
	}

	@Nullable AuditEntry at(long position) {
		return remembered.get(position);
	}
}
