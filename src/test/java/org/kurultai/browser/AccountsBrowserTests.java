package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.notifications.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** An administrator opens an account on the accounts page; the invitee sets a password and signs in; a reset through the pages. */
@IntegrationTest
class AccountsBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "the administrator's passphrase";
	static final String ADMIN = "accounts.browser.admin@secretariat.example";

	@Autowired Accounts accounts;
	@Autowired Notifications notifications;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	void anAdministrator() {
		if (accounts.byEmail(ADMIN).isEmpty()) {
			accounts.open(ADMIN, "Browser administrator", Role.SECRETARIAT_ADMINISTRATOR, null, PASSWORD, "test@kurultai", "SECRETARIAT");
		}
		if (accounts.byEmail("reset.browser@mfa.example").isEmpty()) {
			accounts.open("reset.browser@mfa.example", "Forgetful Delegate", Role.DELEGATE, "KAZ", "an old forgotten passphrase",
					"test@kurultai", "SECRETARIAT");
		}
	}

	/** The path of the newest mailed link of that kind to the address (the outbox; sent mail goes to the same table). */
	private String mailedLink(String email, String kind) {
		org.kurultai.identity.ResetRequests.awaitHandled(jdbc); // a reset is looked up and mailed after the answer
		var mails = notifications.to(email);
		assertTrue(!mails.isEmpty(), () -> "no mail to " + email);
		assertEquals(kind, mails.get(0).kind());
		var matcher = Pattern.compile("https?://\\S+/(invitations|password-reset)/[A-Za-z0-9_-]+").matcher(mails.get(0).textBody());
		assertTrue(matcher.find(), () -> "no link in " + mails.get(0).textBody());
		return URI.create(matcher.group()).getPath();
	}

	@Test
	void anAdministratorOpensAnAccountAndTheInviteeSetsAPasswordAndSignsIn() {
		signIn(ADMIN, PASSWORD);
		open("/admin/accounts");
		var form = page.locator("#open");
		form.getByLabel("E-mail address").fill("invitee.browser@mfa.example");
		form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Invited in the Browser");
		form.getByLabel("Role").selectOption("DELEGATE");
		form.getByLabel("State or organization").selectOption(new SelectOption().setLabel("Kazakhstan"));
		form.getByLabel("Language").selectOption("en");
		follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open and invite")).click());

		assertThat(page.locator("#done")).isVisible();
		var row = page.locator("#accounts tbody tr[data-email='invitee.browser@mfa.example']");
		assertThat(row.locator(".status")).hasText("invited");
		assertThat(row).containsText("Kazakhstan");
		assertThat(row).containsText("never");

		var link = mailedLink("invitee.browser@mfa.example", "invitation");
		openBrowserContext(true);
		open(link);
		assertHeading("Welcome to Kurultai");
		page.locator("#password").fill("my own new passphrase");
		page.locator("#repeated").fill("my own new passphrase");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the password")).click());
		assertThat(page.locator("#link-done")).isVisible();

		signIn("invitee.browser@mfa.example", "my own new passphrase");
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertEquals(410, visit(link).status());
	}

	@Test
	void aFormWithAnErrorComesBackWithTheMessageBesideTheFieldAndWhatWasTyped() {
		signIn(ADMIN, PASSWORD);
		open("/admin/accounts");
		var form = page.locator("#open");
		form.getByLabel("E-mail address").fill("no.state.browser@mfa.example");
		form.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("No State Given");
		form.getByLabel("Role").selectOption("NATIONAL_COORDINATOR");
		follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open and invite")).click());

		assertThat(page.locator("#open-participant-error")).isVisible();
		assertThat(page.locator("#open-email")).hasValue("no.state.browser@mfa.example");
		assertThat(page.locator("#open-name")).hasValue("No State Given");
		assertThat(page.locator("#open-role")).hasValue("NATIONAL_COORDINATOR");
	}

	@Test
	void theAccountPagesDoNotScrollSidewaysOnANarrowScreen() {
		page.setViewportSize(390, 844);
		for (var path : new String[] { "/password-reset", "/invitations/" + "x".repeat(43) }) {
			visit(path);
			assertNoSidewaysScrolling();
		}
		signIn(ADMIN, PASSWORD);
		for (var path : new String[] { "/admin/accounts", "/accreditations" }) {
			open(path);
			assertNoSidewaysScrolling();
		}
	}

	@Test
	void aPersonResetsTheirPasswordThroughThePages() {
		open("/password-reset");
		page.locator("#email").fill("reset.browser@mfa.example");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click());
		assertThat(page.locator("#asked")).isVisible();

		var link = mailedLink("reset.browser@mfa.example", "password-reset");
		open(link);
		page.locator("#password").fill("a freshly remembered passphrase");
		page.locator("#repeated").fill("a freshly remembered passphrase");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set the new password")).click());
		assertThat(page.locator("#link-done")).isVisible();

		signIn("reset.browser@mfa.example", "a freshly remembered passphrase");
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
	}
}
