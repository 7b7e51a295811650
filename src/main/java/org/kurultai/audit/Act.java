package org.kurultai.audit;

import org.jspecify.annotations.Nullable;

/**
 * A write to be audited: who did it, for whom, what, to which record, and the record before and
 * after (any JSON-serializable value; only its digest is kept).
 */
public record Act(String actor, String onBehalfOf, String action, String subject, @Nullable Object before,
		@Nullable Object after) {

	/** Acts of the platform itself, such as loading the reference data. */
	public static final String SYSTEM = "system";

	public Act {
		if (actor.isBlank() || onBehalfOf.isBlank() || action.isBlank() || subject.isBlank()) {
			throw new IllegalArgumentException("An audited act names who, for whom, what and which record");
		}
	}
}
