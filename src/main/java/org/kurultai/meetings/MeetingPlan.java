package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * One plan of a meeting as it was recorded: its days, place or online, host, registration deadline and status (planned,
 * held, cancelled) then; for every plan after the first, why it changed. Plans are kept: a change adds a plan, never
 * rewrites one. {@code recordedBy} (who acted) is the Secretariat's to know; read paths leave it out for others.
 */
public record MeetingPlan(int number, LocalDate from, LocalDate until, MeetingStatus status, @Nullable String place, boolean online,
		@Nullable String host, @Nullable Instant registrationCloses, @Nullable String reason, String recordedBy, Instant recordedAt,
		Sources sources) {

	/** Whether this plan says the same as another: days, place, online, host, deadline and status. */
	public boolean samePlanAs(MeetingPlan other) {
		return from.equals(other.from) && until.equals(other.until) && status == other.status
				&& java.util.Objects.equals(place, other.place) && online == other.online && java.util.Objects.equals(host, other.host)
				&& java.util.Objects.equals(registrationCloses, other.registrationCloses);
	}
}
