package org.kurultai.browser;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.cbm.Catalogue;
import org.kurultai.cbm.CommitmentChange;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The confidence-building measures in the browser: the dashboard's heat map of States × priority
 * areas with its trend chart, and a State's national coordinator writing, saving and submitting its
 * implementation report, which another member's delegation then reads and the public does not.
 */
@IntegrationTest
class CbmBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "a long enough password";
	static final String MONGOLIA = "browser.cbm.coordinator.mng@mfa.example";
	static final String SRI_LANKA = "browser.cbm.coordinator.lka@mfa.example";

	@Autowired Accounts accounts;
	@Autowired Catalogue catalogue;

	@BeforeAll
	void mongoliaAndSriLankaTookPart() {
		var mongolia = account(MONGOLIA, Role.NATIONAL_COORDINATOR, "MNG");
		var sriLanka = account(SRI_LANKA, Role.NATIONAL_COORDINATOR, "LKA");
		if (!catalogue.commitmentsOf("LKA", org.kurultai.identity.Viewer.PUBLIC).committedTo("ENV-GENERAL", null, LocalDate.of(2025, 6, 1))) {
			// Sri Lanka takes part in the environmental dimension in 2025 and never reports: it is overdue
			catalogue.record(sriLanka, new Catalogue.NewChange("LKA", "ENV-GENERAL", null, CommitmentChange.Kind.OPT_IN,
					LocalDate.of(2025, 3, 1), null, null));
		}
		if (!catalogue.commitmentsOf("MNG", org.kurultai.identity.Viewer.PUBLIC).committedTo("HUMAN-GENERAL", null, LocalDate.of(2025, 6, 1))) {
			catalogue.record(mongolia, new Catalogue.NewChange("MNG", "HUMAN-GENERAL", null, CommitmentChange.Kind.OPT_IN,
					LocalDate.of(2025, 2, 1), null, null));
		}
	}

	private Account account(String email, Role role, String participant) {
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, PASSWORD, "test", "test"));
	}

	@Test
	void theDashboardShowsWhoDoesWhatAndHowItWent() {
		open("/cbm?year=2021");
		assertHeading("Confidence-building measures: who does what");
		var heatmap = page.locator("#heatmap");
		assertThat(heatmap.locator("caption")).containsText("2021");
		assertTrue(heatmap.locator("tbody tr").count() >= 26, "a row per member State");
		var uzbekistan = heatmap.locator("tr[data-participant=UZB] td[data-area=NCT-GENERAL]");
		assertThat(uzbekistan).containsText("E1");
		var coordinator = heatmap.locator("tr[data-participant=UZB] td[data-area=HUMAN-GENERAL]");
		assertThat(coordinator).containsText("C");
		var engaged = background(uzbekistan);
		var idle = background(heatmap.locator("tr[data-participant=UZB] td[data-score='0']").first());
		assertNotEquals(idle, engaged, "an engaged cell is shaded");
		assertTrue(page.locator("#trend-chart rect.events").count() >= 5, "bars for the years");
		assertThat(page.locator("#trends tbody tr")).not().hasCount(0);
		assertThat(page.locator("#events tbody tr")).not().hasCount(0);
		screenshot("cbm-dashboard");

		page.locator("#year").selectOption("2025");
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click());
		assertThat(page).hasURL(Pattern.compile(".*/cbm\\?year=2025$"));
		assertThat(page.locator("#heatmap caption")).containsText("2025");
		// who is overdue would tell the public who has reported: it is for those who read the reports
		assertThat(page.locator("#overdue-for-participants")).isVisible();
		assertThat(page.locator("#overdue")).hasCount(0);
		signIn(MONGOLIA);
		open("/cbm?year=2025");
		assertThat(page.locator("#overdue li[data-participant=LKA]")).containsText("ENV-GENERAL");
	}

	@Test
	void aStateWritesSavesAndSubmitsItsReport() {
		signIn(MONGOLIA);
		open("/cbm/reports?year=2025");
		assertHeading("Implementation reports on 2025");
		assertThat(page.locator("#due")).containsText("31 March 2026");
		var form = page.locator("#report-form");
		form.locator("select[name=priorityArea]").selectOption("HUMAN-GENERAL");
		form.locator("textarea[name=text]").fill("Mongolia hosted a seminar on nomadic heritage and a student exchange.");
		follow(() -> form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save the draft")).click());
		var row = page.locator("#reports tr[data-participant=MNG][data-area=HUMAN-GENERAL]");
		assertThat(row).hasAttribute("data-status", "DRAFT");
		assertThat(row).containsText("nomadic heritage");

		page.locator("#report-form select[name=priorityArea]").selectOption("HUMAN-GENERAL");
		page.locator("#report-form textarea[name=text]").fill("Mongolia hosted a seminar on nomadic heritage and a student exchange with 12 States.");
		follow(() -> page.locator("#report-form").getByRole(AriaRole.BUTTON,
				new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Submit")).click());
		assertThat(row).hasAttribute("data-status", "SUBMITTED");
		assertThat(row.locator(".tag.late")).hasText("late");
		assertThat(row).containsText("with 12 States");
		screenshot("cbm-report-submitted");

		// another member's delegation reads the submitted text; the public sees no report at all
		openBrowserContext(true);
		signIn(SRI_LANKA);
		open("/cbm/reports?year=2025");
		assertThat(page.locator("#reports tr[data-participant=MNG][data-area=HUMAN-GENERAL]")).containsText("with 12 States");
		openBrowserContext(true);
		open("/cbm/reports?year=2025");
		assertThat(page.locator("#reports tr[data-participant=MNG]")).hasCount(0);
		open("/cbm?year=2025");
		assertEquals(0, page.locator("#overdue li[data-participant=MNG]").count(), "Mongolia is no longer overdue");
	}

	private String background(com.microsoft.playwright.Locator cell) {
		return (String) cell.evaluate("element => getComputedStyle(element).backgroundColor");
	}

	private void signIn(String email) {
		visit("/login");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
	}
}
