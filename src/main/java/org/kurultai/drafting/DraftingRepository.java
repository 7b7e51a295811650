package org.kurultai.drafting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class DraftingRepository {

	private static final TypeReference<List<Paragraph>> PARAGRAPHS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, String>> TEXT = new TypeReference<>() {
	};

	private static final String AMENDMENT = """
			select a.*,
			  array(select c.participant from cosponsorship c where c.amendment_id = a.id and c.status = 'ACCEPTED'
			        order by c.answered_at, c.participant) as accepted_cosponsors,
			  array(select c.participant from cosponsorship c where c.amendment_id = a.id and c.status = 'INVITED'
			        order by c.participant) as invited_cosponsors,
			  array(select c.participant from cosponsorship c where c.amendment_id = a.id and c.status = 'DECLINED'
			        order by c.participant) as declined_cosponsors
			from amendment a""";

	private static final String DOCUMENT = """
			select d.*, (select max(v.number) from document_version v where v.document_id = d.id) as latest_version
			from document d""";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	DraftingRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<NegotiatedDocument> documents() {
		return jdbc.sql(DOCUMENT + " order by coalesce(d.adopted_on, cast(d.created_at as date)), d.symbol")
				.query((rs, row) -> document(rs)).list();
	}

	Optional<NegotiatedDocument> document(String id) {
		return jdbc.sql(DOCUMENT + " where d.id = ?").param(id).query((rs, row) -> document(rs)).optional();
	}

	/** Takes the document's row lock: revisions, decisions and amendments on one document go one at a time. */
	Optional<NegotiatedDocument> lock(String id) {
		var locked = jdbc.sql("select id from document where id = ? for update").param(id).query(String.class).optional();
		return locked.isEmpty() ? Optional.empty() : document(id);
	}

	/** Takes the document's row lock shared: an amendment waits for a revision under way, not for another amendment. */
	void lockShared(String id) {
		jdbc.sql("select id from document where id = ? for share").param(id).query(String.class).optional();
	}

	boolean exists(String id) {
		return jdbc.sql("select count(*) from document where id = ?").param(id).query(Integer.class).single() > 0;
	}

	int nextSymbolNumber(String body, int year) {
		return jdbc.sql("""
				insert into document_symbol_counter (body_code, year, last) values (?, ?, 1)
				on conflict (body_code, year) do update set last = document_symbol_counter.last + 1 returning last""")
				.params(body, year).query(Integer.class).single();
	}

	void insert(NegotiatedDocument document) {
		jdbc.sql("""
				insert into document (id, symbol, type, title, body_code, meeting_id, original_language, languages, access_level,
				  access_named, status, adopted_on, adopted_precision, tabled_by, sources, note, created_at)
				values (:id, :symbol, :type, :title, :body, :meeting, :original, :languages, :level, :named, :status, :adoptedOn,
				  :precision, :tabledBy, :sources, :note, :createdAt)""")
				.param("id", document.id()).param("symbol", document.symbol()).param("type", document.type().name())
				.param("title", document.title()).param("body", document.body()).param("meeting", document.meeting())
				.param("original", document.originalLanguage()).param("languages", document.languages().toArray(String[]::new))
				.param("level", document.access().level().name())
				.param("named", document.access().named().stream().sorted().toArray(String[]::new))
				.param("status", document.status().name()).param("adoptedOn", document.adoptedOn())
				.param("precision", document.adoptedPrecision() == null ? null : document.adoptedPrecision().name())
				.param("tabledBy", document.tabledBy()).param("sources", document.sources().toArray()).param("note", document.note())
				.param("createdAt", utc(document.createdAt())).update();
	}

	void setStatus(String id, DocumentStatus status, java.time.@Nullable LocalDate adoptedOn, @Nullable String meeting) {
		jdbc.sql("update document set status = ?, adopted_on = ?, adopted_precision = ?, meeting_id = coalesce(?, meeting_id) where id = ?")
				.params(status.name(), adoptedOn, adoptedOn == null ? null : DatePrecision.DAY.name(), meeting, id).update();
	}

	void insert(DocumentVersion version) {
		jdbc.sql("""
				insert into document_version (document_id, number, paragraphs, based_on, taken_in, issued_at, issued_by)
				values (?, ?, cast(? as jsonb), ?, ?, ?, ?)""")
				.params(version.document(), version.number(), json.writeValueAsString(version.paragraphs()), version.basedOn(),
						version.takenIn().toArray(Long[]::new), utc(version.issuedAt()), version.issuedBy())
				.update();
	}

	Optional<DocumentVersion> version(String document, int number) {
		return jdbc.sql("select * from document_version where document_id = ? and number = ?").params(document, number)
				.query((rs, row) -> version(rs)).optional();
	}

	List<DocumentVersion> versions(String document) {
		return jdbc.sql("select * from document_version where document_id = ? order by number").param(document)
				.query((rs, row) -> version(rs)).list();
	}

	long insert(Amendment amendment, String account) {
		return jdbc.sql("""
				insert into amendment (document_id, against_version, kind, paragraph, alternative, text, proposed_by,
				  proposed_by_account, proposed_at, explanation, status)
				values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, 'PROPOSED') returning id""")
				.params(amendment.document(), amendment.againstVersion(), amendment.kind().name(), amendment.paragraph(),
						amendment.alternative(), json.writeValueAsString(amendment.text()), amendment.proposedBy(),
						account, utc(amendment.proposedAt()), amendment.explanation())
				.query(Long.class).single();
	}

	List<Amendment> amendments(String document) {
		return jdbc.sql(AMENDMENT + " where a.document_id = ? order by a.id").param(document)
				.query((rs, row) -> amendment(rs)).list();
	}

	Optional<Amendment> amendment(long id) {
		return jdbc.sql(AMENDMENT + " where a.id = ?").param(id).query((rs, row) -> amendment(rs)).optional();
	}

	/** The proposer's invitations to co-sponsor, each pending until the invited State's delegation answers. */
	void invite(long amendment, List<String> participants, Instant at, String account) {
		for (var participant : participants) {
			jdbc.sql("""
					insert into cosponsorship (amendment_id, participant, status, invited_at, invited_by)
					values (?, ?, 'INVITED', ?, ?)""").params(amendment, participant, utc(at), account).update();
		}
	}

	/** Answers a pending invitation; false if it was not pending (answered meanwhile, or never made). */
	boolean answer(long amendment, String participant, boolean accepted, Instant at, String account) {
		return jdbc.sql("""
				update cosponsorship set status = ?, answered_at = ?, answered_by = ?
				where amendment_id = ? and participant = ? and status = 'INVITED'""")
				.params(accepted ? "ACCEPTED" : "DECLINED", utc(at), account, amendment, participant).update() == 1;
	}

	/**
	 * An amendment of the same delegation still proposed against the same version with the same kind,
	 * paragraph, alternative and text (the text compared as JSON, whatever the order of its languages).
	 */
	Optional<Long> sameProposed(Amendment amendment) {
		return jdbc.sql("""
				select id from amendment where status = 'PROPOSED' and duplicate_of is null and document_id = ? and against_version = ?
				  and proposed_by = ? and kind = ? and coalesce(paragraph, '') = ? and coalesce(alternative, '') = ?
				  and coalesce(text, '{}'::jsonb) = cast(? as jsonb)
				order by id limit 1""")
				.params(amendment.document(), amendment.againstVersion(), amendment.proposedBy(), amendment.kind().name(),
						amendment.paragraph() == null ? "" : amendment.paragraph(), amendment.alternative() == null ? "" : amendment.alternative(),
						json.writeValueAsString(amendment.text()))
				.query(Long.class).optional();
	}

	/** Marks a proposed amendment withdrawn; false if it was no longer proposed (taken in, outdated or withdrawn meanwhile). */
	boolean withdraw(long amendment, Instant at, String account) {
		return jdbc.sql("update amendment set status = 'WITHDRAWN', withdrawn_at = ?, withdrawn_by = ? where id = ? and status = 'PROPOSED'")
				.params(utc(at), account, amendment).update() == 1;
	}

	/** Ends the invitations to co-sponsor the amendment that were not answered; returns the States they were sent to. */
	List<String> lapseInvitations(long amendment, Instant at, String account) {
		return jdbc.sql("""
				update cosponsorship set status = 'LAPSED', answered_at = ?, answered_by = ?
				where amendment_id = ? and status = 'INVITED' returning participant""")
				.params(utc(at), account, amendment).query(String.class).list().stream().sorted().toList();
	}

	/** Whether the State was ever invited to co-sponsor the amendment (whatever became of the invitation). */
	boolean wasInvited(long amendment, String participant) {
		return jdbc.sql("select count(*) from cosponsorship where amendment_id = ? and participant = ?").params(amendment, participant)
				.query(Integer.class).single() > 0;
	}

	void takeIn(List<Long> ids, int version) {
		if (!ids.isEmpty()) {
			jdbc.sql("update amendment set status = 'TAKEN_IN', taken_into = :version where id in (:ids)")
					.param("version", version).param("ids", ids).update();
		}
	}

	/** Amendments still proposed against an older version are outdated by a new revision. */
	int outdate(String document, int current) {
		return jdbc.sql("update amendment set status = 'OUTDATED' where document_id = ? and status = 'PROPOSED' and against_version < ?")
				.params(document, current).update();
	}

	void state(String document, AlternativePosition position) {
		jdbc.sql("""
				insert into alternative_position (document_id, paragraph, alternative, participant, stance, on_version, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict (document_id, paragraph, alternative, participant)
				do update set stance = excluded.stance, on_version = excluded.on_version, recorded_at = excluded.recorded_at""")
				.params(document, position.paragraph(), position.alternative(), position.participant(), position.stance().name(),
						position.onVersion(), utc(position.recordedAt()))
				.update();
	}

	/** Removes a State's stance on an alternative; false if there was none (withdrawn meanwhile). */
	boolean withdraw(String document, AlternativePosition position) {
		return jdbc.sql("""
				delete from alternative_position where document_id = ? and paragraph = ? and alternative = ? and participant = ?""")
				.params(document, position.paragraph(), position.alternative(), position.participant()).update() == 1;
	}

	List<AlternativePosition> positions(String document) {
		return jdbc.sql("select * from alternative_position where document_id = ? order by paragraph, alternative, participant")
				.param(document)
				.query((rs, row) -> new AlternativePosition(rs.getString("paragraph"), rs.getString("alternative"),
						rs.getString("participant"), AlternativePosition.Stance.valueOf(rs.getString("stance")), rs.getInt("on_version"),
						instant(rs, "recorded_at")))
				.list();
	}

	private NegotiatedDocument document(ResultSet rs) throws SQLException {
		var named = Set.of((String[]) rs.getArray("access_named").getArray());
		var adoptedOn = rs.getObject("adopted_on", java.time.LocalDate.class);
		var precision = rs.getString("adopted_precision");
		int latest = rs.getInt("latest_version");
		Integer latestVersion = rs.wasNull() ? null : latest;
		return new NegotiatedDocument(rs.getString("id"), rs.getString("symbol"), DocumentType.valueOf(rs.getString("type")),
				rs.getString("title"), rs.getString("body_code"), rs.getString("meeting_id"), rs.getString("original_language"),
				Arrays.asList((String[]) rs.getArray("languages").getArray()),
				new Access(AccessLevel.valueOf(rs.getString("access_level")), named), DocumentStatus.valueOf(rs.getString("status")),
				adoptedOn, precision == null ? null : DatePrecision.valueOf(precision), rs.getString("tabled_by"),
				Sources.of(rs.getArray("sources")), rs.getString("note"), latestVersion, instant(rs, "created_at"));
	}

	private DocumentVersion version(ResultSet rs) throws SQLException {
		int basedOn = rs.getInt("based_on");
		Integer based = rs.wasNull() ? null : basedOn;
		return new DocumentVersion(rs.getString("document_id"), rs.getInt("number"),
				json.readValue(rs.getString("paragraphs"), PARAGRAPHS), based,
				Arrays.asList((Long[]) rs.getArray("taken_in").getArray()), instant(rs, "issued_at"), rs.getString("issued_by"));
	}

	private Amendment amendment(ResultSet rs) throws SQLException {
		var text = rs.getString("text");
		int takenInto = rs.getInt("taken_into");
		Integer taken = rs.wasNull() ? null : takenInto;
		return new Amendment(rs.getLong("id"), rs.getString("document_id"), rs.getInt("against_version"),
				AmendmentKind.valueOf(rs.getString("kind")), rs.getString("paragraph"), rs.getString("alternative"),
				text == null ? Map.of() : json.readValue(text, TEXT), rs.getString("proposed_by"),
				codes(rs, "accepted_cosponsors"), instant(rs, "proposed_at"), rs.getString("explanation"),
				Amendment.Status.valueOf(rs.getString("status")), taken, codes(rs, "invited_cosponsors"), codes(rs, "declined_cosponsors"),
				rs.getObject("withdrawn_at") == null ? null : instant(rs, "withdrawn_at"));
	}

	private static List<String> codes(ResultSet rs, String column) throws SQLException {
		return Arrays.asList((String[]) rs.getArray(column).getArray());
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
