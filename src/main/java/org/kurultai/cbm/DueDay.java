package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The forum's yearly deadlines: a return on a reference year is due by the end of a day of the following year, in a zone. */
final class DueDay {

	private DueDay() {
	}

	/** The first moment after the due day of the year after {@code referenceYear}, in the zone: on time is before it. */
	static Instant endOf(MonthDay due, int referenceYear, ZoneId zone) {
		return ZonedDateTime.of(due.atYear(referenceYear + 1).plusDays(1), LocalTime.MIDNIGHT, zone).toInstant();
	}
}
