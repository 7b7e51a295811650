package org.kurultai.calendars;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Fetched;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.cbm.Catalogue;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendars, read back with ical4j's {@link CalendarBuilder}: the public feed shows public meetings only, whoever
 * asks; a person's feed, reached by its token alone, shows what they may see (meetings, silence deadlines, their
 * State's reports due, registration deadlines); a meeting keeps its UID while its plan changes (SEQUENCE grows) and
 * is marked cancelled; a token works until rotated, revoked or its account deactivated, and a token that does not
 * work gets a 404 that says nothing more. The page: month grid and list, by body, in English and Russian.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Catalogue catalogue;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor officer;
	Actor kazakhstan;
	Actor india;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	/** Far enough ahead not to stand among the home page's next events; a month of its own. */
	final LocalDate day = LocalDate.of(2037, 3, 9);

	String publicMeeting;
	String participantsMeeting;
	String kazakhstanMeeting;
	String indiaMeeting;
	String secretariatMeeting;

	@BeforeAll
	void peopleAndMeetings() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("calendars");
		kazakhstan = api.coordinator("calendars", "KAZ");
		india = api.coordinator("calendars", "IND");
		publicMeeting = meeting("Calendar public " + unique, "PUBLIC", "", day, day.plusDays(1), "\"place\": \"Astana\"");
		participantsMeeting = meeting("Calendar participants " + unique, "PARTICIPANTS", "", day.plusDays(3), day.plusDays(3),
				"\"online\": true");
		kazakhstanMeeting = meeting("Calendar named KAZ " + unique, "NAMED_PARTICIPANTS", ", \"named\": [\"KAZ\"]", day.plusDays(5),
				day.plusDays(5), "\"place\": \"Almaty\"");
		indiaMeeting = meeting("Calendar named IND " + unique, "NAMED_PARTICIPANTS", ", \"named\": [\"IND\"]", day.plusDays(6),
				day.plusDays(6), "\"place\": \"Delhi\"");
		secretariatMeeting = meeting("Calendar secretariat " + unique, "SECRETARIAT", "", day.plusDays(7), day.plusDays(7),
				"\"place\": \"Astana\"");
	}

	String meeting(String title, String access, String named, LocalDate from, LocalDate until, String where) {
		var created = api.post("/api/meetings", officer, """
				{"body": "CMFA", "title": "%s", "from": "%s", "until": "%s", %s, "access": "%s"%s}"""
				.formatted(title, from, until, where, access, named));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	// ---------------------------------------------------------------- helpers

	Fetched fetch(String path, String... headers) {
		return Fetched.get(http, port, path, headers);
	}

	static Calendar parse(String text) {
		try {
			var calendar = new CalendarBuilder().build(new StringReader(text));
			calendar.validate();
			return calendar;
		}
		catch (Exception e) {
			throw new AssertionError("not an iCalendar: " + e + "\n" + text, e);
		}
	}

	static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents("VEVENT").stream().map(VEvent.class::cast).toList();
	}

	static Optional<VEvent> event(Calendar calendar, String uid) {
		return events(calendar).stream().filter(event -> uid.equals(value(event, "UID"))).findFirst();
	}

	static @Nullable String value(VEvent event, String property) {
		return event.<Property>getProperty(property).map(Property::getValue).orElse(null);
	}

	static String uid(String key) {
		return key + "@localhost";
	}

	/** A person's feed address (path and query) made through the API. */
	String feed(Actor actor) {
		var made = api.post("/api/me/calendar-token", actor, null);
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		var url = URI.create(made.json().get("url").asString());
		assertThat(url.getPath()).isEqualTo("/api/me/calendar.ics");
		assertThat(url.getQuery()).startsWith("token=kc_");
		return url.getPath() + "?" + url.getRawQuery();
	}

	Calendar personal(String feed) {
		var fetched = fetch(feed);
		assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
		assertThat(fetched.header("Content-Type")).startsWith("text/calendar").containsIgnoringCase("charset=UTF-8");
		assertThat(fetched.header("Cache-Control")).contains("no-store").contains("private");
		return parse(fetched.body());
	}

	// ---------------------------------------------------------------- the public feed

	@Test
	void thePublicFeedHasThePublicMeetingsAndNoOtherWhoeverAsks() {
		for (var asker : java.util.Arrays.asList(null, officer)) {
			var fetched = asker == null ? fetch("/calendar.ics") : fetch("/calendar.ics", "Authorization", "Bearer " + asker.token());
			assertThat(fetched.status()).isEqualTo(200);
			assertThat(fetched.header("Content-Type")).startsWith("text/calendar").containsIgnoringCase("charset=UTF-8");
			var calendar = parse(fetched.body());
			assertThat(calendar.getProperty("VERSION").map(Property::getValue)).contains("2.0");
			var event = event(calendar, uid("meeting-" + publicMeeting)).orElseThrow();
			assertThat(value(event, "SUMMARY")).isEqualTo("Calendar public " + unique);
			assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("VALUE").map(p -> p.getValue())).contains("DATE");
			assertThat(value(event, "DTSTART")).isEqualTo("20370309");
			assertThat(value(event, "DTEND")).as("exclusive: the day after the last").isEqualTo("20370311");
			assertThat(value(event, "LOCATION")).isEqualTo("Astana");
			assertThat(value(event, "URL")).endsWith("/meetings/" + publicMeeting);
			assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
			assertThat(value(event, "SEQUENCE")).isEqualTo("0");
			assertThat(value(event, "DTSTAMP")).isNotNull();
			for (var hidden : List.of(participantsMeeting, kazakhstanMeeting, indiaMeeting, secretariatMeeting)) {
				assertThat(event(calendar, uid("meeting-" + hidden))).as("%s is not public", hidden).isEmpty();
			}
			assertThat(fetched.body()).doesNotContain("Calendar secretariat " + unique).doesNotContain("Calendar participants " + unique);
			// the forum's history is public record: the Seventh Ministerial Council (held online in December 2024) is there
			assertThat(events(calendar).size()).isGreaterThan(10);
		}
	}

	@Test
	void anUnchangedFeedAnswersNotModified() {
		var first = fetch("/calendar.ics");
		var tag = first.header("ETag");
		assertThat(tag).isNotBlank();
		assertThat(first.header("Cache-Control")).contains("public");
		assertThat(first.header("Vary")).contains("Accept-Language");
		assertThat(fetch("/calendar.ics", "If-None-Match", tag).status()).isEqualTo(304);
		assertThat(fetch("/calendar.ics", "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------- the personal feed

	@Test
	void aCoordinatorsFeedHasTheMeetingsItsStateMaySeeAndNoOther() {
		var calendar = personal(feed(kazakhstan));
		assertThat(event(calendar, uid("meeting-" + publicMeeting))).isPresent();
		var online = event(calendar, uid("meeting-" + participantsMeeting)).orElseThrow();
		assertThat(value(online, "LOCATION")).isEqualTo("Online");
		assertThat(event(calendar, uid("meeting-" + kazakhstanMeeting))).as("its State's closed meeting").isPresent();
		assertThat(event(calendar, uid("meeting-" + indiaMeeting))).as("another State's named meeting").isEmpty();
		assertThat(event(calendar, uid("meeting-" + secretariatMeeting))).isEmpty();

		var indiaCalendar = personal(feed(india));
		assertThat(event(indiaCalendar, uid("meeting-" + indiaMeeting))).isPresent();
		assertThat(event(indiaCalendar, uid("meeting-" + kazakhstanMeeting))).isEmpty();
		assertThat(event(personal(feed(officer)), uid("meeting-" + secretariatMeeting))).as("the Secretariat's own").isPresent();
	}

	@Test
	void anOpenSilenceProceduresDeadlineIsATimedEventAtItsInstant() {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "Calendar silence %s", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(unique));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(4).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(tabled.json().get("id").asString(), deadline));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		var expected = OffsetDateTime.parse(api.get("/api/decisions/" + decision, kazakhstan).json().get("deadline").asString()).toInstant();

		var event = event(personal(feed(kazakhstan)), uid("silence-" + decision)).orElseThrow();
		assertThat(value(event, "DTSTART")).as("UTC").endsWith("Z");
		assertThat(event.getStartDate().map(start -> Instant.from(start.getDate()))).contains(expected);
		assertThat(value(event, "SUMMARY")).contains("Calendar silence " + unique).contains("silence procedure");
		assertThat(value(event, "SEQUENCE")).isEqualTo("0");
		assertThat(value(event, "URL")).endsWith("/decisions/" + decision);
		// the public sees no silence procedure on a participants' text
		assertThat(event(parse(fetch("/calendar.ics").body()), uid("silence-" + decision))).isEmpty();
	}

	@Test
	void aStatesReportDueIsInItsDelegationsFeed() {
		var bahrain = api.coordinator("calendars", "BHR");
		int year = clock.today().getYear() - 1;
		if (!catalogue.commitmentsOf("BHR", Viewer.PUBLIC).committedTo("ECON-TOURISM", null, LocalDate.of(year, 6, 1))) {
			var committed = api.post("/api/commitments", bahrain, """
					{"participant": "BHR", "priorityArea": "ECON-TOURISM", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(LocalDate.of(year, 1, 10)));
			assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
		}
		Instant due = null;
		for (var task : api.get("/api/me/tasks", bahrain).json()) {
			if (task.get("record").asString().equals("report:BHR/ECON-TOURISM/" + year)) {
				due = Instant.parse(task.get("deadline").asString());
			}
		}
		assertThat(due).as("the report is due (what awaits Bahrain)").isNotNull();
		var event = event(personal(feed(bahrain)), uid("report-BHR-ECON-TOURISM-" + year)).orElseThrow();
		assertThat(event.getStartDate().map(start -> Instant.from(start.getDate()))).contains(due);
		assertThat(value(event, "SUMMARY")).startsWith("Due: ");
		// another State's delegation is not told of Bahrain's report
		assertThat(event(personal(feed(kazakhstan)), uid("report-BHR-ECON-TOURISM-" + year))).isEmpty();
	}

	/**
	 * A changed plan updates the same event; a cancelled meeting is marked cancelled. The plan is changed here by a
	 * direct update of the meeting's row (the PATCH that changes plans is built apart); switch to
	 * {@code PATCH /api/meetings/{id}} once it is merged.
	 */
	@Test
	void aMeetingKeepsItsUidWhileItsPlanChangesAndIsMarkedCancelled() {
		var id = meeting("Calendar moving " + unique, "PARTICIPANTS", "", day.plusDays(10), day.plusDays(10), "\"place\": \"Astana\"");
		var feed = feed(kazakhstan);
		var first = event(personal(feed), uid("meeting-" + id)).orElseThrow();
		assertThat(value(first, "SEQUENCE")).isEqualTo("0");
		assertThat(value(first, "DTSTART")).isEqualTo("20370319");

		var moved2 = api.call("PATCH", "/api/meetings/" + id, officer, """
				{"from": "%s", "until": "%s", "online": true, "reason": "Moved online and two days later"}"""
				.formatted(day.plusDays(12), day.plusDays(13)));
		assertThat(moved2.status()).as(moved2.toString()).isEqualTo(200);
		var moved = event(personal(feed), uid("meeting-" + id)).orElseThrow();
		assertThat(value(moved, "SEQUENCE")).isEqualTo("1");
		assertThat(value(moved, "DTSTART")).isEqualTo("20370321");
		assertThat(value(moved, "DTEND")).isEqualTo("20370323");
		assertThat(value(moved, "LOCATION")).isEqualTo("Online");
		assertThat(value(moved, "STATUS")).isEqualTo("CONFIRMED");

		var cancel = api.call("PATCH", "/api/meetings/" + id, officer, """
				{"cancelled": true, "reason": "The host cannot receive the meeting"}""");
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
		var cancelled = event(personal(feed), uid("meeting-" + id)).orElseThrow();
		assertThat(value(cancelled, "SEQUENCE")).isEqualTo("2");
		assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
		assertThat(events(personal(feed)).stream().filter(event -> uid("meeting-" + id).equals(value(event, "UID")))).hasSize(1);
	}

	// ---------------------------------------------------------------- the token

	@Test
	void aTokenWorksUntilRotatedOrRevoked() {
		var person = api.coordinator("calendars-token", "KAZ");
		var first = feed(person);
		assertThat(fetch(first).status()).isEqualTo(200);
		var second = feed(person);
		assertThat(second).isNotEqualTo(first);
		assertNoCalendar(first);
		assertThat(fetch(second).status()).isEqualTo(200);

		var revoked = api.call("DELETE", "/api/me/calendar-token", person, null);
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
		assertNoCalendar(second);
		// revoking again changes nothing
		assertThat(api.call("DELETE", "/api/me/calendar-token", person, null).status()).isEqualTo(204);
		// without signing in, no token is made
		assertThat(api.post("/api/me/calendar-token", null, null).status()).isIn(401, 403);
	}

	@Test
	void aDeactivatedAccountsTokenStopsWorking() {
		var admin = api.actor("calendars.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var person = api.coordinator("calendars-deactivated-" + unique, "KAZ");
		var feed = feed(person);
		assertThat(fetch(feed).status()).isEqualTo(200);
		accounts.deactivate(person.account().id(), admin.account());
		assertNoCalendar(feed);
	}

	@Test
	void aBadTokenGetsANotFoundProblemAndNothingElse() {
		for (var address : List.of("/api/me/calendar.ics", "/api/me/calendar.ics?token=", "/api/me/calendar.ics?token=kc_nothing" + unique,
				"/api/me/calendar.ics?token=" + "x".repeat(500), "/api/me/calendar.ics?token=%E2%82")) {
			var fetched = fetch(address);
			assertThat(fetched.status()).as(address).isBetween(400, 499);
			assertThat(fetched.body()).doesNotContain("BEGIN:VCALENDAR").doesNotContain("kc_nothing").doesNotContain("xxxxxxxx");
		}
		var fetched = fetch("/api/me/calendar.ics?token=kc_nothing" + unique, "Accept", "text/calendar");
		assertThat(fetched.status()).isEqualTo(404);
		assertThat(fetched.header("Content-Type")).startsWith("application/problem+json");
		assertThat(fetched.header("Cache-Control")).contains("no-store");
	}

	void assertNoCalendar(String feed) {
		var fetched = fetch(feed);
		assertThat(fetched.status()).as(fetched.body()).isEqualTo(404);
		assertThat(fetched.body()).doesNotContain("BEGIN:VCALENDAR").doesNotContain(feed.substring(feed.indexOf("kc_")));
		assertThat(fetched.header("Content-Type")).startsWith("application/problem+json");
	}

	// ---------------------------------------------------------------- the page

	@Test
	void theMonthShowsItsMeetingsInTheirDaysAndTheListByBody() {
		var page = Jsoup.parse(api.page("/calendar?month=2037-03&body=CMFA", null).body());
		assertThat(page.select("#month-name").text()).isEqualTo("March 2037");
		assertThat(page.select("#month-grid thead th").eachText()).startsWith("Mon", "Tue");
		var cell = page.select("#month-grid td[data-date=2037-03-09]");
		assertThat(cell.select("a[href=/meetings/" + publicMeeting + "]").text()).isEqualTo("Calendar public " + unique);
		assertThat(page.select("#month-grid td[data-date=2037-03-10] a[href=/meetings/" + publicMeeting + "]")).as("its second day").hasSize(1);
		assertThat(page.select("a[href=/meetings/" + participantsMeeting + "]")).as("not for the public").isEmpty();
		assertThat(page.select("#previous-month").attr("href")).isEqualTo("/calendar?month=2037-02&body=CMFA");
		assertThat(page.select("#next-month").attr("href")).isEqualTo("/calendar?month=2037-04&body=CMFA");
		assertThat(page.select("#body option[selected]").val()).isEqualTo("CMFA");
		assertThat(page.select("#public-feed").val()).endsWith("/calendar.ics");

		var list = Jsoup.parse(api.page("/calendar?month=2037-03&view=list&body=CMFA", kazakhstan).body());
		assertThat(list.select("#month-grid")).isEmpty();
		var days = list.select("#calendar-list .list-day").eachAttr("data-date");
		assertThat(days).contains("2037-03-09", "2037-03-12", "2037-03-14").doesNotContain("2037-03-15");
		assertThat(list.select("#calendar-list a[href=/meetings/" + kazakhstanMeeting + "]")).hasSize(1);
		assertThat(list.select("#calendar-list a[href=/meetings/" + indiaMeeting + "]")).isEmpty();
		assertThat(list.select("#list-view").attr("aria-current")).isEqualTo("page");

		var otherBody = Jsoup.parse(api.page("/calendar?month=2037-03&view=list&body=SOC", kazakhstan).body());
		assertThat(otherBody.select("a[href=/meetings/" + publicMeeting + "]")).as("a meeting of another body").isEmpty();
	}

	@Test
	void thePageIsInRussianAndRefusesAMonthThatIsNone() {
		var russian = fetch("/calendar?month=2037-03", "Accept-Language", "ru", "Accept", "text/html");
		var page = Jsoup.parse(russian.body());
		assertThat(page.select("#month-name").text()).isEqualTo("Март 2037");
		assertThat(page.select("#month-grid thead th").eachText().get(0)).isEqualTo("Пн");
		assertThat(page.select("h1").text()).isEqualTo("Календарь");

		for (var bad : List.of("/calendar?month=2037-13", "/calendar?month=march", "/calendar?view=year", "/calendar?body=NOPE")) {
			assertThat(api.page(bad, null).status()).as(bad).isEqualTo(400);
		}
		var feedRussian = fetch("/calendar.ics", "Accept-Language", "ru");
		assertThat(feedRussian.status()).isEqualTo(200);
		assertThat(parse(feedRussian.body()).getProperty("X-WR-CALNAME").map(Property::getValue)).contains("Курултай: заседания форума");
	}

	@Test
	void aSignedInPersonSeesTheirDeadlinesOnThePage() {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "Calendar page silence %s", "body": "SOC", "access": "MEMBERS", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(unique));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(tabled.json().get("id").asString(), deadline));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		var month = deadline.toLocalDate().toString().substring(0, 7);
		var page = Jsoup.parse(api.page("/calendar?view=list&month=" + month, kazakhstan).body());
		var entry = page.select("li[data-key=silence-" + decision + "]");
		assertThat(entry.select("a").attr("href")).isEqualTo("/decisions/" + decision);
		assertThat(entry.text()).contains("Calendar page silence " + unique);
		assertThat(entry.select("time").attr("datetime")).endsWith("Z");
		assertThat(entry.first().parents().select(".list-day").attr("data-date")).isEqualTo(deadline.toLocalDate().toString());
		// the public does not see it; nor does an observer's coordinator (a text for members)
		assertThat(api.page("/calendar?view=list&month=" + month, null).body()).doesNotContain("silence-" + decision);
		assertThat(api.page("/calendar?view=list&month=" + month, api.coordinator("calendars", "JPN")).body())
				.doesNotContain("silence-" + decision);
		assertThat(page.select("#feed-issue button")).hasSize(1);
	}
}
