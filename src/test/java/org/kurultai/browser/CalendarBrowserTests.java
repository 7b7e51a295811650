package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar page in a browser: the public goes to the next month, filters by body and finds a meeting; a signed-in
 * coordinator makes a personal feed address, which a calendar client then reads, and revokes it; on a phone the
 * month's grid becomes the list of its days.
 */
@IntegrationTest
class CalendarBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	Delegations api;
	Delegations.Actor coordinator;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	final String title = "Browser calendar council " + unique;
	final String other = "Browser calendar senior officials " + unique;
	String meeting;

	@BeforeAll
	void meetings() {
		api = new Delegations(port, accounts, tokens);
		var officer = api.secretariat("calendar-browser");
		coordinator = api.coordinator("calendar-browser", "KAZ");
		var created = api.post("/api/meetings", officer, """
				{"body": "CMFA", "title": "%s", "from": "2037-05-12", "until": "2037-05-13", "place": "Astana", "access": "PUBLIC"}"""
				.formatted(title));
		assertEquals(201, created.status(), created::toString);
		meeting = created.json().get("id").asString();
		var soc = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "%s", "from": "2037-05-20", "until": "2037-05-20", "online": true, "access": "PUBLIC"}"""
				.formatted(other));
		assertEquals(201, soc.status(), soc::toString);
	}

	@Test
	void thePublicGoesToTheNextMonthFiltersByBodyAndOpensAMeeting() {
		open("/calendar?month=2037-04");
		assertHeading("Calendar");
		assertThat(page.locator("#month-name")).hasText("April 2037");
		follow(() -> page.locator("#next-month").click());
		assertThat(page.locator("#month-name")).hasText("May 2037");
		var cell = page.locator("#month-grid td[data-date='2037-05-12']");
		assertThat(cell.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(title))).isVisible();
		assertThat(page.getByText(other)).isVisible();

		page.getByLabel("Body", new Page.GetByLabelOptions().setExact(true)).selectOption("CMFA");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());
		assertThat(page.locator("#month-name")).hasText("May 2037");
		assertThat(page.getByText(title)).hasCount(2);
		assertThat(page.getByText(other)).hasCount(0);

		follow(() -> page.locator("#list-view").click());
		assertThat(page.locator("#calendar-list .list-day[data-date='2037-05-12']")).containsText(title);
		assertThat(page.getByText(other)).hasCount(0);
		assertNoSidewaysScrolling();
		screenshot("calendar-list");
		follow(() -> page.locator("#calendar-list .list-day[data-date='2037-05-12'] a", new Page.LocatorOptions().setHasText(title)).click());
		assertTrue(page.url().endsWith("/meetings/" + meeting), page::url);
	}

	@Test
	void aSignedInCoordinatorMakesAFeedAddressThatACalendarReadsAndRevokesIt() throws Exception {
		visit("/login");
		page.getByLabel("E-mail address").fill(coordinator.account().email());
		page.getByLabel("Password").fill(Delegations.PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		open("/calendar?month=2037-05");
		assertThat(page.locator("#site-nav a[href='/calendar']")).hasText("Calendar");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my calendar’s address")).click());
		var address = page.locator("#personal-feed").inputValue();
		assertTrue(address.contains("/api/me/calendar.ics?token=kc_"), address);
		screenshot("calendar-feed-made");

		// a calendar client: no cookie, only the address
		var feed = URI.create(address);
		var local = URI.create(baseUrl() + feed.getRawPath() + "?" + feed.getRawQuery());
		var client = HttpClient.newHttpClient();
		var fetched = client.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString());
		assertEquals(200, fetched.statusCode());
		var calendar = new CalendarBuilder().build(new StringReader(fetched.body()));
		assertTrue(calendar.<VEvent>getComponents("VEVENT").stream()
				.anyMatch(event -> event.<Property>getProperty("UID").map(Property::getValue).orElse("").equals("meeting-" + meeting + "@localhost")));

		// the page no longer tells the address; revoking it stops it working
		open("/calendar");
		assertThat(page.locator("#personal-feed")).hasCount(0);
		assertThat(page.locator("#feed-since")).isVisible();
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the address")).click());
		assertThat(page.locator("#feed-revoked")).isVisible();
		assertEquals(404, client.send(HttpRequest.newBuilder(local).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
	}

	@Test
	void onAPhoneTheMonthIsTheListOfItsDays() {
		page.setViewportSize(390, 844);
		open("/calendar?month=2037-05&body=CMFA");
		assertNoSidewaysScrolling();
		assertThat(page.locator("#month-grid thead")).isHidden();
		assertThat(page.locator("#month-grid td[data-date='2037-05-12'] a", new Page.LocatorOptions().setHasText(title))).isVisible();
		assertThat(page.locator("#month-grid td[data-date='2037-05-14']")).isHidden();
		assertThat(page.locator("#month-grid td[data-date='2037-05-12']")).containsText("Tuesday");
		screenshot("calendar-phone");
	}
}
