package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Capacity;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was present at a meeting, per day: the Secretariat records each day's list (expected participants only, a day of
 * the meeting only), replacing what it recorded before for that day (audited with both). A decision taken at the
 * meeting takes the day's list as its "present" list when the proposal gives none ({@link #presentOn}).
 */
@Service
@Transactional(readOnly = true)
public class Attendance {

	private final RegistrationRepository repository;
	private final Registrations registrations;
	private final RegistrationPolicy policy;
	private final Meetings meetings;
	private final ActingRights rights;
	private final AuditLog audit;
	private final ForumClock clock;

	Attendance(RegistrationRepository repository, Registrations registrations, RegistrationPolicy policy, Meetings meetings,
			ActingRights rights, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.registrations = registrations;
		this.policy = policy;
		this.meetings = meetings;
		this.rights = rights;
		this.audit = audit;
		this.clock = clock;
	}

	/** One day of a meeting: whether its attendance is recorded, who was present (codes), by whom and when. */
	public record Day(LocalDate day, boolean recorded, List<String> present, @Nullable String recordedBy, @Nullable Instant recordedAt) {

		public Day {
			present = List.copyOf(present);
		}
	}

	/** Every day of the meeting, recorded or not (no access check: callers read the meeting first). */
	public List<Day> days(Meeting meeting) {
		var recorded = repository.attendance(meeting.id());
		var days = new ArrayList<Day>();
		for (var day = meeting.from(); !day.isAfter(meeting.until()); day = day.plusDays(1)) {
			var entry = recorded.get(day);
			days.add(entry == null ? new Day(day, false, List.of(), null, null)
					: new Day(day, true, entry.present(), entry.recordedBy(), entry.recordedAt()));
		}
		return days;
	}

	/** The participants recorded present at the meeting on that day, if the day's attendance is recorded. */
	public Optional<List<String>> presentOn(String meeting, LocalDate day) {
		var entry = repository.attendance(meeting).get(day);
		return entry == null ? Optional.empty() : Optional.of(List.copyOf(entry.present()));
	}

	/** Whether the account may record attendance (the Secretariat): the page's form and the command ask here. */
	public boolean mayRecord(Account account, Meeting meeting) {
		return rights.of(account, clock.today()).capacity() == Capacity.SECRETARIAT && meeting.status() != MeetingStatus.CANCELLED;
	}

	/** The Secretariat records who was present on a day of the meeting, replacing that day's list. */
	@Transactional
	public Day record(Account actor, String meetingId, @Nullable LocalDate day, @Nullable List<String> present) {
		var meeting = registrations.meeting(meetingId, actor);
		if (rights.of(actor, clock.today()).capacity() != Capacity.SECRETARIAT) {
			throw NotAllowed.of("problem.attendance.onlySecretariat");
		}
		if (day == null) {
			throw InvalidRequest.of("day", "problem.attendance.dayNeeded");
		}
		repository.lockMeeting(meeting.id());
		meeting = meetings.meeting(meeting.id());
		if (meeting.status() == MeetingStatus.CANCELLED) {
			throw new RegistrationPolicy.RegistrationRefused("problem.attendance.cancelled", meeting.id());
		}
		if (day.isBefore(meeting.from()) || day.isAfter(meeting.until())) {
			throw InvalidRequest.of("day", "problem.attendance.notADay", day, meeting.from(), meeting.until());
		}
		var expected = policy.expected(meeting).stream().map(ExpectedParticipant::code).toList();
		var codes = new ArrayList<String>();
		for (var code : present == null ? List.<String>of() : present) {
			var normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
			if (!expected.contains(normalized)) {
				throw InvalidRequest.of("present", "problem.attendance.notExpected", String.valueOf(code));
			}
			if (!codes.contains(normalized)) {
				codes.add(normalized);
			}
		}
		codes.sort(null);
		var before = repository.attendance(meeting.id()).get(day);
		repository.recordAttendance(meeting.id(), day, codes, actor.email(), clock.now());
		audit.record(new Act(actor.email(), actor.actsFor(), "meeting.attendance-recorded", "meeting:" + meeting.id(),
				before == null ? null : summary(day, before.present()), summary(day, codes)));
		return days(meeting).stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow();
	}

	private static Map<String, Object> summary(LocalDate day, List<String> present) {
		var summary = new LinkedHashMap<String, Object>();
		summary.put("day", day.toString());
		summary.put("present", List.copyOf(present));
		return summary;
	}
}
