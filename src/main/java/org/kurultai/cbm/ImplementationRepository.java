package org.kurultai.cbm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImplementationRepository {

	private final JdbcClient jdbc;

	ImplementationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CbmEvent> events() {
		return jdbc.sql("select * from cbm_event order by starts_on, id").query((rs, row) -> event(rs)).list();
	}

	boolean eventExists(String id) {
		return jdbc.sql("select count(*) from cbm_event where id = ?").param(id).query(Integer.class).single() > 0;
	}

	void insert(CbmEvent event, String recordedBy) {
		jdbc.sql("""
				insert into cbm_event (id, title, kind, priority_area, host, by_chairmanship, starts_on, ends_on, precision, place, online,
				  participating, outcome_documents, sources, note, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(event.id(), event.title(), event.kind().name(), event.priorityArea(), event.host(), event.byChairmanship(), event.from(),
						event.until(), event.precision().name(), event.place(), event.online(), event.participating().toArray(String[]::new),
						event.outcomeDocuments().toArray(String[]::new), event.sources().toArray(), event.note(), recordedBy)
				.update();
	}

	/** The report of a State for a year and area, locked for a new revision; made (empty) if none yet. */
	long lockReport(String participant, String area, int year, Instant dueAt) {
		jdbc.sql("""
				insert into implementation_report (participant, priority_area, year, due_at) values (?, ?, ?, ?)
				on conflict (participant, priority_area, year) do nothing""")
				.params(participant, area, year, utc(dueAt)).update();
		return jdbc.sql("select id from implementation_report where participant = ? and priority_area = ? and year = ? for update")
				.params(participant, area, year).query(Long.class).single();
	}

	void insert(long report, ImplementationReport.Revision revision) {
		jdbc.sql("""
				insert into report_revision (report_id, number, kind, nil, text, saved_at, saved_by, late)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(report, revision.number(), revision.kind().name(), revision.nil(), revision.text(), utc(revision.savedAt()),
						revision.savedBy(), revision.late())
				.update();
	}

	List<ImplementationReport> reports(@Nullable String participant, @Nullable Integer year) {
		var reports = jdbc.sql("""
				select * from implementation_report where (cast(:participant as varchar) is null or participant = :participant)
				  and (cast(:year as integer) is null or year = :year) order by year, participant, priority_area""")
				.param("participant", participant).param("year", year)
				.query((rs, row) -> new Object[] { rs.getLong("id"), rs.getString("participant"), rs.getString("priority_area"),
						rs.getInt("year"), rs.getObject("due_at", OffsetDateTime.class).toInstant() })
				.list();
		if (reports.isEmpty()) {
			return List.of();
		}
		var ids = reports.stream().map(r -> (Long) r[0]).toList();
		var revisions = new java.util.HashMap<Long, List<ImplementationReport.Revision>>();
		jdbc.sql("select * from report_revision where report_id in (:ids) order by report_id, number").param("ids", ids)
				.query((rs, row) -> revisions.computeIfAbsent(rs.getLong("report_id"), k -> new java.util.ArrayList<>())
						.add(new ImplementationReport.Revision(rs.getInt("number"), ImplementationReport.Kind.valueOf(rs.getString("kind")),
								rs.getBoolean("nil"), rs.getString("text"), rs.getObject("saved_at", OffsetDateTime.class).toInstant(),
								rs.getString("saved_by"), rs.getBoolean("late"))))
				.list();
		return reports.stream().map(r -> new ImplementationReport((Long) r[0], (String) r[1], (String) r[2], (Integer) r[3], (Instant) r[4],
				revisions.getOrDefault((Long) r[0], List.of()))).toList();
	}

	Optional<ImplementationReport> report(long id) {
		var participant = jdbc.sql("select participant, year from implementation_report where id = ?").param(id)
				.query((rs, row) -> new Object[] { rs.getString("participant"), rs.getInt("year") }).optional();
		return participant.flatMap(p -> reports((String) p[0], (Integer) p[1]).stream().filter(r -> r.id() == id).findFirst());
	}

	private static CbmEvent event(ResultSet rs) throws SQLException {
		return new CbmEvent(rs.getString("id"), rs.getString("title"), CbmEvent.Kind.valueOf(rs.getString("kind")), rs.getString("priority_area"),
				rs.getString("host"), rs.getBoolean("by_chairmanship"), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), DatePrecision.valueOf(rs.getString("precision")), rs.getString("place"),
				rs.getBoolean("online"), Arrays.asList((String[]) rs.getArray("participating").getArray()),
				Arrays.asList((String[]) rs.getArray("outcome_documents").getArray()), Sources.of(rs.getArray("sources")), rs.getString("note"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
