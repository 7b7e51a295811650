package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search in a browser: from the header's search box on any page to the results, highlighted; narrowed by a filter;
 * paged; a bad year comes back beside its field; and the page on a phone.
 */
@IntegrationTest
class SearchBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	final String unique = "browsersearch" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "x");
	String document;

	@BeforeAll
	void records() {
		var api = new Delegations(port, accounts, tokens);
		var officer = api.secretariat("search-browser");
		var created = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "Statement on confidence %s", "body": "SOC", "access": "PUBLIC", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "States build confidence step by step %s."}},
				                {"label": "2", "status": "AGREED", "text": {"en": "Confidences grow with every meeting %s."}}]}"""
				.formatted(unique, unique, unique));
		assertEquals(201, created.status(), created::toString);
		document = created.json().get("id").asString();
		var meeting = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "Confidence meeting %s", "from": "2037-06-02", "until": "2037-06-02", "place": "Astana", "access": "PUBLIC"}"""
				.formatted(unique));
		assertEquals(201, meeting.status(), meeting::toString);
	}

	@Test
	void fromTheHeaderBoxToTheResultsThenAFilter() {
		open("/bodies");
		var box = page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search the record"));
		box.fill("confidence " + unique);
		follow(() -> box.press("Enter"));
		assertHeading("Search");
		assertThat(page.locator("#q")).hasValue("confidence " + unique);
		// the document's title, its two paragraphs ("confidences" is stemmed as "confidence") and the meeting
		assertThat(page.locator("#search-total")).hasAttribute("data-total", "4");
		assertThat(page.locator("#search-results li.result")).hasCount(4);
		assertThat(page.locator("#search-results a[href$='/documents/" + document + "#p-2']")).isVisible();
		assertThat(page.locator("#search-results .snippet mark").first()).isVisible();

		page.getByLabel("Kind", new Page.GetByLabelOptions().setExact(true)).selectOption("meeting");
		follow(() -> page.locator("#search-submit").click());
		assertThat(page.locator("#search-total")).hasAttribute("data-total", "1");
		assertThat(page.locator("#search-results li.result")).hasCount(1);
		assertThat(page.locator("#search-results li.result")).hasAttribute("data-kind", "meeting");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Confidence meeting " + unique))).isVisible();

		// newest first, then a bad year: the form again with the message beside the field and what was typed kept
		page.getByLabel("Kind", new Page.GetByLabelOptions().setExact(true)).selectOption("");
		page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill("20x7");
		var refused = follow(() -> page.locator("#search-submit").click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-search-year")).isVisible();
		assertThat(page.locator("#year")).hasValue("20x7");
		assertThat(page.locator("#q")).hasValue("confidence " + unique);
	}

	@Test
	void resultsArePagedAndFitAPhone() {
		open("/search?q=CICA&kind=meeting");
		assertThat(page.locator("#page-of")).isVisible();
		var first = page.locator("#search-results li.result").first().getAttribute("data-id");
		follow(() -> page.locator("#next-page").click());
		assertThat(page.locator("#previous-page")).isVisible();
		var second = page.locator("#search-results li.result").first().getAttribute("data-id");
		org.junit.jupiter.api.Assertions.assertNotEquals(first, second);

		page.setViewportSize(390, 844);
		open("/search?q=confidence+" + unique);
		assertThat(page.locator("form.site-search input")).isVisible();
		assertNoSidewaysScrolling();
	}
}
