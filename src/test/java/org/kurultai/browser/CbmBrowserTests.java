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
	static final String RUSSIAN_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";

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
		// a priority area by its title, a State by its name
		var overdue = page.locator("#overdue li[data-participant=LKA]");
		assertThat(overdue).hasAttribute("data-areas", Pattern.compile(".*\\bENV-GENERAL\\b.*"));
		assertThat(overdue).containsText("Sri Lanka: ");
		assertThat(overdue).containsText("Environmental confidence-building measures");
		assertThat(overdue).not().containsText("ENV-GENERAL");
	}

	@Test
	void theHeatMapNamesTheStatesAndScrollsInItsOwnBoxOnAPhone() {
		page.setViewportSize(390, 844);
		open("/cbm?year=2021");
		var heatmap = page.locator("#heatmap");
		assertThat(heatmap.locator("tr[data-participant=KAZ] th")).hasText("Kazakhstan");
		assertThat(heatmap.locator("tr[data-participant=UZB] th")).hasText("Uzbekistan");
		// a column is headed by the area's code, its title in the tooltip and in the key below the table
		assertThat(heatmap.locator("thead th[data-area=HUMAN-GENERAL] abbr")).hasAttribute("title", "Human-dimension confidence-building measures");
		assertThat(page.locator("#area-key dd[data-area=HUMAN-GENERAL]")).hasText("Human-dimension confidence-building measures");
		assertThat(heatmap.locator("tr[data-participant=UZB] td[data-area=HUMAN-GENERAL]")).hasAttribute("title",
				"Uzbekistan — Human-dimension confidence-building measures");
		var box = page.locator("#heatmap-box");
		// the box, or the table itself (narrow screens make every table its own scrolling box), scrolls sideways
		var scrolls = (Boolean) box.evaluate("element => element.scrollWidth > element.clientWidth"
				+ " || [...element.querySelectorAll('table')].some(t => t.scrollWidth > t.clientWidth)");
		assertTrue(scrolls, "the heat map is wider than a phone: it scrolls inside its own box");
		var boxWidth = ((Number) box.evaluate("element => element.getBoundingClientRect().right")).doubleValue();
		assertTrue(boxWidth <= 390, "the heat map's box ends inside the window, not " + boxWidth);
		var chart = ((Number) page.locator("#trend-chart").evaluate("element => element.parentElement.getBoundingClientRect().right")).doubleValue();
		assertTrue(chart <= 390, "the chart's box ends inside the window, not " + chart);
		screenshot("cbm-dashboard-390");
	}

	@Test
	void theCataloguePagesInRussian() {
		inRussian();
		open("/catalogue?edition=2021");
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		assertHeading("Каталог мер доверия");
		assertThat(page.locator("#english-only")).isVisible();
		assertThat(page.locator("#coordinators-on")).hasText(Pattern.compile("по состоянию на \\d{1,2} (" + RUSSIAN_MONTHS + ") 20\\d\\d"));
		assertThat(page.locator("#adopted-on")).hasText("12 октября 2021");
		// the area's title is the Catalogue's own (English only in the sources); the coordinator is named in Russian
		var human = page.locator("article[data-area=HUMAN-GENERAL]");
		assertThat(human.locator(".coordinators")).containsText("Узбекистан");
		assertThat(human.locator(".coordinators .tag").first()).hasText(Pattern.compile("координатор|сокоординатор"));
		open("/catalogue/differences?from=2013&to=2021");
		assertHeading("Что изменилось с 2013 по 2021");
		assertThat(page.locator("#differences tr[data-kind=ADDED]").first()).containsText("добавлено");

		open("/cbm?year=2021");
		assertHeading("Меры доверия: кто что делает");
		assertThat(page.locator("#heatmap tr[data-participant=UZB] th")).hasText("Узбекистан");
		assertThat(page.locator("#heatmap tr[data-participant=UZB] td[data-area=NCT-GENERAL]")).containsText("М1");
		assertThat(page.locator("#trend-title")).hasText("Мероприятия, представленные доклады и участвующие государства по годам");
		assertThat(page.locator("#trends caption")).hasText("Те же данные");
		// an event dated to the day is dated the Russian way
		assertThat(page.locator("#events tbody tr td:first-child").filter(new com.microsoft.playwright.Locator.FilterOptions()
				.setHasText(Pattern.compile("^\\d{1,2} (" + RUSSIAN_MONTHS + ") 2021$"))).first()).isVisible();

		open("/exchange?type=MILITARY-ACTIVITY-NOTIFICATION");
		assertHeading("Обмен информацией");
		assertThat(page.locator("#type option[value=MILITARY-CVS]")).hasText("Биографические данные высшего военного руководства");
		assertThat(page.locator("#schedule")).hasText("За 42 дн. до начала каждого мероприятия, по времени места его проведения");
		open("/exchange?type=ARMS-CONTROL-ACCESSION");
		assertThat(page.locator("#schedule")).containsText("31 марта");

		open("/commitments?participant=KAZ");
		assertHeading("Обязательства: Казахстан");
		assertThat(page.locator("#participant option[value=UZB]")).hasText("Узбекистан");
	}

	@Test
	void aReportOnAnAreaTheStateDidNotTakePartInComesBackBesideTheFieldWithWhatWasTyped() {
		signIn(MONGOLIA);
		open("/cbm/reports?year=2025");
		var form = page.locator("#report-form");
		// a form kept open while the State's commitments changed, or written by hand: an area Mongolia did not take part in
		form.locator("select[name=priorityArea]").evaluate("select => select.add(new Option('Tourism', 'ECON-TOURISM'))");
		form.locator("select[name=priorityArea]").selectOption("ECON-TOURISM");
		form.locator("textarea[name=text]").fill("Mongolia promoted tourism along the Silk Road.");
		var answer = follow(() -> form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Submit")).click());
		assertEquals(409, answer.status());
		assertHeading("Implementation reports on 2025");
		assertThat(page.locator("#priorityArea-error")).isVisible();
		assertThat(page.locator("#priorityArea-error")).not().isEmpty();
		assertThat(page.locator("#report-form select[name=priorityArea]")).hasValue("ECON-TOURISM");
		assertThat(page.locator("#report-form select[name=priorityArea]")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#report-form textarea[name=text]")).hasValue("Mongolia promoted tourism along the Silk Road.");
		assertThat(page.locator("#reports tr[data-participant=MNG][data-area=ECON-TOURISM]")).hasCount(0);
		screenshot("cbm-report-refused");

		// no text and not nil: the message stands beside the report, the area chosen is kept
		page.locator("#report-form select[name=priorityArea]").selectOption("HUMAN-GENERAL");
		page.locator("#report-form textarea[name=text]").fill("");
		var empty = follow(() -> page.locator("#report-form").getByRole(AriaRole.BUTTON,
				new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save the draft")).click());
		assertEquals(400, empty.status());
		assertThat(page.locator("#text-error")).isVisible();
		assertThat(page.locator("#priorityArea-error")).hasCount(0);
		assertThat(page.locator("#report-form select[name=priorityArea]")).hasValue("HUMAN-GENERAL");
	}

	@Test
	void aRefusedCommitmentAndAWrongAnswerComeBackBesideTheirFieldsWithWhatWasTyped() {
		signIn(MONGOLIA);
		open("/commitments?participant=MNG");
		var form = page.locator("#commitment-form");
		// Mongolia takes part in the human dimension already: opting in again changes nothing and is refused
		form.locator("select[name=subject]").selectOption("HUMAN-GENERAL");
		form.locator("select[name=kind]").selectOption("OPT_IN");
		form.locator("input[name=effectiveOn]").fill("2025-09-01");
		form.locator("input[name=note]").fill("Decided by the ministry on 20 August");
		var answer = follow(() -> form.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Record")).click());
		assertEquals(409, answer.status());
		assertThat(page.locator("#kind-error")).isVisible();
		assertThat(page.locator("#commitment-form select[name=subject]")).hasValue("HUMAN-GENERAL");
		assertThat(page.locator("#commitment-form input[name=effectiveOn]")).hasValue("2025-09-01");
		assertThat(page.locator("#commitment-form input[name=note]")).hasValue("Decided by the ministry on 20 August");
		assertThat(page.locator("#history tr[data-subject=HUMAN-GENERAL][data-kind=OPT_IN]")).hasCount(1);

		// a number that is not one, on the information exchange: beside its field, everything typed kept, nothing submitted
		open("/exchange?type=MILITARY-CVS&year=2025");
		var exchange = page.locator("#exchange-form");
		exchange.locator("[name='answer.people']").fill("three");
		exchange.locator("[name='answer.positions']").fill("Chief of the General Staff and deputies");
		exchange.locator("select[name=visibility]").selectOption("PARTICIPANTS");
		var refused = follow(() -> exchange.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Submit")).click());
		assertEquals(400, refused.status());
		assertThat(page.locator("#people-error")).isVisible();
		assertThat(page.locator("#positions-error")).hasCount(0);
		assertThat(page.locator("#exchange-form [name='answer.people']")).hasValue("three");
		assertThat(page.locator("#exchange-form [name='answer.positions']")).hasValue("Chief of the General Staff and deputies");
		assertThat(page.locator("#exchange-form select[name=visibility]")).hasValue("PARTICIPANTS");
		assertThat(page.locator("#exchange-form input[name=referenceYear]")).hasValue("2025");
		assertThat(page.locator("#returns tr[data-participant=MNG]")).hasAttribute("data-status", Pattern.compile("OVERDUE|PENDING"));
	}

	private void inRussian() {
		context.addCookies(java.util.List.of(new com.microsoft.playwright.options.Cookie("kurultai-language", "ru").setUrl(baseUrl())));
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
		signIn(email, PASSWORD);
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
	}
}
