package org.kurultai.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends audited acts to the log, in the transaction of the write they describe (so a write and its entry commit or
 * fail together), verifies the chain and takes signed checkpoints of its head. Appends are serialized by an advisory
 * lock so the chain stays one line, with gap-free positions, even with several application instances.
 */
@Service
public class AuditLog {

	private static final long CHAIN_LOCK = 0x6175646974L; // "audit"
	private static final long CHECKPOINT_LOCK = 0x6175646974L + 1;

	private final JdbcClient jdbc;
	private final AuditKey key;
	private final CheckpointStore checkpoints;
	private final Duration checkpointInterval;
	private final Clock clock;
	private volatile @Nullable String chainId;

	AuditLog(JdbcClient jdbc, AuditKey key, CheckpointStore checkpoints, AuditProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.key = key;
		this.checkpoints = checkpoints;
		this.checkpointInterval = properties.checkpointInterval();
		this.clock = clock;
	}

	/** Records an act; must run inside the transaction of the write it describes. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(Act act) {
		var chain = chainId();
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
		var head = jdbc.sql("""
				select nextval('audit_entry_id_seq') as id, h.seq, h.hash
				from (select 1) one left join lateral
				  (select seq, hash from audit_entry where seq is not null order by seq desc limit 1) h on true""")
				.query((rs, row) -> new Head(rs.getLong("id"), rs.getObject("seq", Long.class), rs.getString("hash"))).single();
		long seq;
		String previous;
		if (head.seq() != null && head.hash() != null) {
			seq = head.seq() + 1;
			previous = head.hash();
		}
		else {
			// the first keyed entry: it follows the unkeyed ones written before the keyed chain, if any
			seq = jdbc.sql("select count(*) from audit_entry").query(Long.class).single() + 1;
			previous = jdbc.sql("select hash from audit_entry order by id desc limit 1").query(String.class).optional()
					.orElse(Digests.GENESIS);
		}
		var entry = new AuditEntry(head.id(), seq, AuditEntry.KEYED, Instant.now(clock).truncatedTo(ChronoUnit.MICROS), act.actor(),
				act.onBehalfOf(), act.action(), act.subject(), Digests.of(act.before()), Digests.of(act.after()), previous, "");
		var sealed = entry.withHash(key.chainHash(entry.canonical(chain)));
		jdbc.sql("""
				insert into audit_entry (id, seq, chain, at, actor, on_behalf_of, action, subject, before_digest, after_digest,
				                         previous_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(sealed.id(), sealed.seq(), sealed.chain(), OffsetDateTime.ofInstant(sealed.at(), ZoneOffset.UTC), sealed.actor(),
						sealed.onBehalfOf(), sealed.action(), sealed.subject(), sealed.beforeDigest(), sealed.afterDigest(),
						sealed.previousHash(), sealed.hash())
				.update();
		return sealed;
	}

	private record Head(long id, @Nullable Long seq, @Nullable String hash) {
	}

	/**
	 * Walks the whole chain in order, checking every hash against the key, every link and every position, then checks
	 * the chain against every signed checkpoint in the checkpoint file and the database; reports the first thing that
	 * does not hold, what kind of tampering it shows, and the first entry concerned.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify() {
		return check().verification();
	}

	/**
	 * Takes a signed checkpoint of the chain's head if the chain verifies, and stores it outside the database (and a copy
	 * in it). With {@code onlyIfDue}, none is taken if a checkpoint of this chain, signed with this key, was taken within
	 * (nine tenths of) the interval by any instance: only checkpoints that verify count, so a row anyone may insert into
	 * {@code audit_checkpoint} cannot put the next one off. A recent row that does not verify does not put it off either:
	 * the chain is checked, which reports that row, and no checkpoint is taken. Returns the checkpoint taken, or why none
	 * was, and the verification.
	 */
	@Transactional // read committed: what another instance committed before this one took the lock is seen after it
	public Checkpointing checkpoint(boolean onlyIfDue) {
		if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query(Boolean.class).single()) {
			return new Checkpointing(null, null, "another instance is taking a checkpoint");
		}
		var now = Instant.now(clock);
		if (onlyIfDue) {
			var latest = latestVerifiedCheckpointSince(now.minus(checkpointInterval.multipliedBy(9).dividedBy(10)), now);
			if (latest != null) {
				return new Checkpointing(null, null, "a checkpoint was taken at " + latest);
			}
		}
		var checked = check();
		if (!checked.verification().intact()) {
			return new Checkpointing(null, checked.verification(), "the chain does not verify");
		}
		var walk = checked.walk();
		var checkpoint = Checkpoint.signed(key, chainId(), now.truncatedTo(ChronoUnit.MICROS), walk.count(), walk.count(),
				walk.lastHash(), walk.unkeyedCount());
		checkpoints.append(checkpoint);
		return new Checkpointing(checkpoint, checked.verification(), null);
	}

	/**
	 * When the latest checkpoint of this chain, signed with this key, taken after {@code since} and not after {@code now},
	 * was taken: null if there is none, or if a row recorded after {@code since} does not verify (then a checkpoint is due
	 * and the check that precedes it reports that row).
	 */
	private @Nullable Instant latestVerifiedCheckpointSince(Instant since, Instant now) {
		var chain = chainId();
		Instant latest = null;
		for (var stored : checkpoints.recordedInDatabaseSince(chain, since)) {
			Checkpoint checkpoint;
			try {
				checkpoint = Checkpoint.parse(stored.line());
			}
			catch (IllegalArgumentException notACheckpoint) {
				return null;
			}
			if (!checkpoint.signedBy(key) || !checkpoint.chain().equals(chain)) {
				return null;
			}
			if (checkpoint.at().isAfter(since) && !checkpoint.at().isAfter(now) && (latest == null || checkpoint.at().isAfter(latest))) {
				latest = checkpoint.at();
			}
		}
		return latest;
	}

	/** A checkpoint taken, or why none was; and the verification it rests on, if one ran. */
	public record Checkpointing(@Nullable Checkpoint checkpoint, @Nullable Verification verification, @Nullable String skipped) {
	}

	private record Checked(Verification verification, ChainWalk walk) {
	}

	private Checked check() {
		var chain = chainId();
		var mine = new ArrayList<Checkpoint>();
		var notices = new ArrayList<String>();
		String forged = null;
		Long forgedPosition = null;
		Checkpoint replaced = null; // the largest checkpoint of another chain signed with this key
		String replacedWhere = null;
		int replacedCount = 0;
		for (var stored : checkpoints.readAll(notices)) {
			Checkpoint checkpoint;
			try {
				checkpoint = Checkpoint.parse(stored.line());
			}
			catch (IllegalArgumentException e) {
				forged = forged != null ? forged : stored.where() + " is not a checkpoint: " + e.getMessage();
				continue;
			}
			if (!checkpoint.signedBy(key)) {
				// whichever chain it names: the file and the table belong to this deployment and its one key
				if (forged == null) {
					forged = stored.where() + " (" + checkpoint.at() + (checkpoint.chain().equals(chain) ? "" : ", naming chain " + checkpoint.chain())
							+ ") is not signed with this key: it was forged or altered, or written under another key (key "
							+ checkpoint.key() + ", this key is " + key.id() + ")";
					forgedPosition = checkpoint.chain().equals(chain) ? checkpoint.seq() : null;
				}
			}
			else if (!checkpoint.chain().equals(chain)) {
				replacedCount++;
				if (replaced == null || checkpoint.count() > replaced.count()
						|| (checkpoint.count() == replaced.count() && checkpoint.at().isAfter(replaced.at()))) {
					replaced = checkpoint;
					replacedWhere = stored.where();
				}
			}
			else {
				mine.add(checkpoint);
			}
		}
		var positions = new HashSet<Long>();
		mine.forEach(checkpoint -> positions.add(checkpoint.seq()));
		var walk = new ChainWalk(key, chain, positions);
		jdbc.sql("select * from audit_entry order by seq nulls first, id").query(rs -> {
			walk.accept(entry(rs));
		});
		var broken = walk.finish();
		if (broken == null && replaced != null) {
			broken = Verification.broken(walk.count(), Tampering.REPLACED, null, null, replacedWhere + " is a checkpoint signed with this key of "
					+ "another chain, " + replaced.chain() + ", taken at " + replaced.at() + " and counting " + replaced.count()
					+ " entries (the last at position " + replaced.seq() + ", " + replaced.hash().substring(0, Math.min(12, replaced.hash().length()))
					+ (replacedCount > 1 ? "; " + replacedCount + " such checkpoints in all" : "") + "); this database's chain is " + chain
					+ " with " + walk.count() + " entries: the audit log was emptied or replaced and its chain given a new identity. "
					+ "If this database was deliberately re-created, start a new checkpoint file: keep the old one ("
					+ checkpoints.file() + ") apart as the record of the old database, and restart with that file moved away or with "
					+ "kurultai.audit.checkpoint-file naming a new one");
		}
		if (broken == null && forged != null) {
			broken = Verification.broken(walk.count(), Tampering.FORGED_CHECKPOINT, null, forgedPosition, forged);
		}
		if (broken == null) {
			broken = againstCheckpoints(walk, mine);
		}
		if (mine.isEmpty()) {
			notices.add("no checkpoint of this chain yet: the removal of the last entries cannot be told");
		}
		var latest = mine.stream().max(Comparator.comparing(Checkpoint::at)).orElse(null);
		var verification = broken != null ? broken : new Verification(true, walk.count(), null, null, null, null, 0, null, List.of());
		return new Checked(verification.withCheckpoints(mine.size(), latest, notices), walk);
	}

	private static @Nullable Verification againstCheckpoints(ChainWalk walk, List<Checkpoint> checkpoints) {
		var count = walk.count();
		for (var checkpoint : checkpoints.stream().sorted(Comparator.comparingLong(Checkpoint::seq)).toList()) {
			var taken = "the checkpoint of " + checkpoint.at();
			if (checkpoint.seq() > count || checkpoint.count() > count) {
				return Verification.broken(count, Tampering.TRUNCATED, null, count + 1,
						taken + " counts " + checkpoint.count() + " entries ending with " + checkpoint.hash().substring(0, 12)
								+ " at position " + checkpoint.seq() + "; the log ends at position " + count + ": the entries from position "
								+ (count + 1) + " on were removed");
			}
			if (checkpoint.unkeyed() != walk.unkeyedCount()) {
				return Verification.broken(count, Tampering.RECOMPUTED, null, Math.min(checkpoint.unkeyed(), walk.unkeyedCount()) + 1,
						taken + " counts " + checkpoint.unkeyed() + " entries from before the keyed chain, the log "
								+ walk.unkeyedCount() + ": the chain was rewritten without the key");
			}
			if (checkpoint.seq() > 0) {
				var entry = walk.at(checkpoint.seq());
				if (entry == null || !entry.hash().equals(checkpoint.hash())) {
					return Verification.broken(count, Tampering.RECOMPUTED, entry == null ? null : entry.id(), checkpoint.seq(),
							"the entry at position " + checkpoint.seq() + " is not the one " + taken + " names (" + checkpoint.hash().substring(0, 12)
									+ "): entries up to it were rewritten, or removed and replaced");
				}
			}
		}
		return null;
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

	/** Where checkpoints are appended. */
	public java.nio.file.Path checkpointFile() {
		return checkpoints.file();
	}

	/** The identity of this database's chain (V17's {@code audit_chain}); it never changes, so it is read once. */
	String chainId() {
		var id = chainId;
		if (id == null) {
			id = jdbc.sql("select cast(id as text) from audit_chain").query(String.class).single();
			chainId = id;
		}
		return id;
	}

	private static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("seq", Long.class), rs.getInt("chain"),
				rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("on_behalf_of"),
				rs.getString("action"), rs.getString("subject"), rs.getString("before_digest"), rs.getString("after_digest"),
				rs.getString("previous_hash"), rs.getString("hash"));
	}
}
