package org.kurultai.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A national coordinator registers its State's delegation for a meeting through the page (a refused form first: the
 * head's title missing, the choices kept), and the list of participants shows the head of delegation.
 */
@IntegrationTest
class DelegationsBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired ForumClock clock;

	final String unique = UUID.randomUUID().toString().substring(0, 6);
	Delegations api;
	Delegations.Actor coordinator;
	String meeting;
	String headName;
	String memberName;

	@BeforeAll
	void aMeetingAndAccreditedPeople() {
		api = new Delegations(port, accounts, tokens);
		var officer = api.secretariat("deleg-browser");
		coordinator = api.coordinator("deleg-browser", "KAZ");
		headName = "Mukhtar Tleuberdi " + unique;
		memberName = "Roman Vassilenko " + unique;
		for (var name : new String[] { headName, memberName }) {
			var email = "deleg-browser." + name.toLowerCase().replace(' ', '.') + "@mfa.example";
			accounts.open(email, name, Role.DELEGATE, "KAZ", Delegations.PASSWORD, "test", "test");
			accreditations.accredit(accreditations.propose(coordinator.account(), email).id(), officer.account());
		}
		var created = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "Browser registration session %s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today().plusDays(25)));
		assertEquals(201, created.status(), created::toString);
		meeting = created.json().get("id").asString();
	}

	@Test
	void aCoordinatorRegistersItsDelegationAndTheListOfParticipantsShowsItsHead() {
		visit("/login");
		page.locator("#username").fill(coordinator.account().email());
		page.locator("#password").fill(Delegations.PASSWORD);
		follow(() -> page.locator("form:has(#password) button[type=submit]").click());

		open("/meetings/" + meeting + "/delegations");
		assertThat(page.locator("h1")).containsText("Browser registration session " + unique);
		page.locator("#head-person").selectOption(new SelectOption().setLabel(headName));
		page.locator("#head-level").selectOption("MINISTER");
		page.locator("#members-0-person").selectOption(new SelectOption().setLabel(memberName));
		page.locator("#members-0-title").fill("Deputy Minister");
		var refused = follow(() -> page.locator("#register-button").click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-register-head\\.title")).containsText("title of the head of delegation");
		assertThat(page.locator("#head-person option:checked")).hasText(headName);
		assertThat(page.locator("#members-0-title")).hasValue("Deputy Minister");

		page.locator("#head-title").fill("Minister for Foreign Affairs");
		var registered = follow(() -> page.locator("#register-button").click());
		assertEquals(200, registered.status());
		assertThat(page.locator("#registered-people li[data-role=HEAD]")).containsText(headName);
		screenshot("delegations-registered");

		follow(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("List of participants")).first().click());
		var delegation = page.locator("article.delegation[data-code=KAZ]");
		assertThat(delegation.locator(".head")).containsText(headName);
		assertThat(delegation.locator(".head")).containsText("Minister for Foreign Affairs (Minister)");
		assertThat(delegation.locator("ul.members")).containsText(memberName + ", Deputy Minister");
		screenshot("participants-list");
	}
}
