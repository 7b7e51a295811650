package org.kurultai.audit;

/** What verification found wrong with the audit chain. */
public enum Tampering {
	/** An entry's content (or hash) was changed in place: its hash does not hold, the next entry's does. */
	EDITED,
	/** An entry was removed: a position is missing before an entry that is still there. */
	DELETED,
	/** The last entries were removed: a checkpoint names an entry or a count the database no longer has. */
	TRUNCATED,
	/**
	 * The chain was rewritten without the key: from an entry on, hashes are not the key's (recomputed the old unkeyed
	 * way or with another key), or an entry named by a checkpoint has another hash now.
	 */
	RECOMPUTED,
	/**
	 * A checkpoint (in the file or the database) is not signed with this key: forged, altered, or written under another
	 * key (a checkpoint file belongs to one deployment and its key, so a line signed otherwise has no business there).
	 */
	FORGED_CHECKPOINT,
	/**
	 * The chain was replaced: a checkpoint signed with this key names another chain identity, so the chain it vouched for
	 * (its entries, and the identity they were hashed under) is gone from this database, emptied and started afresh.
	 */
	REPLACED
}
