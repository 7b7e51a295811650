package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/** What a person sees when the address asks for something that is not there or makes no sense. */
@IntegrationTest
class ErrorPagesBrowserTests extends BrowserTestSupport {

	@Test
	void anUnknownParticipantIsANotFoundPageThatSaysSoAndLeadsHome() {
		var answer = visit("/participants/ZZZ");

		assertEquals(404, answer.status());
		assertThat(page.locator("h1")).hasCount(1);
		assertThat(page.locator("h1")).containsText("404");
		assertThat(page.locator("h1")).containsText("Not Found");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("ZZZ");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isVisible();

		var home = follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the home page")).click());
		assertEquals(200, home.status());
		assertThat(page.locator("#member-count")).hasText("28");
	}

	@Test
	void aDateThatIsNotADateIsABadRequestPageThatSaysHowToWriteOne() {
		var answer = visit("/participants?asOf=not-a-date");

		assertEquals(400, answer.status());
		assertThat(page.locator("h1")).hasCount(1);
		assertThat(page.locator("h1")).containsText("400");
		var message = page.getByRole(AriaRole.ALERT);
		assertThat(message).isVisible();
		assertThat(message).containsText("not-a-date");
		assertThat(message).containsText("YYYY-MM-DD");
		assertThat(message).not().containsText(Pattern.compile("Exception|java\\.|org\\.springframework"));
	}

	@Test
	void anAddressThatLeadsNowhereIsANotFoundPageNotAStackTrace() {
		var answer = visit("/no-such-page");

		assertEquals(404, answer.status());
		assertThat(page.locator("h1")).containsText("404");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("/no-such-page");
		assertThat(page.locator("body")).not().containsText(Pattern.compile("Whitelabel|Exception"));
	}
}
