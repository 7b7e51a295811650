package org.kurultai.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.Drafting;
import org.kurultai.shared.Effect;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decisions' store, and the repository of the {@link Decision} aggregate: {@link #lock} and
 * {@link #lockOpenOn} load it under the document's and its own row lock, {@link #save} writes what an
 * act changed. Reads for pages and the register go straight to the rows.
 */
@Repository
class DecisionRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Drafting drafting;

	DecisionRepository(JdbcClient jdbc, JsonMapper json, Drafting drafting) {
		this.jdbc = jdbc;
		this.json = json;
		this.drafting = drafting;
	}

	long insert(Decision decision) {
		return jdbc.sql("""
				insert into decision (body_code, kind, matter, rule, concerned, document_id, version, refers_to, procedure, meeting_id,
				  present, proposed_at, proposed_by, proposed_for, deadline, time_zone, silence_seconds, round, status, application_id)
				values (:body, :kind, :matter, :rule, :concerned, :document, :version, :refersTo, :procedure, :meeting, :present,
				  :proposedAt, :proposedBy, :proposedFor, :deadline, :zone, :seconds, 1, 'OPEN', :application) returning id""")
				.param("application", decision.application())
				.param("body", decision.body()).param("kind", decision.kind().name()).param("matter", decision.matter().name())
				.param("rule", decision.rule().name()).param("concerned", decision.concerned()).param("document", decision.document())
				.param("version", decision.version()).param("refersTo", decision.refersTo()).param("procedure", decision.procedure().name())
				.param("meeting", decision.meeting()).param("present", decision.present().toArray(String[]::new))
				.param("proposedAt", utc(decision.proposedAt())).param("proposedBy", decision.proposedBy())
				.param("proposedFor", decision.proposedFor()).param("deadline", decision.deadline() == null ? null : utc(decision.deadline()))
				.param("zone", decision.timeZone() == null ? null : decision.timeZone().getId())
				.param("seconds", decision.silenceSeconds()).query(Long.class).single();
	}

	Optional<Decision> find(long id) {
		return jdbc.sql("select * from decision where id = ?").param(id).query((rs, row) -> decision(rs)).optional();
	}

	/**
	 * The locking boundary of a document and its decision (see {@link Decision}): locks the decision's
	 * document, then the decision, in that order, and loads the decision with its current round. The
	 * one way to change a decision: every act goes one at a time, and never deadlocks with a revision
	 * (which holds the document when it asks for the decision).
	 */
	Optional<Locked> lock(long id) {
		var document = jdbc.sql("select document_id from decision where id = ?").param(id).query(String.class).optional();
		if (document.isEmpty()) {
			return Optional.empty();
		}
		return lock(id, document.get());
	}

	/**
	 * The same, for a decision this transaction has just read: its document is known (a decision's document never
	 * changes: {@code document_id} is written once, by the insert), so it is not read again.
	 */
	Optional<Locked> lock(Decision seen) {
		return lock(seen.id(), seen.document());
	}

	private Optional<Locked> lock(long id, @Nullable String document) {
		if (document != null) {
			drafting.lockForDecision(document);
		}
		return jdbc.sql("select * from decision where id = ? for update").param(id).query((rs, row) -> decision(rs)).optional()
				.map(decision -> new Locked(decision, round(decision)));
	}

	/** The same boundary from the document's side: locks the document, then its open decision (at most one), if any. */
	Optional<Locked> lockOpenOn(String document) {
		drafting.lockForDecision(document);
		return jdbc.sql("select * from decision where document_id = ? and status = 'OPEN' order by id limit 1 for update").param(document)
				.query((rs, row) -> decision(rs)).optional().map(decision -> new Locked(decision, round(decision)));
	}

	/** A decision under its lock, with what was said in its current round: the aggregate, loaded. */
	record Locked(Decision decision, Decision.Round round) {
	}

	/**
	 * Who objected in the decision's current round, and its votes: the States only (each act runs this under the lock,
	 * so it reads one column of the round, not every objection's reasons in every round).
	 */
	Decision.Round round(Decision decision) {
		var objecting = new java.util.HashSet<String>(jdbc.sql("select participant from objection where decision_id = ? and round = ?")
				.params(decision.id(), decision.round()).query(String.class).list());
		var votes = new java.util.HashMap<String, Vote>();
		// votes are cast only under a majority rule (Decision#vote refuses them otherwise), and a decision keeps its rule
		if (decision.rule() == DecisionRule.SIMPLE_MAJORITY) {
			jdbc.sql("select participant, vote from vote where decision_id = ?").param(decision.id())
					.query((rs, row) -> votes.put(rs.getString("participant"), Vote.valueOf(rs.getString("vote")))).list();
		}
		return new Decision.Round(objecting, votes);
	}

	/**
	 * Saves what an act changed, event by event, in the caller's transaction (under the lock of
	 * {@link #lock}): the objection or vote, the close (an adoption takes the body's next register
	 * number for the year), the restart, the withdrawal. Answers the decision as stored.
	 */
	Decision save(Decision.Change change) {
		var decision = change.decision();
		long id = decision.id();
		for (var event : change.events()) {
			if (event instanceof DecisionEvent.Proposed) {
				id = insert(decision);
			}
			else if (event instanceof DecisionEvent.Objected objected) {
				if (!insert(objected.objection())) {
					throw new Decisions.AlreadyObjected(objected.objection().participant());
				}
			}
			else if (event instanceof DecisionEvent.Voted voted) {
				if (!insert(id, voted.vote())) {
					throw new Decisions.AlreadyVoted(voted.vote().participant());
				}
			}
			else if (event instanceof DecisionEvent.Closed closed) {
				Integer year = null;
				Integer number = null;
				if (closed.adopted()) {
					year = closed.decidedOn().getYear();
					number = nextRegisterNumber(decision.body(), year);
				}
				close(id, closed.status(), closed.at(), closed.note(), year, number, closed.decidedOn());
			}
			else if (event instanceof DecisionEvent.Restarted restarted) {
				restart(id, restarted.version(), restarted.deadline());
			}
			else if (event instanceof DecisionEvent.Withdrawn withdrawn) {
				close(id, DecisionStatus.WITHDRAWN, withdrawn.at(), withdrawn.note(), null, null);
			}
			// SilenceBroken and EffectsDue change no row: the close records the one, the application service applies the other
		}
		// an objection or a vote adds a row of its own and leaves the decision's as it was read under the lock
		return changesTheDecision(change) ? find(id).orElseThrow() : decision;
	}

	/** Whether a change writes the decision's own row (a proposal, a closing, a restart, a withdrawal), not only an act beside it. */
	static boolean changesTheDecision(Decision.Change change) {
		return change.events().stream()
				.anyMatch(event -> !(event instanceof DecisionEvent.Objected || event instanceof DecisionEvent.Voted));
	}

	/**
	 * The register's candidates of one body and year (either may be null): a decision counts in the
	 * year of its register number, or, not adopted, of its day (adoption or proposal) in the forum's zone.
	 */
	List<Decision> register(@Nullable String body, @Nullable Integer year, ZoneId zone) {
		return jdbc.sql("""
				select * from decision
				where (cast(:body as varchar) is null or body_code = :body)
				  and (cast(:year as int) is null or register_year = :year
				       or (register_year is null and extract(year from coalesce(decided_on, (proposed_at at time zone :zone)::date)) = :year))
				order by coalesce(decided_on, (proposed_at at time zone :zone)::date) desc, id desc""")
				.param("body", body).param("year", year).param("zone", zone.getId()).query((rs, row) -> decision(rs)).list();
	}

	/** The decisions taken at a meeting, by id. */
	List<Decision> atMeeting(String meeting) {
		return jdbc.sql("select * from decision where meeting_id = ? order by id").param(meeting).query((rs, row) -> decision(rs)).list();
	}

	/** The decisions on an application for a status, in order. */
	List<Decision> onApplication(long application) {
		return jdbc.sql("select * from decision where application_id = ? order by coalesce(decided_on, proposed_at::date), id")
				.param(application).query((rs, row) -> decision(rs)).list();
	}

	/** A decision recorded from the forum's history: adopted, with its day, sources and register number. */
	long insertRecorded(Decision decision) {
		return jdbc.sql("""
				insert into decision (body_code, kind, matter, rule, concerned, document_id, version, refers_to, procedure, meeting_id,
				  present, proposed_at, proposed_by, proposed_for, round, status, closed_at, outcome_note, register_year, register_number,
				  recorded, decided_on, sources, application_id)
				values (:body, :kind, :matter, :rule, :concerned, :document, :version, :refersTo, :procedure, :meeting, '{}',
				  :at, :by, 'SECRETARIAT', 1, 'ADOPTED', :at, :note, :year, :number, true, :decidedOn, :sources, :application) returning id""")
				.param("body", decision.body()).param("kind", decision.kind().name()).param("matter", decision.matter().name())
				.param("rule", decision.rule().name()).param("concerned", decision.concerned()).param("document", decision.document())
				.param("version", decision.version()).param("refersTo", decision.refersTo()).param("procedure", decision.procedure().name())
				.param("meeting", decision.meeting()).param("at", utc(decision.proposedAt())).param("by", decision.proposedBy())
				.param("note", decision.outcomeNote()).param("year", decision.registerYear()).param("number", decision.registerNumber())
				.param("decidedOn", decision.decidedOn()).param("sources", decision.sources().toArray())
				.param("application", decision.application()).query(Long.class).single();
	}

	void insertEffects(long decision, List<Effect> effects) {
		for (int i = 0; i < effects.size(); i++) {
			var effect = effects.get(i);
			jdbc.sql("insert into decision_effect (decision_id, position, kind, terms, effective_on) values (?, ?, ?, cast(? as jsonb), ?)")
					.params(decision, i, effect.kind().name(), json.writeValueAsString(effect), effect.effectiveOn()).update();
		}
	}

	List<DecidedEffect> effects(long decision) {
		return jdbc.sql("select * from decision_effect where decision_id = ? order by position").param(decision)
				.query((rs, row) -> {
					var applied = rs.getObject("applied_at", OffsetDateTime.class);
					return new DecidedEffect(rs.getInt("position"), json.readValue(rs.getString("terms"), Effect.class),
							applied == null ? null : applied.toInstant(), rs.getObject("applied_from", java.time.LocalDate.class),
							rs.getString("refusal"));
				}).list();
	}

	void effectApplied(long decision, int position, Instant at, java.time.LocalDate from) {
		jdbc.sql("update decision_effect set applied_at = ?, applied_from = ? where decision_id = ? and position = ? and applied_at is null")
				.params(utc(at), from, decision, position).update();
	}

	void effectRefused(long decision, int position, String refusal) {
		jdbc.sql("update decision_effect set refusal = ? where decision_id = ? and position = ? and applied_at is null")
				.params(refusal, decision, position).update();
	}

	List<Decision> ofDocument(String document) {
		return jdbc.sql("select * from decision where document_id = ? order by id").param(document).query((rs, row) -> decision(rs)).list();
	}

	/** Silence procedures whose deadline has passed and that are still open, most overdue first. */
	List<Long> due(Instant now, int limit) {
		return jdbc.sql("""
				select id from decision where status = 'OPEN' and procedure = 'SILENCE' and deadline <= ?
				order by deadline limit ?""")
				.params(utc(now), limit).query(Long.class).list();
	}

	void close(long id, DecisionStatus status, Instant at, String note, @Nullable Integer year, @Nullable Integer number) {
		close(id, status, at, note, year, number, null);
	}

	void close(long id, DecisionStatus status, Instant at, String note, @Nullable Integer year, @Nullable Integer number,
			java.time.@Nullable LocalDate decidedOn) {
		jdbc.sql("""
				update decision set status = ?, closed_at = ?, outcome_note = ?, register_year = ?, register_number = ?, decided_on = ?
				where id = ? and status = 'OPEN'""")
				.params(status.name(), utc(at), note, year, number, decidedOn, id).update();
	}

	void restart(long id, int version, Instant deadline) {
		jdbc.sql("update decision set version = ?, deadline = ?, round = round + 1 where id = ? and status = 'OPEN'")
				.params(version, utc(deadline), id).update();
	}

	int nextRegisterNumber(String body, int year) {
		return jdbc.sql("""
				insert into decision_register_counter (body_code, year, last) values (?, ?, 1)
				on conflict (body_code, year) do update set last = decision_register_counter.last + 1 returning last""")
				.params(body, year).query(Integer.class).single();
	}

	/** Records the objection unless the State has already objected in this round; false if it had. */
	boolean insert(Objection objection) {
		return jdbc.sql("""
				insert into objection (decision_id, round, participant, account, reasons, made_at) values (?, ?, ?, ?, ?, ?)
				on conflict (decision_id, round, participant) do nothing""")
				.params(objection.decision(), objection.round(), objection.participant(), objection.account(), objection.reasons(),
						utc(objection.madeAt()))
				.update() == 1;
	}

	List<Objection> objections(long decision) {
		return jdbc.sql("select * from objection where decision_id = ? order by made_at, id").param(decision)
				.query(DecisionRepository::objection).list();
	}

	/** One State's objection in one round (unique), without reading the others. */
	Optional<Objection> objection(long decision, int round, String participant) {
		return jdbc.sql("select * from objection where decision_id = ? and round = ? and participant = ?")
				.params(decision, round, participant).query(DecisionRepository::objection).optional();
	}

	private static Objection objection(ResultSet rs, int row) throws SQLException {
		return new Objection(rs.getLong("id"), rs.getLong("decision_id"), rs.getInt("round"), rs.getString("participant"),
				rs.getString("account"), rs.getString("reasons"), instant(rs, "made_at"));
	}

	boolean insert(long decision, CastVote vote) {
		return jdbc.sql("""
				insert into vote (decision_id, participant, vote, account, cast_at) values (?, ?, ?, ?, ?)
				on conflict (decision_id, participant) do nothing""")
				.params(decision, vote.participant(), vote.vote().name(), vote.account(), utc(vote.castAt())).update() == 1;
	}

	List<CastVote> votes(long decision) {
		return jdbc.sql("select * from vote where decision_id = ? order by participant").param(decision)
				.query((rs, row) -> new CastVote(rs.getString("participant"), Vote.valueOf(rs.getString("vote")), rs.getString("account"),
						instant(rs, "cast_at")))
				.list();
	}

	/** Stores the statement and answers it as stored (its id, its time as the database keeps it). */
	PositionStatement insert(PositionStatement statement) {
		return jdbc.sql("""
				insert into position_statement (decision_id, participant, kind, paragraph, text, account, filed_at)
				values (?, ?, ?, ?, ?, ?, ?) returning *""")
				.params(statement.decision(), statement.participant(), statement.kind().name(), statement.paragraph(), statement.text(),
						statement.account(), utc(statement.filedAt()))
				.query(DecisionRepository::statement).single();
	}

	List<PositionStatement> statements(long decision) {
		return jdbc.sql("select * from position_statement where decision_id = ? order by filed_at, id").param(decision)
				.query(DecisionRepository::statement).list();
	}

	private static PositionStatement statement(ResultSet rs, int row) throws SQLException {
		return new PositionStatement(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("participant"),
				StatementKind.valueOf(rs.getString("kind")), rs.getString("paragraph"), rs.getString("text"), rs.getString("account"),
				instant(rs, "filed_at"));
	}

	private static Decision decision(ResultSet rs) throws SQLException {
		long refersTo = rs.getLong("refers_to");
		Long refers = rs.wasNull() ? null : refersTo;
		long seconds = rs.getLong("silence_seconds");
		Long silence = rs.wasNull() ? null : seconds;
		int year = rs.getInt("register_year");
		Integer registerYear = rs.wasNull() ? null : year;
		int number = rs.getInt("register_number");
		Integer registerNumber = rs.wasNull() ? null : number;
		var zone = rs.getString("time_zone");
		var deadline = rs.getObject("deadline", OffsetDateTime.class);
		var closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Decision(rs.getLong("id"), rs.getString("body_code"), DecisionKind.valueOf(rs.getString("kind")),
				Matter.valueOf(rs.getString("matter")), DecisionRule.valueOf(rs.getString("rule")), rs.getString("concerned"),
				rs.getString("document_id"), rs.getObject("version", Integer.class), refers, Procedure.valueOf(rs.getString("procedure")),
				rs.getString("meeting_id"), Arrays.asList((String[]) rs.getArray("present").getArray()), instant(rs, "proposed_at"),
				rs.getString("proposed_by"), rs.getString("proposed_for"), deadline == null ? null : deadline.toInstant(),
				zone == null ? null : ZoneId.of(zone), silence, rs.getInt("round"), DecisionStatus.valueOf(rs.getString("status")),
				closed == null ? null : closed.toInstant(), rs.getString("outcome_note"), registerYear, registerNumber,
				rs.getBoolean("recorded"), rs.getObject("decided_on", java.time.LocalDate.class), Sources.of(rs.getArray("sources")),
				rs.getObject("application_id", Long.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
