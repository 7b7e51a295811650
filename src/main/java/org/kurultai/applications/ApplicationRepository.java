package org.kurultai.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.shared.AccessLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Application> all() {
		return jdbc.sql("select * from application order by received_on desc, id desc").query((rs, row) -> application(rs)).list();
	}

	Optional<Application> find(long id) {
		return jdbc.sql("select * from application where id = ?").param(id).query((rs, row) -> application(rs)).optional();
	}

	/** The application, its row locked until the transaction ends: proposals and conclusions on it take turns. */
	Optional<Application> lock(long id) {
		return jdbc.sql("select * from application where id = ? for update").param(id).query((rs, row) -> application(rs)).optional();
	}

	/** Another open application of the participant for the status (not granted, not refused). */
	Optional<Application> open(String participant, ParticipantStatus status, long except) {
		return jdbc.sql("select * from application where participant_code = ? and status_sought = ? and outcome is null and id <> ?")
				.params(participant, status.name(), except).query((rs, row) -> application(rs)).optional();
	}

	long insert(String participant, ParticipantStatus status, LocalDate receivedOn, String reference, @Nullable String note, AccessLevel level,
			Instant at, String by) {
		return jdbc.sql("""
				insert into application (participant_code, status_sought, received_on, reference, note, access_level, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(participant, status.name(), receivedOn, reference, note, level.name(), java.sql.Timestamp.from(at), by)
				.query(Long.class).single();
	}

	void outcome(long id, @Nullable ApplicationState outcome, @Nullable Long decision, @Nullable LocalDate on) {
		jdbc.sql("update application set outcome = ?, outcome_decision = ?, outcome_on = ? where id = ?")
				.params(outcome == null ? null : outcome.name(), decision, on, id).update();
	}

	private static Application application(ResultSet rs) throws SQLException {
		var outcome = rs.getString("outcome");
		long decision = rs.getLong("outcome_decision");
		Long outcomeDecision = rs.wasNull() ? null : decision;
		return new Application(rs.getLong("id"), rs.getString("participant_code"), ParticipantStatus.valueOf(rs.getString("status_sought")),
				rs.getObject("received_on", LocalDate.class), rs.getString("reference"), rs.getString("note"),
				AccessLevel.valueOf(rs.getString("access_level")), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
				outcome == null ? null : ApplicationState.valueOf(outcome), outcomeDecision, rs.getObject("outcome_on", LocalDate.class));
	}
}
