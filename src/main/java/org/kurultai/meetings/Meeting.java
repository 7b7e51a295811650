package org.kurultai.meetings;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A meeting of a body. An online meeting has no place; a meeting lasts one or more whole days
 * ({@code until} is its last day); a delegation appears once. Its access level says who may know
 * of it: most meetings are public, a closed one is seen only by those its level admits. {@code plan} numbers
 * the meeting's current plan (1 until it is first changed; every plan is kept in {@code meeting_plan}, and a calendar
 * feed's SEQUENCE follows it); {@code registrationCloses} is the deadline for delegations to register, if any.
 */
public record Meeting(String id, String body, @Nullable Integer number, String title, LocalDate from, LocalDate until,
		DatePrecision precision, MeetingStatus status, @Nullable String place, boolean online, @Nullable String host,
		@Nullable String chair, @Nullable String chairedBy, List<String> outcomes, List<Delegation> delegations, Sources sources,
		@Nullable String note, Access access, int plan, java.time.@Nullable Instant registrationCloses) {

	/** A meeting on its first plan, without a registration deadline (the forum's history). */
	public Meeting(String id, String body, @Nullable Integer number, String title, LocalDate from, LocalDate until,
			DatePrecision precision, MeetingStatus status, @Nullable String place, boolean online, @Nullable String host,
			@Nullable String chair, @Nullable String chairedBy, List<String> outcomes, List<Delegation> delegations, Sources sources,
			@Nullable String note, Access access) {
		this(id, body, number, title, from, until, precision, status, place, online, host, chair, chairedBy, outcomes, delegations,
				sources, note, access, 1, null);
	}

	public Meeting {
		if (plan < 1) {
			throw new MeetingInvalid("problem.meeting.plan", id);
		}
		if (until.isBefore(from)) {
			throw new MeetingInvalid("problem.meeting.invalidDays", id, until, from);
		}
		if (number != null && number < 1) {
			throw new MeetingInvalid("problem.meeting.number", id);
		}
		if (delegations.stream().map(Delegation::participant).distinct().count() != delegations.size()) {
			throw new MeetingInvalid("problem.meeting.delegationTwice", id);
		}
		outcomes = List.copyOf(outcomes);
		delegations = List.copyOf(delegations);
	}

	public boolean overlaps(LocalDate start, LocalDate end) {
		return !until.isBefore(start) && !from.isAfter(end);
	}

	/** A meeting's own data is inconsistent. */
	public static class MeetingInvalid extends RuleViolation {

		MeetingInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "meeting-invalid";
		}
	}
}
