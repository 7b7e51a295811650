package org.kurultai.fund;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Fund's tables (V46): entries and their lines, contributors, pledges, exchange rates, the ledger's lock. */
@Repository
class LedgerRepository {

	private final JdbcClient jdbc;

	LedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ledger's lock: every movement that checks balances takes it first, so they take turns. */
	void lock() {
		jdbc.sql("select entries from fund_ledger_state where fund = 1 for update").query(Long.class).single();
	}

	/** Every line posted, with its entry's value date and kind (a reversal's: the reversed entry's kind). */
	List<Posted> posted() {
		return jdbc.sql("""
				select l.*, e.id as eid, e.value_date, coalesce(r.kind, e.kind) as effective_kind, e.kind = 'REVERSAL' as is_reversal
				  from fund_line l join fund_entry e on e.id = l.entry_id left join fund_entry r on r.id = e.reverses
				 order by e.id, l.id""").query((rs, row) -> new Posted(rs.getLong("eid"), rs.getObject("value_date", LocalDate.class),
				EntryKind.valueOf(rs.getString("effective_kind")), rs.getBoolean("is_reversal"), line(rs))).list();
	}

	long insertEntry(EntryKind kind, LocalDate valueDate, String reference, @Nullable Long contributor, @Nullable Long pledge, @Nullable Long project,
			@Nullable Long tranche, @Nullable Long decision, @Nullable Long reverses, Instant at, String by, List<LedgerLine> lines) {
		long id = jdbc.sql("""
				insert into fund_entry (kind, value_date, reference, contributor_id, pledge_id, project_id, tranche_id, decision_id, reverses,
				                        recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(kind.name(), valueDate, reference, contributor, pledge, project, tranche, decision, reverses, Timestamp.from(at), by)
				.query(Long.class).single();
		for (var line : lines) {
			jdbc.sql("""
					insert into fund_line (entry_id, account, amount, currency, original_amount, rate, contributor_id, pledge_id, project_id,
					                       earmark_project, earmark_area)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(id, line.account().name(), line.amount(), line.currency(), line.original(), line.rate(), line.contributor(), line.pledge(),
							line.project(), line.earmark().project(), line.earmark().area())
					.update();
		}
		jdbc.sql("update fund_ledger_state set entries = entries + 1 where fund = 1").update();
		return id;
	}

	Optional<Long> allocationOf(long project) {
		return jdbc.sql("select id from fund_entry where kind = 'ALLOCATION' and project_id = ?").param(project).query(Long.class).optional();
	}

	Optional<LedgerEntry> entry(long id) {
		return entries("where e.id = ?", id).stream().findFirst();
	}

	/** The project's tranche this entry paid is unpaid again (its payment reversed); false when the entry paid no tranche. */
	boolean reopenTranche(long tranche, long entry) {
		return jdbc.sql("""
				update fund_tranche set disbursed_on = null, disbursed_amount = null, ledger_entry = null, reference = null, disbursed_at = null,
				       disbursed_by = null
				 where id = ? and ledger_entry = ?""").params(tranche, entry).update() == 1;
	}

	/** Is there a Fund project of this id (money may be earmarked for it)? */
	boolean projectExists(long project) {
		return jdbc.sql("select exists (select 1 from fund_project where id = ?)").param(project).query(Boolean.class).single();
	}

	boolean reversed(long id) {
		return jdbc.sql("select count(*) from fund_entry where reverses = ?").param(id).query(Long.class).single() > 0;
	}

	/** Entries, oldest first, with their lines; {@code where} filters the entries ({@code e.}). */
	List<LedgerEntry> entries(String where, Object... params) {
		var byId = new LinkedHashMap<Long, LedgerEntry>();
		var lines = new LinkedHashMap<Long, List<LedgerLine>>();
		jdbc.sql("select e.* from fund_entry e " + where + " order by e.value_date, e.id").params(params).query((rs, row) -> {
			var id = rs.getLong("id");
			lines.put(id, new ArrayList<>());
			byId.put(id, new LedgerEntry(id, EntryKind.valueOf(rs.getString("kind")), rs.getObject("value_date", LocalDate.class),
					rs.getString("reference"), nullableLong(rs, "contributor_id"), nullableLong(rs, "pledge_id"), nullableLong(rs, "project_id"),
					nullableLong(rs, "tranche_id"), nullableLong(rs, "decision_id"), nullableLong(rs, "reverses"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), List.of()));
			return id;
		}).list();
		if (byId.isEmpty()) {
			return List.of();
		}
		jdbc.sql("select l.* from fund_line l join fund_entry e on e.id = l.entry_id " + where + " order by l.id").params(params)
				.query((rs, row) -> {
					lines.get(rs.getLong("entry_id")).add(line(rs));
					return 1;
				}).list();
		return byId.values().stream().map(e -> new LedgerEntry(e.id(), e.kind(), e.valueDate(), e.reference(), e.contributor(), e.pledge(),
				e.project(), e.tranche(), e.decision(), e.reverses(), e.recordedAt(), e.recordedBy(), List.copyOf(lines.get(e.id())))).toList();
	}

	// contributors

	List<Contributor> contributors() {
		return jdbc.sql("select * from fund_contributor order by id").query((rs, row) -> contributor(rs)).list();
	}

	Optional<Contributor> contributor(long id) {
		return jdbc.sql("select * from fund_contributor where id = ?").param(id).query((rs, row) -> contributor(rs)).optional();
	}

	Optional<Contributor> contributorOf(String participant) {
		return jdbc.sql("select * from fund_contributor where participant_code = ?").param(participant).query((rs, row) -> contributor(rs))
				.optional();
	}

	Optional<Contributor> contributorNamed(String name, @Nullable String country) {
		return jdbc.sql("select * from fund_contributor where lower(name) = lower(?) and coalesce(country, '') = ?").params(name,
				country == null ? "" : country).query((rs, row) -> contributor(rs)).optional();
	}

	long insertContributor(ContributorKind kind, @Nullable String participant, @Nullable String name, @Nullable String country, Instant at,
			String by) {
		return jdbc.sql("""
				insert into fund_contributor (kind, participant_code, name, country, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)
				on conflict do nothing returning id""").params(kind.name(), participant, name, country, Timestamp.from(at), by)
				.query(Long.class).optional().orElseGet(() -> participant != null ? contributorOf(participant).orElseThrow().id()
						: contributorNamed(name == null ? "" : name, country).orElseThrow().id());
	}

	// pledges

	long insertPledge(long contributor, String currency, BigDecimal amount, LocalDate on, Earmark earmark, String reference) {
		return jdbc.sql("""
				insert into fund_pledge (contributor_id, currency, amount, pledged_on, earmark_project, earmark_area, reference)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(contributor, currency, amount, on, earmark.project(), earmark.area(), reference).query(Long.class).single();
	}

	Optional<Pledge> pledge(long id) {
		return jdbc.sql("select * from fund_pledge where id = ?").param(id).query((rs, row) -> pledge(rs)).optional();
	}

	List<Pledge> pledges() {
		return jdbc.sql("select * from fund_pledge order by pledged_on, id").query((rs, row) -> pledge(rs)).list();
	}

	// exchange rates

	/** The rate recorded for the currency on the day, or the latest before it. */
	Optional<ExchangeRate> rate(String currency, LocalDate day) {
		return jdbc.sql("select * from fund_exchange_rate where currency = ? and day <= ? order by day desc limit 1").params(currency, day)
				.query((rs, row) -> rate(rs)).optional();
	}

	List<ExchangeRate> rates() {
		return jdbc.sql("select * from fund_exchange_rate order by day desc, currency").query((rs, row) -> rate(rs)).list();
	}

	/** Inserts the rate; false when one is recorded for that currency and day already. */
	boolean insertRate(String currency, LocalDate day, BigDecimal rate, String source, Instant at, String by) {
		return jdbc.sql("""
				insert into fund_exchange_rate (currency, day, rate, source, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)
				on conflict do nothing""").params(currency, day, rate, source, Timestamp.from(at), by).update() == 1;
	}

	private static ExchangeRate rate(ResultSet rs) throws SQLException {
		return new ExchangeRate(rs.getString("currency"), rs.getObject("day", LocalDate.class), rs.getBigDecimal("rate").stripTrailingZeros(),
				rs.getString("source"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
	}

	private static Pledge pledge(ResultSet rs) throws SQLException {
		return new Pledge(rs.getLong("id"), rs.getLong("contributor_id"), rs.getString("currency"), rs.getBigDecimal("amount"),
				rs.getObject("pledged_on", LocalDate.class), new Earmark(nullableLong(rs, "earmark_project"), rs.getString("earmark_area")),
				rs.getString("reference"));
	}

	private static Contributor contributor(ResultSet rs) throws SQLException {
		return new Contributor(rs.getLong("id"), ContributorKind.valueOf(rs.getString("kind")), rs.getString("participant_code"),
				rs.getString("name"), rs.getString("country"));
	}

	private static LedgerLine line(ResultSet rs) throws SQLException {
		return new LedgerLine(LedgerAccount.valueOf(rs.getString("account")), rs.getBigDecimal("amount"), rs.getString("currency"),
				rs.getBigDecimal("original_amount"), rs.getBigDecimal("rate"), nullableLong(rs, "contributor_id"), nullableLong(rs, "pledge_id"),
				nullableLong(rs, "project_id"), new Earmark(nullableLong(rs, "earmark_project"), rs.getString("earmark_area")));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
