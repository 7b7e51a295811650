package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/**
 * The meetings and the timeline. Shimon Peres led Israel's delegation to the 2006 summit as
 * deputy prime minister; Kuwait joined, and the summit was renamed, on 13 October 2022.
 */
@IntegrationTest
class HistoryBrowserTests extends BrowserTestSupport {

	@Test
	void aReaderPicksTheSummitsAndFindsWhoCameToThe2006One() {
		open("/meetings");
		page.locator("#body").selectOption("CHSG");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertThat(page).hasURL(Pattern.compile("/meetings\\?body=CHSG$"));
		assertHeading("Meetings of the Council of Heads of State or Government (Summit)");
		var meetings = page.locator("#meetings tbody tr[data-id]");
		for (var summit : List.of("CHSG-1", "CHSG-2", "CHSG-3", "CHSG-4", "CHSG-5", "CHSG-6")) {
			assertThat(page.locator("#meetings tr[data-id=" + summit + "]")).hasCount(1);
		}
		assertThat(page.locator("#meetings tbody tr[data-id]:not([data-id^='CHSG-'])")).hasCount(0);
		assertThat(page.locator("#meetings tr[data-id=CHSG-2] td").first()).hasText("17 June 2006");
		assertTrue(meetings.count() >= 6);

		var answer = follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Second CICA Summit").setExact(true)).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/meetings/CHSG-2$"));
		assertHeading("Second CICA Summit");
		var israel = page.locator("#delegations tr[data-code=ISR]");
		assertThat(israel.locator("th")).hasText("Israel");
		assertThat(israel.locator("td")).hasText(new String[] { "Deputy prime minister", "Shimon Peres, Deputy Prime Minister" });
		assertThat(page.locator("#delegations tr[data-code=KOR] td").first()).hasText("Minister");
	}

	@Test
	void theTimelineOfOctober2022ShowsKuwaitJoiningAndTheSummitRenamed() {
		open("/timeline");
		page.locator("#from").fill("2022-10-01");
		page.locator("#to").fill("2022-10-31");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertThat(page).hasURL(Pattern.compile("/timeline\\?from=2022-10-01&to=2022-10-31$"));
		var entries = page.locator("#timeline > li");
		assertThat(entries.first()).isVisible();
		var accession = page.locator("#timeline > li[data-kind=ACCESSION]");
		assertThat(accession).hasCount(1);
		assertThat(accession).containsText("Kuwait becomes a member (the 28th member)");
		assertThat(accession.locator("time")).hasAttribute("datetime", "2022-10-13");
		assertThat(page.locator("#timeline > li[data-kind=RENAMING]", new Page.LocatorOptions().setHasText(
				"Meeting of Heads of State or Government (Summit) renamed Council of Heads of State or Government (Summit)")))
				.hasCount(1);

		var dates = (List<?>) entries.locator("time").evaluateAll("times => times.map(time => time.getAttribute('datetime'))");
		assertTrue(!dates.isEmpty());
		for (var date : dates) {
			var day = LocalDate.parse((String) date);
			assertTrue(!day.isBefore(LocalDate.of(2022, 10, 1)) && !day.isAfter(LocalDate.of(2022, 10, 31)),
					() -> date + " is outside October 2022");
		}

		var answer = follow(() -> accession.getByRole(AriaRole.LINK).click());
		assertEquals(200, answer.status());
		assertHeading("Kuwait");
		assertThat(page.locator("#status-today")).hasText("member since 13 October 2022");
	}

	@Test
	void aReaderFindsTheSummitsFromTheBodysOwnPage() {
		open("/bodies/CHSG");
		var summits = page.locator("#body-meetings li");
		assertThat(summits.filter(new Locator.FilterOptions().setHasText("Second CICA Summit"))).hasCount(1);

		follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Second CICA Summit").setExact(true)).click());
		assertHeading("Second CICA Summit");
		assertThat(page.locator("dl.facts dd a[href='/bodies/CHSG']")).hasText("Meeting of Heads of State or Government (Summit)");
	}
}
