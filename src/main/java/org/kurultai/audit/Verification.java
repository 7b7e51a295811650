package org.kurultai.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the audit chain: intact, or the first entry whose hash or link does not
 * hold, with what is wrong with it.
 */
public record Verification(boolean intact, long entriesChecked, @Nullable Long firstBrokenEntry, @Nullable String problem) {
}
