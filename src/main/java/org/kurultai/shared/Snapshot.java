package org.kurultai.shared;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * One immutable value read from the database, kept in memory as of a version of the data it was read from (a data
 * version of its area): asked at the version it was read at, it answers from memory; at any other version it is read
 * again, once (the others asking meanwhile wait for that reading rather than reading too), and replaces the kept one.
 *
 * <p>For small data that every request reads and that rarely changes (the registry, the organs). The value must be
 * immutable, and only what a reader may share with every other reader may be kept: the caller asks only where a cache
 * may be filled (never inside a read-write transaction, whose reads may see its own uncommitted rows).
 *
 * @param <T> the kept value
 */
public final class Snapshot<T> {

	private record Held<T>(long version, T value) {
	}

	private final Supplier<T> reader;
	private final ReentrantLock reading = new ReentrantLock();
	private volatile @Nullable Held<T> held;

	/** A snapshot read by {@code reader} whenever the version it is asked at is not the kept one's. */
	public Snapshot(Supplier<T> reader) {
		this.reader = reader;
	}

	/** The value as of that version: the kept one if it was read at that version, else read now (and kept). */
	public T at(long version) {
		var current = held;
		if (current != null && current.version() == version) {
			return current.value();
		}
		reading.lock();
		try {
			current = held;
			if (current != null && current.version() == version) {
				return current.value();
			}
			// read after the version was known, so never older than it: at worst newer, and read again at the next version
			var value = reader.get();
			held = new Held<>(version, value);
			return value;
		}
		finally {
			reading.unlock();
		}
	}

	/** The version the kept value was read at, if one is kept. */
	public @Nullable Long version() {
		var current = held;
		return current == null ? null : current.version();
	}
}
