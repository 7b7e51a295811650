package org.kurultai.meetings;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MeetingRepository {

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Meetings overlapping [from, to], optionally of one body, in date order, without delegations. */
	List<Meeting> find(@Nullable String body, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select * from meeting where (cast(:body as varchar) is null or body_code = :body)
				  and ends_on >= :from and starts_on <= :to order by starts_on, id""")
				.param("body", body).param("from", from).param("to", to)
				.query((rs, row) -> meeting(rs, List.of())).list();
	}

	Optional<Meeting> find(String id) {
		var delegations = jdbc.sql("select * from delegation where meeting_id = ? order by participant_code").param(id)
				.query((rs, row) -> new Delegation(rs.getString("participant_code"), DelegationLevel.valueOf(rs.getString("level")),
						rs.getString("head"), Sources.of(rs.getArray("sources"))))
				.list();
		return jdbc.sql("select * from meeting where id = ?").param(id).query((rs, row) -> meeting(rs, delegations)).optional();
	}

	/** The access of each of these meetings that exists, in one statement (a list's check of what a viewer may see). */
	Map<String, Access> access(java.util.Collection<String> ids) {
		Map<String, Access> access = new HashMap<>();
		if (ids.isEmpty()) {
			return access;
		}
		jdbc.sql("select id, access_level, access_named from meeting where id = any(?)").param(ids.toArray(new String[0]))
				.query((rs, row) -> access.put(rs.getString("id"), new Access(AccessLevel.valueOf(rs.getString("access_level")),
						java.util.Set.copyOf(strings(rs.getArray("access_named"))))))
				.list();
		return access;
	}

	/** Delegation counts per meeting, for lists. */
	Map<String, Integer> delegationCounts() {
		Map<String, Integer> counts = new HashMap<>();
		jdbc.sql("select meeting_id, count(*) as n from delegation group by meeting_id")
				.query((rs, row) -> counts.put(rs.getString("meeting_id"), rs.getInt("n"))).list();
		return counts;
	}

	boolean exists(String id) {
		return jdbc.sql("select count(*) from meeting where id = ?").param(id).query(Integer.class).single() > 0;
	}

	void save(Meeting meeting, String recordedBy, java.time.Instant recordedAt) {
		jdbc.sql("""
				insert into meeting (id, body_code, number, title, starts_on, ends_on, precision, status, place, online, host,
				  chair, chaired_by, outcomes, sources, note, access_level, access_named, plan_number, registration_closes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(meeting.id(), meeting.body(), meeting.number(), meeting.title(), meeting.from(), meeting.until(),
						meeting.precision().name(), meeting.status().name(), meeting.place(), meeting.online(), meeting.host(),
						meeting.chair(), meeting.chairedBy(), meeting.outcomes().toArray(String[]::new), meeting.sources().toArray(),
						meeting.note(), meeting.access().level().name(), meeting.access().named().stream().sorted().toArray(String[]::new),
						meeting.plan(), utc(meeting.registrationCloses()))
				.update();
		// the meeting's first plan, kept as recorded
		jdbc.sql("""
				insert into meeting_plan (meeting_id, plan_number, starts_on, ends_on, status, place, online, host, registration_closes,
				  reason, recorded_by, recorded_at, sources)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)""")
				.params(meeting.id(), meeting.plan(), meeting.from(), meeting.until(), meeting.status().name(), meeting.place(),
						meeting.online(), meeting.host(), utc(meeting.registrationCloses()), recordedBy, utc(recordedAt), meeting.sources().toArray())
				.update();
		for (var delegation : meeting.delegations()) {
			jdbc.sql("insert into delegation (meeting_id, participant_code, level, head, sources) values (?, ?, ?, ?, ?)")
					.params(meeting.id(), delegation.participant(), delegation.level().name(), delegation.head(),
							delegation.sources().toArray())
					.update();
		}
	}

	/** Takes the meeting's row lock (every writer of its plan or agenda takes it first); false if there is no such meeting. */
	boolean lock(String id) {
		return !jdbc.sql("select id from meeting where id = ? for update").param(id).query(String.class).list().isEmpty();
	}

	List<MeetingPlan> plans(String id) {
		return jdbc.sql("select * from meeting_plan where meeting_id = ? order by plan_number").param(id)
				.query((rs, row) -> new MeetingPlan(rs.getInt("plan_number"), rs.getObject("starts_on", LocalDate.class),
						rs.getObject("ends_on", LocalDate.class), MeetingStatus.valueOf(rs.getString("status")), rs.getString("place"),
						rs.getBoolean("online"), rs.getString("host"), closes(rs), rs.getString("reason"), rs.getString("recorded_by"),
						rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(), Sources.of(rs.getArray("sources"))))
				.list();
	}

	/** When the current (latest) plan of each of these meetings was recorded, in one statement. */
	Map<String, java.time.Instant> currentPlanRecorded(java.util.Collection<String> ids) {
		Map<String, java.time.Instant> recorded = new HashMap<>();
		if (ids.isEmpty()) {
			return recorded;
		}
		jdbc.sql("""
				select distinct on (meeting_id) meeting_id, recorded_at from meeting_plan where meeting_id = any(?)
				 order by meeting_id, plan_number desc""").param(ids.toArray(new String[0]))
				.query((rs, row) -> recorded.put(rs.getString("meeting_id"),
						rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant()))
				.list();
		return recorded;
	}

	/** Keeps a plan of the meeting (never changed afterwards). */
	void savePlan(String meeting, MeetingPlan plan) {
		jdbc.sql("""
				insert into meeting_plan (meeting_id, plan_number, starts_on, ends_on, status, place, online, host, registration_closes,
				  reason, recorded_by, recorded_at, sources)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(meeting, plan.number(), plan.from(), plan.until(), plan.status().name(), plan.place(), plan.online(), plan.host(),
						utc(plan.registrationCloses()), plan.reason(), plan.recordedBy(), utc(plan.recordedAt()), plan.sources().toArray())
				.update();
	}

	/** The meeting row follows its current plan. */
	void updateCurrent(Meeting meeting) {
		jdbc.sql("""
				update meeting set plan_number = ?, starts_on = ?, ends_on = ?, precision = ?, status = ?, place = ?, online = ?,
				  host = ?, registration_closes = ? where id = ?""")
				.params(meeting.plan(), meeting.from(), meeting.until(), meeting.precision().name(), meeting.status().name(),
						meeting.place(), meeting.online(), meeting.host(), utc(meeting.registrationCloses()), meeting.id())
				.update();
	}

	/** The meeting's agenda versions, oldest first, each with its items. */
	List<Agenda> agendas(String meeting) {
		var items = new HashMap<Integer, List<AgendaItem>>();
		jdbc.sql("select * from agenda_item where meeting_id = ? order by version, position").param(meeting)
				.query((rs, row) -> items.computeIfAbsent(rs.getInt("version"), v -> new ArrayList<>())
						.add(new AgendaItem(rs.getInt("position"), rs.getString("title"), AgendaItemStatus.valueOf(rs.getString("status")),
								strings(rs.getArray("documents")), longs(rs.getArray("decisions")))))
				.list();
		return jdbc.sql("select * from agenda_version where meeting_id = ? order by version").param(meeting)
				.query((rs, row) -> new Agenda(meeting, rs.getInt("version"), rs.getBoolean("adopted"),
						items.getOrDefault(rs.getInt("version"), List.of()), rs.getString("reason"), rs.getString("recorded_by"),
						rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant()))
				.list();
	}

	void saveAgenda(Agenda agenda) {
		jdbc.sql("insert into agenda_version (meeting_id, version, adopted, reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?)")
				.params(agenda.meeting(), agenda.version(), agenda.adopted(), agenda.reason(), agenda.recordedBy(), utc(agenda.recordedAt()))
				.update();
		for (var item : agenda.items()) {
			jdbc.sql("""
					insert into agenda_item (meeting_id, version, position, title, status, documents, decisions)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(agenda.meeting(), agenda.version(), item.number(), item.title(), item.status().name(),
							item.documents().toArray(String[]::new), item.decisions().toArray(Long[]::new))
					.update();
		}
	}

	private static List<Long> longs(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : List.of((Long[]) array.getArray());
	}

	private static java.time.@Nullable OffsetDateTime utc(java.time.@Nullable Instant instant) {
		return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
	}

	private static Meeting meeting(java.sql.ResultSet rs, List<Delegation> delegations) throws SQLException {
		var number = rs.getObject("number", Integer.class);
		return new Meeting(rs.getString("id"), rs.getString("body_code"), number, rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), MeetingStatus.valueOf(rs.getString("status")),
				rs.getString("place"), rs.getBoolean("online"), rs.getString("host"), rs.getString("chair"),
				rs.getString("chaired_by"), strings(rs.getArray("outcomes")), delegations, Sources.of(rs.getArray("sources")),
				rs.getString("note"), new Access(AccessLevel.valueOf(rs.getString("access_level")),
						java.util.Set.copyOf(strings(rs.getArray("access_named")))), rs.getInt("plan_number"), closes(rs));
	}

	private static java.time.@Nullable Instant closes(java.sql.ResultSet rs) throws SQLException {
		var closes = rs.getObject("registration_closes", java.time.OffsetDateTime.class);
		return closes == null ? null : closes.toInstant();
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : new ArrayList<>(List.of((String[]) array.getArray()));
	}

}
