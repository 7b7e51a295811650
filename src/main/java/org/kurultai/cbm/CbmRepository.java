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

	/** The adopted editions: the Catalogue. */
	List<CatalogueEdition> editions() {
		return jdbc.sql("select * from catalogue_edition where status = 'ADOPTED' order by adopted_on, code").query((rs, row) -> edition(rs))
				.list();
	}

	/** Whether an edition with the code is recorded, proposed or adopted. */
	boolean exists(String code) {
		return jdbc.sql("select count(*) from catalogue_edition where code = ?").param(code).query(Integer.class).single() > 0;
	}

	void insert(CatalogueEdition edition) {
		var decision = edition.decision();
		jdbc.sql("""
				insert into catalogue_edition (code, title, adopted_on, precision, adopted_by, meeting_id, document_id, sources, note, content,
				  decision_id, decision_register)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
				.params(edition.code(), edition.title(), edition.adoptedOn(), edition.precision().name(), edition.adoptedBy(), edition.meeting(),
						edition.document(), edition.sources().toArray(), edition.note(), json.writeValueAsString(edition.dimensions()),
						decision == null ? null : decision.id(), decision == null ? null : decision.register())
				.update();
	}

	/** Records a proposed edition; false if an edition with its code is already recorded. */
	boolean insert(ProposedEdition edition) {
		return jdbc.sql("""
				insert into catalogue_edition (code, title, status, proposed_at, proposed_by, sources, note, content)
				values (?, ?, 'PROPOSED', ?, ?, ?, ?, cast(? as jsonb)) on conflict (code) do nothing""")
				.params(edition.code(), edition.title(), OffsetDateTime.ofInstant(edition.proposedAt(), ZoneOffset.UTC), edition.proposedBy(),
						edition.sources().toArray(), edition.note(), json.writeValueAsString(edition.dimensions()))
				.update() == 1;
	}

	/** The proposed editions, not adopted yet, in the order they were proposed. */
	List<ProposedEdition> proposedEditions() {
		return jdbc.sql("select * from catalogue_edition where status = 'PROPOSED' order by proposed_at, code").query((rs, row) -> proposed(rs))
				.list();
	}

	/** The edition's status (PROPOSED or ADOPTED) under its row lock, if it is recorded. */
	Optional<String> lockEdition(String code) {
		return jdbc.sql("select status from catalogue_edition where code = ? for update").param(code).query(String.class).optional();
	}

	Optional<ProposedEdition> proposedEdition(String code) {
		return jdbc.sql("select * from catalogue_edition where code = ? and status = 'PROPOSED'").param(code).query((rs, row) -> proposed(rs))
				.optional();
	}

	Optional<CatalogueEdition> adoptedEdition(String code) {
		return jdbc.sql("select * from catalogue_edition where code = ? and status = 'ADOPTED'").param(code).query((rs, row) -> edition(rs))
				.optional();
	}

	/** A proposed edition becomes the adopted one (the content stays as proposed: the trigger sees to it). */
	void adopt(CatalogueEdition adopted) {
		var decision = adopted.decision();
		int rows = jdbc.sql("""
				update catalogue_edition set status = 'ADOPTED', adopted_on = ?, precision = ?, adopted_by = ?, meeting_id = ?, decision_id = ?,
				  decision_register = ?
				where code = ? and status = 'PROPOSED'""")
				.params(adopted.adoptedOn(), adopted.precision().name(), adopted.adoptedBy(), adopted.meeting(), decision == null ? null : decision.id(),
						decision == null ? null : decision.register(), adopted.code())
				.update();
		if (rows != 1) {
			throw new IllegalStateException("edition " + adopted.code() + " was not proposed");
		}
	}

	/** An edition adopted without a decision in Kurultai is linked to the decision that adopted it, once. */
	void link(String code, DecisionReference decision) {
		jdbc.sql("update catalogue_edition set decision_id = ?, decision_register = ? where code = ? and decision_id is null")
				.params(decision.id(), decision.register(), code).update();
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
		long decision = rs.getLong("decision_id");
		var reference = rs.wasNull() ? null : new DecisionReference(decision, rs.getString("decision_register"));
		return new CatalogueEdition(rs.getString("code"), rs.getString("title"), rs.getObject("adopted_on", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), rs.getString("adopted_by"), rs.getString("meeting_id"),
				rs.getString("document_id"), Sources.of(rs.getArray("sources")), rs.getString("note"),
				json.readValue(rs.getString("content"), DIMENSIONS), reference);
	}

	private ProposedEdition proposed(ResultSet rs) throws SQLException {
		return new ProposedEdition(rs.getString("code"), rs.getString("title"), Sources.of(rs.getArray("sources")), rs.getString("note"),
				json.readValue(rs.getString("content"), DIMENSIONS), rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
				rs.getString("proposed_by"));
	}

	private static CommitmentChange change(ResultSet rs) throws SQLException {
		return new CommitmentChange(rs.getLong("id"), rs.getString("participant"), rs.getString("priority_area"), rs.getString("measure"),
				CommitmentChange.Kind.valueOf(rs.getString("kind")), rs.getObject("effective_on", LocalDate.class),
				rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"), rs.getString("written_request"),
				rs.getString("note"));
	}
}
