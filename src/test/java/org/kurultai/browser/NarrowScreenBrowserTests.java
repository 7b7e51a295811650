package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every page of the application on a phone (390 × 844 CSS pixels), for the public, a delegate and the
 * Secretariat's administrator, in English and in Russian: no page scrolls sideways (a wide table scrolls inside its own box), and
 * the navigation folds into a menu button that works without JavaScript. The pages are the
 * application's own GET routes that render HTML, read from the live route table: a new page is
 * covered without anyone remembering to add it; a new page whose address has a parameter fails
 * here until it is given a sample below.
 */
@IntegrationTest
class NarrowScreenBrowserTests extends BrowserTestSupport {

	static final int WIDTH = 390;
	static final int HEIGHT = 844;
	static final String PREFIX = "narrow";

	@Autowired ApplicationContext application;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired org.kurultai.identity.Accreditations accreditations;

	Delegations api;
	Delegations.Actor admin;
	Delegations.Actor delegate;
	String document;
	long decision;
	String plannedMeeting;
	long sampleApplication;
	String meeting;
	long fundProject;
	long fundContributor;

	@BeforeAll
	void peopleAndRecords() {
		api = new Delegations(port, accounts, tokens);
		admin = api.actor(PREFIX + ".admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var coordinator = api.coordinator(PREFIX, "KAZ");
		delegate = api.actor(PREFIX + ".delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		if (!accreditations.isAccredited(delegate.account(), "KAZ", clock.today())) {
			accreditations.accredit(accreditations.propose(coordinator.account(), delegate.account().email()).id(), admin.account());
		}
		// a public draft under a silence procedure, so that the document, version, comparison and decision pages have a sample
		var tabled = api.post("/api/documents", admin, """
				{"type": "STATEMENT", "title": "Statement on a page that fits a phone and a rather long title that has to wrap",
				 "body": "SOC", "access": "PUBLIC", "languages": ["en", "ru"], "originalLanguage": "en", "paragraphs": [
				 {"label": "PP1", "status": "AGREED", "text": {"en": "Recalling https://www.s-cica.org/index.php?view=page&t=a-very-long-address-without-any-place-to-break-it", "ru": "Ссылаясь на Алматинский акт,"}},
				 {"label": "1", "status": "AGREED", "text": {"en": "We support connectivity.", "ru": "Мы поддерживаем взаимосвязанность."}}]}""");
		assertEquals(201, tabled.status(), tabled::toString);
		document = tabled.json().get("id").asString();
		// an application for a status, seen by the delegate and the administrator (the public answers not found, on its error page)
		var code = "NARROWAPP";
		var recorded = api.get("/api/participants/" + code, null).status() == 404 ? api.post("/api/applications", admin, """
				{"newParticipant": {"code": "%s", "kind": "ORGANIZATION", "nameEn": "Organization for Narrow Screens and Particularly Long Names",
				 "nameRu": "Организация по узким экранам и особенно длинным наименованиям"}, "status": "OBSERVER", "receivedOn": "%s",
				 "reference": "No. NV/2026/ASIA-PACIFIC-CONFIDENCE-BUILDING-MEASURES-1234567890"}""".formatted(code, clock.today())) : null;
		sampleApplication = recorded == null ? api.get("/api/applications", admin).json().get(0).get("id").asLong() : recorded.json().get("id").asLong();
		// with an effect, so that the decision's page shows what it changes (a participant without status: refused, never applied)
		var proposed = api.post("/api/decisions", admin, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "effects": [{"kind": "END_STATUS", "participant": "%s", "effectiveOn": "2090-12-31"}]}"""
				.formatted(document, clock.today().plusDays(30).atTime(18, 0), code));
		assertEquals(201, proposed.status(), proposed::toString);
		decision = proposed.json().get("id").asLong();
		// a planned meeting for participants, with an earlier plan and an agenda, for the meeting's plan and agenda pages
		var planned = api.post("/api/meetings", admin, """
				{"body": "SOC", "title": "Session of senior officials with a title long enough to wrap on a phone", "from": "%s",
				 "place": "Astana", "access": "PARTICIPANTS"}""".formatted(clock.today().plusDays(200)));
		assertEquals(201, planned.status(), planned::toString);
		plannedMeeting = planned.json().get("id").asString();
		assertEquals(200, api.call("PATCH", "/api/meetings/" + plannedMeeting, admin, """
				{"online": true, "reason": "Held by video conference at the request of the host, whose conference centre is under repair"}""").status());
		assertEquals(200, api.call("PUT", "/api/meetings/" + plannedMeeting + "/agenda", admin, """
				{"items": [{"title": "Opening of the session and adoption of the agenda"}, {"title": "Declaration", "documents": ["DECLARATION-2006"]}]}""")
				.status());
		// a meeting for participants with the delegate's State registered: its delegations, list of participants, attendance
		var convened = api.post("/api/meetings", admin, """
				{"body": "SOC", "title": "Narrow session with a rather long title that has to wrap on a phone", "from": "%s",
				 "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}""".formatted(clock.today().plusDays(40), clock.today().plusDays(41)));
		assertEquals(201, convened.status(), convened::toString);
		meeting = convened.json().get("id").asString();
		var registered = api.post("/api/meetings/" + meeting + "/delegations", admin, """
				{"participant": "KAZ", "head": {"email": "%s", "name": "Kassym-Jomart Tokayev-Longname Sample",
				 "title": "Minister for Foreign Affairs of the Republic of Kazakhstan", "level": "MINISTER"}}"""
				.formatted(delegate.account().email()));
		assertEquals(201, registered.status(), registered::toString);
		// a Fund project submitted by Kazakhstan (the delegate and the administrator see it; the public answers not found)
		var drafted = api.post("/api/fund/projects", coordinator, """
				{"titleEn": "Regional workshop on confidence-building measures in food security with a title long enough to wrap",
				 "purpose": "Confidence-building under the Almaty Act.", "implementingStates": ["KAZ"], "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue, interpretation and documentation for three days of sessions", "amount": "120000.00"}],
				 "requested": "120000.00"}""".formatted(clock.today().plusDays(30), clock.today().plusDays(300)));
		assertEquals(201, drafted.status(), drafted::toString);
		fundProject = drafted.json().get("id").asLong();
		assertEquals(200, api.post("/api/fund/projects/" + fundProject + "/submission", coordinator, null).status());
		// the delegate's State pledged to the Fund: its statement (the delegate's and the Secretariat's)
		var pledged = api.post("/api/fund/contributions", admin, """
				{"kind": "PLEDGE", "participant": "KAZ", "amount": "1234567890.12", "valueDate": "%s",
				 "reference": "Note verbale No. 12/345-FUND-ASIA-PACIFIC-CONFIDENCE-BUILDING-MEASURES-1234567890"}""".formatted(clock.today()));
		assertEquals(201, pledged.status(), pledged::toString);
		fundContributor = pledged.json().get("contributor").asLong();
	}

	/**
	 * A sample address for each page route that needs one (a path variable, or a query without which the
	 * page is not the page). A route with a path variable that is not here fails the test.
	 */
	Map<String, String> samples() {
		var samples = new LinkedHashMap<String, String>();
		samples.put("/participants/{code}", "/participants/KAZ");
		samples.put("/bodies/{code}", "/bodies/SOC");
		samples.put("/meetings/{id}", "/meetings/CHSG-2");
		samples.put("/meetings/{id}/agenda", "/meetings/CMFA-7/agenda");
		samples.put("/meetings/{id}/plan", "/meetings/" + plannedMeeting + "/plan");
		samples.put("/documents/{id}", "/documents/DECLARATION-2006");
		samples.put("/documents/{id}/versions/{number}", "/documents/" + document + "/versions/0");
		samples.put("/documents/{id}/compare", "/documents/" + document + "/compare?from=0&to=0");
		samples.put("/decisions/{id}", "/decisions/" + decision);
		samples.put("/decisions/{id}/status", "/decisions/" + decision + "/status");
		samples.put("/applications/{id}", "/applications/" + sampleApplication);
		samples.put("/commitments", "/commitments?participant=KAZ");
		samples.put("/catalogue/differences", "/catalogue/differences?from=2013&to=2021");
		samples.put("/catalogue", "/catalogue?edition=2021");
		samples.put("/cbm", "/cbm?year=2021");
		samples.put("/cbm/reports", "/cbm/reports?year=2025");
		samples.put("/participants", "/participants?asOf=2006-06-18");
		samples.put("/participants/map", "/participants/map?asOf=2006-06-18");
		samples.put("/meetings", "/meetings?body=CHSG");
		samples.put("/calendar", "/calendar?month=2024-12");
		samples.put("/search", "/search?q=confidence+building+measures");
		samples.put("/invitations/{secret}", "/invitations/an-invitation-that-does-not-exist");
		samples.put("/password-reset/{secret}", "/password-reset/a-link-that-does-not-exist");
		samples.put("/unsubscribe/{token}", "/unsubscribe/a-link-that-does-not-exist");
		samples.put("/admin/accounts/{id}", "/admin/accounts/" + delegate.account().id());
		samples.put("/meetings/{id}/delegations", "/meetings/" + meeting + "/delegations?participant=KAZ");
		samples.put("/meetings/{id}/participants", "/meetings/" + meeting + "/participants");
		samples.put("/meetings/{id}/attendance", "/meetings/" + meeting + "/attendance");
		samples.put("/fund/projects/{id}", "/fund/projects/" + fundProject);
		samples.put("/fund/projects/{id}/revision", "/fund/projects/" + fundProject + "/revision");
		samples.put("/fund/contributors/{id}", "/fund/contributors/" + fundContributor);
		samples.put("/fund/report/{year}", "/fund/report/" + clock.today().getYear());
		samples.put("/fund/trial-balance", "/fund/trial-balance?asOf=" + clock.today());
		return samples;
	}

	/** The application's own GET routes that answer with a page (not the API, the documentation, assets or /error). */
	List<String> pageRoutes() {
		var routes = new TreeSet<String>();
		for (var mapping : application.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				var methods = info.getMethodsCondition().getMethods();
				var get = methods.isEmpty() || methods.contains(RequestMethod.GET);
				var page = !handler.hasMethodAnnotation(ResponseBody.class)
						&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
						&& handler.getBeanType().getName().startsWith("org.kurultai.");
				for (var pattern : info.getPatternValues()) {
					if (get && page && !pattern.equals("/error") && !pattern.startsWith("/api/") && !pattern.equals("/language")) {
						routes.add(pattern);
					}
				}
			});
		}
		return List.copyOf(routes);
	}

	/** Each page route as an address to open: its sample, or itself; a route with a parameter and no sample is named. */
	List<String> addresses(List<String> missing) {
		var samples = samples();
		var addresses = new ArrayList<String>();
		for (var route : pageRoutes()) {
			var sample = samples.get(route);
			if (sample != null) {
				addresses.add(sample);
			}
			else if (route.contains("{") || route.contains("*")) {
				missing.add(route);
			}
			else {
				addresses.add(route);
			}
		}
		return addresses;
	}

	@Test
	void everyPageRouteHasAnAddressToOpen() {
		var routes = pageRoutes();
		assertTrue(routes.size() >= 25, () -> "the route table gave only " + routes);
		assertTrue(routes.containsAll(List.of("/", "/participants/{code}", "/login", "/account", "/admin/audit", "/decisions/{id}")),
				() -> "page routes found: " + routes);
		var missing = new ArrayList<String>();
		addresses(missing);
		assertTrue(missing.isEmpty(), () -> "page routes with a parameter and no sample: " + missing
				+ " — add a sample address for each to NarrowScreenBrowserTests.samples()");
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneForThePublic() {
		assertEveryPageFits(null);
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneInRussian() {
		// signing in sets the language the account keeps (English here); the reader then switches to Russian
		assertEveryPageFits(delegate, true);
		assertThat(page.locator("html")).hasAttribute("lang", "ru");
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneForADelegate() {
		assertEveryPageFits(delegate);
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneForTheAdministrator() {
		assertEveryPageFits(admin);
	}

	private void assertEveryPageFits(Delegations.@Nullable Actor who) {
		assertEveryPageFits(who, false);
	}

	private void assertEveryPageFits(Delegations.@Nullable Actor who, boolean russian) {
		page.setViewportSize(WIDTH, HEIGHT);
		if (who != null) {
			signIn(page, who.account().email());
		}
		if (russian) {
			super.context.addCookies(List.of(new com.microsoft.playwright.options.Cookie("kurultai-language", "ru").setUrl(baseUrl())));
		}
		var missing = new ArrayList<String>();
		var failures = new ArrayList<String>();
		var opened = 0;
		for (var address : addresses(missing)) {
			var response = visit(address);
			opened++;
			if (response.status() >= 500) {
				failures.add(address + " answered " + response.status());
				continue;
			}
			var overflow = ((Number) page.evaluate(
					"() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")).intValue();
			if (overflow > 0) {
				var culprits = page.evaluate("""
						() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
						  .filter(e => !e.closest('table') || e.tagName === 'TABLE').slice(0, 3)
						  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replaceAll(' ', '.') : ''))""");
				failures.add(address + " (" + page.url().replace(baseUrl(), "") + ") scrolls sideways by " + overflow + " px at " + WIDTH
						+ " px; wider than the window: " + culprits);
				screenshot("narrow-" + (who == null ? "public" : who.account().role().name().toLowerCase()) + "-"
						+ page.locator("html").getAttribute("lang") + "-"
						+ address.replaceAll("[^A-Za-z0-9]+", "-"));
			}
		}
		assertTrue(missing.isEmpty(), () -> "no sample for " + missing);
		assertTrue(opened >= 25, "opened " + opened + " pages");
		assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
	}

	@Test
	void onAPhoneTheNavigationFoldsIntoAMenuButtonThatWorksWithoutJavaScript() {
		openBrowserContext(false);
		page.setViewportSize(WIDTH, HEIGHT);
		open("/");
		var nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"));
		var participants = page.locator("#site-nav a[href='/participants']");
		assertThat(participants).isHidden();
		var menu = page.locator("label.menu-button");
		assertThat(menu).isVisible();
		assertThat(menu).containsText("Menu");

		menu.click();
		assertThat(nav).isVisible();
		assertThat(participants).isVisible();
		var answer = follow(participants::click);
		assertTrue(answer.status() < 400);
		assertHeading("Participants");
		assertThat(participants).isHidden();

		// by keyboard: the menu button is reached with Tab and opened with the space bar
		page.locator("#menu-toggle").focus();
		page.keyboard().press("Space");
		assertThat(participants).isVisible();
		screenshot("narrow-menu-open");

		// on a wide screen the links are there without a menu button
		page.setViewportSize(1280, 900);
		open("/");
		assertThat(menu).isHidden();
		assertThat(participants).isVisible();
	}

	@Test
	void onAPhoneAWideTableScrollsInsideItsOwnBox() {
		page.setViewportSize(WIDTH, HEIGHT);
		open("/meetings");
		var table = page.locator("table#meetings");
		var box = table.boundingBox();
		assertTrue(box.width <= WIDTH, () -> "the table is " + box.width + " px wide");
		var scrolls = (Boolean) table.evaluate("t => t.scrollWidth > t.clientWidth");
		assertTrue(scrolls, "the meetings table has more columns than fit: it scrolls in its own box");
		assertEquals(0, ((Number) page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"))
				.intValue());
		screenshot("narrow-meetings");
	}

	/** Signs in with the password form (the fields by their ids, whatever the page's language). */
	void signIn(Page on, String email) {
		on.navigate("/login");
		on.locator("#username").fill(email);
		on.locator("#password").fill(Delegations.PASSWORD);
		on.waitForResponse(response -> response.request().isNavigationRequest() && response.status() < 300,
				() -> on.locator("form:has(#password) button[type=submit]").click());
		assertTrue(!on.url().contains("/login"), () -> "signed in as " + email + ": " + on.url());
	}
}
