package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kurultai.IntegrationTest;

/**
 * The API's documentation pages ({@code /api-docs}, the overview, and {@code /api-docs?tag=…}, one part): the OpenAPI
 * document rendered as light pages, in English and Russian, linked from every page, with Swagger UI still reachable for
 * trying requests; axe finds nothing critical or serious on them, and they weigh a fraction of Swagger UI.
 */
@IntegrationTest
class ApiDocsBrowserTests extends BrowserTestSupport {

	@Test
	void theNavigationLeadsToTheOverviewWhichLeadsToEachPartsOperations() {
		open("/");
		var answer = follow(() -> page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("API").setExact(true)).click());

		assertEquals(200, answer.status());
		assertTrue(page.url().endsWith("/api-docs"), page.url());
		assertHeading("API documentation");
		assertThat(page.locator("dl.facts")).containsText("Kurultai API");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Creative Commons Attribution 4.0 International")))
				.hasAttribute("href", "https://creativecommons.org/licenses/by/4.0/");
		// Swagger UI stays reachable for trying requests
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Swagger UI"))).hasAttribute("href", "/api-docs.html");
		// every operation, grouped by tag, each group a section with its heading, listed in the contents
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Participants").setLevel(2))).isVisible();
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Contents"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Decisions").setExact(true))).isVisible();
		var operations = Integer.parseInt(page.locator("dl.facts dd").last().textContent().strip());
		assertEquals(operations, page.locator("ul.api-operations > li").count());
		assertTrue(page.locator("ul.api-operations span.method-post").count() > 10, "the writes are documented");
		// no script of its own: the page works as it comes
		assertEquals(0, ((Number) page.evaluate("() => document.querySelectorAll('main script').length")).intValue());

		var part = follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("GET /api/participants").setExact(true))
				.click());

		assertEquals(200, part.status());
		assertTrue(page.url().endsWith("/api-docs?tag=participants#op-get-api-participants"), page.url());
		assertHeading("API: Participants");
		// an operation: method, path, summary, its parameters with their types, its answers (problems marked)
		var participants = page.locator("article.operation:has(h2#op-get-api-participants)");
		assertThat(participants.locator("h2")).hasText("GET /api/participants");
		assertThat(participants.locator("table tbody tr", new Locator.LocatorOptions().setHasText("asOf"))).containsText("string (date)");
		assertThat(participants.locator("ul.api-responses > li", new Locator.LocatorOptions().setHasText("4XX")))
				.containsText("problem document");
		// the schemas its operations name, each linked
		var schemaLink = participants.locator("ul.api-responses a").first();
		assertThat(page.locator(schemaLink.getAttribute("href") + " code")).isVisible();
		assertThat(page.locator("#schema-problem")).hasText("Problem");
		assertNoSidewaysScrolling();
	}

	@Test
	void aWriteShowsItsRequestBodyAndAnUnknownPartIsNotFound() {
		open("/api-docs?tag=meetings-and-timeline");

		var convene = page.locator("article.operation:has(h2#op-post-api-meetings)");
		assertThat(convene.locator("h3", new Locator.LocatorOptions().setHasText("Request body"))).isVisible();
		var body = convene.locator("ul.api-content a").first();
		assertThat(page.locator("article.schema:has(" + body.getAttribute("href") + ") table")).containsText("body");

		assertEquals(404, visit("/api-docs?tag=no-such-part").status());
	}

	@Test
	void thePagesSpeakRussianAroundTheEnglishDescriptions() {
		context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("kurultai-language", "ru").setUrl(baseUrl())));
		open("/api-docs");

		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertHeading("Документация API");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Содержание").setLevel(2))).isVisible();

		open("/api-docs?tag=participants");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Схемы").setLevel(2))).isVisible();
		assertThat(page.locator("article.operation h3").first()).hasText("Параметры");
		// the descriptions, given in English, say so to assistive technology
		assertThat(page.locator("article.operation p[lang=en]").first()).isVisible();
		var violations = Accessibility.check(page);
		assertEquals(List.of(), Accessibility.seriousOrWorse(violations), () -> Accessibility.describe(violations));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api-docs", "/api-docs?tag=participants", "/api-docs?tag=documents" })
	void axeFindsNothingCriticalOrSeriousOnThePages(String path) {
		open(path);

		var violations = Accessibility.check(page);

		assertEquals(List.of(), Accessibility.seriousOrWorse(violations), () -> Accessibility.describe(violations));
	}

	@Test
	void aPartFitsAPhone() {
		page.setViewportSize(390, 844);
		open("/api-docs?tag=documents");

		var overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertEquals(0, ((Number) overflow).intValue(), "the page scrolls sideways by that many pixels");
	}

	@Test
	void thePageWeighsAFractionOfSwaggerUi() {
		var light = weigh("/api-docs");
		var part = weigh("/api-docs?tag=documents");
		var swagger = weigh("/api-docs.html");
		var swaggerAxe = Accessibility.check(page);
		System.out.println("[axe] Swagger UI: " + swaggerAxe.stream().map(rule -> rule.getId() + " " + rule.getImpact() + " "
				+ rule.getNodes().size()).toList());
		System.out.printf("[api-docs weight] /api-docs: %,d bytes (%,d transferred); /api-docs?tag=documents: %,d bytes (%,d transferred); "
				+ "Swagger UI /api-docs.html: %,d bytes (%,d transferred)%n", light[0], light[1], part[0], part[1], swagger[0], swagger[1]);

		assertTrue(swagger[0] > 1_000_000, () -> "Swagger UI weighs " + swagger[0]);
		assertTrue(light[0] * 4 < swagger[0], () -> "/api-docs weighs " + light[0] + " bytes beside Swagger UI's " + swagger[0]);
		assertTrue(part[0] * 4 < swagger[0], () -> "a part weighs " + part[0] + " bytes beside Swagger UI's " + swagger[0]);
		assertTrue(light[1] < 100_000 && part[1] < 100_000, () -> "/api-docs transfers " + light[1] + " bytes, a part " + part[1]);
	}

	/** Bytes of every response the page loads (itself, styles, scripts, the documents it fetches): decoded and as sent. */
	private long[] weigh(String path) {
		openBrowserContext(true);
		var decoded = new AtomicLong();
		var responses = new java.util.concurrent.CopyOnWriteArrayList<com.microsoft.playwright.Response>();
		page.onResponse(responses::add);
		open(path);
		page.waitForLoadState(LoadState.NETWORKIDLE);
		long sent = 0;
		for (var response : List.copyOf(responses)) {
			if (response.status() >= 300 && response.status() < 400) {
				continue;
			}
			decoded.addAndGet(response.body().length);
			sent += Math.max(0, response.request().sizes().responseBodySize);
		}
		return new long[] { decoded.get(), sent };
	}
}
