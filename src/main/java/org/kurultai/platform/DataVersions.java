package org.kurultai.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.AreaVersions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of each area of the record ({@code data_version}, V36): bumped in the database by every committed
 * statement that changed one of the area's rows, whichever instance made it. Caches of small, rarely changing data and
 * the public's rendered pages, feeds and open data files are keyed on them; what the public is given to revalidate is
 * not (it is of the bytes it receives: {@link Representations}), for a version also moves with work the public may not see.
 *
 * <p>The versions are held in memory and read again (one query) when this instance has committed a read-write
 * transaction since the last reading — so a person sees their own change at once — or when the reading is older than
 * {@code kurultai.data-versions.max-age} (default one second): a change made by another instance sharing the database
 * is seen within that time. {@code PT0S} reads them on every question.
 *
 * <p>A cache may be filled only where {@link #cacheable()} says so: never inside a read-write transaction, whose reads
 * may see its own uncommitted rows.
 */
@Component
public class DataVersions implements TransactionExecutionListener, AreaVersions {

	/** The areas of the record, each a set of tables (see V36). */
	public enum Area {
		REGISTRY, ORGANS, MEETINGS, DOCUMENTS, DECISIONS, CBM, TIMELINE, IDENTITY
	}

	/** One area's version and when it last changed. */
	public record Version(long version, Instant changedAt, boolean settled) {
	}

	/** The versions of some areas together: a validator for HTTP caching and a key for caches. */
	public record Stamp(String tag, Instant lastModified, boolean settled) {

		/**
		 * The last change as an HTTP {@code Last-Modified} may carry it (whole seconds), or null while the second of that
		 * change was not over when the versions were read: another change within the same second would carry the same
		 * date, and a client's {@code If-Modified-Since} would then be answered 304 over it. Without a date the entity tag
		 * alone validates (every browser sends it).
		 */
		public @Nullable Instant httpLastModified() {
			return settled ? lastModified : null;
		}

		/** A strong entity tag, quoted, of these versions and a variant (e.g. the language and the page). */
		public String etag(String variant) {
			return "\"" + tag + (variant.isEmpty() ? "" : "-" + Integer.toHexString(variant.hashCode())) + "\"";
		}
	}

	private record Reading(Map<Area, Version> versions, long commits, long readAtNanos) {
	}

	private final JdbcClient jdbc;
	private final long maxAgeNanos;
	private final AtomicLong commits = new AtomicLong();
	private final ReentrantLock reading = new ReentrantLock();
	private volatile @Nullable Reading last;

	DataVersions(JdbcClient jdbc, @Value("${kurultai.data-versions.max-age:PT1S}") Duration maxAge) {
		this.jdbc = jdbc;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/** The current version of an area. */
	public long version(Area area) {
		return versions().get(area).version();
	}

	/** The current version of an area by its name, for the kernel's snapshots ({@link AreaVersions}). */
	@Override
	public long version(String area) {
		return version(Area.valueOf(area));
	}

	/** The versions of these areas together (all areas when none are named). */
	public Stamp stamp(Area... areas) {
		var versions = versions();
		var tag = new StringBuilder();
		var lastModified = Instant.EPOCH;
		var settled = true;
		for (var area : areas.length == 0 ? Area.values() : areas) {
			var version = versions.get(area);
			tag.append(tag.isEmpty() ? "" : ".").append(Long.toString(version.version(), 36));
			lastModified = version.changedAt().isAfter(lastModified) ? version.changedAt() : lastModified;
			settled &= version.settled();
		}
		return new Stamp(tag.toString(), lastModified, settled);
	}

	/** Whether the current thread may fill a cache from what it reads: not inside a read-write transaction. */
	@Override
	public boolean cacheable() {
		return !TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Reads the versions again now (after a write this instance made outside a Spring transaction, e.g. in a test). */
	public void refresh() {
		commits.incrementAndGet();
	}

	/** What was loaded at start-up (reference data, outside this listener's view) is read again. */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		refresh();
	}

	@Override
	public void afterCommit(TransactionExecution transaction, @Nullable Throwable failure) {
		if (failure == null && !transaction.isReadOnly()) {
			commits.incrementAndGet();
		}
	}

	private Map<Area, Version> versions() {
		if (!cacheable()) {
			// inside a read-write transaction: what it reads may be its own uncommitted change, never shared
			return read();
		}
		var reading = last;
		if (reading != null && reading.commits() == commits.get()) {
			if (System.nanoTime() - reading.readAtNanos() < maxAgeNanos) {
				return reading.versions();
			}
			// only old: one thread reads again, the others go on with what is known
			if (!this.reading.tryLock()) {
				return reading.versions();
			}
		}
		else {
			// this instance committed since: everyone waits for the new reading (read your own writes)
			this.reading.lock();
		}
		try {
			var current = last;
			var seen = commits.get();
			if (current != null && current.commits() == seen && System.nanoTime() - current.readAtNanos() < maxAgeNanos) {
				return current.versions();
			}
			var startedAt = System.nanoTime();
			var fresh = new Reading(read(), seen, startedAt);
			last = fresh;
			return fresh.versions();
		}
		finally {
			this.reading.unlock();
		}
	}

	private Map<Area, Version> read() {
		var versions = new EnumMap<Area, Version>(Area.class);
		// settled: the change's second was over when this was read (the database's clock, which stamped the change)
		jdbc.sql("select area, version, changed_at, changed_at < date_trunc('second', statement_timestamp()) as settled from data_version")
				.query(row -> {
			var name = row.getString("area");
			for (var area : Area.values()) {
				if (area.name().equals(name)) {
					versions.put(area, new Version(row.getLong("version"), row.getTimestamp("changed_at").toInstant(), row.getBoolean("settled")));
				}
			}
		});
		for (var area : Area.values()) {
			versions.putIfAbsent(area, new Version(0, Instant.EPOCH, true));
		}
		return Map.copyOf(versions);
	}
}
