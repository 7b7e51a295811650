package org.kurultai.meetings;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/** A participant's delegation to a meeting: at which level it came and who led it. */
public record Delegation(String participant, DelegationLevel level, @Nullable String head, Sources sources) {
}
