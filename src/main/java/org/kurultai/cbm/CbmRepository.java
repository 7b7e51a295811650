package org.kurultai.cbm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CbmRepository {

	private static final TypeReference<List<Dimension>> DIMENSIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CbmRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<CatalogueEdition> editions() {
		return jdbc.sql("select * from catalogue_edition order by adopted_on, code").query((rs, row) -> edition(rs)).list();
	}

	boolean exists(String code) {
		return jdbc.sql("select count(*) from catalogue_edition where code = ?").param(code).query(Integer.class).single() > 0;
	}

	void insert(CatalogueEdition edition) {
		jdbc.sql("""
				insert into catalogue_edition (code, title, adopted_on, precision, adopted_by, meeting_id, document_id, sources, note, content)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
				.params(edition.code(), edition.title(), edition.adoptedOn(), edition.precision().name(), edition.adoptedBy(), edition.meeting(),
						edition.document(), edition.sources().toArray(), edition.note(), json.writeValueAsString(edition.dimensions()))
				.update();
	}

	List<Coordination> coordinations() {
		return jdbc.sql("select * from coordination order by priority_area, role, starts_on, participant")
				.query((rs, row) -> new Coordination(rs.getString("priority_area"), rs.getString("participant"),
						CoordinatorRole.valueOf(rs.getString("role")), rs.getObject("starts_on", LocalDate.class),
						DatePrecision.valueOf(rs.getString("precision")), rs.getObject("ends_on", LocalDate.class), Sources.of(rs.getArray("sources")),
						rs.getString("note")))
				.list();
	}

	void insert(Coordination coordination) {
		jdbc.sql("""
				insert into coordination (priority_area, participant, role, starts_on, precision, ends_on, sources, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(coordination.priorityArea(), coordination.participant(), coordination.role().name(), coordination.from(),
						coordination.precision().name(), coordination.until(), coordination.sources().toArray(), coordination.note())
				.update();
	}

	/** Serializes changes to one State's commitments (the participant's row lock). */
	void lockParticipant(String participant) {
		jdbc.sql("select code from participant where code = ? for update").param(participant).query(String.class).optional();
	}

	List<CommitmentChange> changes(@Nullable String participant) {
		return jdbc.sql("select * from commitment_change where (cast(:participant as varchar) is null or participant = :participant) order by effective_on, id")
				.param("participant", participant).query((rs, row) -> change(rs)).list();
	}

	long insert(CommitmentChange change) {
		return jdbc.sql("""
				insert into commitment_change (participant, priority_area, measure, kind, effective_on, recorded_at, recorded_by, written_request, note)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(change.participant(), change.priorityArea(), change.measure(), change.kind().name(), change.effectiveOn(),
						OffsetDateTime.ofInstant(change.recordedAt(), ZoneOffset.UTC), change.recordedBy(), change.writtenRequest(), change.note())
				.query(Long.class).single();
	}

	Optional<CommitmentChange> change(long id) {
		return jdbc.sql("select * from commitment_change where id = ?").param(id).query((rs, row) -> change(rs)).optional();
	}

	private CatalogueEdition edition(ResultSet rs) throws SQLException {
		return new CatalogueEdition(rs.getString("code"), rs.getString("title"), rs.getObject("adopted_on", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), rs.getString("adopted_by"), rs.getString("meeting_id"),
				rs.getString("document_id"), Sources.of(rs.getArray("sources")), rs.getString("note"),
				json.readValue(rs.getString("content"), DIMENSIONS));
	}

	private static CommitmentChange change(ResultSet rs) throws SQLException {
		return new CommitmentChange(rs.getLong("id"), rs.getString("participant"), rs.getString("priority_area"), rs.getString("measure"),
				CommitmentChange.Kind.valueOf(rs.getString("kind")), rs.getObject("effective_on", LocalDate.class),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"), rs.getString("written_request"),
				rs.getString("note"));
	}
}
