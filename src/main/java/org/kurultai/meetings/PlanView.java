package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A meeting's plan as the API shows it: who recorded it only to the Secretariat (null for everyone else). */
public record PlanView(int number, LocalDate from, LocalDate until, @Nullable String place, boolean online, @Nullable String host,
		MeetingStatus status, @Nullable Instant registrationCloses, @Nullable String reason, Instant recordedAt,
		@Nullable String recordedBy) {

	public static PlanView of(MeetingPlan plan, boolean knowsWho) {
		return new PlanView(plan.number(), plan.from(), plan.until(), plan.place(), plan.online(), plan.host(), plan.status(),
				plan.registrationCloses(), plan.reason(), plan.recordedAt(), knowsWho ? plan.recordedBy() : null);
	}
}
