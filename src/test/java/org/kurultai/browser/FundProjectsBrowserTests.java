package org.kurultai.browser;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Fund's project from end to end, in the browser: Kazakhstan's national coordinator drafts a project (a refused form
 * first: the message beside the field, what was typed kept) and submits it; the Secretariat checks its eligibility and
 * puts it to the PRC by silence procedure; the deadline passes (the test clock) and the project is approved, for
 * everyone to see; the Secretariat records a contribution earmarked for it, disburses its first tranche, and the
 * contributor's statement and the project's money show them. The money pages' hooks are those of
 * {@code src/test/java/org/kurultai/fund/FUND-MONEY-UI.md}.
 */
@IntegrationTest
class FundProjectsBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired TestClock testClock;

	final String unique = UUID.randomUUID().toString().substring(0, 8);
	Delegations api;
	Delegations.Actor officer;
	Delegations.Actor coordinator;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("fundprj-browser");
		coordinator = api.coordinator("fundprj-browser", "KAZ");
	}

	@Test
	void aStateSubmitsAProjectThePrcAdoptsItBySilenceAContributionIsReceivedATrancheDisbursedAndTheStatementShowsIt() {
		var title = "Regional workshop on water security " + unique;
		var start = clock.today().plusDays(5);

		// the State's national coordinator drafts the project
		signInAs(coordinator.account().email());
		open("/fund/projects");
		follow(() -> page.locator("#new-project").click());
		assertHeading("Draft a project for the CICA Fund");
		var form = page.locator("#project-form");
		form.locator("[name=titleEn]").fill(title);
		form.locator("[name=purpose]").fill("Confidence-building in water security among the member States, as the Almaty Act provides.");
		form.locator("[name=implementingStates]").fill("KAZ, KGZ");
		form.locator("[name=start]").fill(start.toString());
		form.locator("[name=end]").fill(start.plusMonths(8).toString());
		form.locator("[name='budget[0].description']").fill("Venue and interpretation");
		form.locator("[name='budget[0].amount']").fill("30000");
		form.locator("[name='budget[1].description']").fill("Travel of experts");
		form.locator("[name='budget[1].amount']").fill("20000");
		form.locator("[name=requested]").fill("60000");
		var refused = follow(() -> page.locator("#save-project").click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-project-form-requested")).containsText("more than the budget");
		assertThat(page.locator("[name=titleEn]")).hasValue(title);
		assertThat(page.locator("[name='budget[1].description']")).hasValue("Travel of experts");
		page.locator("[name=requested]").fill("50000");
		var saved = follow(() -> page.locator("#save-project").click());
		assertEquals(200, saved.status());
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "DRAFT");
		var projectUrl = page.url().replace(baseUrl(), "");
		long id = Long.parseLong(projectUrl.substring(projectUrl.lastIndexOf('/') + 1));
		follow(() -> page.locator("#submit-project").click());
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "SUBMITTED");
		assertThat(page.locator("#submit-project")).hasCount(0);
		// the Secretariat's forms are not the State's
		assertThat(page.locator("#eligibility-form")).hasCount(0);
		assertThat(page.locator("#questions-form")).hasCount(0);
		screenshot("fund-project-submitted");

		// the Secretariat checks its eligibility and puts it to the PRC by silence procedure
		openBrowserContext(true);
		signInAs(officer.account().email());
		open(projectUrl);
		var checklist = page.locator("#eligibility-form");
		for (var criterion : checklist.locator("fieldset").all()) {
			criterion.locator("input[type=radio][value=yes]").check();
		}
		// a criterion not met needs its reason: refused, the message beside it, the marks kept
		checklist.locator("fieldset[data-criterion=NO_DUPLICATION] input[type=radio][value=no]").check();
		var noReason = follow(() -> page.locator("#check-eligibility").click());
		assertEquals(400, noReason.status());
		assertThat(page.locator("[id='error-eligibility-form-checklist.NO_DUPLICATION']")).containsText("Give the reason");
		assertThat(page.locator("fieldset[data-criterion=NO_DUPLICATION] input[type=radio][value=no]")).isChecked();
		assertThat(page.locator("fieldset[data-criterion=BUDGET] input[type=radio][value=yes]")).isChecked();
		page.locator("fieldset[data-criterion=NO_DUPLICATION] input[type=radio][value=yes]").check();
		follow(() -> page.locator("#check-eligibility").click());
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "ELIGIBLE");
		assertThat(page.locator("#checklist li[data-met=true]")).hasCount(7);
		var deadline = LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), clock.zone()).truncatedTo(ChronoUnit.MINUTES);
		var decision = page.locator("#decision-form");
		decision.locator("[name=procedure]").selectOption("SILENCE");
		decision.locator("[name=deadline]").fill(deadline.toString());
		decision.locator("[name=amount]").fill("50000");
		decision.locator("[name='tranches[0].amount']").fill("30000");
		decision.locator("[name='tranches[0].plannedOn']").fill(start.plusDays(1).toString());
		decision.locator("[name='tranches[1].amount']").fill("20000");
		decision.locator("[name='tranches[1].plannedOn']").fill(start.plusMonths(4).toString());
		follow(() -> page.locator("#put-to-prc").click());
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "UNDER_DECISION");
		var decisionLink = page.locator("#prc-decision a");
		assertThat(decisionLink).isVisible();
		long decisionId = Long.parseLong(decisionLink.getAttribute("href").replaceAll("\\D+", ""));

		// the deadline passes without objection: adopted, the project approved
		var due = OffsetDateTime.parse(api.get("/api/decisions/" + decisionId, officer).json().get("deadline").asString()).toInstant();
		testClock.advanceTo(due.plusSeconds(1));
		await().atMost(Duration.ofSeconds(20))
				.until(() -> "APPROVED".equals(api.get("/api/fund/projects/" + id, officer).json().get("state").asString()));
		open(projectUrl);
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "APPROVED");
		assertThat(page.locator("#tranches tr[data-tranche]")).hasCount(2);
		assertThat(page.locator("#money-allocated")).containsText("50,000.00");
		follow(() -> page.locator("#prc-decision a").click());
		assertThat(page.locator("h1")).isVisible();
		assertEquals("ADOPTED", api.get("/api/decisions/" + decisionId, officer).json().get("status").asString());

		// a contribution received, earmarked for the project
		open("/fund/contributions");
		var contribution = page.locator("[data-testid=contribution-form]");
		contribution.locator("[data-testid=contribution-kind]").selectOption("CONTRIBUTION");
		contribution.locator("[data-testid=contribution-who-participant]").check();
		contribution.locator("[data-testid=contribution-participant]").selectOption("KAZ");
		contribution.locator("[data-testid=contribution-amount]").fill("35000.00");
		contribution.locator("[data-testid=contribution-value-date]").fill(clock.today().toString());
		contribution.locator("[data-testid=contribution-reference]").fill("Bank advice " + unique);
		contribution.locator("[data-testid=contribution-earmark-project]").fill(String.valueOf(id));
		var received = follow(() -> contribution.locator("[data-testid=contribution-submit]").click());
		assertEquals(200, received.status());
		assertThat(page.locator("[data-testid=statement-recorded]")).isVisible();
		var statementUrl = page.url().replaceAll("\\?.*", "").replace(baseUrl(), "");

		// the first tranche disbursed from the project's page
		open(projectUrl);
		var disbursement = page.locator("#disbursement-form");
		disbursement.locator("[name=tranche]").selectOption("1");
		disbursement.locator("[name=reference]").fill("Payment order " + unique);
		follow(() -> page.locator("#disburse").click());
		assertThat(page.locator("#project-state")).hasAttribute("data-state", "IMPLEMENTING");
		assertThat(page.locator("#tranches tr[data-tranche='1']")).hasAttribute("data-disbursed", "true");
		assertThat(page.locator("#money-disbursed")).containsText("30,000.00");
		assertThat(page.locator("#money-undisbursed")).containsText("20,000.00");
		// twice the same tranche: it is no longer offered
		assertThat(page.locator("#disbursement-form [name=tranche] option[value='1']")).hasCount(0);
		screenshot("fund-project-disbursed");

		// the contributor's statement shows the money received
		open(statementUrl);
		var row = page.locator("[data-testid=statement-movement]").filter(new Locator.FilterOptions().setHasText("Bank advice " + unique));
		assertThat(row).hasAttribute("data-kind", "CONTRIBUTION");
		assertThat(row).hasAttribute("data-amount", "35000.00");

		// the public sees the approved project, with its money
		openBrowserContext(true);
		open("/fund/projects?state=IMPLEMENTING");
		assertThat(page.locator("#projects tr[data-id='" + id + "']")).isVisible();
		open(projectUrl);
		assertThat(page.locator("#money-disbursed")).containsText("30,000.00");
		assertThat(page.locator("#disbursement-form")).hasCount(0);
		screenshot("fund-project-public");
	}
}
