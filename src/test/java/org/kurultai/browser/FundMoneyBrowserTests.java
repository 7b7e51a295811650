package org.kurultai.browser;

import java.util.UUID;

import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Secretariat records a pledge through the contributions page (a refused form first: no amount, the message
 * beside the field and what was typed kept), then money received against it; the contributor's statement shows both,
 * to the Secretariat and to the contributor's own delegation. The form's and the statement's hooks are those listed in
 * {@code src/test/java/org/kurultai/fund/FUND-MONEY-UI.md}.
 */
@IntegrationTest
class FundMoneyBrowserTests extends BrowserTestSupport {

	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

	final String unique = UUID.randomUUID().toString().substring(0, 8);
	Delegations api;
	Delegations.Actor officer;
	Delegations.Actor coordinator;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("fund-browser");
		coordinator = api.coordinator("fund-browser", "KAZ");
	}

	@Test
	void theSecretariatRecordsAPledgeAndAReceiptAndTheContributorsStatementShowsThem() {
		signInAs(officer.account().email());
		open("/fund");
		follow(() -> page.locator("[data-testid=fund-contributions-link]").click());
		var form = page.locator("[data-testid=contribution-form]");
		form.locator("[data-testid=contribution-kind]").selectOption("PLEDGE");
		form.locator("[data-testid=contribution-who-participant]").check();
		form.locator("[data-testid=contribution-participant]").selectOption("KAZ");
		form.locator("[data-testid=contribution-reference]").fill("Pledge letter " + unique);
		var refused = follow(() -> form.locator("[data-testid=contribution-submit]").click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#error-contribution-form-amount")).containsText("Give the amount");
		assertThat(page.locator("[data-testid=contribution-reference]")).hasValue("Pledge letter " + unique);
		assertThat(page.locator("[data-testid=contribution-kind] option:checked")).hasAttribute("value", "PLEDGE");
		assertThat(page.locator("[data-testid=contribution-participant] option:checked")).hasAttribute("value", "KAZ");

		// an exchange rate, refused first (not a number), then recorded
		var currency = "Q" + unique.substring(0, 2).toUpperCase().replaceAll("[^A-Z]", "X") + "";
		var code = (currency + "XX").substring(0, 3);
		page.locator("[data-testid=rate-currency]").fill(code);
		page.locator("[data-testid=rate-rate]").fill("one point one");
		page.locator("[data-testid=rate-source]").fill("Central bank " + unique);
		var rateRefused = follow(() -> page.locator("[data-testid=rate-submit]").click());
		assertEquals(400, rateRefused.status());
		assertThat(page.locator("#error-rate-form-rate")).containsText("is not an exchange rate");
		assertThat(page.locator("[data-testid=rate-source]")).hasValue("Central bank " + unique);
		page.locator("[data-testid=rate-rate]").fill("1.0837");
		var rated = follow(() -> page.locator("[data-testid=rate-submit]").click());
		assertEquals(200, rated.status());
		assertThat(page.locator("#exchange-rates tr[data-currency=" + code + "]")).containsText("1.0837");

		page.locator("[data-testid=contribution-kind]").selectOption("PLEDGE");
		page.locator("[data-testid=contribution-participant]").selectOption("KAZ");
		page.locator("[data-testid=contribution-reference]").fill("Pledge letter " + unique);
		page.locator("[data-testid=contribution-amount]").fill("5000.00");
		var pledged = follow(() -> page.locator("[data-testid=contribution-submit]").click());
		assertEquals(200, pledged.status());
		assertThat(page.locator("[data-testid=statement-recorded]")).isVisible();
		var statementUrl = page.url().replaceAll("\\?.*", "").replace(baseUrl(), "");
		var pledgeRow = page.locator("[data-testid=statement-pledge]").last();
		var pledgeId = pledgeRow.getAttribute("data-pledge");

		open("/fund/contributions");
		var receipt = page.locator("[data-testid=contribution-form]");
		receipt.locator("[data-testid=contribution-kind]").selectOption("RECEIPT");
		receipt.locator("[data-testid=contribution-pledge]").selectOption(new SelectOption().setValue(pledgeId));
		receipt.locator("[data-testid=contribution-amount]").fill("2000.00");
		receipt.locator("[data-testid=contribution-bank-charges]").fill("15.00");
		receipt.locator("[data-testid=contribution-reference]").fill("Bank advice " + unique);
		var received = follow(() -> receipt.locator("[data-testid=contribution-submit]").click());
		assertEquals(200, received.status());
		assertEquals(statementUrl, page.url().replaceAll("\\?.*", "").replace(baseUrl(), ""));
		var movements = page.locator("[data-testid=statement-movement]");
		assertThat(movements.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Pledge letter " + unique)))
				.hasAttribute("data-kind", "PLEDGE");
		var receiptRow = movements.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Bank advice " + unique));
		assertThat(receiptRow).hasAttribute("data-kind", "RECEIPT");
		assertThat(receiptRow).hasAttribute("data-amount", "2000.00");
		assertThat(page.locator("[data-testid=statement-pledge][data-pledge='" + pledgeId + "'] [data-testid=statement-pledge-outstanding]"))
				.containsText("3,000.00");
		screenshot("fund-statement-secretariat");

		// the contributor's own delegation sees its statement
		openBrowserContext(true);
		signInAs(coordinator.account().email());
		open(statementUrl);
		assertThat(page.locator("[data-testid=statement-movement]").filter(
				new com.microsoft.playwright.Locator.FilterOptions().setHasText("Bank advice " + unique))).hasAttribute("data-kind", "RECEIPT");
		assertThat(page.locator("[data-testid=contribution-form]")).hasCount(0);
		screenshot("fund-statement-contributor");
	}
}
