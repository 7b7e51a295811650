package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/**
 * The bodies under the names they had on a chosen day, a body's place in the structure, and the
 * Troika on a chosen day. The Astana Statement renamed the summit on 13 October 2022; Kazakhstan
 * took the chairmanship over from Tajikistan on 24 September 2020.
 */
@IntegrationTest
class OrgansBrowserTests extends BrowserTestSupport {

	@Test
	void aReaderSeesTheSummitUnderTheNameItHadOnTheChosenDay() {
		open("/bodies");
		assertHeading("Bodies");
		assertThat(summitRow().locator("th a")).hasText("Council of Heads of State or Government (Summit)");

		page.locator("#asOf").fill("2022-10-12");
		var answer = follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/bodies\\?asOf=2022-10-12$"));
		assertThat(summitRow().locator("th a")).hasText("Meeting of Heads of State or Government (Summit)");
		assertThat(summitRow().locator("ul.names")).containsText("Council of Heads of State or Government (Summit)");
		assertThat(summitRow().locator("ul.names")).containsText("from 13 October 2022");
	}

	@Test
	void aReaderFollowsAWorkingBodyToTheCommitteeItReportsTo() {
		open("/bodies/SWG");
		assertHeading("Special Working Group");

		var reportsTo = page.locator("dl.facts dt:text-is('Reports to') + dd a");
		assertThat(reportsTo).hasText("Senior Officials Committee");
		assertThat(reportsTo).hasAttribute("href", "/bodies/SOC");

		var answer = follow(reportsTo::click);
		assertEquals(200, answer.status());
		assertHeading("Senior Officials Committee");
		assertThat(page.locator("dl.facts dt:text-is('Bodies reporting to it') + dd")).containsText("Special Working Group");
	}

	@Test
	void aReaderSeesTheTroikaAsItStoodOnTheChosenDay() {
		open("/chairmanship?asOf=2020-09-24");
		assertHeading("Chairmanship and Troika");
		assertThat(page.locator("#troika caption")).hasText("Troika on 24 September 2020");
		assertThat(page.locator("#troika-current")).hasText("Kazakhstan");
		assertThat(page.locator("#troika-previous")).hasText("Tajikistan");

		page.locator("#asOf").fill("2020-09-23");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertThat(page).hasURL(Pattern.compile("/chairmanship\\?asOf=2020-09-23$"));
		assertThat(page.locator("#troika caption")).hasText("Troika on 23 September 2020");
		assertThat(page.locator("#troika-current")).hasText("Tajikistan");
	}

	private Locator summitRow() {
		return page.locator("table.bodies tr[data-code=CHSG]");
	}
}
