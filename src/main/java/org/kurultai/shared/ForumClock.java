package org.kurultai.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The forum's "today": the date at the seat of the Secretariat, in the forum's time zone.
 * Everything that defaults to "as of today" asks this, never {@code LocalDate.now()}.
 */
public final class ForumClock {

	private final Clock clock;

	public ForumClock(Clock clock) {
		this.clock = clock;
	}

	public static ForumClock system(ZoneId zone) {
		return new ForumClock(Clock.system(zone));
	}

	/** The instant now, from the one injected clock (tests may set it). */
	public Instant now() {
		return clock.instant();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public ZoneId zone() {
		return clock.getZone();
	}
}
