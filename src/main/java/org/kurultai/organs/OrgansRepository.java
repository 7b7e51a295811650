package org.kurultai.organs;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrgansRepository {

	private final JdbcClient jdbc;

	OrgansRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Serializes the writers of one part of the organs (the chairmanship, the Secretariat, the bodies) for the rest of
	 * the transaction: each reads the whole part, changes it and writes it back, so two must not interleave.
	 */
	void lock(String part) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("organs." + part).query((rs, row) -> 1).list();
	}

	List<Body> bodies() {
		Map<String, List<BodyName>> names = new HashMap<>();
		jdbc.sql("select * from body_name order by valid_from nulls first").query((rs, row) -> names
				.computeIfAbsent(rs.getString("body_code"), code -> new ArrayList<>())
				.add(new BodyName(rs.getString("name"), rs.getString("short_name"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), rs.getString("renamed_by"), Sources.of(rs.getArray("sources")),
						rs.getString("name_ru"), DecisionRef.read(rs, "decision_id", "decision_register"))))
				.list();
		Map<String, List<BodyMember>> members = new HashMap<>();
		jdbc.sql("select * from body_member order by valid_from nulls first, id").query((rs, row) -> members
				.computeIfAbsent(rs.getString("body_code"), code -> new ArrayList<>())
				.add(new BodyMember(rs.getString("participant_code"), rs.getString("person"), rs.getString("role"),
						rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
						Sources.of(rs.getArray("sources")))))
				.list();
		Map<String, List<BodyClaim>> claims = new HashMap<>();
		jdbc.sql("select * from body_claim order by id").query((rs, row) -> claims
				.computeIfAbsent(rs.getString("body_code"), code -> new ArrayList<>())
				.add(new BodyClaim(rs.getString("topic"), rs.getString("value"), Sources.of(rs.getArray("sources")),
						rs.getString("note"))))
				.list();
		return jdbc.sql("select * from body order by created_on nulls last, code").query((rs, row) -> {
			var code = rs.getString("code");
			var precision = rs.getString("created_precision");
			return new Body(code, BodyKind.valueOf(rs.getString("kind")), BodyStatus.valueOf(rs.getString("status")),
					rs.getObject("created_on", LocalDate.class), precision == null ? null : DatePrecision.valueOf(precision),
					rs.getString("created_how"), rs.getString("reports_to"), rs.getString("frequency"), rs.getString("purpose"),
					Sources.of(rs.getArray("sources")), names.getOrDefault(code, List.of()), members.getOrDefault(code, List.of()),
					claims.getOrDefault(code, List.of()), rs.getObject("dissolved_on", LocalDate.class),
					DecisionRef.read(rs, "decision_id", "decision_register"),
					DecisionRef.read(rs, "dissolved_decision_id", "dissolved_decision_register"));
		}).list();
	}

	void save(Body body) {
		jdbc.sql("""
				insert into body (code, kind, status, created_on, created_precision, created_how, reports_to, frequency, purpose, sources,
				  dissolved_on, decision_id, decision_register, dissolved_decision_id, dissolved_decision_register)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(body.code(), body.kind().name(), body.status().name(), body.createdOn(),
						body.createdPrecision() == null ? null : body.createdPrecision().name(), body.createdHow(), body.reportsTo(),
						body.frequency(), body.purpose(), body.sources().toArray(), body.dissolvedOn(), DecisionRef.id(body.decision()),
						DecisionRef.register(body.decision()), DecisionRef.id(body.dissolvedBy()), DecisionRef.register(body.dissolvedBy()))
				.update();
		saveNames(body);
		for (var member : body.members()) {
			jdbc.sql("""
					insert into body_member (body_code, participant_code, person, role, valid_from, valid_until, sources)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(body.code(), member.participant(), member.person(), member.role(), member.from(), member.until(),
							member.sources().toArray())
					.update();
		}
		for (var claim : body.claims()) {
			jdbc.sql("insert into body_claim (body_code, topic, value, sources, note) values (?, ?, ?, ?, ?)")
					.params(body.code(), claim.topic(), claim.value(), claim.sources().toArray(), claim.note()).update();
		}
	}

	/** Writes what a decision or a correction may change of a body: its status, dissolution, decisions and names. */
	void update(Body body) {
		jdbc.sql("""
				update body set status = ?, dissolved_on = ?, decision_id = ?, decision_register = ?, dissolved_decision_id = ?,
				  dissolved_decision_register = ?
				where code = ?""")
				.params(body.status().name(), body.dissolvedOn(), DecisionRef.id(body.decision()), DecisionRef.register(body.decision()),
						DecisionRef.id(body.dissolvedBy()), DecisionRef.register(body.dissolvedBy()), body.code())
				.update();
		jdbc.sql("delete from body_name where body_code = ?").param(body.code()).update();
		saveNames(body);
	}

	private void saveNames(Body body) {
		for (var name : body.names()) {
			jdbc.sql("""
					insert into body_name (body_code, name, short_name, valid_from, valid_until, renamed_by, sources, name_ru,
					  decision_id, decision_register)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(body.code(), name.name(), name.shortName(), name.from(), name.until(), name.renamedBy(),
							name.sources().toArray(), name.nameRu(), DecisionRef.id(name.decision()), DecisionRef.register(name.decision()))
					.update();
		}
	}

	boolean bodyExists(String code) {
		return jdbc.sql("select count(*) from body where code = ?").param(code).query(Integer.class).single() > 0;
	}

	List<ChairTerm> chairTerms() {
		return jdbc.sql("select * from chair_term order by starts_on").query((rs, row) -> new ChairTerm(rs.getString("chair"),
				rs.getObject("starts_on", LocalDate.class), DatePrecision.valueOf(rs.getString("precision")),
				rs.getObject("ends_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_at"),
				rs.getString("handover_at"), rs.getString("handover_occasion"), Sources.of(rs.getArray("sources")),
				rs.getString("note"), DecisionRef.read(rs, "decision_id", "decision_register"))).list();
	}

	void replace(Chairmanship chairmanship) {
		jdbc.sql("delete from chair_term").update();
		for (var term : chairmanship.terms()) {
			jdbc.sql("""
					insert into chair_term (chair, starts_on, precision, ends_on, decided_on, decided_at, handover_at,
					  handover_occasion, sources, note, decision_id, decision_register)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(term.chair(), term.from(), term.precision().name(), term.until(), term.decidedOn(), term.decidedAt(),
							term.handoverAt(), term.handoverOccasion(), term.sources().toArray(), term.note(),
							DecisionRef.id(term.decision()), DecisionRef.register(term.decision()))
					.update();
		}
	}

	Secretariat secretariat() {
		var seats = jdbc.sql("select * from secretariat_seat order by valid_from").query((rs, row) -> new Secretariat.Seat(
				rs.getString("place"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), Sources.of(rs.getArray("sources")), rs.getString("note"))).list();
		var titles = jdbc.sql("select * from secretariat_title order by valid_from").query((rs, row) -> new Secretariat.Title(
				rs.getString("title"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getString("renamed_by"), Sources.of(rs.getArray("sources")), rs.getString("title_ru"),
				DecisionRef.read(rs, "decision_id", "decision_register"))).list();
		var holders = jdbc.sql("select * from secretariat_head order by valid_from, person").query((rs, row) -> Map.entry(
				Office.valueOf(rs.getString("office")),
				new Secretariat.Head(rs.getString("person"), rs.getString("nationality"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), DatePrecision.valueOf(rs.getString("precision")),
						Sources.of(rs.getArray("sources")), rs.getString("note"), DecisionRef.read(rs, "decision_id", "decision_register"))))
				.list();
		return new Secretariat(seats, titles, holders.stream().filter(h -> h.getKey() == Office.HEAD).map(Map.Entry::getValue).toList(),
				holders.stream().filter(h -> h.getKey() == Office.DEPUTY).map(Map.Entry::getValue).toList());
	}

	void replace(Secretariat secretariat) {
		jdbc.sql("delete from secretariat_seat").update();
		jdbc.sql("delete from secretariat_title").update();
		jdbc.sql("delete from secretariat_head").update();
		for (var seat : secretariat.seats()) {
			jdbc.sql("insert into secretariat_seat (place, valid_from, valid_until, precision, sources, note) values (?, ?, ?, ?, ?, ?)")
					.params(seat.place(), seat.from(), seat.until(), seat.precision().name(), seat.sources().toArray(), seat.note())
					.update();
		}
		for (var title : secretariat.titles()) {
			jdbc.sql("""
					insert into secretariat_title (title, valid_from, valid_until, renamed_by, sources, title_ru, decision_id,
					  decision_register)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(title.title(), title.from(), title.until(), title.renamedBy(), title.sources().toArray(), title.titleRu(),
							DecisionRef.id(title.decision()), DecisionRef.register(title.decision()))
					.update();
		}
		insertHolders(Office.HEAD, secretariat.heads());
		insertHolders(Office.DEPUTY, secretariat.deputies());
	}

	private void insertHolders(Office office, List<Secretariat.Head> holders) {
		for (var head : holders) {
			jdbc.sql("""
					insert into secretariat_head (person, nationality, valid_from, valid_until, precision, sources, note, office,
					  decision_id, decision_register)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(head.person(), head.nationality(), head.from(), head.until(), head.precision().name(),
							head.sources().toArray(), head.note(), office.name(), DecisionRef.id(head.decision()),
							DecisionRef.register(head.decision()))
					.update();
		}
	}

	void supersede(SupersededClaim claim) {
		jdbc.sql("""
				insert into organ_superseded_claim (record, body_code, subject, detail, valid_from, valid_until, claim_sources,
				  claim_note, decision_id, decision_register, superseded_at, superseded_by, reason, sources)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(claim.record().name(), claim.body(), claim.subject(), claim.detail(), claim.from(), claim.until(),
						claim.claimSources().toArray(), claim.claimNote(), DecisionRef.id(claim.decision()),
						DecisionRef.register(claim.decision()), Timestamp.from(claim.at()), claim.by(), claim.reason(),
						claim.sources().toArray())
				.update();
	}

	List<SupersededClaim> superseded(SupersededClaim.Record record, @Nullable String body) {
		return jdbc.sql("""
				select * from organ_superseded_claim where record = ? and body_code is not distinct from ?
				order by valid_from nulls first, superseded_at, id""")
				.params(record.name(), body)
				.query((rs, row) -> new SupersededClaim(SupersededClaim.Record.valueOf(rs.getString("record")), rs.getString("body_code"),
						rs.getString("subject"), rs.getString("detail"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), Sources.of(rs.getArray("claim_sources")), rs.getString("claim_note"),
						DecisionRef.read(rs, "decision_id", "decision_register"), rs.getTimestamp("superseded_at").toInstant(),
						rs.getString("superseded_by"), rs.getString("reason"), Sources.of(rs.getArray("sources"))))
				.list();
	}
}
