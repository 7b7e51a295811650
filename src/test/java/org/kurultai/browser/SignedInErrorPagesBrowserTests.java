package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * An error page does not lose the person: whether the error comes from a page's own refusal (404,
 * 400, 409) or from the container's error path (an address that leads nowhere, a page one may not
 * see), the signed-in header is there — their name and the sign-out button — in their language.
 */
@IntegrationTest
class SignedInErrorPagesBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

	Delegations api;
	Delegations.Actor officer;
	Delegations.Actor delegate;
	long silence;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.actor("errors.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		delegate = api.actor("errors.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "Statement for the error pages", "body": "SOC", "access": "PUBLIC",
				 "languages": ["en"], "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}""");
		assertEquals(201, tabled.status(), tabled::toString);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(tabled.json().get("id").asString(), clock.today().plusDays(30).atTime(18, 0)));
		assertEquals(201, proposed.status(), proposed::toString);
		silence = proposed.json().get("id").asLong();
	}

	@Test
	void everyKindOfErrorPageKeepsTheSignedInHeader() {
		signIn(delegate);

		assertErrorPage(visit("/participants/ZZZ").status(), 404, "a page's own not-found");
		assertErrorPage(visit("/no-such-page").status(), 404, "an address that leads nowhere (the container's error path)");
		assertErrorPage(visit("/participants?asOf=not-a-date").status(), 400, "a value that is not a date");
		assertErrorPage(visit("/admin/audit").status(), 403, "a page only the administrator may see (the container's error path)");
	}

	@Test
	void aRefusedActIsAConflictPageThatKeepsTheSignedInHeader() {
		signIn(officer);
		open("/decisions/" + silence);
		// a silence procedure closes by itself at its deadline: closing it by hand is refused (409)
		var answer = follow(() -> page.evaluate("""
				id => { const form = document.createElement('form'); form.method = 'post'; form.action = '/decisions/' + id + '/close';
				  const token = document.createElement('input'); token.type = 'hidden'; token.name = '_csrf';
				  token.value = document.querySelector('meta[name=_csrf]').content; form.append(token); document.body.append(form); form.submit(); }""",
				String.valueOf(silence)));
		// a refused form comes back on its own page, 409, with the refusal at the form and the signed-in header
		assertEquals(409, answer.status(), "closing a silence procedure by hand");
		assertThat(page.locator(".form-error[role=alert]").first()).isVisible();
		assertThat(page.locator("body")).not().containsText(Pattern.compile("Whitelabel|Exception|java\\."));
		assertThat(page.locator("nav#site-nav a[href='/account']")).hasText(officer.account().displayName());
		assertThat(page.locator("nav#site-nav form.signout button")).hasCount(1);
	}

	@Test
	void anErrorPageInRussianKeepsTheSignedInHeaderToo() {
		signIn(delegate);
		open("/");
		follow(() -> page.locator("form.language button[value=ru]").click());
		var answer = visit("/admin/audit");
		assertEquals(403, answer.status());
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertThat(page.locator("h1")).containsText("Доступ запрещён");
		assertThat(page.locator("nav#site-nav a[href='/account']")).hasText(delegate.account().displayName());
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Выйти"))).hasCount(1);
	}

	private void assertErrorPage(int status, int expected, String what) {
		assertEquals(expected, status, what);
		assertThat(page.locator("h1")).containsText(String.valueOf(expected));
		assertThat(page.locator(".problem")).isVisible();
		assertThat(page.locator("body")).not().containsText(Pattern.compile("Whitelabel|Exception|java\\."));
		var account = page.locator("nav#site-nav a[href='/account']");
		assertThat(account).hasCount(1);
		assertTrue(!account.textContent().isBlank(), what);
		assertThat(page.locator("nav#site-nav form.signout button")).hasCount(1);
		assertThat(page.locator("nav#site-nav a[href='/login']")).hasCount(0);
	}

	private void signIn(Delegations.Actor who) {
		page.navigate("/login");
		page.locator("#username").fill(who.account().email());
		page.locator("#password").fill(Delegations.PASSWORD);
		follow(() -> page.locator("form:has(#password) button[type=submit]").click());
		assertTrue(!page.url().contains("/login"), () -> "signed in as " + who.account().email() + ": " + page.url());
	}
}
