package org.kurultai.cbm;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;

/**
 * A State's return under an exchange type: for a reference year, or about an activity; with its
 * answers (or nil: nothing to declare), the visibility the State chose, whether it came late, and
 * the Secretariat's acknowledgement of receipt.
 */
public record ExchangeSubmission(long id, String type, String participant, @Nullable Integer referenceYear, @Nullable String activity,
		@Nullable Instant activityStartsAt, @Nullable String activityZone, Instant dueAt, Map<String, String> answers, boolean nil,
		AccessLevel visibility, Instant submittedAt, @Nullable String submittedBy, boolean late, @Nullable Instant acknowledgedAt,
		@Nullable String acknowledgedBy) {

	public ExchangeSubmission {
		answers = Map.copyOf(answers);
	}

	/** A State's return: its acting delegation reads it, and whoever the visibility it chose admits. */
	public Access access() {
		return Access.owned(participant, visibility);
	}

	/** The return as one who may not know who submitted it for the State, or who acknowledged it, sees it. */
	public ExchangeSubmission withoutPeople() {
		return new ExchangeSubmission(id, type, participant, referenceYear, activity, activityStartsAt, activityZone, dueAt, answers, nil,
				visibility, submittedAt, null, late, acknowledgedAt, null);
	}

	public boolean acknowledged() {
		return acknowledgedAt != null;
	}
}
