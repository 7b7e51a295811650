package org.kurultai.browser;

import java.time.ZoneId;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Secretariat convenes a meeting through the page (a refused form comes back with the message beside the field and
 * what was typed), sees it, changes its plan with a reason and finds the earlier plan on the meeting's page.
 */
@IntegrationTest
class MeetingsBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "a long enough password";
	static final String OFFICER = "browser.meetings.officer@secretariat.example";

	@Autowired Accounts accounts;
	@Autowired ForumClock clock;

	private void signIn(String email) {
		accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, Role.SECRETARIAT_OFFICER, null, PASSWORD, "test", "test"));
		visit("/login");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
	}

	@Test
	void theSecretariatConvenesAMeetingAndChangesItsPlanWithAReason() {
		signIn(OFFICER);
		var from = clock.today().plusDays(90);
		open("/meetings");
		follow(() -> page.locator("#convene").click());
		assertHeading("Convene a meeting");
		page.locator("#convene-body").selectOption("SOC");
		page.locator("#convene-from").fill(from.toString());
		page.locator("#convene-until").fill(from.minusDays(1).toString());
		page.locator("#convene-place").fill("Astana");
		page.locator("#convene-access").selectOption("PARTICIPANTS");
		page.locator("#convene-title").fill("Browser-convened session of senior officials");
		var refused = follow(() -> page.locator("#convene-submit").click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-convene-until")).isVisible();
		assertThat(page.locator("#convene-title")).hasValue("Browser-convened session of senior officials");
		assertThat(page.locator("#convene-place")).hasValue("Astana");

		page.locator("#convene-until").fill(from.plusDays(1).toString());
		follow(() -> page.locator("#convene-submit").click());
		assertThat(page).hasURL(Pattern.compile(".*/meetings/SOC-" + from + ".*"));
		assertHeading("Browser-convened session of senior officials");
		assertThat(page.locator("#status")).hasText("planned");
		assertThat(page.locator("#registration-closes")).isVisible();
		assertThat(page.locator("#delegations-link")).isVisible();
		var id = page.url().replaceAll(".*/meetings/", "");

		follow(() -> page.locator("#change-plan").click());
		page.locator("#plan-from").fill(from.plusDays(14).toString());
		page.locator("#plan-until").fill(from.plusDays(15).toString());
		page.locator("#plan-online").check();
		var noReason = follow(() -> page.locator("#plan-submit").evaluate("button => { button.form.noValidate = true; button.click(); }"));
		assertEquals(400, noReason.status());
		assertThat(page.locator("#error-change-plan-reason")).isVisible();
		assertThat(page.locator("#plan-from")).hasValue(from.plusDays(14).toString());
		page.locator("#plan-reason").fill("The host asked to meet by video conference two weeks later");
		follow(() -> page.locator("#plan-submit").click());
		assertThat(page).hasURL(Pattern.compile(".*/meetings/" + id + "#plans"));
		assertThat(page.locator("#place")).hasText("online (video conference)");
		assertThat(page.locator("#plans li")).hasCount(1);
		assertThat(page.locator("#plans li")).containsText("Planned: Astana");
		assertThat(page.locator("#plans li")).containsText("The host asked to meet by video conference two weeks later");
		assertEquals(ZoneId.of("Asia/Almaty"), clock.zone());
		screenshot("meeting-changed-plan");
	}
}
