package org.kurultai.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the audit chain against its key and its checkpoints: intact, or what kind of tampering was
 * found and the first entry concerned.
 *
 * @param intact whether every check held
 * @param entriesChecked how many entries were read
 * @param tampering what kind of tampering was found, if any
 * @param firstBrokenEntry the id of the first entry concerned, when it is still there
 * @param firstBrokenPosition the position (gap-free, from 1) of the first entry concerned: for a removed or truncated
 *        entry, the position that is missing
 * @param problem what is wrong, in words
 * @param checkpointsChecked how many signed checkpoints of this chain were checked (file and database)
 * @param latestCheckpoint the latest of them, if any
 * @param notices what is not a break but worth knowing (no checkpoint yet, an unreadable checkpoint file)
 */
public record Verification(boolean intact, long entriesChecked, @Nullable Tampering tampering, @Nullable Long firstBrokenEntry,
		@Nullable Long firstBrokenPosition, @Nullable String problem, int checkpointsChecked, @Nullable Checkpoint latestCheckpoint,
		List<String> notices) {

	static Verification broken(long entriesChecked, Tampering tampering, @Nullable Long entry, @Nullable Long position, String problem) {
		return new Verification(false, entriesChecked, tampering, entry, position, problem, 0, null, List.of());
	}

	Verification withCheckpoints(int checked, @Nullable Checkpoint latest, List<String> notices) {
		return new Verification(intact, entriesChecked, tampering, firstBrokenEntry, firstBrokenPosition, problem, checked, latest,
				List.copyOf(notices));
	}

	/** One line for people: the command's output and the page. */
	public String summary() {
		var checkpoints = checkpointsChecked == 0 ? "no checkpoint" : checkpointsChecked + " checkpoint(s)";
		if (intact) {
			return "The audit chain is intact: " + entriesChecked + " entries checked against the key and " + checkpoints + ".";
		}
		var where = (firstBrokenEntry != null ? " entry " + firstBrokenEntry : "")
				+ (firstBrokenPosition != null ? (firstBrokenEntry != null ? "," : "") + " position " + firstBrokenPosition : "");
		return "The audit chain is BROKEN (" + tampering + ")" + (where.isEmpty() ? "" : " at" + where) + ": " + problem;
	}
}
