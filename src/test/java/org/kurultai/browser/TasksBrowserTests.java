package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

/** A member's delegation signs in and finds, on the home page and in the header, what awaits it. */
@IntegrationTest
class TasksBrowserTests extends BrowserTestSupport {

	static final String COORDINATOR = "coordinator.ind.tasks-browser@mfa.example";

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

	Delegations api;
	Delegations.Actor india;
	long decision;
	final String title = "Browser tasks statement " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	@BeforeAll
	void aSilenceProcedureIsOpen() {
		api = new Delegations(port, accounts, tokens);
		india = api.actor(COORDINATOR, Role.NATIONAL_COORDINATOR, "IND");
		var officer = api.secretariat("tasks-browser");
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title));
		assertEquals(201, tabled.status(), tabled::toString);
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(2).plusHours(6).truncatedTo(ChronoUnit.MINUTES);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(tabled.json().get("id").asString(), deadline));
		assertEquals(201, proposed.status(), proposed::toString);
		decision = proposed.json().get("id").asLong();
	}

	private void signIn() {
		visit("/login");
		page.getByLabel("E-mail address").fill(COORDINATOR);
		page.getByLabel("Password").fill(Delegations.PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
	}

	@Test
	void theHomePageShowsWhatAwaitsAndTheHeaderCountsIt() {
		signIn();
		open("/");

		var section = page.locator("#tasks");
		assertThat(section.getByRole(AriaRole.HEADING)).hasText("What awaits you");
		var task = section.locator("li[data-record='decision:" + decision + "']");
		assertThat(task).containsText(title);
		assertThat(task).containsText("Silence procedure");
		assertThat(task.locator("time")).hasAttribute("datetime", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*Z"));
		assertThat(task.locator(".remaining")).hasText(Pattern.compile("2 days (5|6) hours? left|2 days left"));
		assertThat(task.locator(".local-time")).containsText("your time");

		// the header's count, fetched once the page has loaded, is the number of tasks listed
		var count = page.locator("#task-count .count");
		assertThat(count).hasText(Pattern.compile("\\d+"));
		assertEquals(section.locator("li").count(), Integer.parseInt(count.textContent()));
		assertEquals(section.locator("li").count(), api.get("/api/me/tasks", india).json().size());
		screenshot("tasks-home");

		// the header's link leads back to the list from any page
		open("/participants");
		assertThat(page.locator("#task-count .count")).hasText(count.textContent());
		follow(() -> page.locator("#task-count").click());
		assertThat(page).hasURL(Pattern.compile("/#tasks$"));

		// and the task's link to the procedure
		var response = follow(() -> page.locator("#tasks li[data-record='decision:" + decision + "'] a").click());
		assertEquals(200, response.status());
		assertThat(page).hasURL(Pattern.compile("/decisions/" + decision + "$"));
		screenshot("tasks-decision");
	}

	@Test
	void withoutJavaScriptTheHeaderKeepsAPlainLinkToTheList() {
		openBrowserContext(false);
		signIn();
		open("/documents");
		var link = page.locator("#task-count");
		assertThat(link).hasText("What awaits you");
		assertThat(link).hasAttribute("href", "/#tasks");
		open("/");
		assertThat(page.locator("#tasks li[data-record='decision:" + decision + "']")).containsText(title);
	}

	@Test
	void thePublicSeesNoneOfIt() {
		open("/");
		assertThat(page.locator("#tasks")).hasCount(0);
		assertThat(page.locator("#task-count")).hasCount(0);
	}
}
