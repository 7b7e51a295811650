package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.drafting.AlternativePosition;
import org.kurultai.drafting.AmendmentKind;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Paragraph;
import org.kurultai.drafting.ParagraphStatus;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Negotiating a text in the browser: the drafting view with its brackets and alternatives, an
 * amendment proposed through the form, a revision issued by the chair (Azerbaijan chairs today) and
 * the comparison of two versions; then silence procedures circulated by the chair, a reservation
 * that does not block adoption, and a member breaking silence, which ends the procedure at once, the outcome appearing on the open
 * page as htmx polls it.
 */
@IntegrationTest
class DraftingBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "a long enough password";
	static final String PREFIX = "browser.drafting.";
	static final String OFFICER = PREFIX + "officer@secretariat.example";
	static final String CHAIR = PREFIX + "coordinator.aze@mfa.example";
	static final String KAZAKHSTAN = PREFIX + "coordinator.kaz@mfa.example";
	static final String INDIA = PREFIX + "coordinator.ind@mfa.example";
	static final String TURKIYE = PREFIX + "coordinator.tur@mfa.example";
	static final String JAPAN = PREFIX + "coordinator.jpn@mfa.example";
	static final DateTimeFormatter DATETIME_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	@Autowired Accounts accounts;
	@Autowired TestClock clock;
	/** The deadline of the procedure last circulated: the test moves the application's clock past it. */
	Instant deadline;
	@Autowired Drafting drafting;

	Account officer;
	Account chair;
	Account kazakhstan;
	Account india;
	Account turkiye;
	Account japan;

	/** Pages of other people, each in a browser context of its own, checked like the main page. */
	private final List<BrowserContext> otherContexts = new ArrayList<>();
	private final List<String> otherErrors = new CopyOnWriteArrayList<>();

	@BeforeAll
	void openAccounts() {
		officer = account(OFFICER, "Secretariat officer", Role.SECRETARIAT_OFFICER, null);
		chair = account(CHAIR, "Coordinator of Azerbaijan", Role.NATIONAL_COORDINATOR, "AZE");
		kazakhstan = account(KAZAKHSTAN, "Coordinator of Kazakhstan", Role.NATIONAL_COORDINATOR, "KAZ");
		india = account(INDIA, "Coordinator of India", Role.NATIONAL_COORDINATOR, "IND");
		turkiye = account(TURKIYE, "Coordinator of Türkiye", Role.NATIONAL_COORDINATOR, "TUR");
		japan = account(JAPAN, "Coordinator of Japan", Role.NATIONAL_COORDINATOR, "JPN");
	}

	private Account account(String email, String name, Role role, String participant) {
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, name, role, participant, PASSWORD, "test", "test"));
	}

	@AfterEach
	void closeTheOtherContextsAfterCheckingNothingBrokeOnTheirPages() {
		try {
			assertTrue(otherErrors.isEmpty(), () -> "JavaScript errors or failed requests on the other people's pages: " + otherErrors);
		}
		finally {
			otherContexts.forEach(BrowserContext::close);
			otherContexts.clear();
			otherErrors.clear();
		}
	}

	@Test
	void aMemberReadsTheBracketsAndAlternativesAndProposesAnAmendment() {
		var id = negotiatedToRev1("Statement on cooperation in tourism");

		assertEquals(404, visit("/documents/" + id).status(), "the public is told a document for participants does not exist");

		signIn(page, KAZAKHSTAN);
		open("/documents/" + id);
		assertHeading("Statement on cooperation in tourism");
		assertThat(page.locator("#text h2")).hasText("Rev.1");

		var agreed = page.locator("#p-PP1");
		var bracketed = page.locator("#p-1");
		var adReferendum = page.locator("#p-2");
		var plainBracket = page.locator("#p-3");
		assertThat(agreed).hasClass(Pattern.compile("\\bparagraph\\b.*\\bagreed\\b"));
		assertThat(adReferendum).hasClass(Pattern.compile("\\bparagraph\\b.*\\bad-ref\\b"));
		assertThat(page.locator("li.paragraph.bracketed")).hasCount(2);
		assertThat(bracketed).hasClass(Pattern.compile("\\bbracketed\\b"));
		assertThat(agreed.locator(".para-text")).hasText("Recalling the Almaty Act,");
		assertThat(adReferendum.locator(".para-text")).hasText("We thank Kazakhstan for hosting the meeting.");
		assertThat(adReferendum.locator(".para-status-tag")).hasText("agreed ad referendum");

		var alternatives = bracketed.locator("li.alternative");
		assertThat(alternatives).hasCount(2);
		assertThat(alternatives.locator("strong")).hasText(new String[] { "Alt 1", "Alt 2" });
		assertThat(alternatives.locator(".para-text"))
				.hasText(new String[] { "[We decide to meet every two years.]", "[We decide to meet every four years.]" });
		assertThat(alternatives.nth(0).locator(".sponsors")).hasText("sponsored by Kazakhstan");
		assertThat(alternatives.nth(1).locator(".sponsors")).hasText("sponsored by Japan");
		assertThat(alternatives.nth(0).locator(".supporters")).hasCount(0);
		assertThat(alternatives.nth(1).locator(".supporters")).hasText("supported by Türkiye");
		assertThat(plainBracket.locator(".para-text")).hasText("[We welcome the new members.]");
		assertThat(plainBracket.locator(".sponsors")).hasText("proposed by India");

		var background = "element => getComputedStyle(element).backgroundColor";
		var border = "element => getComputedStyle(element).borderLeftColor";
		assertNotEquals(agreed.evaluate(background), bracketed.evaluate(background),
				"a bracketed paragraph is highlighted against an agreed one");
		assertNotEquals(agreed.evaluate(border), bracketed.evaluate(border), "and marked in another colour");
		assertNotEquals(agreed.evaluate(border), adReferendum.evaluate(border), "agreed ad referendum is told from agreed");
		assertThat(page.locator("#brackets-warning")).isVisible();
		assertThat(page.locator("#brackets-warning")).containsText("nothing is agreed until everything is agreed");
		assertThat(page.locator("#revise-form")).hasCount(0);
		assertThat(page.locator("#decision-form")).hasCount(0);
		screenshot("drafting-document");

		var form = page.locator("#propose-amendment");
		assertThat(form.locator("h3")).hasText("Propose an amendment to Rev.1");
		form.locator("select[name=kind]").selectOption("REPLACE");
		form.locator("select[name=paragraph]").selectOption("2");
		form.locator("textarea[name='text.en']").fill("We warmly thank Kazakhstan for hosting the summit.");
		form.locator("input[name=explanation]").fill("The summit, not a meeting.");
		var answer = follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Propose")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/documents/" + id + "#amendments$"));
		var replace = amendmentRow("replace paragraph 2");
		assertThat(replace).hasCount(1);
		assertThat(replace).hasAttribute("data-status", "PROPOSED");
		assertThat(replace.locator("td")).hasText(new Pattern[] { Pattern.compile("^\\d+$"), Pattern.compile("^Rev\\.1$"),
				Pattern.compile("^Kazakhstan$"), Pattern.compile("^replace paragraph 2 — Explanation: The summit, not a meeting\\.$"),
				Pattern.compile("^We warmly thank Kazakhstan for hosting the summit\\.$"), Pattern.compile("^proposed\\s*Withdraw$") });
		assertThat(replace.locator(".explanation q")).hasText("The summit, not a meeting.");
		var alternative = amendmentRow("propose an alternative to paragraph 1");
		assertThat(alternative.locator("td").nth(2)).hasText("Japan");
		assertThat(alternative.locator("td").nth(5)).hasText("taken in (Rev.1)");
	}

	@Test
	void theChairIssuesARevisionAndTheTwoVersionsAreCompared() {
		var id = negotiatedToRev1("Statement on cooperation in transport");
		var replace = drafting.propose(kazakhstan, id, new Drafting.NewAmendment(1, AmendmentKind.REPLACE, "2", null,
				Map.of("en", "We warmly thank Kazakhstan for hosting the summit."), List.of(), null));
		var insert = drafting.propose(turkiye, id, new Drafting.NewAmendment(1, AmendmentKind.INSERT, "2", null,
				Map.of("en", "We promote transport corridors."), List.of("KAZ"), null));

		// Kazakhstan is invited, and co-sponsors by its own act, on the page
		var kazakh = pageOf(KAZAKHSTAN);
		kazakh.navigate("/documents/" + id);
		var invitation = kazakh.locator("#amendments tr[data-amendment='" + insert.id() + "']");
		assertThat(invitation.locator(".invited")).hasText(" (invited: Kazakhstan)");
		invitation.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Co-sponsor")).click();
		assertThat(kazakh.locator("#amendments tr[data-amendment='" + insert.id() + "'] .sponsors")).hasText("Türkiye, Kazakhstan");
		assertThat(kazakh.locator("#amendments tr[data-amendment='" + insert.id() + "'] form.cosponsorship")).hasCount(0);

		signIn(page, CHAIR);
		open("/documents/" + id);
		var revise = page.locator("#revise-form");
		assertThat(revise.locator("label.check")).hasText(new String[] {
				replace.id() + ": replace paragraph 2 (Kazakhstan)", insert.id() + ": insert a paragraph after 2 (Türkiye, Kazakhstan)" });
		revise.locator("input[name=takeIn][value='" + replace.id() + "']").check();
		revise.locator("input[name=takeIn][value='" + insert.id() + "']").check();
		revise.locator("select[name='mark.2']").selectOption("AGREED");
		follow(() -> revise.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Issue the revision")).click());

		assertThat(page).hasURL(Pattern.compile("/documents/" + id + "$"));
		assertThat(page.locator("#text h2")).hasText("Rev.2");
		assertThat(page.locator("ol.versions li a")).hasText(new String[] { "draft", "Rev.1", "Rev.2" });
		assertThat(page.locator("#p-2")).hasClass(Pattern.compile("\\bagreed\\b"));
		assertThat(page.locator("#p-2 .para-text")).hasText("We warmly thank Kazakhstan for hosting the summit.");
		assertThat(page.locator("#p-2bis .para-text")).hasText("[We promote transport corridors.]");
		assertThat(page.locator("#p-2bis .sponsors")).hasText("proposed by Türkiye, Kazakhstan");
		assertThat(amendmentRow("replace paragraph 2").locator("td").nth(5)).hasText("taken in (Rev.2)");

		var compare = page.locator("#compare-form");
		assertThat(compare.locator("#from")).hasValue("1");
		assertThat(compare.locator("#to")).hasValue("2");
		compare.locator("#from").selectOption("0");
		var answer = follow(() -> compare.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Compare")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/documents/" + id + "/compare\\?from=0&to=2(&language=en)?$"));
		assertHeading("Compare draft and Rev.2");
		assertThat(page.locator("#summary")).hasText("2 changed, 1 inserted, 0 deleted, 2 unchanged");
		var rows = page.locator("#comparison tbody tr");
		assertThat(rows.locator("th")).hasText(new String[] { "PP1", "1", "2", "2bis", "3" });
		assertThat(page.locator("tr[data-change=CHANGED]")).hasCount(2);

		var changed = page.locator("tr[data-change=CHANGED][data-label='2']");
		assertThat(changed.locator("ins")).containsText(new String[] { "warmly", "summit" });
		assertThat(changed.locator("del")).hasText(new String[] { "meeting" });
		var without = "(cell, tag) => { const copy = cell.cloneNode(true); copy.querySelectorAll(tag).forEach(e => e.remove());"
				+ " return copy.textContent; }";
		assertEquals("We thank Kazakhstan for hosting the meeting.", changed.locator("td.diff").evaluate(without, "ins"),
				"without its insertions the paragraph reads as in the draft");
		assertEquals("We warmly thank Kazakhstan for hosting the summit.", changed.locator("td.diff").evaluate(without, "del"),
				"without its deletions it reads as in Rev.2");
		assertThat(changed.locator("td").first()).containsText("agreed ad referendum → agreed");
		var alternatives = page.locator("tr[data-change=CHANGED][data-label='1']");
		assertThat(alternatives.locator("ins").filter(new Locator.FilterOptions().setHasText("four"))).hasCount(1);

		var inserted = page.locator("tr[data-label='2bis']");
		assertThat(inserted).hasAttribute("data-change", "INSERTED");
		assertThat(inserted.locator("ins")).hasText("We promote transport corridors.");
		assertThat(inserted.locator("del")).hasCount(0);
		for (var label : List.of("PP1", "3")) {
			var unchanged = page.locator("tr[data-label='" + label + "']");
			assertThat(unchanged).hasAttribute("data-change", "UNCHANGED");
			assertThat(unchanged.locator("ins, del")).hasCount(0);
		}
		var inserts = "element => getComputedStyle(element).backgroundColor";
		assertNotEquals(changed.locator("ins").first().evaluate(inserts), changed.locator("del").first().evaluate(inserts),
				"insertions and deletions are told apart");
		screenshot("drafting-compare");
	}

	@Test
	void theChairCirculatesATextUnderSilenceAndItIsAdoptedDespiteAReservation() {
		var id = agreedText("Statement on the environment");

		signIn(page, CHAIR);
		var decision = circulateUnderSilence(id);
		page.evaluate("() => { window.neverReloaded = true; }");

		var observer = pageOf(JAPAN);
		visit(observer, decision);
		assertThat(observer.locator("#decision-status")).hasText("open");
		assertThat(observer.locator("#object-form")).hasCount(0);
		assertThat(observer.locator("#statement-form select[name=kind] option")).hasText(new String[] { "Explanation of position" });

		var member = pageOf(INDIA);
		visit(member, decision);
		assertThat(member.locator("#object-form")).hasCount(1);
		var statement = member.locator("#statement-form");
		statement.locator("select[name=kind]").selectOption("RESERVATION");
		statement.locator("select[name=paragraph]").selectOption("1");
		statement.locator("textarea[name=text]").fill("India does not consider itself bound by paragraph 1.");
		member.waitForResponse(response -> response.request().isNavigationRequest() && response.status() == 200,
				() -> statement.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("File")).click());
		assertThat(member).hasURL(Pattern.compile(literal(decision) + "#statements$"));
		var filed = member.locator("#statements li.statement");
		assertThat(filed).hasCount(1);
		assertThat(filed).hasAttribute("data-kind", "RESERVATION");
		assertThat(filed).hasText("Reservation by India on paragraph 1: India does not consider itself bound by paragraph 1.");

		assertThat(page.locator("#decision-status")).hasText("open");
		clock.advanceTo(deadline.plusSeconds(1)); // the deadline passes: the open page learns the outcome by itself
		assertThat(page.locator("#decision-status")).hasText("adopted", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(page.locator("#register-symbol")).isVisible();
		assertThat(page.locator("#register-symbol")).hasText(Pattern.compile("^SOC/\\d{4}/\\d+$"));
		assertThat(page.locator("#objection-count")).hasText("0");
		assertEquals(Boolean.TRUE, page.evaluate("() => window.neverReloaded === true"), "the chair's page was not reloaded");
		assertThat(page.locator("#status")).not().hasAttribute("hx-trigger", Pattern.compile(".*"));

		page.reload();
		assertThat(page.locator("#statements li.statement")).containsText("India does not consider itself bound by paragraph 1.");
		screenshot("drafting-silence-adopted");
	}

	@Test
	void aMemberBreaksSilenceInWritingAndTheOpenPageShowsTheOutcome() {
		var id = agreedText("Statement on energy security");

		signIn(page, CHAIR);
		var decision = circulateUnderSilence(id);

		page.evaluate("() => { window.neverReloaded = true; }");
		var member = pageOf(KAZAKHSTAN);
		visit(member, decision);
		var object = member.locator("#object-form");
		assertThat(object.getByRole(AriaRole.BUTTON)).hasText("Break silence");
		object.getByLabel("Reasons").fill("Paragraph 1 needs consultation with our capital.");
		member.waitForResponse(response -> response.request().isNavigationRequest() && response.status() == 200,
				() -> object.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Break silence")).click());
		assertThat(member).hasURL(Pattern.compile(literal(decision) + "$"));
		assertThat(member.locator("#objections h2")).hasText("Communications breaking silence");
		assertThat(member.locator("#objections li[data-participant=KAZ]")).containsText("Paragraph 1 needs consultation with our capital.");
		assertThat(member.locator("#objection-count")).hasText("1");
		// the break ends the procedure at once: no "open" until the deadline
		assertThat(member.locator("#decision-status")).hasText("silence broken");
		assertThat(member.locator("#ended-by-break")).containsText("before its deadline");
		assertThat(member.locator("#outcome")).hasText("Objection by Kazakhstan.");
		assertThat(member.locator("#register-symbol")).hasCount(0);
		assertThat(member.locator("#object-form")).hasCount(0); // no form outlives the procedure
		// the chair's page, open since it circulated the text, learns the outcome by itself, without a reload
		assertThat(page.locator("#decision-status")).hasText("silence broken", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
		assertThat(page.locator("#outcome")).hasText("Objection by Kazakhstan.");
		assertEquals(Boolean.TRUE, page.evaluate("() => window.neverReloaded === true"), "the chair's page was not reloaded");
		screenshot("drafting-silence-broken");
	}

	/** True when paragraph 1's two columns stand as asked: "side" by side, or one "under" the other. */
	private static final String LAYOUT = """
			how => {
			  const c = document.querySelectorAll('#p-1 .text-column');
			  if (c.length < 2) return false;
			  const a = c[0].getBoundingClientRect(), b = c[1].getBoundingClientRect();
			  return how === 'side' ? Math.abs(a.y - b.y) <= 1 && b.x >= a.x + a.width
			                        : Math.abs(a.x - b.x) <= 1 && b.y >= a.y + a.height;
			}""";

	/**
	 * A member tables a draft in English and Russian through the form, a paragraph with two
	 * alternatives added by "Add an alternative"; a paragraph without its text in the original
	 * language is refused beside that paragraph with everything typed kept; the text then reads in
	 * either language or both side by side: two columns on a wide screen, one under the other at 390 pixels.
	 */
	@Test
	void aDraftIsTabledInBothLanguagesAndReadSideBySide() {
		signIn(page, KAZAKHSTAN);
		open("/documents");
		var form = page.locator("#table-draft");
		form.locator("input[name=title]").fill("Statement on two languages");
		form.locator("select[name=type]").selectOption("STATEMENT");
		form.locator("input[name='p[0].label']").fill("PP1");
		form.locator("textarea[name='p[0].text.en']").fill("Recalling the Almaty Act,");
		form.locator("textarea[name='p[0].text.ru']").fill("ссылаясь на Алматинский акт,");
		form.locator("textarea[name='p[1].text.ru']").fill("Мы работаем на двух языках.");
		assertEquals(200, follow(() -> page.locator("#paragraph-form-2 button[name=add]").click()).status());

		assertThat(form.locator("input[name=title]")).hasValue("Statement on two languages");
		assertThat(form.locator("textarea[name='p[0].text.ru']")).hasValue("ссылаясь на Алматинский акт,");
		assertThat(page.locator("#paragraph-form-2 textarea")).hasCount(4);
		form.locator("textarea[name='p[2].alt[0].text.en']").fill("We meet every two years.");
		form.locator("textarea[name='p[2].alt[0].text.ru']").fill("Мы встречаемся раз в два года.");
		form.locator("textarea[name='p[2].alt[1].text.en']").fill("We meet every four years.");
		form.locator("textarea[name='p[2].alt[1].text.ru']").fill("Мы встречаемся раз в четыре года.");
		var table = new Locator.GetByRoleOptions().setName("Table the draft");
		var refused = follow(() -> form.getByRole(AriaRole.BUTTON, table).click());

		assertEquals(400, refused.status(), "a paragraph without English (the original) is refused");
		assertThat(page.locator("#paragraph-form-1 .form-error")).hasText("Paragraph 2 needs its text in the original language.");
		assertThat(page.locator(".form-error")).hasCount(1);
		assertThat(form.locator("input[name=title]")).hasValue("Statement on two languages");
		assertThat(form.locator("select[name=type]")).hasValue("STATEMENT");
		assertThat(form.locator("input[name='p[0].label']")).hasValue("PP1");
		assertThat(form.locator("textarea[name='p[1].text.ru']")).hasValue("Мы работаем на двух языках.");
		assertThat(form.locator("textarea[name='p[2].alt[1].text.ru']")).hasValue("Мы встречаемся раз в четыре года.");
		form.locator("textarea[name='p[1].text.en']").fill("We work in two languages.");
		var tabled = follow(() -> form.getByRole(AriaRole.BUTTON, table).click());

		assertEquals(200, tabled.status());
		assertThat(page).hasURL(Pattern.compile("/documents/CICA-SOC-STAT-\\d{4}-\\d+$"));
		assertHeading("Statement on two languages");
		assertThat(page.locator("#p-1 .para-text")).hasText("[We work in two languages.]");
		follow(() -> page.locator("#view-switch a[lang=ru]").click());
		assertThat(page.locator("#p-1 .para-text")).hasText("[Мы работаем на двух языках.]");
		assertThat(page.locator("#p-PP1 .para-text")).hasText("[ссылаясь на Алматинский акт,]");
		assertThat(page.locator("#p-2 li.alternative .para-text"))
				.hasText(new String[] { "[Мы встречаемся раз в два года.]", "[Мы встречаемся раз в четыре года.]" });

		follow(() -> page.locator("#view-switch a").last().click());
		var columns = page.locator("#p-1 .text-column");
		assertThat(columns).hasCount(2);
		assertThat(columns.nth(0)).hasAttribute("lang", "en");
		assertThat(columns.nth(0)).hasText("[We work in two languages.]");
		assertThat(columns.nth(1)).hasAttribute("lang", "ru");
		assertThat(columns.nth(1)).hasText("[Мы работаем на двух языках.]");
		assertThat(page.locator("#p-2 li.alternative").nth(1).locator(".text-column"))
				.hasText(new String[] { "[We meet every four years.]", "[Мы встречаемся раз в четыре года.]" });
		// the layout is read once it has settled (the style sheet and the fonts may still be applying: a condition, not a time)
		page.waitForFunction(LAYOUT, "side");
		var english = columns.nth(0).boundingBox();
		var russian = columns.nth(1).boundingBox();
		assertEquals(english.y, russian.y, 1.0, "side by side on a wide screen");
		assertTrue(russian.x >= english.x + english.width, "Russian to the right of English");
		screenshot("drafting-both-languages");

		page.setViewportSize(390, 844);
		page.waitForFunction(LAYOUT, "under");
		english = columns.nth(0).boundingBox();
		russian = columns.nth(1).boundingBox();
		assertEquals(english.x, russian.x, 1.0, "one under the other at 390 pixels");
		assertTrue(russian.y >= english.y + english.height, "Russian under English");
		assertEquals(List.of(), page.evaluate("() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
				+ " > document.documentElement.clientWidth + 1).slice(0, 6).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
				+ " + Math.round(e.getBoundingClientRect().right))"), "nothing of the page reaches beyond the window");
		assertNoSidewaysScrolling();
		screenshot("drafting-both-languages-390");
	}

	/**
	 * An amendment refused by the rules comes back on the document page, not on an error page: the
	 * message beside the field it concerns (a text missing in the original language) or at the form's
	 * top (the text moved on to a new revision meanwhile), with everything typed kept.
	 */
	@Test
	void aRefusedAmendmentComesBackWithItsMessageAndEverythingTyped() {
		var id = negotiatedToRev1("Statement on cooperation in culture");
		signIn(page, KAZAKHSTAN);
		open("/documents/" + id);
		var form = page.locator("#propose-amendment");
		var propose = new Locator.GetByRoleOptions().setName("Propose");
		form.locator("select[name=kind]").selectOption("REPLACE");
		form.locator("select[name=paragraph]").selectOption("2");
		form.locator("textarea[name='text.ru']").fill("Мы благодарим Казахстан за проведение саммита.");
		form.locator("input[name=cosponsors]").fill("TUR");
		form.locator("input[name=explanation]").fill("The summit, not a meeting.");
		var missing = follow(() -> form.getByRole(AriaRole.BUTTON, propose).click());

		assertEquals(400, missing.status());
		assertThat(page.locator("#error-propose-amendment-text")).containsText("original language");
		assertThat(form.locator("textarea[name='text.en']")).hasAttribute("aria-invalid", "true");
		assertThat(form.locator("textarea[name='text.ru']")).hasValue("Мы благодарим Казахстан за проведение саммита.");
		assertThat(form.locator("select[name=kind]")).hasValue("REPLACE");
		assertThat(form.locator("select[name=paragraph]")).hasValue("2");
		assertThat(form.locator("input[name=cosponsors]")).hasValue("TUR");
		assertThat(form.locator("input[name=explanation]")).hasValue("The summit, not a meeting.");
		assertThat(page.locator("#p-2 .para-text")).hasText("We thank Kazakhstan for hosting the meeting.");

		drafting.revise(chair, id, 1, List.of(), Map.of("3", ParagraphStatus.AGREED)); // meanwhile, Rev.2
		form.locator("textarea[name='text.en']").fill("We thank Kazakhstan for hosting the summit.");
		var outdated = follow(() -> form.getByRole(AriaRole.BUTTON, propose).click());

		assertEquals(409, outdated.status());
		assertThat(page.locator("#error-propose-amendment")).containsText("Rev.2");
		assertThat(form.locator("textarea[name='text.en']")).hasValue("We thank Kazakhstan for hosting the summit.");
		assertThat(form.locator("textarea[name='text.ru']")).hasValue("Мы благодарим Казахстан за проведение саммита.");
		assertThat(form.locator("h3")).hasText("Propose an amendment to Rev.2");
		assertThat(page.locator("#amendments tbody tr")).hasCount(2); // the two of Rev.1: nothing was written
	}

	/**
	 * A delegation's own acts on the page, in English and in Russian: it picks the alternative to
	 * settle on from the paragraph's alternatives, sees its explanation beside its amendment, is told
	 * at the form's top that the same amendment again is a duplicate, withdraws its support of an
	 * alternative and its amendment, which stays in the list as withdrawn. Only its own acts offer the buttons.
	 */
	@Test
	void aDelegationPicksAnAlternativeAndWithdrawsItsAmendmentAndItsSupport() {
		var id = negotiatedToRev1("Statement on cooperation in science");
		signIn(page, TURKIYE);
		open("/documents/" + id);
		var alt2 = page.locator("#p-1 li.alternative").nth(1);
		assertThat(alt2.locator(".supporters")).hasText("supported by Türkiye");
		assertThat(alt2.locator("button.withdraw-position")).hasText("Withdraw support");
		assertThat(page.locator("#p-1 li.alternative").nth(0).locator("button.withdraw-position")).hasCount(0);

		var form = page.locator("#propose-amendment");
		var choices = form.locator("select[name=alternative]");
		assertThat(form.getByLabel("Alternative to choose")).hasCount(1);
		assertThat(choices.locator("option")).hasText(new String[] { "— (to choose an alternative, pick it here)", "paragraph 1, Alt 1",
				"paragraph 1, Alt 2" });
		assertThat(choices.locator("optgroup")).hasAttribute("label", "Paragraph 1");
		assertThat(form.locator("input[name=alternative]")).hasCount(0);
		var propose = new Locator.GetByRoleOptions().setName("Propose");
		form.locator("select[name=kind]").selectOption("CHOOSE_ALTERNATIVE");
		form.locator("input[name=explanation]").fill("Every year is what the capitals agreed.");
		var nothingPicked = follow(() -> form.getByRole(AriaRole.BUTTON, propose).click());
		assertEquals(400, nothingPicked.status(), "choosing an alternative without picking one");
		assertThat(page.locator("#error-propose-amendment-alternative")).hasText("Paragraph PP1 holds no alternatives to choose from.");
		assertThat(choices).hasAttribute("aria-invalid", "true");
		assertThat(form.locator("select[name=kind]")).hasValue("CHOOSE_ALTERNATIVE");
		assertThat(form.locator("input[name=explanation]")).hasValue("Every year is what the capitals agreed.");
		choices.selectOption("1|Alt 1");
		assertEquals(200, follow(() -> form.getByRole(AriaRole.BUTTON, propose).click()).status());

		var chosen = amendmentRow("settle paragraph 1 on Alt 1");
		assertThat(chosen).hasAttribute("data-status", "PROPOSED");
		assertThat(chosen.locator(".explanation")).hasText(Pattern.compile("^\\s*— Explanation: Every year is what the capitals agreed\\.$"));
		assertThat(chosen.locator("button.withdraw-amendment")).hasText("Withdraw");
		assertThat(amendmentRow("replace paragraph 3").locator("button.withdraw-amendment")).hasCount(0); // India's, not Türkiye's
		int rows = page.locator("#amendments tbody tr").count();

		// the same again is a duplicate: refused at the form's top, what was typed kept, nothing written
		form.locator("select[name=kind]").selectOption("CHOOSE_ALTERNATIVE");
		choices.selectOption("1|Alt 1");
		form.locator("input[name=explanation]").fill("Once more.");
		var duplicate = follow(() -> form.getByRole(AriaRole.BUTTON, propose).click());
		assertEquals(409, duplicate.status());
		assertThat(page.locator("#error-propose-amendment")).containsText("TUR has already proposed this amendment against Rev.1");
		assertThat(choices).hasValue("1|Alt 1");
		assertThat(form.locator("input[name=explanation]")).hasValue("Once more.");
		assertThat(page.locator("#amendments tbody tr")).hasCount(rows);

		// in Russian
		follow(() -> page.locator("form.language button[value=ru]").click());
		open("/documents/" + id);
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
		var russianChoices = page.locator("#propose-amendment select[name=alternative]");
		assertThat(page.locator("#propose-amendment").getByLabel("Выбираемая альтернатива")).hasCount(1);
		assertThat(russianChoices.locator("option")).hasText(new String[] { "— (для выбора альтернативы укажите её здесь)", "пункт 1, Alt 1",
				"пункт 1, Alt 2" });
		assertThat(russianChoices.locator("optgroup")).hasAttribute("label", "Пункт 1");
		var row = page.locator("#amendments tr[data-amendment]").filter(new Locator.FilterOptions().setHas(page.locator("button.withdraw-amendment")));
		assertThat(row).hasCount(1);
		assertThat(row.locator(".explanation")).hasText(Pattern.compile("^\\s*— Пояснение: Every year is what the capitals agreed\\.$"));
		assertThat(row.locator("button.withdraw-amendment")).hasText("Отозвать");
		var russianAlt2 = page.locator("#p-1 li.alternative").nth(1);
		assertThat(russianAlt2.locator("button.withdraw-position")).hasText("Снять поддержку");

		follow(() -> russianAlt2.locator("button.withdraw-position").click());
		assertThat(page.locator("#p-1 li.alternative").nth(1).locator(".supporters")).hasCount(0);
		assertThat(page.locator("#p-1 li.alternative").nth(1).locator("button.withdraw-position")).hasCount(0);
		assertThat(page.locator("#p-1 li.alternative").nth(1).locator("button[value=SUPPORTS]")).hasText("Поддержать");

		var amendment = row.getAttribute("data-amendment");
		follow(() -> page.locator("#amendments tr[data-amendment='" + amendment + "'] button.withdraw-amendment").click());
		var withdrawn = page.locator("#amendments tr[data-amendment='" + amendment + "']");
		assertThat(withdrawn).hasAttribute("data-status", "WITHDRAWN");
		assertThat(withdrawn.locator(".amendment-status")).hasText("отозвана");
		assertThat(withdrawn.locator("button")).hasCount(0);
		assertThat(withdrawn.locator(".explanation")).containsText("Every year is what the capitals agreed.");
		assertThat(page.locator("#revise-form")).hasCount(0);
		screenshot("drafting-withdrawn-amendment");
	}

	// ---------------------------------------------------------------------------------------------

	/**
	 * Tabled by Kazakhstan (PP1 agreed, 1 bracketed and sponsored by it, 2 agreed ad referendum, 3
	 * bracketed), then Japan's alternative to 1 and India's proposal of 3 (the same words, now India's)
	 * taken into Rev.1 by the chair, and Türkiye supporting Japan's alternative.
	 */
	private String negotiatedToRev1(String title) {
		var document = drafting.table(kazakhstan, new Drafting.NewDocument(DocumentType.STATEMENT, title, "SOC",
				Access.of(AccessLevel.PARTICIPANTS), null, "en", List.of(
						new Paragraph("PP1", ParagraphStatus.AGREED, Map.of("en", "Recalling the Almaty Act,"), List.of(), List.of()),
						new Paragraph("1", ParagraphStatus.BRACKETED, Map.of("en", "We decide to meet every two years."), List.of(),
								List.of("KAZ")),
						new Paragraph("2", ParagraphStatus.AGREED_AD_REFERENDUM, Map.of("en", "We thank Kazakhstan for hosting the meeting."),
								List.of(), List.of()),
						new Paragraph("3", ParagraphStatus.BRACKETED, Map.of("en", "We welcome the new members."), List.of(),
								List.of()))));
		var alternative = drafting.propose(japan, document.id(), new Drafting.NewAmendment(0, AmendmentKind.ALTERNATIVE, "1", null,
				Map.of("en", "We decide to meet every four years."), List.of(), null));
		var welcome = drafting.propose(india, document.id(), new Drafting.NewAmendment(0, AmendmentKind.REPLACE, "3", null,
				Map.of("en", "We welcome the new members."), List.of(), null));
		drafting.revise(chair, document.id(), 0, List.of(alternative.id(), welcome.id()), Map.of());
		drafting.state(turkiye, document.id(), "1", "Alt 2", AlternativePosition.Stance.SUPPORTS);
		return document.id();
	}

	/** A draft without brackets, ready to be put for decision. */
	private String agreedText(String title) {
		return drafting.table(officer, new Drafting.NewDocument(DocumentType.STATEMENT, title, "SOC", Access.of(AccessLevel.PARTICIPANTS),
				null, "en", List.of(
						new Paragraph("PP1", ParagraphStatus.AGREED, Map.of("en", "Recalling the Almaty Act,"), List.of(), List.of()),
						new Paragraph("1", ParagraphStatus.AGREED, Map.of("en", "We support cooperation."), List.of(), List.of()))))
				.id();
	}

	/**
	 * The chair (signed in on the main page) puts the document for decision under silence, the
	 * deadline five minutes ahead of the application's clock, in Tokyo time; returns the decision's
	 * address and keeps the deadline in {@link #deadline}.
	 */
	private String circulateUnderSilence(String id) {
		open("/documents/" + id);
		assertThat(page.locator("#brackets-warning")).hasCount(0);
		var form = page.locator("#decision-form");
		var tokyo = ZoneId.of("Asia/Tokyo");
		var deadline = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), tokyo).truncatedTo(ChronoUnit.SECONDS);
		if (deadline.getSecond() == 0) {
			deadline = deadline.plusSeconds(1); // a datetime-local field drops ":00" seconds
		}
		form.locator("input[name=procedure][value=SILENCE]").check();
		form.getByLabel("Deadline (local time)").fill(DATETIME_LOCAL.format(deadline));
		form.getByLabel("in time zone").fill("Asia/Tokyo");
		var answer = follow(() -> form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put for decision")).click());

		assertEquals(200, answer.status());
		assertThat(page).hasURL(Pattern.compile("/decisions/\\d+$"));
		assertThat(page.locator("h1")).containsText("Decision of the");
		assertThat(page.locator("#decision-status")).hasText("open");
		assertThat(page.locator("#deadline")).hasText(
				DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).format(deadline) + " (Asia/Tokyo)");
		assertThat(page.locator("#status")).containsText("Asia/Almaty");
		assertThat(page.locator("#status")).hasAttribute("hx-trigger", "every 2s");
		this.deadline = deadline.atZone(tokyo).toInstant();
		return page.url().substring(baseUrl().length());
	}

	/** A page in a browser context of its own, signed in as the given person. */
	private Page pageOf(String email) {
		var other = context.browser().newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setLocale("en-US")
				.setViewportSize(1280, 900));
		otherContexts.add(other);
		other.setDefaultTimeout(5_000);
		other.setDefaultNavigationTimeout(8_000);
		other.route(url -> !url.startsWith(baseUrl()), Route::abort);
		var otherPage = other.newPage();
		otherPage.onPageError(error -> otherErrors.add(email + ": " + error));
		otherPage.onResponse(response -> {
			if (!response.request().isNavigationRequest() && response.url().startsWith(baseUrl()) && response.status() >= 400) {
				otherErrors.add(email + ": " + response.status() + " " + response.url());
			}
		});
		signIn(otherPage, email);
		return otherPage;
	}

	private void signIn(Page on, String email) {
		on.navigate("/login");
		on.getByLabel("E-mail address").fill(email);
		on.getByLabel("Password").fill(PASSWORD);
		on.waitForResponse(response -> response.request().isNavigationRequest() && response.status() == 200,
				() -> on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(on).hasURL(Pattern.compile(".*/account$"));
	}

	private static void visit(Page on, String path) {
		var response = on.navigate(path);
		assertTrue(response != null && response.status() < 400, () -> path + " answered " + (response == null ? "nothing" : response.status()));
	}

	/** A regular expression matching the text as it is (Playwright hands it to JavaScript, which knows no \Q…\E quoting). */
	private static String literal(String text) {
		return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
	}

	private Locator amendmentRow(String summary) {
		return amendmentRow(page, summary);
	}

	private static Locator amendmentRow(Page on, String summary) {
		return on.locator("#amendments tbody tr").filter(new Locator.FilterOptions().setHas(
				on.locator("td .summary", new Page.LocatorOptions().setHasText(Pattern.compile("^" + literal(summary) + "$")))));
	}
}
