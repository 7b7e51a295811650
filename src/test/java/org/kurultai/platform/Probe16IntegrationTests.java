package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probe 16, an attacker's requests against three changes: the validators of what the public receives
 * ({@link Representations}: pages, the API, feeds, open data, the sitemap, the calendar), the refusal of what cannot be
 * read ({@link MalformedQueryGuard}, {@link ProblemErrorReportValve}, and bodies Tomcat or Spring MVC parse later), and
 * the CICA Fund in the search, open data, the feed and the sitemap. Each test is an attack; the defence holds when it
 * passes. Found and fixed: a request that said it was multipart and was not well formed was a 500 with a stack trace on
 * every address and method, a GET of a public page included (nothing takes an upload: multipart is no longer parsed,
 * {@code spring.servlet.multipart.enabled=false}); a form body that is not UTF-8 sent to a page's handler was logged by
 * Tomcat with its stack trace ({@link PageProblems} now refuses it with a 400 like {@link MalformedQueryGuard}'s); the
 * first request line Tomcat could not read (a raw backslash, quote or brace) was logged with its stack trace at INFO
 * (its logger is now at WARN).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class Probe16IntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor china;
	Actor japan;
	RawHttp raw;

	/** A word of this run's own, letters only (the stemmers keep it whole). */
	final String word = "pxvi" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "q");


	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		raw = new RawHttp(port);
		secretariat = api.secretariat("probe16");
		kazakhstan = api.coordinator("probe16", "KAZ");
		china = api.coordinator("probe16", "CHN");
		japan = api.coordinator("probe16", "JPN");
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return api.getWithHeaders(path, headers);
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	private long draft(String which, String marker) {
		var start = clock.today().plusDays(10);
		var drafted = api.post("/api/fund/projects", kazakhstan, """
				{"titleEn": "%s %s title", "titleRu": "Проект %s", "purpose": "Purpose %spurpose of the project.", "implementingStates": ["KAZ"],
				 "partners": "Partner %spartner", "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue", "amount": "777,777"}], "requested": "777777.00"}"""
				.formatted(which, marker, marker, marker, marker, start, start.plusMonths(6)));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json().get("id").asLong();
	}

	private String document(String title, String access, String named) {
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "SWG", "access": "%s", %s "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed %s."}}]}"""
				.formatted(title, access, named, word));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	// ---------------------------------------------------------------- 1. validators

	/** What the public reads of the Fund and the record, each with the Accept a reader sends. */
	private Map<String, String> publicReads(String marker) {
		var reads = new LinkedHashMap<String, String>();
		reads.put("/fund", "text/html");
		reads.put("/fund/projects", "text/html");
		reads.put("/api/fund/projects", "application/json");
		reads.put("/api/fund/totals", "application/json");
		reads.put("/feeds/fund-projects.atom", "application/atom+xml");
		reads.put("/feeds/documents.atom?lang=en", "application/atom+xml");
		reads.put("/data/fund-projects.csv", "text/csv");
		reads.put("/data/fund-years.json", "application/json");
		reads.put("/data/documents.json", "application/json");
		reads.put("/data/datapackage.json", "application/json");
		reads.put("/sitemap.xml", "application/xml");
		reads.put("/documents", "text/html");
		reads.put("/api/documents", "application/json");
		reads.put("/meetings", "text/html");
		reads.put("/search?kind=project&q=" + marker, "text/html");
		reads.put("/api/search?q=" + marker, "application/json");
		reads.put("/api/search?kind=project&lang=en&year=" + clock.today().getYear() + "&sort=date&q=" + marker, "application/json");
		reads.put("/calendar.ics", "text/calendar");
		return reads;
	}

	/** The response once it carries a date (none while the second of its last change is not over; the calendar has none). */
	private HttpResponse<String> settled(String path, String accept) {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(path, "Accept", accept, "Accept-Language", "en"),
				response -> response.statusCode() == 200 && (path.startsWith("/calendar") || response.headers().firstValue("Last-Modified").isPresent()));
	}

	@Test
	void hiddenFundProjectsDocumentsAndMeetingsMoveNoValidatorHeaderOrStatusThePublicSees() throws Exception {
		var marker = word + "hidden";
		var reads = publicReads(marker);
		var before = new LinkedHashMap<String, HttpResponse<String>>();
		reads.forEach((path, accept) -> before.put(path, settled(path, accept)));

		// work the public may not see, in every area these reads are made from
		draft("Draft", marker);
		var submitted = draft("Submitted", marker);
		assertThat(api.post("/api/fund/projects/" + submitted + "/submission", kazakhstan, null).status()).isEqualTo(200);
		document("Probe16 hidden " + marker, "PARTICIPANTS", "");
		document("Probe16 named " + marker, "NAMED_PARTICIPANTS", "\"named\": [\"KAZ\"],");
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe16 closed %s", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(marker, clock.today().plusDays(3), clock.today().plusDays(3)));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var contribution = api.post("/api/fund/contributions", secretariat, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "1.00", "valueDate": "%s", "reference": "Probe16 %s"}"""
				.formatted(clock.today(), marker));
		assertThat(contribution.status()).as(contribution.toString()).isEqualTo(201);

		for (var entry : reads.entrySet()) {
			var path = entry.getKey();
			var earlier = before.get(path);
			if (path.contains("totals") || path.contains("fund-years") || path.equals("/fund")) {
				continue; // the yearly totals are public and moved with the contribution (checked below)
			}
			var plain = get(path, "Accept", entry.getValue(), "Accept-Language", "en");
			assertThat(plain.statusCode()).as(path).isEqualTo(200);
			assertNothingOf(plain.body(), marker, path);
			if (!path.startsWith("/calendar")) {
				assertThat(plain.body()).as(path).isEqualTo(earlier.body());
			}
			for (var name : List.of("ETag", "Last-Modified", "Content-Length", "Vary", "Cache-Control", "Content-Type", "Age")) {
				assertThat(header(plain, name)).as("%s: %s after hidden work", path, name).isEqualTo(header(earlier, name));
			}
			var byTag = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-None-Match", header(earlier, "ETag"));
			assertThat(byTag.statusCode()).as("%s revalidated by its tag", path).isEqualTo(304);
			if (!header(earlier, "Last-Modified").isEmpty()) {
				var byDate = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-Modified-Since", header(earlier, "Last-Modified"));
				assertThat(byDate.statusCode()).as("%s revalidated by its date", path).isEqualTo(304);
			}
		}
		// the yearly totals are public: they move with a contribution, by its amount and nothing else of it
		var totals = get("/data/fund-years.csv", "Accept", "text/csv");
		assertThat(totals.body()).doesNotContain(marker).doesNotContain("KAZ").doesNotContain("Kazakhstan");
		assertThat(totals.body().lines().findFirst().orElseThrow()).isEqualTo("year,currency,received,allocated,disbursed");
	}

	/** Nothing of this probe's hidden work in what the public got (the search page says what was searched for: not that). */
	private static void assertNothingOf(String body, String marker, String what) {
		assertThat(body).as(what).doesNotContain(marker + " title").doesNotContain(marker + "purpose").doesNotContain(marker + "partner")
				.doesNotContain("Probe16 ").doesNotContain("777777");
	}

	@Test
	void aConditionalRequestNeverAnswers304ForAHiddenProject() throws Exception {
		var marker = word + "cond";
		var draft = draft("Draft", marker);
		var submitted = draft("Submitted", marker);
		assertThat(api.post("/api/fund/projects/" + submitted + "/submission", kazakhstan, null).status()).isEqualTo(200);
		// a tag the public was given for another page, a tag guessed, any tag, a date in the future
		var publicTag = header(get("/fund/projects", "Accept", "text/html"), "ETag");
		var future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(10));
		for (var id : List.of(draft, submitted)) {
			for (var path : List.of("/fund/projects/" + id, "/api/fund/projects/" + id)) {
				var accept = path.startsWith("/api/") ? "application/json" : "text/html";
				for (var conditional : List.of(List.of("If-None-Match", "*"), List.of("If-None-Match", publicTag),
						List.of("If-None-Match", "W/\"AAAAAAAAAAAAAAAAAAAAAA\""), List.of("If-Modified-Since", future))) {
					for (int i = 0; i < 2; i++) {
						// twice: the first answer must not be remembered as a current representation
						var answer = get(path, "Accept", accept, conditional.get(0), conditional.get(1));
						assertThat(answer.statusCode()).as("%s with %s", path, conditional).isEqualTo(404);
						assertThat(header(answer, "ETag")).as(path).isEmpty();
						assertThat(answer.body()).as(path).doesNotContain(marker);
					}
				}
			}
			// its State sees it, signed in; that leaves nothing the public is then given
			assertThat(api.get("/api/fund/projects/" + id, kazakhstan).status()).isEqualTo(200);
			assertThat(get("/api/fund/projects/" + id, "Accept", "application/json", "If-None-Match", "*").statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aSignedInOrAuthorizedReadNeitherFillsNorReadsThePublicStore() throws Exception {
		var marker = word + "store";
		var draft = draft("Draft", marker);
		var paths = List.of("/search?kind=project&q=" + marker, "/api/search?kind=project&q=" + marker, "/api/fund/projects", "/fund/projects");
		for (var path : paths) {
			var accept = path.startsWith("/api/") ? "application/json" : "text/html";
			// the owner's read, first: it sees the draft
			var owner = get(path, "Accept", accept, "Authorization", "Bearer " + kazakhstan.token());
			assertThat(owner.statusCode()).as(path).isEqualTo(200);
			assertThat(owner.body()).as(path).contains(marker + " title").contains(String.valueOf(draft));
			assertThat(header(owner, "ETag")).as("%s: no public tag for a signed-in read", path).isEmpty();
			assertThat(header(owner, "Cache-Control")).as(path).doesNotContain("public");
			// then the public: its own bytes, never the owner's
			var anonymous = get(path, "Accept", accept);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(200);
			assertNothingOf(anonymous.body(), marker, path);
			// a signed-in reader with any tag is answered in full (never a 304 from the public's store)
			var conditional = get(path, "Accept", accept, "Authorization", "Bearer " + kazakhstan.token(), "If-None-Match", "*");
			assertThat(conditional.statusCode()).as(path).isEqualTo(200);
			assertThat(conditional.body()).as(path).contains(marker + " title");
			// an Authorization the server does not know (another scheme): not a public read either
			var basic = get(path, "Accept", accept, "Authorization", "Basic cHJvYmUxNjp4");
			assertThat(header(basic, "ETag")).as(path).isEmpty();
		}
	}

	@Test
	void hugeAndManyQueryStringsAreNeverA500AndLeaveTheStoreWorking() throws Exception {
		var page = get("/bodies", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		// just under and over the length a variant may have, and near the request line's limit
		for (var length : List.of(1900, 2100, 12_000)) {
			for (var path : List.of("/documents?x=", "/api/documents?x=", "/search?q=a&x=", "/data/documents.csv?x=", "/feeds/documents.atom?x=")) {
				var answer = get(path + "a".repeat(length), "Accept", path.startsWith("/api/") ? "application/json" : "*/*");
				assertThat(answer.statusCode()).as("%s… (%d)", path, length).isBetween(200, 499);
			}
		}
		var tooLong = get("/documents?x=" + "a".repeat(20_000), "Accept", "text/html");
		assertThat(tooLong.statusCode()).as("a request line past the header limit").isBetween(400, 499);
		// many variants of about 4 kB each (over the 8 MB the validators keep, once weighed): each a 200, never a 500
		for (int i = 0; i < 2_200; i++) {
			var answer = get("/api/participants/counts?v" + i + "=" + "b".repeat(1_900), "Accept", "application/json");
			assertThat(answer.statusCode()).as("variant %d", i).isEqualTo(200);
		}
		// the store still answers a reader who holds a page's tag (its variant made again if it was forgotten)
		var again = get("/bodies", "Accept", "text/html");
		assertThat(header(again, "ETag")).isEqualTo(header(page, "ETag"));
		assertThat(get("/bodies", "Accept", "text/html", "If-None-Match", header(page, "ETag")).statusCode()).isEqualTo(304);
	}

	// ---------------------------------------------------------------- 2. what cannot be read

	/** No stack trace, no error line, since {@code from}. */
	private static void assertQuiet(CapturedOutput output, int from, String what) {
		var written = output.getAll().substring(from);
		assertThat(written).as("%s: no stack trace", what).doesNotContain("\tat ").doesNotContain(" ERROR ").doesNotContain("Servlet.service()");
	}

	@Test
	void aBodyThatSaysItIsMultipartAndIsNotIsNeverA500(CapturedOutput output) {
		// found: Spring MVC parsed any body that said it was multipart before a handler was chosen, whatever the address and
		// method, and one that was not well formed was a 500 with a stack trace (a GET of a public page included). Nothing takes
		// an upload: such a body is no longer parsed, its fields not read
		var from = output.getAll().length();
		var before = jdbc.sql("select count(*) from fund_project").query(Long.class).single();
		record Case(String method, String target, String bearer, String accept) {
		}
		var cases = List.of(new Case("GET", "/documents", null, "text/html"), new Case("GET", "/fund/projects", null, "text/html"),
				new Case("GET", "/api/documents", null, "application/json"), new Case("GET", "/api/search?q=probe", null, "application/json"),
				new Case("GET", "/probe16-nothing-here", null, "text/html"), new Case("POST", "/language", null, "text/html"),
				new Case("POST", "/fund/projects", kazakhstan.token(), "text/html"),
				new Case("POST", "/api/fund/projects", kazakhstan.token(), "application/json"));
		for (var type : List.of("multipart/form-data", "multipart/form-data; boundary=probe16", "multipart/mixed")) {
			for (var c : cases) {
				// a body cut short: no closing boundary, or none at all
				var answer = raw.send(c.method(), c.target(), c.bearer(), type,
						"--probe16\r\nContent-Disposition: form-data; name=\"titleEn\"\r\n\r\nProbe16 multipart", c.accept());
				assertThat(answer.status()).as("%s %s as %s", c.method(), c.target(), type).isBetween(200, 499);
				if (c.method().equals("POST")) {
					assertThat(answer.status()).as("%s %s as %s: nothing done", c.method(), c.target(), type).isBetween(300, 499);
				}
			}
		}
		assertThat(jdbc.sql("select count(*) from fund_project").query(Long.class).single()).as("nothing written").isEqualTo(before);
		assertQuiet(output, from, "multipart");
	}

	@Test
	void aFormBodyThatIsNotUtf8IsA400WithoutAStackTraceAndWritesNothing(CapturedOutput output) {
		var from = output.getAll().length();
		var before = jdbc.sql("select count(*) from fund_project").query(Long.class).single();
		var form = "application/x-www-form-urlencoded";
		for (var body : List.of("language=%FF&return=/", "language=%C0%AF", "language=%ZZ", "language=en&%=1", "=x&language=en")) {
			for (var accept : List.of("text/html", "application/json")) {
				var anonymous = raw.send("POST", "/language", null, form, body, accept);
				assertThat(anonymous.status()).as("/language %s", body).isEqualTo(400);
			}
		}
		for (var body : List.of("titleEn=%FF&purpose=x", "titleEn=Probe16%C0%AFtitle&purpose=x", "titleEn=a%ZZ", "titleEn=a&%=1")) {
			var page = raw.send("POST", "/fund/projects", kazakhstan.token(), form, body, "text/html");
			assertThat(page.status()).as("/fund/projects %s", body).isEqualTo(400);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("could not be read");
			var apiForm = raw.send("POST", "/api/fund/projects", kazakhstan.token(), form, body, "application/json");
			assertThat(apiForm.status()).as("/api/fund/projects %s", body).isBetween(400, 499);
		}
		// an address that cannot be read, on the Fund's pages and API, signed in or not
		for (var target : List.of("/fund/projects/%C0%AF", "/fund/projects/1%00", "/fund/projects/1%2F2", "/fund/projects/1%5C2",
				"/api/fund/projects/%C0%AF", "/api/fund/projects/1%00", "/api/fund/projects/1%2F2", "/api/fund/projects/1%5C2",
				"/api/search?q=%C0%AF", "/search?q=%E0%80%AF", "/data/fund-projects.csv?x=%FF", "/feeds/fund-projects.atom?lang=%C0%AF")) {
			for (var bearer : new String[] { null, kazakhstan.token() }) {
				var answer = raw.send("GET", target, bearer, null, null, target.contains("/api/") ? "application/json" : "text/html");
				assertThat(answer.status()).as("%s (%s)", target, bearer == null ? "public" : "signed in").isEqualTo(400);
			}
			var post = raw.send("POST", target, kazakhstan.token(), form, "titleEn=x", "application/json");
			assertThat(post.status()).as("POST %s", target).isBetween(400, 499);
		}
		assertThat(jdbc.sql("select count(*) from fund_project").query(Long.class).single()).as("nothing written").isEqualTo(before);
		assertQuiet(output, from, "form bodies");
	}

	@Test
	void aRequestLineTomcatCannotReadIsA400WithoutAStackTrace(CapturedOutput output) {
		// found: Tomcat logged the first such request with its stack trace (at INFO), whoever sent it
		var from = output.getAll().length();
		for (var target : List.of("/documents/probe16\\x", "/api/fund/projects/1\\2", "/search?q=a\"b", "/fund/projects/{1}", "/api/search?q=<a>")) {
			var answer = raw.send("GET", target, null, null, null, target.startsWith("/api/") ? "application/json" : "text/html");
			assertThat(answer.status()).as(target).isEqualTo(400);
		}
		assertQuiet(output, from, "request lines");
	}

	// ---------------------------------------------------------------- 3. the Fund in the public record

	@Test
	void aDraftOrSubmittedProjectIsFoundCountedOrQuotedByNoOneItsStateLetsNotSeeIt() throws Exception {
		var marker = word + "fund";
		var draft = draft("Draft", marker);
		var submitted = draft("Submitted", marker);
		assertThat(api.post("/api/fund/projects/" + submitted + "/submission", kazakhstan, null).status()).isEqualTo(200);
		var year = clock.today().getYear();
		var filters = List.of("", "&kind=project", "&kind=project&kind=document", "&kind=project,meeting", "&lang=en", "&lang=ru", "&year=" + year,
				"&sort=date", "&size=50", "&page=2&size=1", "&kind=project&body=PRC");
		var queries = List.of(marker, marker + "purpose", marker + "partner", "Partner " + marker + "partner", "\"" + marker + " title\"",
				"Kazakhstan " + marker, marker + " OR " + marker + "partner", "777777");
		Map<String, Actor> outsiders = new LinkedHashMap<>();
		outsiders.put("the public", null);
		outsiders.put("another member's coordinator (CHN)", china);
		outsiders.put("an observer's coordinator (JPN)", japan);
		for (var who : outsiders.entrySet()) {
			for (var q : queries) {
				for (var filter : filters) {
					var path = "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filter;
					var found = api.get(path, who.getValue());
					assertThat(found.status()).as("%s: %s", who.getKey(), path).isEqualTo(200);
					var json = found.json();
					var ids = new ArrayList<String>();
					json.get("results").forEach(hit -> {
						if (hit.get("kind").asString().equals("project")) {
							ids.add(hit.get("id").asString());
						}
					});
					assertThat(ids).as("%s: %s", who.getKey(), path).doesNotContain(String.valueOf(draft));
					if (who.getValue() == null) {
						assertThat(ids).as("%s: %s", who.getKey(), path).doesNotContain(String.valueOf(submitted));
						if (!q.equals("777777")) {
							assertThat(json.get("total").asLong()).as("%s: total of %s", who.getKey(), path).isZero();
						}
						assertThat(found.body()).as(path).doesNotContain(marker);
					}
					else {
						// the participants see a submitted project (ProjectState.access), never the draft: its words only in the other's snippets
						assertThat(found.body()).as("%s: %s", who.getKey(), path).doesNotContain("Draft " + marker);
					}
				}
				var page = api.page("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&kind=project", who.getValue());
				assertThat(page.status()).isEqualTo(200);
				assertThat(page.body()).as("%s: the page for %s", who.getKey(), q).doesNotContain("Draft " + marker)
						.doesNotContain("/fund/projects/" + draft + "\"");
				if (who.getValue() == null) {
					assertThat(page.body()).as("the public's page for %s", q).doesNotContain("Submitted " + marker)
							.doesNotContain("/fund/projects/" + submitted + "\"");
				}
			}
		}
		// its own State and the Secretariat do find both (the probe can fail)
		for (var insider : List.of(kazakhstan, secretariat)) {
			var found = api.get("/api/search?kind=project&q=" + marker, insider).json();
			var ids = new java.util.TreeSet<String>();
			found.get("results").forEach(hit -> ids.add(hit.get("id").asString()));
			// (an entry in each language: its English and its Russian title)
			assertThat(ids).containsExactlyInAnyOrder(String.valueOf(draft), String.valueOf(submitted));
		}
		// whoever fetches them, the open data, the feed and the sitemap are the public's: neither project is in them
		for (var who : new Actor[] { null, kazakhstan, secretariat }) {
			for (var path : List.of("/data/fund-projects.csv", "/data/fund-projects.json", "/data/fund-years.csv", "/data/fund-years.json",
					"/data/datapackage.json", "/feeds/fund-projects.atom", "/feeds/fund-projects.atom?lang=ru", "/sitemap.xml")) {
				var file = api.file(path, who);
				assertThat(file.status()).as(path).isEqualTo(200);
				assertThat(file.body()).as(path).doesNotContain(marker).doesNotContain("777777").doesNotContain("/fund/projects/" + draft + "<")
						.doesNotContain("fund-project:" + draft + "<").doesNotContain("fund-project:" + submitted + "<")
						.doesNotContain("/fund/projects/" + submitted + "<");
			}
		}
		// the yearly totals are the public totals' columns, nothing of the ledger by contributor
		var years = api.file("/data/fund-years.json", null).json();
		years.forEach(row -> assertThat(row.properties().stream().map(Map.Entry::getKey).toList())
				.containsExactlyInAnyOrder("year", "currency", "received", "allocated", "disbursed"));
	}
}
