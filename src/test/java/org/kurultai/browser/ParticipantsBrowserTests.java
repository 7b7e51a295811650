package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roster as of a chosen day (with htmx and without JavaScript), the membership chart, and a
 * participant's own page. The Republic of Korea became the 18th member at the summit of 17 June
 * 2006; Thailand the 17th on 22 October 2004.
 */
@IntegrationTest
class ParticipantsBrowserTests extends BrowserTestSupport {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	@Test
	void aReaderMovesTheRosterThroughTimeAndOnlyTheRosterIsReplaced() {
		open("/participants");
		assertHeading("Participants");
		page.evaluate("() => { window.neverReloaded = true; }");

		var firstRequest = page.waitForRequest(request -> request.url().contains("asOf=2006-06-16"),
				() -> page.locator("#asOf").fill("2006-06-16"));
		assertEquals("true", firstRequest.headerValue("hx-request"), "the date is asked for by htmx, not by a page load");
		assertThat(page.locator("#roster-members")).hasText("17");
		assertThat(statusOf("KOR")).hasText("observer");

		page.locator("#asOf").fill("2006-06-18");
		assertThat(page.locator("#roster-members")).hasText("18");
		assertThat(statusOf("KOR")).hasText("member");
		assertThat(page).hasURL(Pattern.compile("/participants\\?(.*&)?asOf=2006-06-18(&|$)"));

		assertEquals(Boolean.TRUE, page.evaluate("() => window.neverReloaded === true"), "the page was not reloaded");
		assertThat(page.locator("#roster")).hasCount(1);
		assertThat(page.locator("h1")).hasCount(1);

		page.goBack();
		assertThat(page).hasURL(Pattern.compile("asOf=2006-06-16"));
		assertThat(page.locator("#roster-members")).hasText("17");
	}

	@Test
	void aReaderWithoutJavaScriptMovesTheRosterThroughTimeByPressingShow() {
		openBrowserContext(false);
		open("/participants");

		page.locator("#asOf").fill("2006-06-16");
		var answer = follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/participants\\?asOf=2006-06-16(&|$)"));
		assertThat(page.locator("#roster-members")).hasText("17");
		assertThat(statusOf("KOR")).hasText("observer");
		assertThat(page.locator("#asOf")).hasValue("2006-06-16");

		page.locator("#asOf").fill("2006-06-18");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());

		assertThat(page).hasURL(Pattern.compile("/participants\\?asOf=2006-06-18(&|$)"));
		assertThat(page.locator("#roster-members")).hasText("18");
		assertThat(statusOf("KOR")).hasText("member");
	}

	@Test
	void theChartShowsMembersForEveryYearAndItsTableGivesTheSameFigures() {
		open("/participants");
		var chart = page.locator("svg#membership-chart");
		assertThat(chart).isVisible();
		assertThat(chart.locator("g.year[data-year='2022']")).hasCount(1);

		var years = yearsOf(chart.locator("g.year"));
		var thisYear = forumClock.today().getYear();
		assertEquals(thisYear, years.get(years.size() - 1), "the chart ends with this year");
		assertEquals(IntStream.rangeClosed(years.get(0), thisYear).boxed().toList(), years, "one group per year, none missing");
		assertTrue(years.get(0) <= 2006, "the chart starts before 2006");

		assertThat(chart.locator("g.year[data-year='2006']")).hasAttribute("data-members", "18");
		assertThat(chart.locator("g.year[data-year='2022']")).hasAttribute("data-members", "28");
		var bar2022 = chart.locator("g.year[data-year='2022'] rect.members").boundingBox();
		var bar2006 = chart.locator("g.year[data-year='2006'] rect.members").boundingBox();
		assertNotNull(bar2022);
		assertNotNull(bar2006);
		assertTrue(bar2022.height > bar2006.height && bar2006.height > 0, "the bars grow with the membership");

		var table = page.locator("#chart-table");
		assertThat(table).isHidden();
		page.getByText("The figures as a table").click();
		assertThat(table).isVisible();
		assertThat(table.locator("tbody tr")).hasCount(years.size());
		for (var year : List.of("2006", "2022")) {
			var group = chart.locator("g.year[data-year='" + year + "']");
			assertThat(rowOf(table, year).locator("td"))
					.hasText(new String[] { group.getAttribute("data-members"), group.getAttribute("data-observers") });
		}
		assertThat(rowOf(table, "2006").locator("td").first()).hasText("18");
		assertThat(rowOf(table, "2022").locator("td").first()).hasText("28");
	}

	@Test
	void theChartsYearLabelsCanBeReadOneByOne() {
		open("/participants");
		var labels = page.locator("svg#membership-chart g.year text");
		assertThat(labels.first()).isVisible();
		page.locator("svg#membership-chart").screenshot(new Locator.ScreenshotOptions().setPath(screenshotFile("participants-chart")));

		record Label(String text, BoundingBox box) {
		}
		var placed = labels.all().stream().map(label -> new Label(label.textContent(), label.boundingBox())).toList();
		assertTrue(placed.size() >= 2, "the years along the axis are labelled");
		for (int i = 1; i < placed.size(); i++) {
			var left = placed.get(i - 1);
			var right = placed.get(i);
			var gap = right.box().x - (left.box().x + left.box().width);
			assertTrue(gap >= 2, () -> "the labels " + left.text() + " and " + right.text() + " overlap or touch (gap "
					+ Math.round(gap) + " px)");
		}
	}

	@Test
	void aParticipantsPageTellsWhenItWasObserverThenMemberAndWhatItSigned() {
		open("/participants/THA");
		assertHeading("Thailand");

		var periods = page.locator("#history tbody tr");
		assertThat(periods).hasCount(2);
		assertThat(periods.locator("th")).containsText(new String[] { "observer", "member" });
		assertThat(periods.nth(0).locator("td").nth(1)).hasText("22 October 2004");
		assertThat(periods.nth(1).locator("td").nth(0)).hasText("22 October 2004");
		assertThat(periods.nth(1).locator("td").nth(1)).hasText("—");
		assertThat(page.locator("#status-today")).hasText("member since 22 October 2004");

		var signatures = page.locator("#signatures tbody tr");
		assertThat(signatures.locator("th")).hasText(
				new String[] { "Declaration on Principles Guiding Relations among CICA Member States", "Almaty Act" });
		assertThat(signatures.locator("td:first-of-type")).containsText(new String[] { "22 October 2004", "22 October 2004" });
	}

	@Test
	void theParticipantsPageFitsTheWindowAndIsCapturedForAReviewer() {
		open("/participants");
		assertThat(page.locator("svg#membership-chart")).isVisible();
		assertThat(page.locator("footer.site")).isVisible();

		assertNoSidewaysScrolling();
		screenshot("participants");
	}

	private Locator statusOf(String code) {
		return page.locator("#roster-table tr[data-code=" + code + "] td").nth(2);
	}

	private static Locator rowOf(Locator table, String year) {
		return table.locator("tbody tr").filter(new Locator.FilterOptions()
				.setHas(table.page().locator("th", new Page.LocatorOptions().setHasText(Pattern.compile("^" + year + "$")))));
	}

	private static List<Integer> yearsOf(Locator groups) {
		var years = (List<?>) groups.evaluateAll("groups => groups.map(group => Number(group.getAttribute('data-year')))");
		return years.stream().map(year -> ((Number) year).intValue()).toList();
	}
}
