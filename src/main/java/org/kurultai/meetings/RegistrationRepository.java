package org.kurultai.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered delegations, attendance and registration reminders: this part of the meetings module's tables. */
@Repository
class RegistrationRepository {

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the meeting's row: registrations and attendance of one meeting are written one at a time. */
	boolean lockMeeting(String meeting) {
		return !jdbc.sql("select id from meeting where id = ? for update").param(meeting).query(String.class).list().isEmpty();
	}

	List<RegisteredDelegation> registrations(String meeting) {
		Map<String, List<RegisteredDelegation.Delegate>> delegates = new TreeMap<>();
		jdbc.sql("""
				select d.*, a.email from registered_delegate d join account a on a.id = d.account_id
				where d.meeting_id = ? order by d.participant_code, d.position""").param(meeting)
				.query((rs, row) -> delegates.computeIfAbsent(rs.getString("participant_code"), code -> new ArrayList<>()).add(delegate(rs)))
				.list();
		return jdbc.sql("select * from delegation_registration where meeting_id = ? order by participant_code").param(meeting)
				.query((rs, row) -> new RegisteredDelegation(meeting, rs.getString("participant_code"), rs.getString("registered_by"),
						instant(rs, "registered_at"), instant(rs, "updated_at"),
						delegates.getOrDefault(rs.getString("participant_code"), List.of())))
				.list();
	}

	Optional<RegisteredDelegation> registration(String meeting, String participant) {
		return registrations(meeting).stream().filter(r -> r.participant().equals(participant)).findFirst();
	}

	/** Writes the participant's delegation, replacing what was registered before (its first registration's who and when kept). */
	void replace(String meeting, String participant, List<RegisteredDelegation.Delegate> delegates, String by, Instant at) {
		int updated = jdbc.sql("update delegation_registration set updated_at = ? where meeting_id = ? and participant_code = ?")
				.params(utc(at), meeting, participant).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into delegation_registration (meeting_id, participant_code, registered_by, registered_at, updated_at)
					values (?, ?, ?, ?, ?)""").params(meeting, participant, by, utc(at), utc(at)).update();
		}
		jdbc.sql("delete from registered_delegate where meeting_id = ? and participant_code = ?").params(meeting, participant).update();
		int position = 0;
		for (var delegate : delegates) {
			jdbc.sql("""
					insert into registered_delegate (meeting_id, participant_code, position, role, account_id, name, title, level)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(meeting, participant, position++, delegate.role().name(), delegate.account(), delegate.name(), delegate.title(),
							delegate.level() == null ? null : delegate.level().name())
					.update();
		}
	}

	/** The recorded days of attendance: day → the participants present, in code order. */
	Map<LocalDate, Recorded> attendance(String meeting) {
		var days = new LinkedHashMap<LocalDate, Recorded>();
		jdbc.sql("select * from attendance_day where meeting_id = ? order by day").param(meeting)
				.query((rs, row) -> days.put(rs.getObject("day", LocalDate.class),
						new Recorded(rs.getObject("day", LocalDate.class), new ArrayList<>(), rs.getString("recorded_by"), instant(rs, "recorded_at"))))
				.list();
		jdbc.sql("select day, participant_code from attendance_present where meeting_id = ? order by day, participant_code").param(meeting)
				.query((rs, row) -> days.get(rs.getObject("day", LocalDate.class)).present().add(rs.getString("participant_code"))).list();
		return days;
	}

	void recordAttendance(String meeting, LocalDate day, List<String> present, String by, Instant at) {
		jdbc.sql("delete from attendance_day where meeting_id = ? and day = ?").params(meeting, day).update();
		jdbc.sql("insert into attendance_day (meeting_id, day, recorded_by, recorded_at) values (?, ?, ?, ?)").params(meeting, day, by, utc(at))
				.update();
		for (var code : present) {
			jdbc.sql("insert into attendance_present (meeting_id, day, participant_code) values (?, ?, ?)").params(meeting, day, code).update();
		}
	}

	/**
	 * Claims one meeting whose registration deadline lies in (now, now + window], not yet reminded for that deadline, not
	 * cancelled and not over: its row stays locked until the caller's transaction ends; a row another instance holds is
	 * skipped.
	 */
	Optional<String> claimDueReminder(Instant now, Instant horizon, LocalDate today) {
		return jdbc.sql("""
				select id from meeting
				where registration_closes is not null and registration_closes > ? and registration_closes <= ?
				  and status <> 'CANCELLED' and ends_on >= ?
				  and registration_reminded_for is distinct from registration_closes
				order by registration_closes, id
				limit 1
				for update skip locked""").params(utc(now), utc(horizon), today).query(String.class).optional();
	}

	void markReminded(String meeting, Instant closes) {
		jdbc.sql("update meeting set registration_reminded_for = ? where id = ?").params(utc(closes), meeting).update();
	}

	record Recorded(LocalDate day, List<String> present, String recordedBy, Instant recordedAt) {
	}

	private static RegisteredDelegation.Delegate delegate(ResultSet rs) throws SQLException {
		var level = rs.getString("level");
		return new RegisteredDelegation.Delegate(DelegateRole.valueOf(rs.getString("role")), rs.getObject("account_id", UUID.class),
				rs.getString("email"), rs.getString("name"), rs.getString("title"), level == null ? null : DelegationLevel.valueOf(level));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
