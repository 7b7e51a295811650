package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;

/** The open data page: a reader finds it in the menu, reads the tables and their dictionaries, and downloads one. */
@IntegrationTest
class OpenDataBrowserTests extends BrowserTestSupport {

	@Test
	void aReaderFindsTheTablesAndDownloadsTheParticipants() throws IOException {
		open("/");
		follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open data").setExact(true)).click());

		assertThat(page).hasURL(Pattern.compile("/data$"));
		assertHeading("Open data");
		assertThat(page.locator("section.data-table")).hasCount(16);
		assertThat(page.locator("#tables li")).hasCount(16);
		var participants = page.locator("#table-participants");
		assertThat(participants.locator("h3")).hasText("Participants");
		assertThat(participants.locator(".rows")).hasText(Pattern.compile("Rows: \\d+"));
		assertThat(participants.locator("tr[data-field=kind] td").nth(2)).hasText("STATE, ORGANIZATION");
		assertThat(page.locator("#licence-link")).hasText("Creative Commons Attribution 4.0 International");

		var download = page.waitForDownload(() -> participants.locator("a.csv").click());
		assertEquals("participants.csv", download.suggestedFilename());
		var csv = Files.readString(download.path(), StandardCharsets.UTF_8);
		assertTrue(csv.startsWith("code,kind,name_en,official_name_en,name_ru,official_name_ru\r\n"), csv.lines().findFirst().orElse(""));
		assertTrue(csv.contains("\r\nKAZ,STATE,Kazakhstan,"), "Kazakhstan is a row");
		int rows = Integer.parseInt(participants.getAttribute("data-rows"));
		assertEquals(rows, csv.split("\r\n").length - 1, "the page says how many rows the file has");

		var json = page.waitForDownload(() -> page.locator("#table-meetings a.json").click());
		assertTrue(Files.readString(json.path(), StandardCharsets.UTF_8).contains("\"id\":\"CHSG-2\""), "the 2006 summit is a row");

		var descriptor = page.request().get(baseUrl() + page.locator("#datapackage").getAttribute("href"));
		assertEquals(200, descriptor.status());
		assertTrue(descriptor.text().contains("\"profile\" : \"tabular-data-package\""), "a tabular data package");
	}

	@Test
	void theDictionaryIsInRussianAndFitsAPhone() {
		page.setViewportSize(390, 844);
		open("/data");
		follow(() -> page.locator("form.language button[value=ru]").click());

		assertHeading("Открытые данные");
		assertThat(page.locator("#table-participants h3")).hasText("Участники");
		assertThat(page.locator("#table-participants tr[data-field=code] td").last()).hasText("Код участника (для государства — ISO 3166-1 alpha-3)");
		assertNoSidewaysScrolling();
	}
}
