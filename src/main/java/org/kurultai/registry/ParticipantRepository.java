package org.kurultai.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants with their periods and signatures, in PostgreSQL. */
@Repository
class ParticipantRepository {

	private final JdbcClient jdbc;

	ParticipantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Participant> findAll() {
		Map<String, List<StatusPeriod>> periods = new HashMap<>();
		jdbc.sql("""
				select participant_code, status, starts_on, precision, ends_on, how, admitted_at, ordinal, sources, note
				from status_period order by starts_on""").query((rs, row) -> {
			periods.computeIfAbsent(rs.getString("participant_code"), code -> new ArrayList<>()).add(period(rs));
			return null;
		}).list();
		Map<String, List<Signature>> signatures = new HashMap<>();
		jdbc.sql("select participant_code, document_code, signed_on, inferred, sources, note from signature")
				.query((rs, row) -> {
					signatures.computeIfAbsent(rs.getString("participant_code"), code -> new ArrayList<>())
							.add(new Signature(rs.getString("document_code"), rs.getObject("signed_on", LocalDate.class),
									rs.getBoolean("inferred"), Sources.of(rs.getArray("sources")), rs.getString("note")));
					return null;
				}).list();
		return jdbc.sql("select * from participant order by short_name_en").query((rs, row) -> {
			var code = rs.getString("code");
			return Participant.restore(ParticipantCode.of(code), ParticipantKind.valueOf(rs.getString("kind")),
					new ParticipantNames(rs.getString("short_name_en"), rs.getString("short_name_ru"),
							rs.getString("official_name_en"), rs.getString("official_name_ru")),
					periods.getOrDefault(code, List.of()), signatures.getOrDefault(code, List.of()));
		}).list();
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
			jdbc.sql("""
					insert into status_period (participant_code, status, starts_on, precision, ends_on, how, admitted_at,
					  ordinal, sources, note)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(code, period.status().name(), period.from(), period.precision().name(), period.until(),
							period.how(), period.admittedAt(), period.ordinal(), period.sources().toArray(), period.note())
					.update();
		}
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

	private static StatusPeriod period(ResultSet rs) throws SQLException {
		var ordinal = rs.getObject("ordinal", Integer.class);
		return new StatusPeriod(ParticipantStatus.valueOf(rs.getString("status")), rs.getObject("starts_on", LocalDate.class),
				DatePrecision.valueOf(rs.getString("precision")), rs.getObject("ends_on", LocalDate.class), rs.getString("how"),
				rs.getString("admitted_at"), ordinal, Sources.of(rs.getArray("sources")), rs.getString("note"));
	}

}
