package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/**
 * The membership map in a browser (issue 14): the year slider moves the map through time — with htmx only the map is
 * replaced as the slider moves, without JavaScript the slider's form is sent by its button — and the number of States
 * coloured as members follows (18 at the end of 2006, 28 at the end of 2024); the page fits a phone.
 */
@IntegrationTest
class MembershipMapBrowserTests extends BrowserTestSupport {

	static final String MEMBERS = "#membership-map path[data-status=MEMBER]";

	@Test
	void theSliderMovesTheMapThroughTheYearsAndOnlyTheMapIsReplaced() {
		open("/participants/map?asOf=2006-06-18");
		assertHeading("Membership map");
		assertThat(page.locator(MEMBERS)).hasCount(18);
		assertThat(page.locator("#map-members")).hasText("18");
		page.evaluate("() => { window.neverReloaded = true; }");

		var request = page.waitForRequest(r -> r.url().contains("year=2024"), () -> page.locator("#year").fill("2024"));
		assertEquals("true", request.headerValue("hx-request"), "the slider asks by htmx, not by a page load");
		assertThat(page.locator("#map-members")).hasText("28");
		assertThat(page.locator(MEMBERS)).hasCount(28);
		assertThat(page.locator("#map-heading")).hasText("31 December 2024");
		assertThat(page.locator("#membership-map path[data-code=SAU]")).hasAttribute("data-status", "OBSERVER");
		assertThat(page).hasURL(Pattern.compile("/participants/map\\?(.*&)?year=2024(&|$)"));
		assertEquals(Boolean.TRUE, page.evaluate("() => window.neverReloaded === true"), "the page was not reloaded");
		assertThat(page.locator("#map-view")).hasCount(1);
		assertThat(page.locator("#year")).hasValue("2024");
		assertThat(page.locator("#asOf")).hasValue("2024-12-31");

		page.locator("#year").fill("2006");
		assertThat(page.locator("#map-members")).hasText("18");
		assertThat(page.locator(MEMBERS)).hasCount(18);
		assertThat(page.locator("#membership-map path[data-code=KOR]")).hasAttribute("data-status", "MEMBER");
		assertThat(page.locator("#membership-map path[data-code=AUS]")).hasAttribute("data-status", "OBSERVER");
	}

	@Test
	void withoutJavaScriptTheSlidersButtonSendsTheYear() {
		openBrowserContext(false);
		open("/participants/map?asOf=2006-06-18");
		assertThat(page.locator(MEMBERS)).hasCount(18);

		page.locator("#year").fill("2024");
		var answer = follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the year")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/participants/map\\?year=2024$"));
		assertThat(page.locator(MEMBERS)).hasCount(28);
		assertThat(page.locator("#map-members")).hasText("28");
		assertThat(page.locator("#year")).hasValue("2024");

		page.locator("#asOf").fill("2006-06-16");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show").setExact(true)).click());
		assertThat(page).hasURL(Pattern.compile("/participants/map\\?asOf=2006-06-16$"));
		assertThat(page.locator(MEMBERS)).hasCount(17);
		assertThat(page.locator("#membership-map path[data-code=KOR]")).hasAttribute("data-status", "OBSERVER");
	}

	@Test
	void aDateThatIsNotOneComesBackBesideItsFieldAsTyped() {
		var answer = visit("/participants/map?asOf=2024-13-45");

		assertEquals(400, answer.status());
		assertThat(page.locator("#error-map-date-asOf")).isVisible();
		assertThat(page.locator("#error-map-date-asOf")).containsText("2024-13-45");
		assertThat(page.locator("#asOf")).hasValue("2024-13-45");
		assertThat(page.locator("#membership-map")).isVisible();
	}

	@Test
	void theMapFitsAPhoneAndScalesToIt() {
		page.setViewportSize(390, 844);
		open("/participants/map?asOf=2024-01-01");
		var map = page.locator("#membership-map");
		assertThat(map).isVisible();
		var box = map.boundingBox();
		assertNotNull(box);
		assertTrue(box.width > 300 && box.width <= 390, () -> "the map takes the phone's width: " + box.width);
		assertTrue(box.height > 100 && box.height < box.width, () -> "the map keeps its proportions: " + box.height);
		assertThat(page.locator(MEMBERS)).hasCount(28);
		assertThat(page.locator("#map-organization-list")).isVisible();
		assertThat(page.locator("#map-table")).isVisible();
		assertNoSidewaysScrolling();
		screenshot("participants-map-phone");

		page.setViewportSize(1280, 900);
		open("/participants/map?asOf=2024-01-01");
		var wide = page.locator("#membership-map").boundingBox();
		var organizations = page.locator("#map-organization-list").boundingBox();
		assertNotNull(wide);
		assertNotNull(organizations);
		assertTrue(organizations.x >= wide.x + wide.width, "on a wide screen the organizations stand beside the map");
		assertNoSidewaysScrolling();
		screenshot("participants-map");
	}
}
