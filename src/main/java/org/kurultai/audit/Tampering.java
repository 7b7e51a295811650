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
	/** A checkpoint (in the file or the database) is not signed with this key: forged or altered. */
	FORGED_CHECKPOINT
}
