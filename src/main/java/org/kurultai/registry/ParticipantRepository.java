package org.kurultai.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants with their periods and signatures, in PostgreSQL. */
@Repository
class ParticipantRepository {

	private static final String PERIOD_COLUMNS = """
			participant_code, status, starts_on, precision, ends_on, how, admitted_at, ordinal, sources, note,
			decision_id, decision_register, ended_decision_id, ended_decision_register""";

	private final JdbcClient jdbc;

	ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Participant> findAll() {
		Map<String, List<StatusPeriod>> periods = new HashMap<>();
		jdbc.sql("select " + PERIOD_COLUMNS + " from status_period order by starts_on").query((rs, row) -> {
			periods.computeIfAbsent(rs.getString("participant_code"), code -> new ArrayList<>()).add(period(rs));
			return null;
		}).list();
		Map<String, List<Signature>> signatures = new HashMap<>();
		jdbc.sql("select participant_code, document_code, signed_on, inferred, sources, note from signature")
				.query((rs, row) -> {
					signatures.computeIfAbsent(rs.getString("participant_code"), code -> new ArrayList<>()).add(signature(rs));
					return null;
				}).list();
		return jdbc.sql("select * from participant order by short_name_en").query((rs, row) -> {
			var code = rs.getString("code");
			return participant(rs, periods.getOrDefault(code, List.of()), signatures.getOrDefault(code, List.of()));
		}).list();
	}

	/** Who holds that status on that day: the period that holds on it ({@link StatusPeriod#holdsOn}), in one query. */
	List<ParticipantCode> holding(ParticipantStatus status, LocalDate day) {
		return jdbc.sql("""
				select participant_code from status_period
				where status = ? and starts_on <= ? and (ends_on is null or ends_on > ?) order by participant_code""")
				.params(status.name(), day, day).query((rs, row) -> ParticipantCode.of(rs.getString("participant_code"))).list();
	}

	/** A registered participant's status on a day: none if no period holds on it. */
	record StatusOn(@Nullable ParticipantStatus status) {
	}

	/**
	 * A participant's status on that day in one query, by the rule of {@link Participant#statusOn} (the first period,
	 * by start, that {@link StatusPeriod#holdsOn holds on} the day); empty if the participant is not registered.
	 */
	Optional<StatusOn> statusOn(ParticipantCode code, LocalDate day) {
		return jdbc.sql("""
				select (select s.status from status_period s
				        where s.participant_code = p.code and s.starts_on <= ? and (s.ends_on is null or s.ends_on > ?)
				        order by s.starts_on limit 1) as status
				from participant p where p.code = ?""")
				.params(day, day, code.value())
				.query((rs, row) -> new StatusOn(rs.getString("status") == null ? null : ParticipantStatus.valueOf(rs.getString("status"))))
				.optional();
	}

	/** One participant with its history. */
	Optional<Participant> find(ParticipantCode code) {
		var periods = jdbc.sql("select " + PERIOD_COLUMNS + " from status_period where participant_code = ? order by starts_on")
				.param(code.value()).query((rs, row) -> period(rs)).list();
		var signatures = jdbc.sql("select document_code, signed_on, inferred, sources, note from signature where participant_code = ?")
				.param(code.value()).query((rs, row) -> signature(rs)).list();
		return jdbc.sql("select * from participant where code = ?").param(code.value())
				.query((rs, row) -> participant(rs, periods, signatures)).optional();
	}

	/**
	 * Takes the participant's row lock for the rest of the transaction (the database's own overlap
	 * check takes it too, so writers of one history follow each other); false if it is not registered.
	 */
	boolean lock(ParticipantCode code) {
		return jdbc.sql("select code from participant where code = ? for update").param(code.value()).query(String.class).optional()
				.isPresent();
	}

	boolean exists(ParticipantCode code) {
		return jdbc.sql("select count(*) from participant where code = ?").param(code.value()).query(Integer.class).single() > 0;
	}

	/** Stores the participant and its whole history, replacing what was stored before. */
	void save(Participant participant) {
		var names = participant.names();
		jdbc.sql("""
				insert into participant (code, kind, short_name_en, short_name_ru, official_name_en, official_name_ru)
				values (?, ?, ?, ?, ?, ?)
				on conflict (code) do update set short_name_en = excluded.short_name_en, short_name_ru = excluded.short_name_ru,
				  official_name_en = excluded.official_name_en, official_name_ru = excluded.official_name_ru""")
				.params(participant.code().value(), participant.kind().name(), names.shortEn(), names.shortRu(),
						names.officialEn(), names.officialRu())
				.update();
		var code = participant.code().value();
		jdbc.sql("delete from signature where participant_code = ?").param(code).update();
		for (var signature : participant.signatures()) {
			jdbc.sql("""
					insert into signature (participant_code, document_code, signed_on, inferred, sources, note)
					values (?, ?, ?, ?, ?, ?)""")
					.params(code, signature.document(), signature.signedOn(), signature.inferred(),
							signature.sources().toArray(), signature.note())
					.update();
		}
		jdbc.sql("delete from status_period where participant_code = ?").param(code).update();
		for (var period : participant.periods()) {
			jdbc.sql("insert into status_period (" + PERIOD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(periodValues(code, period))
					.update();
		}
	}

	/** Keeps the claims a correction superseded (they are never deleted). */
	void supersede(ParticipantCode code, List<SupersededClaim> claims) {
		for (var superseded : claims) {
			var values = new ArrayList<@Nullable Object>(java.util.Arrays.asList(periodValues(code.value(), superseded.claim())));
			values.add(superseded.replacedBy());
			values.add(java.sql.Timestamp.from(superseded.at()));
			values.add(superseded.by());
			values.add(superseded.reason());
			values.add(superseded.sources().toArray());
			jdbc.sql("insert into status_period_superseded (" + PERIOD_COLUMNS
					+ ", replaced_by, superseded_at, superseded_by, reason, correction_sources)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(values)
					.update();
		}
	}

	/** The claims corrections superseded, latest first. */
	List<SupersededClaim> superseded(ParticipantCode code) {
		return jdbc.sql("select * from status_period_superseded where participant_code = ? order by superseded_at desc, id desc")
				.param(code.value()).query((rs, row) -> superseded(rs)).list();
	}

	/** Every participant's claims corrections superseded, each participant's latest first (one statement). */
	Map<ParticipantCode, List<SupersededClaim>> allSuperseded() {
		Map<ParticipantCode, List<SupersededClaim>> claims = new HashMap<>();
		jdbc.sql("select * from status_period_superseded order by superseded_at desc, id desc").query((rs, row) -> claims
				.computeIfAbsent(ParticipantCode.of(rs.getString("participant_code")), code -> new ArrayList<>()).add(superseded(rs))).list();
		claims.replaceAll((code, list) -> List.copyOf(list));
		return claims;
	}

	private static SupersededClaim superseded(ResultSet rs) throws SQLException {
		return new SupersededClaim(period(rs), rs.getObject("replaced_by", LocalDate.class), rs.getTimestamp("superseded_at").toInstant(),
				rs.getString("superseded_by"), rs.getString("reason"), Sources.of(rs.getArray("correction_sources")));
	}

	void save(FoundingDocument document) {
		jdbc.sql("""
				insert into founding_document (code, title, adopted_on, place, sources) values (?, ?, ?, ?, ?)
				on conflict (code) do update set title = excluded.title, adopted_on = excluded.adopted_on,
				  place = excluded.place, sources = excluded.sources""")
				.params(document.code(), document.title(), document.adoptedOn(), document.place(), document.sources().toArray())
				.update();
	}

	List<FoundingDocument> foundingDocuments() {
		return jdbc.sql("select * from founding_document order by adopted_on")
				.query((rs, row) -> new FoundingDocument(rs.getString("code"), rs.getString("title"),
						rs.getObject("adopted_on", LocalDate.class), rs.getString("place"), Sources.of(rs.getArray("sources"))))
				.list();
	}

	private static @Nullable Object[] periodValues(String code, StatusPeriod period) {
		return new Object[] { code, period.status().name(), period.from(), period.precision().name(), period.until(), period.how(),
				period.admittedAt(), period.ordinal(), period.sources().toArray(), period.note(),
				period.decision() == null ? null : period.decision().id(), period.decision() == null ? null : period.decision().register(),
				period.endedBy() == null ? null : period.endedBy().id(), period.endedBy() == null ? null : period.endedBy().register() };
	}

	private static Participant participant(ResultSet rs, List<StatusPeriod> periods, List<Signature> signatures) throws SQLException {
		return Participant.restore(ParticipantCode.of(rs.getString("code")), ParticipantKind.valueOf(rs.getString("kind")),
				new ParticipantNames(rs.getString("short_name_en"), rs.getString("short_name_ru"), rs.getString("official_name_en"),
						rs.getString("official_name_ru")),
				periods, signatures);
	}

	private static Signature signature(ResultSet rs) throws SQLException {
		return new Signature(rs.getString("document_code"), rs.getObject("signed_on", LocalDate.class), rs.getBoolean("inferred"),
				Sources.of(rs.getArray("sources")), rs.getString("note"));
	}

	private static StatusPeriod period(ResultSet rs) throws SQLException {
		var ordinal = rs.getObject("ordinal", Integer.class);
		return new StatusPeriod(ParticipantStatus.valueOf(rs.getString("status")), rs.getObject("starts_on", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), rs.getObject("ends_on", LocalDate.class), rs.getString("how"),
				rs.getString("admitted_at"), ordinal, Sources.of(rs.getArray("sources")), rs.getString("note"),
				decision(rs, "decision_id", "decision_register"), decision(rs, "ended_decision_id", "ended_decision_register"));
	}

	private static @Nullable DecisionRef decision(ResultSet rs, String id, String register) throws SQLException {
		var decision = rs.getObject(id, Long.class);
		return decision == null ? null : new DecisionRef(decision, rs.getString(register));
	}
}
