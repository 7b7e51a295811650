package org.kurultai.cbm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class PlanRepository {

	private static final TypeReference<List<ImplementationPlan.Activity>> ACTIVITIES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	PlanRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<ImplementationPlan> plans() {
		return jdbc.sql("select * from implementation_plan order by from_year, code").query((rs, row) -> plan(rs)).list();
	}

	Optional<ImplementationPlan> lock(String code) {
		return jdbc.sql("select * from implementation_plan where code = ? for update").param(code).query((rs, row) -> plan(rs)).optional();
	}

	boolean exists(String code) {
		return jdbc.sql("select count(*) from implementation_plan where code = ?").param(code).query(Integer.class).single() > 0;
	}

	void insert(ImplementationPlan plan) {
		var approval = plan.approval();
		jdbc.sql("""
				insert into implementation_plan (code, kind, priority_area, title, from_year, until_year, document_id, proposed_by, activities,
				  approved_by, approved_on, approval_meeting, approval_decision, approval_register, sources, note)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""")
				.params(plan.code(), plan.kind().name(), plan.priorityArea(), plan.title(), plan.fromYear(), plan.untilYear(), plan.document(),
						plan.proposedBy(), json.writeValueAsString(plan.activities()), approval == null ? null : approval.body(),
						approval == null ? null : approval.on(), approval == null ? null : approval.meeting(),
						approval == null || approval.decision() == null ? null : approval.decision().id(),
						approval == null || approval.decision() == null ? null : approval.decision().register(), plan.sources().toArray(), plan.note())
				.update();
	}

	/** Records the approval by a decision of a plan not yet approved. */
	void approve(String code, ImplementationPlan.Approval approval) {
		var decision = approval.decision();
		int rows = jdbc.sql("""
				update implementation_plan set approved_by = ?, approved_on = ?, approval_meeting = ?, approval_decision = ?, approval_register = ?
				where code = ? and approved_by is null""")
				.params(approval.body(), approval.on(), approval.meeting(), decision == null ? null : decision.id(),
						decision == null ? null : decision.register(), code)
				.update();
		if (rows != 1) {
			throw new IllegalStateException("plan " + code + " was already approved");
		}
	}

	/** Links an approval recorded without a decision to the decision that gave it, once. */
	void link(String code, DecisionReference decision) {
		jdbc.sql("update implementation_plan set approval_decision = ?, approval_register = ? where code = ? and approval_decision is null")
				.params(decision.id(), decision.register(), code).update();
	}

	private ImplementationPlan plan(ResultSet rs) throws SQLException {
		var body = rs.getString("approved_by");
		long decision = rs.getLong("approval_decision");
		var reference = rs.wasNull() ? null : new DecisionReference(decision, rs.getString("approval_register"));
		var approval = body == null ? null : new ImplementationPlan.Approval(body, rs.getObject("approved_on", LocalDate.class),
				rs.getString("approval_meeting"), reference);
		return new ImplementationPlan(rs.getString("code"), ImplementationPlan.Kind.valueOf(rs.getString("kind")), rs.getString("priority_area"),
				rs.getString("title"), rs.getInt("from_year"), rs.getInt("until_year"), rs.getString("document_id"), rs.getString("proposed_by"),
				json.readValue(rs.getString("activities"), ACTIVITIES), approval, Sources.of(rs.getArray("sources")), rs.getString("note"));
	}
}
