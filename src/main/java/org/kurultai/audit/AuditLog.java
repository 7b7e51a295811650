package org.kurultai.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audited acts to the log, in the transaction of the write they describe (so a write and
 * its entry commit or fail together), and verifies the chain. Appends are serialized by an
 * advisory lock so the chain stays one line even with several application instances.
 */
@Service
public class AuditLog {

	private static final long CHAIN_LOCK = 0x6175646974L; // "audit"

	private final JdbcClient jdbc;
	private final Clock clock;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.clock = Clock.systemUTC();
	}

	/** Records an act; must run inside the transaction of the write it describes. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(Act act) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
		var previous = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class).optional()
				.orElse(Digests.GENESIS);
		var id = jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single();
		var entry = new AuditEntry(id, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), act.actor(), act.onBehalfOf(),
				act.action(), act.subject(), Digests.of(act.before()), Digests.of(act.after()), previous, "");
		var sealed = new AuditEntry(entry.id(), entry.at(), entry.actor(), entry.onBehalfOf(), entry.action(), entry.subject(),
				entry.beforeDigest(), entry.afterDigest(), previous, entry.expectedHash());
		jdbc.sql("""
				insert into audit_entry (id, at, actor, on_behalf_of, action, subject, before_digest, after_digest, previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(sealed.id(), OffsetDateTime.ofInstant(sealed.at(), ZoneOffset.UTC), sealed.actor(), sealed.onBehalfOf(),
						sealed.action(), sealed.subject(), sealed.beforeDigest(), sealed.afterDigest(), sealed.previousHash(),
						sealed.hash())
				.update();
		return sealed;
	}

	/** Walks the whole chain in order and reports the first entry that does not hold. */
	@Transactional(readOnly = true)
	public Verification verify() {
		var expectedPrevious = new String[] { Digests.GENESIS };
		var checked = new long[] { 0 };
		var broken = new Verification[1];
		jdbc.sql("select * from audit_entry order by id").query(rs -> {
			if (broken[0] != null) {
				return;
			}
			var entry = entry(rs);
			checked[0]++;
			if (!entry.previousHash().equals(expectedPrevious[0])) {
				broken[0] = new Verification(false, checked[0], entry.id(), "does not follow the entry before it");
			}
			else if (!entry.hash().equals(entry.expectedHash())) {
				broken[0] = new Verification(false, checked[0], entry.id(), "its content does not match its hash");
			}
			expectedPrevious[0] = entry.hash();
		});
		return broken[0] != null ? broken[0] : new Verification(true, checked[0], null, null);
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditQuery query) {
		return jdbc.sql("""
				select * from audit_entry
				where (cast(:actor as text) is null or actor = :actor)
				  and (cast(:behalf as text) is null or on_behalf_of = :behalf)
				  and (cast(:action as text) is null or action like :action || '%')
				  and (cast(:from as timestamptz) is null or at >= :from)
				  and (cast(:to as timestamptz) is null or at < :to)
				order by id desc limit :limit""")
				.param("actor", query.actor()).param("behalf", query.onBehalfOf()).param("action", query.action())
				.param("from", query.from() == null ? null : OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC))
				.param("to", query.to() == null ? null : OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC))
				.param("limit", query.limit())
				.query((rs, row) -> entry(rs)).list();
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("on_behalf_of"), rs.getString("action"), rs.getString("subject"), rs.getString("before_digest"),
				rs.getString("after_digest"), rs.getString("previous_hash"), rs.getString("hash"));
	}
}
