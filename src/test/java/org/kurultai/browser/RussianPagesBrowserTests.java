package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/**
 * The main pages in Russian: chosen with the header's switch, remembered from page to page, and
 * offered on a first visit to a browser that asks for Russian. Names come from the data in Russian,
 * dates are written the Russian way, {@code <html lang>} follows.
 */
@IntegrationTest
class RussianPagesBrowserTests extends BrowserTestSupport {

	/** "13 октября 2022": a day, a Russian month in the genitive, a year. */
	static final Pattern RUSSIAN_DATE = Pattern.compile(
			"\\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \\d{4}");

	static final Pattern LATIN_MONTH = Pattern.compile("January|February|March|April|June|July|August|September|October|November|December");

	@Test
	void theHeadersSwitchTurnsTheMainPagesIntoRussianAndTheChoiceStays() {
		open("/");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		var switchToRussian = page.locator("form.language button[value=ru]");
		assertThat(switchToRussian).hasText("Русский");
		var answer = follow(switchToRussian::click);
		assertTrue(answer.status() < 400);

		// the home page
		assertThat(page).hasURL(Pattern.compile(".*/$"));
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertHeading("Совещание по взаимодействию и мерам доверия в Азии");
		assertThat(page).hasTitle(Pattern.compile("Главная"));
		assertThat(page.locator("form.language button[value=ru]")).hasAttribute("aria-pressed", "true");
		assertThat(nav().getByRole(AriaRole.LINK)).containsText(new String[] { "Главная", "Участники", "Органы", "Председательство",
				"Заседания" });
		assertThat(page.locator("#today-heading")).containsText(RUSSIAN_DATE);
		assertThat(page.locator("#members").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Казахстан").setExact(true)))
				.isVisible();
		assertThat(page.locator("#members")).not().containsText("Kazakhstan");
		assertThat(page.locator("#current-chair")).containsText("Азербайджан");
		assertThat(page.locator("main")).not().containsText(LATIN_MONTH);
		assertThat(page.locator("footer.site")).containsText("Курултай");

		// the participants, reached through the navigation: the choice is remembered
		follow(() -> nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Участники").setExact(true)).click());
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertHeading("Участники");
		assertThat(page).hasTitle(Pattern.compile("Участники"));
		var kazakhstan = page.locator("#roster-table tr[data-code=KAZ]");
		assertThat(kazakhstan.locator("th")).hasText("Казахстан");
		assertThat(kazakhstan.locator("td").nth(1)).hasText("Государство");
		assertThat(kazakhstan.locator("td").nth(2)).hasText("член");
		assertThat(kazakhstan.locator("td").nth(3)).hasText(RUSSIAN_DATE);
		assertThat(page.locator("#roster .summary")).containsText(RUSSIAN_DATE);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Показать"))).isVisible();
		assertThat(page.locator("#roster-table")).not().containsText(LATIN_MONTH);

		// one participant
		open("/participants/KWT");
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertHeading("Кувейт");
		assertThat(page.locator("#status-today")).hasText("член с 13 октября 2022");
		assertThat(page.locator("#history thead th").first()).hasText("Статус");

		// the bodies, the chairmanship and a meeting: names of bodies, offices and places in Russian
		open("/bodies");
		assertHeading("Органы");
		assertThat(page.locator("table.bodies tr[data-code=SOC] th a")).hasText("Комитет старших должностных лиц");
		open("/chairmanship?asOf=2020-09-24");
		assertHeading("Председательство и «тройка»");
		assertThat(page.locator("#troika caption")).hasText("«Тройка» на 24 сентября 2020");
		assertThat(page.locator("#troika-current")).hasText("Казахстан");
		assertThat(page.locator("#head-titles")).containsText("Генеральный секретарь");
		open("/meetings/CHSG-2");
		assertThat(page.locator("dl.facts dd a[href='/bodies/CHSG']")).hasText("Совещание глав государств и правительств (Саммит)");
		assertThat(page.locator("dl.facts")).containsText("Алматы");
		assertThat(page.locator("#delegations tr[data-code=ISR] th")).hasText("Израиль");
		assertThat(page.locator("#delegations tr[data-code=KOR] td").first()).hasText("Министр");
		open("/timeline?from=2022-10-01&to=2022-10-31");
		assertHeading("Хронология");
		assertThat(page.locator("#timeline > li time").first()).hasText(RUSSIAN_DATE);

		// a source is its title and link, not a file name
		open("/participants/KAZ");
		var sourcesShown = String.join(" | ", page.locator("main .sources").allTextContents());
		assertTrue(!sourcesShown.isBlank() && !Pattern.compile("seed|\\.txt").matcher(sourcesShown).find(), sourcesShown);

		// an error page, too
		var missing = visit("/participants/ZZZ");
		assertEquals(404, missing.status());
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertThat(page.locator("h1")).containsText("Не найдено");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Вернуться на главную страницу"))).isVisible();

		// and back to English, where the page was
		open("/participants");
		follow(() -> page.locator("form.language button[value=en]").click());
		assertThat(page).hasURL(Pattern.compile(".*/participants$"));
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertHeading("Participants");
		assertThat(page.locator("#roster-table tr[data-code=KAZ] th")).hasText("Kazakhstan");
	}

	@Test
	void aFirstVisitFromABrowserThatAsksForRussianIsInRussian() {
		// a browser set up for Russian sends this with every request
		context.route(url -> url.startsWith(baseUrl()), route -> {
			var headers = new java.util.HashMap<>(route.request().headers());
			headers.put("accept-language", "ru-RU,ru;q=0.9,en;q=0.5");
			route.resume(new Route.ResumeOptions().setHeaders(headers));
		});
		open("/");
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Участники").setExact(true))).isVisible();

		// a choice made with the switch outweighs what the browser asks for
		follow(() -> page.locator("form.language button[value=en]").click());
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		open("/bodies");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertHeading("Bodies");
	}

	@Test
	void theSourcesOfAFactAreTheirTitlesAndLinksInEnglishToo() {
		open("/participants/KAZ");
		var sources = page.locator("#history .sources");
		assertThat(sources.first()).isVisible();
		var sourcesShown = String.join(" | ", page.locator("main .sources").allTextContents());
		assertTrue(!Pattern.compile("Seed document|seed:|\\.txt").matcher(sourcesShown).find(), sourcesShown);
		assertTrue(sourcesShown.contains("What is the CICA and why was it created?"), sourcesShown);
		open("/bodies/SOC");
		var link = page.locator(".sources a[href^='http']").first();
		assertThat(link).isVisible();
		assertThat(link).not().hasText(Pattern.compile("^https?://"));
	}

	private Locator nav() {
		return page.locator("nav#site-nav");
	}
}
