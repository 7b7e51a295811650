package org.kurultai.cbm;

import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a report is due, in the forum's time zone, and what its saves make of it. */
class ReportingTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@Test
	void aReportOnAYearIsDueByTheEndOfTheDueDayInTheForumsTimeZone() {
		var reporting = new ReportingProperties(null);
		var due = reporting.dueAt(2025, ALMATY);
		// Almaty keeps UTC+5 since March 2024: the end of 31 March 2026 there is 19:00 UTC
		assertThat(due).isEqualTo(Instant.parse("2026-03-31T19:00:00Z"));
		assertThat(reporting.dueDay(2025)).hasToString("2026-03-31");
		assertThat(new ReportingProperties(MonthDay.of(1, 31)).dueAt(2025, ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
	}

	static ImplementationReport.Revision save(int number, ImplementationReport.Kind kind, String at, Instant due) {
		var savedAt = Instant.parse(at);
		return new ImplementationReport.Revision(number, kind, false, "text " + number, savedAt, "coordinator",
				kind == ImplementationReport.Kind.SUBMISSION && !savedAt.isBefore(due));
	}

	@Test
	void aSubmissionAfterTheDeadlineIsLateEvenWhereItIsStillTheDueDayInUtc() {
		var due = new ReportingProperties(null).dueAt(2025, ALMATY);
		// 23:30 on 31 March in Almaty: on time
		var onTime = new ImplementationReport(1, "KAZ", "NCT-EPI", 2025, due,
				List.of(save(1, ImplementationReport.Kind.SUBMISSION, "2026-03-31T18:30:00Z", due)));
		assertThat(onTime.late()).isFalse();
		// 00:10 on 1 April in Almaty, still 31 March in UTC: late
		var late = new ImplementationReport(2, "KAZ", "NCT-EPI", 2025, due,
				List.of(save(1, ImplementationReport.Kind.SUBMISSION, "2026-03-31T19:10:00Z", due)));
		assertThat(late.late()).isTrue();
	}

	@Test
	void draftsSubmissionsAndResubmissions() {
		var due = Instant.parse("2026-03-31T19:00:00Z");
		var report = new ImplementationReport(1, "KAZ", "NCT-EPI", 2025, due, List.of(
				save(1, ImplementationReport.Kind.DRAFT, "2026-02-01T10:00:00Z", due),
				save(2, ImplementationReport.Kind.SUBMISSION, "2026-03-01T10:00:00Z", due),
				save(3, ImplementationReport.Kind.DRAFT, "2026-05-01T10:00:00Z", due),
				save(4, ImplementationReport.Kind.SUBMISSION, "2026-05-02T10:00:00Z", due)));
		assertThat(report.status()).isEqualTo(ImplementationReport.Status.RESUBMITTED);
		assertThat(report.late()).as("first submitted on time; a later resubmission does not make it late").isFalse();
		assertThat(report.submitted().orElseThrow().number()).isEqualTo(4);
		assertThat(report.overdueAt(Instant.parse("2026-06-01T00:00:00Z"))).isFalse();
		var draftOnly = new ImplementationReport(2, "KAZ", "ECON-IT", 2025, due, List.of(save(1, ImplementationReport.Kind.DRAFT,
				"2026-02-01T10:00:00Z", due)));
		assertThat(draftOnly.status()).isEqualTo(ImplementationReport.Status.DRAFT);
		assertThat(draftOnly.overdueAt(Instant.parse("2026-04-01T00:00:00Z"))).isTrue();
		assertThat(draftOnly.overdueAt(Instant.parse("2026-03-01T00:00:00Z"))).isFalse();
	}
}
