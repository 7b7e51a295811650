package org.kurultai.organs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

	List<Body> bodies() {
		Map<String, List<BodyName>> names = new HashMap<>();
		jdbc.sql("select * from body_name order by valid_from nulls first").query((rs, row) -> names
				.computeIfAbsent(rs.getString("body_code"), code -> new ArrayList<>())
				.add(new BodyName(rs.getString("name"), rs.getString("short_name"), rs.getObject("valid_from", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), rs.getString("renamed_by"), Sources.of(rs.getArray("sources")))))
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
					claims.getOrDefault(code, List.of()));
		}).list();
	}

	void save(Body body) {
		jdbc.sql("""
				insert into body (code, kind, status, created_on, created_precision, created_how, reports_to, frequency, purpose, sources)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(body.code(), body.kind().name(), body.status().name(), body.createdOn(),
						body.createdPrecision() == null ? null : body.createdPrecision().name(), body.createdHow(), body.reportsTo(),
						body.frequency(), body.purpose(), body.sources().toArray())
				.update();
		for (var name : body.names()) {
			jdbc.sql("""
					insert into body_name (body_code, name, short_name, valid_from, valid_until, renamed_by, sources)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(body.code(), name.name(), name.shortName(), name.from(), name.until(), name.renamedBy(),
							name.sources().toArray())
					.update();
		}
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

	boolean bodyExists(String code) {
		return jdbc.sql("select count(*) from body where code = ?").param(code).query(Integer.class).single() > 0;
	}

	List<ChairTerm> chairTerms() {
		return jdbc.sql("select * from chair_term order by starts_on").query((rs, row) -> new ChairTerm(rs.getString("chair"),
				rs.getObject("starts_on", LocalDate.class), DatePrecision.valueOf(rs.getString("precision")),
				rs.getObject("ends_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_at"),
				rs.getString("handover_at"), rs.getString("handover_occasion"), Sources.of(rs.getArray("sources")),
				rs.getString("note"))).list();
	}

	void replace(Chairmanship chairmanship) {
		jdbc.sql("delete from chair_term").update();
		for (var term : chairmanship.terms()) {
			jdbc.sql("""
					insert into chair_term (chair, starts_on, precision, ends_on, decided_on, decided_at, handover_at,
					  handover_occasion, sources, note)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(term.chair(), term.from(), term.precision().name(), term.until(), term.decidedOn(), term.decidedAt(),
							term.handoverAt(), term.handoverOccasion(), term.sources().toArray(), term.note())
					.update();
		}
	}

	Secretariat secretariat() {
		var seats = jdbc.sql("select * from secretariat_seat order by valid_from").query((rs, row) -> new Secretariat.Seat(
				rs.getString("place"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), Sources.of(rs.getArray("sources")), rs.getString("note"))).list();
		var titles = jdbc.sql("select * from secretariat_title order by valid_from").query((rs, row) -> new Secretariat.Title(
				rs.getString("title"), rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
				rs.getString("renamed_by"), Sources.of(rs.getArray("sources")))).list();
		var heads = jdbc.sql("select * from secretariat_head order by valid_from").query((rs, row) -> new Secretariat.Head(
				rs.getString("person"), rs.getString("nationality"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), DatePrecision.valueOf(rs.getString("precision")),
				Sources.of(rs.getArray("sources")), rs.getString("note"))).list();
		return new Secretariat(seats, titles, heads);
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
			jdbc.sql("insert into secretariat_title (title, valid_from, valid_until, renamed_by, sources) values (?, ?, ?, ?, ?)")
					.params(title.title(), title.from(), title.until(), title.renamedBy(), title.sources().toArray()).update();
		}
		for (var head : secretariat.heads()) {
			jdbc.sql("""
					insert into secretariat_head (person, nationality, valid_from, valid_until, precision, sources, note)
					values (?, ?, ?, ?, ?, ?, ?)""")
					.params(head.person(), head.nationality(), head.from(), head.until(), head.precision().name(),
							head.sources().toArray(), head.note())
					.update();
		}
	}

}
