package org.kurultai.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.kurultai.timeline.EventKind;
import org.kurultai.timeline.TimelineEntry;

import static org.assertj.core.api.Assertions.assertThat;

/** When an entry was updated, and its stable key, from the records alone (days in the forum’s zone, Almaty: UTC+6 in 2006, UTC+5 since 2024). */
class FeedEntriesTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	static NegotiatedDocument document(LocalDate adoptedOn, Instant createdAt) {
		return new NegotiatedDocument("D", "CICA/D", DocumentType.STATEMENT, "A statement", "SOC", null, "en", List.of("en"), Access.PUBLIC,
				adoptedOn == null ? DocumentStatus.DRAFT : DocumentStatus.ADOPTED, adoptedOn, adoptedOn == null ? null : DatePrecision.DAY, null,
				Sources.none(), null, 0, createdAt);
	}

	@Test
	void aDocumentRecordedFromHistoryIsUpdatedOnItsDayOfAdoptionInTheForumsZone() {
		var recordedLater = document(LocalDate.of(2006, 6, 17), Instant.parse("2026-11-30T10:00:00Z"));
		assertThat(FeedEntries.documentUpdated(recordedLater, ALMATY)).isEqualTo(Instant.parse("2006-06-16T18:00:00Z"));
	}

	@Test
	void aDocumentTabledAndAdoptedInKurultaiIsUpdatedWhenTheLaterHappened() {
		// tabled in the morning of its day of adoption: the tabling instant is later than the day's start
		var sameDay = document(LocalDate.of(2026, 11, 30), Instant.parse("2026-11-30T04:00:00Z"));
		assertThat(FeedEntries.documentUpdated(sameDay, ALMATY)).isEqualTo(Instant.parse("2026-11-30T04:00:00Z"));
		// tabled days before: the day of adoption
		var before = document(LocalDate.of(2026, 11, 30), Instant.parse("2026-11-20T04:00:00Z"));
		assertThat(FeedEntries.documentUpdated(before, ALMATY)).isEqualTo(Instant.parse("2026-11-29T19:00:00Z"));
		// a draft: when tabled
		var draft = document(null, Instant.parse("2026-11-20T04:00:00Z"));
		assertThat(FeedEntries.documentUpdated(draft, ALMATY)).isEqualTo(Instant.parse("2026-11-20T04:00:00Z"));
	}

	static Meeting meeting(LocalDate from) {
		return new Meeting("SOC-X", "SOC", null, "A meeting", from, from, DatePrecision.DAY, MeetingStatus.PLANNED, "Astana", false, null, null,
				null, List.of(), List.of(), Sources.none(), null, Access.PUBLIC);
	}

	@Test
	void aMeetingIsUpdatedWhenItsPlanWasRecordedOrOnItsFirstDayIfThatCameFirst() {
		var recorded = Instant.parse("2026-11-30T10:00:00Z");
		// convened for next year: when its plan was recorded (never a day ahead)
		assertThat(FeedEntries.meetingUpdated(meeting(LocalDate.of(2027, 5, 3)), recorded, ALMATY)).isEqualTo(recorded);
		// the forum's history, entered later: its first day
		assertThat(FeedEntries.meetingUpdated(meeting(LocalDate.of(2006, 6, 17)), recorded, ALMATY)).isEqualTo(Instant.parse("2006-06-16T18:00:00Z"));
		assertThat(FeedEntries.meetingUpdated(meeting(LocalDate.of(2006, 6, 17)), null, ALMATY)).isEqualTo(Instant.parse("2006-06-16T18:00:00Z"));
	}

	@Test
	void aTimelineEventKeepsItsKeyWhileItsTitleOrDayChanges() {
		var planned = new TimelineEntry(LocalDate.of(2026, 10, 1), DatePrecision.MONTH, "Summit — planned", EventKind.SUMMIT, Sources.none(),
				"/meetings/CHSG-7", true, Access.PUBLIC);
		var held = new TimelineEntry(LocalDate.of(2026, 10, 12), DatePrecision.DAY, "Summit, Astana", EventKind.SUMMIT, Sources.none(),
				"/meetings/CHSG-7", false, Access.PUBLIC);
		assertThat(FeedEntries.timelineKey(planned)).isEqualTo("timeline:meeting:CHSG-7").isEqualTo(FeedEntries.timelineKey(held));
		var admission = new TimelineEntry(LocalDate.of(2022, 10, 13), DatePrecision.DAY, "Kuwait becomes a member", EventKind.ACCESSION,
				Sources.none(), "/participants/KWT");
		assertThat(FeedEntries.timelineKey(admission)).isEqualTo("timeline:accession:2022-10-13:/participants/KWT");
		var several = new TimelineEntry(LocalDate.of(2008, 6, 1), DatePrecision.DAY, "Jordan and United Arab Emirates become members",
				EventKind.ACCESSION, Sources.none(), null);
		assertThat(FeedEntries.timelineKey(several)).startsWith("timeline:accession:2008-06-01:title-").isEqualTo(FeedEntries.timelineKey(several));
		// recorded events of one day at one meeting: told apart by their titles
		var first = new TimelineEntry(LocalDate.of(2024, 12, 17), DatePrecision.DAY, "Statement adopted", EventKind.DOCUMENT_ADOPTED,
				Sources.none(), "/meetings/CMFA-7");
		var second = new TimelineEntry(LocalDate.of(2024, 12, 17), DatePrecision.DAY, "Declaration adopted", EventKind.DOCUMENT_ADOPTED,
				Sources.none(), "/meetings/CMFA-7");
		assertThat(FeedEntries.timelineKey(first)).startsWith("timeline:document_adopted:2024-12-17:/meetings/CMFA-7:title-")
				.isNotEqualTo(FeedEntries.timelineKey(second));
	}
}
