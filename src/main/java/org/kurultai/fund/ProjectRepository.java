package org.kurultai.fund;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The projects' rows: one statement per read of a list, texts and checklists as JSON documents. */
@Repository
class ProjectRepository {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<EligibilityCriterion.Check>> CHECKS = new TypeReference<>() {
	};
	private static final TypeReference<List<FundProject.PlannedTranche>> TRANCHES = new TypeReference<>() {
	};
	private static final String PROJECT = """
			select p.*, r.content from fund_project p join fund_project_revision r on r.project = p.id and r.number = p.revision""";

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<FundProject> all() {
		return jdbc.sql(PROJECT + " order by p.id desc").query((rs, row) -> project(rs)).list();
	}

	Optional<FundProject> find(long id) {
		return jdbc.sql(PROJECT + " where p.id = ?").param(id).query((rs, row) -> project(rs)).optional();
	}

	/** The project, its row locked until the transaction ends: every act on it takes turns. */
	Optional<FundProject> lock(long id) {
		return jdbc.sql(PROJECT + " where p.id = ? for update of p").param(id).query((rs, row) -> project(rs)).optional();
	}

	Optional<FundProject> lockByDecision(long decision) {
		return jdbc.sql(PROJECT + " where p.decision_id = ? for update of p").param(decision).query((rs, row) -> project(rs)).optional();
	}

	long insert(String owner, ProjectContent content, Instant at, String by) {
		long id = jdbc.sql("insert into fund_project (owner_code, state, revision, created_at, created_by) values (?, 'DRAFT', 1, ?, ?) returning id")
				.params(owner, Timestamp.from(at), by).query(Long.class).single();
		jdbc.sql("insert into fund_project_revision (project, number, content, saved_at, saved_by) values (?, 1, ?::jsonb, ?, ?)")
				.params(id, JSON.writeValueAsString(content), Timestamp.from(at), by).update();
		return id;
	}

	/** The draft saved again (revision 1, not yet submitted). */
	void saveDraft(long id, ProjectContent content, Instant at, String by) {
		jdbc.sql("update fund_project_revision set content = ?::jsonb, saved_at = ?, saved_by = ? where project = ? and number = 1")
				.params(JSON.writeValueAsString(content), Timestamp.from(at), by, id).update();
	}

	/** A new revision, submitted (answering the Secretariat's questions). */
	void addRevision(long id, int number, ProjectContent content, Instant at, String by) {
		jdbc.sql("insert into fund_project_revision (project, number, content, saved_at, saved_by, submitted_at) values (?, ?, ?::jsonb, ?, ?, ?)")
				.params(id, number, JSON.writeValueAsString(content), Timestamp.from(at), by, Timestamp.from(at)).update();
		jdbc.sql("update fund_project set revision = ? where id = ?").params(number, id).update();
	}

	void submitted(long id, int revision, Instant at) {
		jdbc.sql("update fund_project_revision set submitted_at = ? where project = ? and number = ?").params(Timestamp.from(at), id, revision).update();
	}

	void state(long id, ProjectState state) {
		jdbc.sql("update fund_project set state = ? where id = ?").params(state.name(), id).update();
	}

	void eligibility(long id, List<EligibilityCriterion.Check> checks, Instant at) {
		jdbc.sql("update fund_project set eligibility = ?::jsonb, eligibility_at = ? where id = ?")
				.params(JSON.writeValueAsString(checks), Timestamp.from(at), id).update();
	}

	void putToPrc(long id, long decision, BigDecimal amount, List<FundProject.PlannedTranche> tranches) {
		jdbc.sql("update fund_project set decision_id = ?, proposed_amount = ?, proposed_tranches = ?::jsonb where id = ?")
				.params(decision, amount, JSON.writeValueAsString(tranches), id).update();
	}

	void decided(long id, @Nullable BigDecimal approved, LocalDate on) {
		jdbc.sql("update fund_project set approved_amount = ?, decided_on = ? where id = ?").params(approved, on, id).update();
	}

	void closed(long id, LocalDate on, BigDecimal returned) {
		jdbc.sql("update fund_project set closed_on = ?, returned_amount = ? where id = ?").params(on, returned, id).update();
	}

	List<FundProject.Revision> revisions(long id) {
		return jdbc.sql("select * from fund_project_revision where project = ? order by number").param(id)
				.query((rs, row) -> new FundProject.Revision(rs.getInt("number"), content(rs.getString("content")),
						rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by"), instant(rs, "submitted_at")))
				.list();
	}

	long ask(long id, int revision, String text, Instant at, String by) {
		return jdbc.sql("insert into fund_project_question (project, revision, text, asked_at, asked_by) values (?, ?, ?, ?, ?) returning id")
				.params(id, revision, text, Timestamp.from(at), by).query(Long.class).single();
	}

	List<FundProject.Question> questions(long id) {
		return jdbc.sql("select * from fund_project_question where project = ? order by id").param(id)
				.query((rs, row) -> new FundProject.Question(rs.getLong("id"), rs.getInt("revision"), rs.getString("text"),
						rs.getTimestamp("asked_at").toInstant(), rs.getString("asked_by")))
				.list();
	}

	void insertTranche(long project, int number, BigDecimal amount, LocalDate plannedOn) {
		jdbc.sql("insert into fund_tranche (project, number, amount, planned_on) values (?, ?, ?, ?)").params(project, number, amount, plannedOn)
				.update();
	}

	List<FundProject.Tranche> tranches(long project) {
		return jdbc.sql("select * from fund_tranche where project = ? order by number").param(project).query((rs, row) -> tranche(rs)).list();
	}

	void disbursed(long trancheId, LocalDate on, BigDecimal amount, long entry, String reference, Instant at, String by) {
		jdbc.sql("""
				update fund_tranche set disbursed_on = ?, disbursed_amount = ?, ledger_entry = ?, reference = ?, disbursed_at = ?, disbursed_by = ?
				where id = ?""").params(on, amount, entry, reference, Timestamp.from(at), by, trancheId).update();
	}

	long insertReport(long project, int tranche, FundProject.ReportKind kind, LocalDate due, String text, Instant at, String by, boolean late) {
		return jdbc.sql("""
				insert into fund_project_report (project, tranche, kind, due_on, text, submitted_at, submitted_by, late)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(project, tranche, kind.name(), due, text, Timestamp.from(at), by, late).query(Long.class).single();
	}

	List<FundProject.Report> reports(long project) {
		return jdbc.sql("select * from fund_project_report where project = ? order by tranche, id").param(project)
				.query((rs, row) -> new FundProject.Report(rs.getLong("id"), rs.getInt("tranche"), FundProject.ReportKind.valueOf(rs.getString("kind")),
						rs.getObject("due_on", LocalDate.class), rs.getString("text"), rs.getTimestamp("submitted_at").toInstant(),
						rs.getString("submitted_by"), rs.getBoolean("late"), instant(rs, "accepted_at"), rs.getString("accepted_by")))
				.list();
	}

	void accept(long report, Instant at, String by) {
		jdbc.sql("update fund_project_report set accepted_at = ?, accepted_by = ? where id = ?").params(Timestamp.from(at), by, report).update();
	}

	static ProjectContent content(String json) {
		return JSON.readValue(json, ProjectContent.class);
	}

	private static FundProject.Tranche tranche(ResultSet rs) throws SQLException {
		long entry = rs.getLong("ledger_entry");
		Long ledgerEntry = rs.wasNull() ? null : entry;
		return new FundProject.Tranche(rs.getLong("id"), rs.getInt("number"), rs.getBigDecimal("amount"), rs.getObject("planned_on", LocalDate.class),
				rs.getObject("disbursed_on", LocalDate.class), rs.getBigDecimal("disbursed_amount"), ledgerEntry, rs.getString("reference"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static FundProject project(ResultSet rs) throws SQLException {
		long decision = rs.getLong("decision_id");
		Long decisionId = rs.wasNull() ? null : decision;
		var eligibility = rs.getString("eligibility");
		var tranches = rs.getString("proposed_tranches");
		return new FundProject(rs.getLong("id"), rs.getString("owner_code"), ProjectState.valueOf(rs.getString("state")), rs.getInt("revision"),
				content(rs.getString("content")), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				eligibility == null ? null : JSON.readValue(eligibility, CHECKS), instant(rs, "eligibility_at"), decisionId,
				rs.getBigDecimal("proposed_amount"), tranches == null ? null : JSON.readValue(tranches, TRANCHES),
				rs.getBigDecimal("approved_amount"), rs.getObject("decided_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getBigDecimal("returned_amount"));
	}
}
