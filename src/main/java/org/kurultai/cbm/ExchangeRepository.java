package org.kurultai.cbm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ExchangeRepository {

	private static final TypeReference<List<ExchangeType.Field>> FIELDS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ExchangeRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<ExchangeType> types() {
		return jdbc.sql("select * from exchange_type order by code").query((rs, row) -> type(rs)).list();
	}

	boolean typeExists(String code) {
		return jdbc.sql("select count(*) from exchange_type where code = ?").param(code).query(Integer.class).single() > 0;
	}

	void insert(ExchangeType type) {
		jdbc.sql("""
				insert into exchange_type (code, title, schedule, due, lead_days, fields, visibilities, default_visibility, priority_area, measure,
				  sources, note) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)""")
				.params(type.code(), type.title(), type.schedule().name(), type.due() == null ? null : type.due().toString(), type.leadDays(),
						json.writeValueAsString(type.fields()), type.visibilities().stream().map(Enum::name).toArray(String[]::new),
						type.defaultVisibility().name(), type.priorityArea(), type.measure(), type.sources().toArray(), type.note())
				.update();
	}

	long insert(ExchangeSubmission submission) {
		return jdbc.sql("""
				insert into exchange_submission (type_code, participant, reference_year, activity, activity_starts_at, activity_zone, due_at,
				  answers, nil, visibility, submitted_at, submitted_by, late)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
				on conflict (type_code, participant, reference_year) where reference_year is not null do nothing returning id""")
				.params(submission.type(), submission.participant(), submission.referenceYear(), submission.activity(),
						submission.activityStartsAt() == null ? null : utc(submission.activityStartsAt()), submission.activityZone(),
						utc(submission.dueAt()), json.writeValueAsString(submission.answers()), submission.nil(), submission.visibility().name(),
						utc(submission.submittedAt()), submission.submittedBy(), submission.late())
				.query(Long.class).optional().orElse(-1L);
	}

	/** Acknowledges receipt once: false if it was already acknowledged. */
	boolean acknowledge(long id, Instant at, String by) {
		return jdbc.sql("update exchange_submission set acknowledged_at = ?, acknowledged_by = ? where id = ? and acknowledged_at is null")
				.params(utc(at), by, id).update() == 1;
	}

	List<ExchangeSubmission> submissions(@Nullable String type, @Nullable String participant, @Nullable Integer year) {
		return jdbc.sql("""
				select * from exchange_submission where (cast(:type as varchar) is null or type_code = :type)
				  and (cast(:participant as varchar) is null or participant = :participant)
				  and (cast(:year as integer) is null or reference_year = :year or extract(year from activity_starts_at) = :year)
				order by submitted_at, id""")
				.param("type", type).param("participant", participant).param("year", year).query((rs, row) -> submission(rs)).list();
	}

	Optional<ExchangeSubmission> submission(long id) {
		return jdbc.sql("select * from exchange_submission where id = ?").param(id).query((rs, row) -> submission(rs)).optional();
	}

	private ExchangeType type(ResultSet rs) throws SQLException {
		var due = rs.getString("due");
		int lead = rs.getInt("lead_days");
		Integer leadDays = rs.wasNull() ? null : lead;
		return new ExchangeType(rs.getString("code"), rs.getString("title"), ExchangeType.Schedule.valueOf(rs.getString("schedule")),
				due == null ? null : MonthDay.parse(due), leadDays, json.readValue(rs.getString("fields"), FIELDS),
				Arrays.stream((String[]) rs.getArray("visibilities").getArray()).map(AccessLevel::valueOf).toList(),
				AccessLevel.valueOf(rs.getString("default_visibility")), rs.getString("priority_area"), rs.getString("measure"),
				Sources.of(rs.getArray("sources")), rs.getString("note"));
	}

	private ExchangeSubmission submission(ResultSet rs) throws SQLException {
		int year = rs.getInt("reference_year");
		Integer referenceYear = rs.wasNull() ? null : year;
		var starts = rs.getObject("activity_starts_at", OffsetDateTime.class);
		var acknowledged = rs.getObject("acknowledged_at", OffsetDateTime.class);
		return new ExchangeSubmission(rs.getLong("id"), rs.getString("type_code"), rs.getString("participant"), referenceYear,
				rs.getString("activity"), starts == null ? null : starts.toInstant(), rs.getString("activity_zone"),
				rs.getObject("due_at", OffsetDateTime.class).toInstant(), json.readValue(rs.getString("answers"), ANSWERS), rs.getBoolean("nil"),
				AccessLevel.valueOf(rs.getString("visibility")), rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
				rs.getString("submitted_by"), rs.getBoolean("late"), acknowledged == null ? null : acknowledged.toInstant(),
				rs.getString("acknowledged_by"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
