package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Passkeys in a real Chromium, with the browser's virtual authenticator standing in for the
 * person's device: register a passkey on the account page, then sign in with it, no password.
 */
@IntegrationTest
class PasskeyBrowserTests extends BrowserTestSupport {

	static final String OFFICER = "passkey.officer@secretariat.example";
	static final String PASSWORD = "a passphrase before the passkey";

	@Autowired Accounts accounts;
	@Autowired org.kurultai.audit.AuditLog audit;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	void openAccount() {
		if (accounts.byEmail(OFFICER).isEmpty()) {
			accounts.open(OFFICER, "Officer with a passkey", Role.SECRETARIAT_OFFICER, null, PASSWORD, "test@kurultai", "SECRETARIAT");
		}
	}

	private void addVirtualAuthenticator() {
		var cdp = page.context().newCDPSession(page);
		cdp.send("WebAuthn.enable");
		var options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		var parameters = new JsonObject();
		parameters.add("options", options);
		cdp.send("WebAuthn.addVirtualAuthenticator", parameters);
	}

	@Test
	void anOfficerAddsAPasskeyAndSignsInWithItWithoutAPassword() {
		addVirtualAuthenticator();
		visit("/login");
		page.getByLabel("E-mail address").fill(OFFICER);
		page.getByLabel("Password").fill(PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(page.locator("#passkeys")).containsText("No passkey yet");

		page.getByLabel("Name of the new passkey").fill("office laptop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();

		assertThat(page).hasURL(Pattern.compile(".*/account\\?passkey=added$"));
		assertThat(page.locator("#passkeys")).containsText("office laptop");
		org.assertj.core.api.Assertions.assertThat(audit.find(new org.kurultai.audit.AuditQuery(OFFICER, null, "passkey.registered", null,
				null, 10))).as("registering a passkey is audited").hasSize(1);

		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click());
		assertEquals(401, visit("/api/me").status());

		jdbc.sql("update account set last_signed_in_at = null where email = ?").param(OFFICER).update();
		visit("/login");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();

		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertHeading("Officer with a passkey");
		assertThat(page.locator("#role")).hasText("Secretariat officer");
		assertEquals(200, visit("/api/me").status());
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select last_signed_in_at from account where email = ?").param(OFFICER)
				.query(java.time.OffsetDateTime.class).optional()).as("a passkey sign-in is recorded").isPresent();
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(OFFICER)
				.query(Integer.class).single()).as("its session is found by the person's e-mail").isEqualTo(1);
	}

	@Test
	void withoutAPasskeyOnTheDeviceSignInFailsAndSaysSo() {
		addVirtualAuthenticator();
		visit("/login");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();

		assertThat(page.locator("#passkey-signin-status")).containsText("failed");
		assertEquals(401, visit("/api/me").status());
	}
}
