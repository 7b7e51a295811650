package org.kurultai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's time plus an offset that a test moves forward, so a
 * deadline passes when the test says so, not when the machine gets round to it. Time only ever moves
 * forward (an advance, never a step back; no instant earlier than one already told): the application
 * relies on it, e.g. a sign-out everywhere refuses what was issued before it, the audit chain's times
 * follow its order. Since one application context (one clock) serves every {@link IntegrationTest}
 * class, an advance holds for the later tests too: a test takes "now" and its deadlines from this clock
 * (or the {@code ForumClock} built on it), never from {@code LocalDateTime.now()}, and advances only as
 * far as its own deadline ({@link #advanceTo}). Thread-safe; every zone view shares the one offset.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
	private final AtomicLong latestNanos = new AtomicLong(Long.MIN_VALUE);
	private final Clock system = Clock.systemUTC();

	@Override
	public Instant instant() {
		var candidate = system.instant().plus(offset.get());
		long nanos = latestNanos.accumulateAndGet(toNanos(candidate), Math::max);
		return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
	}

	/** Moves time forward by the given (non-negative) amount, for the whole application at once. */
	public Instant advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("time does not go backwards: " + by);
		}
		offset.accumulateAndGet(by, Duration::plus);
		return instant();
	}

	/** Moves time forward to at least the given instant; does nothing if it is already later. */
	public Instant advanceTo(Instant target) {
		offset.accumulateAndGet(Duration.ZERO, (current, ignored) -> {
			var now = system.instant().plus(current);
			return now.isBefore(target) ? current.plus(Duration.between(now, target)) : current;
		});
		return instant();
	}

	/** How far ahead of the system's time this clock runs. */
	public Duration offset() {
		return offset.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new Zoned(this, zone);
	}

	private static long toNanos(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
	}

	/** This clock seen in another zone: the same instants (the same offset), another "today". */
	private static final class Zoned extends Clock {

		private final TestClock clock;
		private final ZoneId zone;

		Zoned(TestClock clock, ZoneId zone) {
			this.clock = clock;
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return other.equals(zone) ? this : new Zoned(clock, other);
		}
	}

	/**
	 * Puts a {@link TestClock} in place of the application's clock (the {@code ForumClock} is built on it),
	 * imported by {@link IntegrationTest}. Deliberately not a {@code @Configuration}: component scanning in
	 * the tests that start their own application must not pick it up.
	 */
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}
	}
}
