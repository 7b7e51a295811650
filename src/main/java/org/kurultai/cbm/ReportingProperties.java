package org.kurultai.cbm;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When implementation reports are due: by the end of {@code due} (a month and day) of the year after
 * the year reported on, in the forum's time zone. CICA's Secretariat reports to the SWG and SOC in
 * the spring, so the default is 31 March.
 *
 * @param due month and day, e.g. {@code --03-31}
 */
@ConfigurationProperties("kurultai.cbm.reports")
public record ReportingProperties(MonthDay due) {

	public ReportingProperties {
		if (due == null) {
			due = MonthDay.of(3, 31);
		}
	}

	/** The last moment a report on {@code year} is on time: the end of the due day, in the zone. */
	public java.time.Instant dueAt(int year, ZoneId zone) {
		return DueDay.endOf(due, year, zone);
	}

	public LocalDate dueDay(int year) {
		return due.atYear(year + 1);
	}
}
