package org.kurultai.calendars;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.kurultai.shared.ForumClock;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries written as iCalendar by ical4j and read back by it: all-day meetings, timed deadlines, cancellation, UIDs. */
class ICalendarsTests {

	static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

	final ICalendars icalendars = new ICalendars(new ForumClock(Clock.fixed(NOW, ZoneId.of("Asia/Almaty"))), messages(),
			"https://kurultai.example.org/");

	static StaticMessageSource messages() {
		var messages = new StaticMessageSource();
		messages.addMessage("calendars.online", Locale.ENGLISH, "Online");
		messages.addMessage("calendars.placeUnknown", Locale.ENGLISH, "Place to be announced");
		for (var kind : CalendarEntry.Kind.values()) {
			messages.addMessage("calendars.kind." + kind.name(), Locale.ENGLISH, kind.name().toLowerCase(Locale.ROOT));
		}
		return messages;
	}

	static final CalendarEntry COUNCIL = new CalendarEntry(CalendarEntry.Kind.MEETING, "meeting-CMFA-2024-12-17", 1,
			"Seventh Meeting of the Ministerial Council; a long title, with commas, that runs past seventy-five octets", "CMFA",
			LocalDate.of(2024, 12, 17), LocalDate.of(2024, 12, 17), null, false, null, true, "/meetings/CMFA-2024-12-17");
	static final CalendarEntry CALLED_OFF = new CalendarEntry(CalendarEntry.Kind.MEETING, "meeting-SOC-2025-02-03", 2, "SOC", "SOC",
			LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 5), null, true, "Astana", false, "/meetings/SOC-2025-02-03");
	static final CalendarEntry SILENCE = new CalendarEntry(CalendarEntry.Kind.SILENCE_DEADLINE, "silence-12", 1, "End of silence",
			"SOC", LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3), Instant.parse("2026-12-03T12:00:00Z"), false, null, false,
			"/decisions/12");

	Calendar written(List<CalendarEntry> entries) throws Exception {
		var text = icalendars.write(entries, "Kurultai", Locale.ENGLISH);
		assertThat(text).startsWith("BEGIN:VCALENDAR\r\n");
		for (var line : text.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("folded at 75 octets: %s", line).isLessThanOrEqualTo(75);
		}
		var calendar = new CalendarBuilder().build(new StringReader(text));
		calendar.validate();
		for (var event : calendar.<VEvent>getComponents("VEVENT")) {
			var names = event.getPropertyList().getAll().stream().map(Property::getName).toList();
			assertThat(names).as("each property once").doesNotHaveDuplicates();
		}
		return calendar;
	}

	static String value(VEvent event, String name) {
		return event.<Property>getProperty(name).map(Property::getValue).orElse("");
	}

	@Test
	void aMeetingIsAnAllDayEventWhoseEndIsTheDayAfterItsLast() throws Exception {
		var events = written(List.of(COUNCIL, CALLED_OFF)).<VEvent>getComponents("VEVENT");
		var council = events.get(0);
		assertThat(value(council, "UID")).isEqualTo("meeting-CMFA-2024-12-17@kurultai.example.org");
		assertThat(value(council, "SUMMARY")).isEqualTo(COUNCIL.title());
		assertThat(council.getProperty("DTSTART").orElseThrow().getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
		assertThat(value(council, "DTSTART")).isEqualTo("20241217");
		assertThat(value(council, "DTEND")).isEqualTo("20241218");
		assertThat(value(council, "SEQUENCE")).isEqualTo("1");
		assertThat(value(council, "STATUS")).isEqualTo("CONFIRMED");
		assertThat(value(council, "LOCATION")).isEqualTo("Online");
		assertThat(value(council, "URL")).isEqualTo("https://kurultai.example.org/meetings/CMFA-2024-12-17");
		assertThat(value(council, "DTSTAMP")).isEqualTo("20261130T080000Z");

		var calledOff = events.get(1);
		assertThat(value(calledOff, "STATUS")).isEqualTo("CANCELLED");
		assertThat(value(calledOff, "DTEND")).isEqualTo("20250206");
		assertThat(value(calledOff, "LOCATION")).isEqualTo("Astana");
		assertThat(value(calledOff, "SEQUENCE")).isEqualTo("2");
	}

	@Test
	void aDeadlineIsAMomentInUtcThatTakesNoTime() throws Exception {
		var event = written(List.of(SILENCE)).<VEvent>getComponents("VEVENT").get(0);
		assertThat(value(event, "DTSTART")).isEqualTo("20261203T120000Z");
		assertThat(event.getProperty("DTEND")).isEmpty();
		assertThat(value(event, "TRANSP")).isEqualTo("TRANSPARENT");
		assertThat(event.getProperty("LOCATION")).isEmpty();
		assertThat(value(event, "UID")).isEqualTo("silence-12@kurultai.example.org");
	}

	@Test
	void theTagChangesWithWhatTheEntriesSayNotWithTheMoment() {
		var tag = ICalendars.tag(List.of(COUNCIL, SILENCE), Locale.ENGLISH);
		assertThat(ICalendars.tag(List.of(COUNCIL, SILENCE), Locale.ENGLISH)).isEqualTo(tag);
		var moved = new CalendarEntry(COUNCIL.kind(), COUNCIL.key(), 2, COUNCIL.title(), COUNCIL.body(), COUNCIL.firstDay().plusDays(1),
				COUNCIL.lastDay().plusDays(1), null, false, null, true, COUNCIL.link());
		assertThat(ICalendars.tag(List.of(moved, SILENCE), Locale.ENGLISH)).isNotEqualTo(tag);
		assertThat(ICalendars.tag(List.of(COUNCIL, SILENCE), Locale.forLanguageTag("ru"))).isNotEqualTo(tag);
	}

	@Test
	void anEntryFallsOnItsDays() {
		assertThat(CALLED_OFF.on(LocalDate.of(2025, 2, 3))).isTrue();
		assertThat(CALLED_OFF.on(LocalDate.of(2025, 2, 5))).isTrue();
		assertThat(CALLED_OFF.on(LocalDate.of(2025, 2, 6))).isFalse();
		assertThat(CALLED_OFF.within(LocalDate.of(2025, 2, 5), LocalDate.of(2025, 3, 1))).isTrue();
		assertThat(CALLED_OFF.within(LocalDate.of(2025, 2, 6), LocalDate.of(2025, 3, 1))).isFalse();
	}

	@Test
	void theMonthsLinksKeepTheViewAndTheBody() {
		assertThat(CalendarPages.link(YearMonth.of(2024, 12), false, null)).isEqualTo("/calendar?month=2024-12");
		assertThat(CalendarPages.link(YearMonth.of(2025, 1), true, "CMFA")).isEqualTo("/calendar?month=2025-01&view=list&body=CMFA");
	}
}
