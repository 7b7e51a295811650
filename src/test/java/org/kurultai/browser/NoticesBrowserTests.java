package org.kurultai.browser;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.notices.MailServer;
import org.kurultai.notices.NoticesTest;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Secretariat opens a silence procedure on a text through its page; a member State's national coordinator finds
 * the mail with the deadline (in the mail server) and the notice on /notifications, marks it read, and chooses how
 * other kinds reach them (a refused time zone comes back beside its field, as typed).
 */
@NoticesTest
class NoticesBrowserTests extends BrowserTestSupport {

	static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

	final String unique = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
	final String title = "Browser notices statement " + unique;
	Delegations api;
	Delegations.Actor officer;
	Delegations.Actor kazakhstan;
	Delegations.Actor chair;
	String document;

	@BeforeAll
	void aTextIsTabled() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("ntc-browser-" + unique);
		kazakhstan = api.coordinator("ntc-browser-" + unique, "KAZ");
		// the chairing State's national coordinator (Azerbaijan chairs from December 2024), who conducts the negotiation
		chair = api.coordinator("ntc-browser-chair-" + unique, "AZE");
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title));
		assertEquals(201, tabled.status(), tabled::toString);
		document = tabled.json().get("id").asString();
	}

	private void signIn(String email) {
		signIn(email, Delegations.PASSWORD);
	}

	@Test
	void theChairOpensASilenceProcedureAndAMembersCoordinatorFindsTheMailAndTheNotice() {
		// the chair puts the text for decision under silence, on the text's page
		signIn(chair.account().email());
		open("/documents/" + document);
		var form = page.locator("#decision-form");
		var almaty = ZoneId.of("Asia/Almaty");
		var deadline = LocalDateTime.ofInstant(clock.now().plus(Duration.ofDays(3)), almaty).truncatedTo(ChronoUnit.MINUTES).plusSeconds(1);
		form.locator("input[name=procedure][value=SILENCE]").check();
		form.getByLabel("Deadline (local time)").fill(DATETIME_LOCAL.format(deadline));
		form.getByLabel("in time zone").fill("Asia/Almaty");
		var answer = follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put for decision")).click());
		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/decisions/\\d+$"));
		var decision = page.url().substring(baseUrl().length());

		// the member's coordinator finds the mail with the deadline
		var email = kazakhstan.account().email();
		await().atMost(Duration.ofSeconds(30)).until(() -> MailServer.to(email).stream().anyMatch(m -> MailServer.subject(m).contains(title)));
		var mail = MailServer.to(email).stream().filter(m -> MailServer.subject(m).contains(title)).findFirst().orElseThrow();
		var text = MailServer.text(mail);
		var shown = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", Locale.ENGLISH).format(deadline) + " (Asia/Almaty)";
		assertTrue(text.contains(shown + ", the forum’s time"), () -> "the deadline " + shown + " in: " + text);
		assertTrue(text.contains("https://kurultai.test" + decision), text);
		assertTrue(text.contains("the text is adopted"), text);

		// and the notice, signed in: the header counts it, the page lists it
		openBrowserContext(true);
		signIn(email);
		open("/documents");
		var count = page.locator("#notice-count .count");
		assertThat(count).hasText(Pattern.compile("[1-9]\\d*"));
		int before = Integer.parseInt(count.textContent());
		follow(() -> page.locator("#notice-count").click());
		assertThat(page).hasURL(Pattern.compile("/notifications$"));
		assertHeading("Notifications");
		var notice = page.locator("#notices li[data-kind=SILENCE_OPENED]").filter(new Locator.FilterOptions().setHasText(title));
		assertThat(notice).hasCount(1);
		assertThat(notice).containsText(shown);
		assertThat(notice).hasAttribute("data-read", "false");
		screenshot("notices-list");
		follow(() -> notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as read")).click());
		var read = page.locator("#notices li[data-kind=SILENCE_OPENED]").filter(new Locator.FilterOptions().setHasText(title));
		assertThat(read).hasAttribute("data-read", "true");
		assertThat(page.locator("#notice-count .count")).hasText(Integer.toString(before - 1));
		follow(() -> read.locator("a").first().click());
		assertThat(page).hasURL(Pattern.compile(decision + "$"));
	}

	@Test
	void theSettingsFormKeepsWhatWasTypedAndSaysWhatIsWrongBesideTheField() {
		signIn(kazakhstan.account().email());
		open("/notifications");
		var form = page.locator("#notice-settings");
		assertThat(form.locator("tr[data-kind=SILENCE_OPENED] .always")).containsText("Always at once");
		assertThat(form.locator("tr[data-kind=SILENCE_OPENED] input")).hasCount(0);
		form.locator("tr[data-kind=MEETING_CONVENED] input[value=DAILY]").check();
		form.getByLabel("Your time zone").fill("Mars/Olympus");
		var refused = follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save settings")).click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-notice-settings-timeZone")).containsText("Mars/Olympus");
		assertThat(page.locator("#timeZone")).hasValue("Mars/Olympus");
		assertThat(page.locator("#timeZone")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("tr[data-kind=MEETING_CONVENED] input[value=DAILY]")).isChecked();
		assertEquals("IMMEDIATE", api.get("/api/me/notification-settings", kazakhstan).json().get("kinds").get("MEETING_CONVENED").asString());

		page.locator("#timeZone").fill("Europe/Moscow");
		var saved = follow(() -> page.locator("#notice-settings").getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Save settings")).click());
		assertEquals(200, saved.status());
		assertThat(page.locator("#settings-saved")).isVisible();
		assertThat(page.locator("#timeZone")).hasValue("Europe/Moscow");
		var settings = api.get("/api/me/notification-settings", kazakhstan).json();
		assertEquals("DAILY", settings.get("kinds").get("MEETING_CONVENED").asString());
		assertEquals("Europe/Moscow", settings.get("timeZone").asString());

		// at 390 pixels, nothing scrolls sideways; and in Russian
		page.setViewportSize(390, 844);
		open("/notifications");
		var overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertEquals(0, ((Number) overflow).intValue(), "the page scrolls sideways at 390 px");
		screenshot("notices-settings-390");
	}
}
