package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/** Signing in with a password, and what a person sees where they may not go. */
@IntegrationTest
class SignInBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "a passphrase for the browser";
	static final String DELEGATE = "delegate.jpn.browser@mfa.example";
	static final String ADMIN = "admin.browser@secretariat.example";

	@Autowired Accounts accounts;
	@Autowired org.kurultai.identity.ApiTokens tokens;
	@Autowired org.kurultai.identity.Accreditations accreditations;

	@BeforeAll
	void openAccounts() {
		if (accounts.byEmail(DELEGATE).isEmpty()) {
			accounts.open(DELEGATE, "Delegate of Japan", Role.DELEGATE, "JPN", PASSWORD, "test@kurultai", "SECRETARIAT");
		}
		if (accounts.byEmail(ADMIN).isEmpty()) {
			accounts.open(ADMIN, "Secretariat administrator", Role.SECRETARIAT_ADMINISTRATOR, null, PASSWORD, "test@kurultai",
					"SECRETARIAT");
		}
		var coordinator = accounts.byEmail("coordinator.jpn.browser@mfa.example").orElseGet(() -> accounts.open(
				"coordinator.jpn.browser@mfa.example", "Coordinator of Japan", Role.NATIONAL_COORDINATOR, "JPN", PASSWORD, "test@kurultai",
				"SECRETARIAT"));
		accreditations.accredit(accreditations.propose(coordinator, DELEGATE).id(), accounts.byEmail(ADMIN).orElseThrow());
	}

	@Test
	void anObserversDelegateSignsInAndSeesItMaySpeakButNotObject() {
		signIn(DELEGATE, PASSWORD);

		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertHeading("Delegate of Japan");
		assertThat(page.locator("#role")).hasText("Delegate");
		assertThat(page.locator("#acts-for")).containsText("Japan");
		assertThat(page.locator("#capacity")).hasText("observer delegation");
		assertThat(page.locator("#may-object")).hasText("no");
		assertThat(page.locator("#may-speak")).hasText("yes");

		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click());
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sign in"))).isVisible();
	}

	@Test
	void aWrongPasswordSaysSoAndSignsNobodyIn() {
		signIn(DELEGATE, "not the right passphrase");

		assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("not right");
		assertEquals(401, visit("/api/me").status());
	}

	@Test
	void aDelegateIsShownAForbiddenPageForTheAuditLog() {
		signIn(DELEGATE, PASSWORD);

		var answer = visit("/admin/audit");

		assertEquals(403, answer.status());
		assertThat(page.locator("h1")).containsText("403");
		assertThat(page.locator("#audit")).hasCount(0);
	}

	@Test
	void theAnonymousAreAskedToSignInBeforeTheAuditLog() {
		visit("/admin/audit");

		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		assertHeading("Sign in");
	}

	@Test
	void anAdministratorRevokesATokenFromTheTokensPage() {
		var issued = tokens.issue(accounts.byEmail(DELEGATE).orElseThrow(), "to revoke in the browser", 3);
		signIn(ADMIN, PASSWORD);

		visit("/admin/tokens");
		var row = page.locator("#tokens tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
				.setHasText("to revoke in the browser"));
		assertThat(row).containsText("active");
		follow(() -> row.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Revoke")).click());

		assertThat(page.locator("#tokens tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
				.setHasText("to revoke in the browser"))).containsText("revoked");
		assertEquals(401, page.request().get("/api/me", com.microsoft.playwright.options.RequestOptions.create()
				.setHeader("Authorization", "Bearer " + issued.secret())).status());
	}

	@Test
	void anAdministratorSeesTheAuditLogWithAnIntactChain() {
		signIn(ADMIN, PASSWORD);

		var answer = visit("/admin/audit?action=account.opened");

		assertEquals(200, answer.status());
		assertThat(page.locator("#verification")).containsText("intact");
		assertThat(page.locator("#audit tbody")).containsText("account:" + DELEGATE);
	}
}
