package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;

/**
 * The rules of a meeting's plans, without storage: what the next plan is when a change is asked, and the default
 * registration deadline.
 * <ul>
 * <li>A change needs its reason.</li>
 * <li>Only a planned meeting changes: a cancelled one stays cancelled, and one already held (or not held as planned) is
 * history — its plans are what happened (choice: a held meeting's record is corrected through the reference data's
 * migrations, not by a new plan).</li>
 * <li>Fields left out keep the current plan's value; a meeting whose first day moves and whose last day is not given
 * keeps its length (a postponement moves both).</li>
 * <li>The new plan is PLANNED if its first day is after today, HELD otherwise, CANCELLED when cancelled.</li>
 * <li>A plan saying nothing new is refused; so is a registration deadline after the meeting's first day.</li>
 * </ul>
 */
public final class MeetingPlans {

	/** The first instant a registration deadline may be (the records speak of years 1 to 9999). */
	static final Instant FIRST_INSTANT = org.kurultai.shared.DateSpan.BEGINNING.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

	/** The longest reason kept. */
	public static final int REASON_LENGTH = 2000;

	/** The longest title and place kept (as the API's requests say: the pages reach the rule without their limits). */
	public static final int TITLE_LENGTH = 300;
	public static final int PLACE_LENGTH = 200;

	private MeetingPlans() {
	}

	/** The meeting on its next plan, or the refusal of the change. */
	public static Meeting next(Meeting current, PlanChange change, LocalDate today, ZoneId zone) {
		var reason = change.reason() == null ? "" : change.reason().strip();
		if (reason.isEmpty()) {
			throw InvalidRequest.of("reason", "problem.meeting.plan.reasonRequired");
		}
		if (reason.length() > REASON_LENGTH) {
			throw InvalidRequest.of("reason", "problem.meeting.plan.reasonTooLong", REASON_LENGTH);
		}
		plain("reason", reason, true);
		if (current.status() == MeetingStatus.CANCELLED) {
			throw new PlanClosed("problem.meeting.plan.cancelled", current.id());
		}
		if (current.status() != MeetingStatus.PLANNED) {
			throw new PlanClosed("problem.meeting.plan.held", current.id());
		}
		var from = change.from() == null ? current.from() : change.from();
		var until = change.until() != null ? change.until()
				: change.from() == null ? current.until() : from.plusDays(current.until().toEpochDay() - current.from().toEpochDay());
		within("from", from);
		within("until", until);
		if (until.isBefore(from)) {
			throw InvalidRequest.of("until", "problem.meeting.endsBeforeStart", until, from);
		}
		var online = change.online() == null ? current.online() : change.online();
		var place = change.place() == null ? current.place() : blankToNull(change.place());
		if (online) {
			place = null;
		}
		if (change.place() != null && place != null) {
			place(place);
		}
		var host = change.host() == null ? current.host() : blankToNull(change.host());
		host = host == null ? null : host.toUpperCase(Locale.ROOT);
		if (change.host() != null && host != null && !isCode(host)) {
			throw InvalidRequest.of("host", "problem.participant.unknown", change.host());
		}
		var closes = change.registrationCloses() == null ? current.registrationCloses() : change.registrationCloses();
		if (closes != null && (closes.isAfter(endOf(from, zone)) || closes.isBefore(FIRST_INSTANT))) {
			throw InvalidRequest.of(change.registrationCloses() == null ? "from" : "registrationCloses",
					"problem.meeting.plan.registrationAfterStart", closes, from);
		}
		var status = Boolean.TRUE.equals(change.cancelled()) ? MeetingStatus.CANCELLED
				: from.isAfter(today) ? MeetingStatus.PLANNED : MeetingStatus.HELD;
		if (from.equals(current.from()) && until.equals(current.until()) && online == current.online()
				&& Objects.equals(place, current.place()) && Objects.equals(host, current.host())
				&& Objects.equals(closes, current.registrationCloses()) && status == current.status()) {
			throw new PlanClosed("problem.meeting.plan.unchanged", current.id());
		}
		return new Meeting(current.id(), current.body(), current.number(), current.title(), from, until,
				from.equals(current.from()) ? current.precision() : org.kurultai.shared.DatePrecision.DAY, status, place, online, host,
				current.chair(), current.chairedBy(), current.outcomes(), current.delegations(), current.sources(), current.note(),
				current.access(), current.plan() + 1, closes);
	}

	/**
	 * The default deadline for delegations to register: the end of the day {@code before} the meeting's first day, in the
	 * forum's time zone (CICA: seven days before, configurable as {@code kurultai.forum.meetings.registration-closes-before}).
	 */
	public static Instant defaultRegistrationCloses(LocalDate from, Period before, ZoneId zone) {
		return endOf(from.minus(before), zone);
	}

	/** A meeting's day lies in the years the records speak of (1 to 9999). */
	static void within(String field, LocalDate day) {
		if (day.isBefore(org.kurultai.shared.DateSpan.BEGINNING) || day.isAfter(org.kurultai.shared.DateSpan.END.minusDays(1))) {
			throw InvalidRequest.of(field, "problem.registry.dateOutside", day, org.kurultai.shared.DateSpan.BEGINNING,
					org.kurultai.shared.DateSpan.END);
		}
	}

	/** A meeting's place as kept: at most {@link #PLACE_LENGTH} characters, on one line. */
	static void place(String place) {
		if (place.length() > PLACE_LENGTH) {
			throw InvalidRequest.of("place", "problem.meeting.placeTooLong", PLACE_LENGTH);
		}
		plain("place", place, false);
	}

	/**
	 * Refuses a text holding control characters (a NUL the database cannot keep, a line break in what mails' subjects and
	 * calendar lines carry); {@code lines}: a text that may run over lines (a reason) may hold line breaks and tabs.
	 */
	static void plain(String field, String text, boolean lines) {
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t')))) {
			throw InvalidRequest.of(field, "problem.meeting.controlCharacters");
		}
	}

	/** Whether the text has the shape of a participant's code (2 to 10 letters, any case). */
	static boolean isCode(String text) {
		return text.strip().toUpperCase(Locale.ROOT).matches("[A-Z]{2,10}");
	}

	/** The end of a day in the forum's zone (the first instant of the next day). */
	static Instant endOf(LocalDate day, ZoneId zone) {
		return day.plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	/** A plan that cannot change: the meeting is cancelled or held, or the change says nothing new. */
	public static class PlanClosed extends RuleViolation {

		PlanClosed(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "meeting-plan";
		}
	}
}
