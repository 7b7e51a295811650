package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.kurultai.IntegrationTest;

/** What a newcomer sees on the home page, and where its navigation leads. */
@IntegrationTest
class HomePageBrowserTests extends BrowserTestSupport {

	@Test
	void aNewcomerSeesTheForumAsItIsToday() {
		open("/");

		assertThat(page.locator("#member-count")).hasText("28");
		var members = page.locator("#members");
		assertThat(members.locator("li")).hasCount(28);
		assertThat(members.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Kazakhstan").setExact(true))).isVisible();
		assertThat(members.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Kuwait").setExact(true))).isVisible();

		assertThat(page.locator("#current-chair")).containsText("Azerbaijan");
		var troika = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Troika"));
		assertThat(troika.locator("thead th")).hasText(new String[] { "Previous chair", "Current chair", "Next chair" });
		assertThat(troika.locator("tbody td").nth(0)).hasText("Kazakhstan");
		assertThat(troika.locator("tbody td").nth(1)).hasText("Azerbaijan");

		var recent = page.locator("#recent li");
		assertThat(recent.first()).isVisible();
		assertThat(page.locator("#recent")).containsText("Kazakhstan hands the chairmanship to Azerbaijan");
		assertTrue(recent.count() <= 6, "the home page lists the six latest events at most");
	}

	@Test
	void aNewcomerFollowsAMemberFromTheHomePageToItsOwnPage() {
		open("/");

		var response = follow(() -> page.locator("#members").getByRole(AriaRole.LINK,
				new Locator.GetByRoleOptions().setName("Kuwait").setExact(true)).click());

		assertEquals(200, response.status());
		assertThat(page).hasURL(Pattern.compile("/participants/KWT$"));
		assertHeading("Kuwait");
		assertThat(page.locator("#status-today")).hasText("member since 13 October 2022");
	}

	@Test
	void aNewcomerReachesEveryPageFromTheHomePage() {
		var headings = new LinkedHashMap<String, String>();
		headings.put("Participants", "Participants");
		headings.put("Bodies", "Bodies");
		headings.put("Chairmanship", "Chairmanship and Troika");
		headings.put("Meetings", "Meetings");
		headings.put("Documents", "Documents");
		headings.put("Decisions", "Decisions");
		headings.put("Fund", "The CICA Fund");
		headings.put("Catalogue", "Catalogue of Confidence-Building Measures");
		headings.put("CBM dashboard", "Confidence-building measures: who does what");
		headings.put("Timeline", "Timeline");
		headings.put("Calendar", "Calendar");
		headings.put("Sources", "Sources and choices");
		headings.put("Open data", "Open data");
		headings.put("Sign in", "Sign in");
		headings.put("Home", "Conference on Interaction and Confidence-Building Measures in Asia");
		open("/");
		var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
		assertThat(nav.getByRole(AriaRole.LINK)).hasText(new String[] { "Home", "Participants", "Bodies", "Chairmanship",
				"Meetings", "Calendar", "Documents", "Decisions", "Fund", "Catalogue", "CBM dashboard", "Timeline", "Sources", "Open data", "API", "Sign in" });

		assertAll(headings.entrySet().stream().map(link -> (Executable) () -> {
			try {
				open("/");
				var response = follow(() -> navigationLink(link.getKey()).click());
				assertTrue(response.status() < 400, () -> "answered " + response.status());
				assertHeading(link.getValue());
				assertThat(page.locator(".problem")).hasCount(0);
				assertThat(page.locator("footer.site")).isVisible();
			}
			catch (AssertionError | com.microsoft.playwright.PlaywrightException failure) {
				throw new AssertionError("The " + link.getKey() + " link: " + failure.getMessage(), failure);
			}
		}));

		open("/");
		var api = follow(() -> navigationLink("API").click());
		assertTrue(api.status() < 400, () -> "API answered " + api.status());
		assertHeading("API documentation");
		// the accessible page links Swagger UI, kept for trying requests
		var swagger = follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Swagger UI")).first().click());
		assertTrue(swagger.status() < 400, () -> "Swagger UI answered " + swagger.status());
		assertThat(page).hasTitle("Swagger UI");
		assertThat(page.locator(".swagger-ui .info .title")).isVisible();
		assertThat(page.locator(".swagger-ui .opblock-summary-path[data-path='/api/participants']")).isVisible();
	}

	@Test
	void theHomePageIsADocumentThatAssistiveTechnologyCanFindItsWayIn() {
		open("/");

		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasCount(1);
		assertThat(page.locator("nav")).hasAttribute("aria-label", "Main");
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();
		assertThat(page.getByRole(AriaRole.MAIN)).hasCount(1);
		assertThat(page.locator("a.skip")).hasAttribute("href", "#main");
		assertThat(page).hasTitle(Pattern.compile("Kurultai"));
	}

	@Test
	void theHomePageFitsTheWindowAndIsCapturedForAReviewer() {
		open("/");
		assertThat(page.locator("#member-count")).isVisible();

		assertNoSidewaysScrolling();
		screenshot("home");
	}

	private Locator navigationLink(String name) {
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}
}
