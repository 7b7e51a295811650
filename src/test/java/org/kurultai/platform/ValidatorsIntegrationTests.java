package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the public is given to revalidate depends only on what the public receives: the {@code ETag} is a hash of the
 * bytes of the variant and {@code Last-Modified} the time those bytes last changed, so work on a record the public may
 * not see leaves them alone (pages, the API, feeds, open data, the sitemap); {@code If-None-Match: *} matches any
 * current representation (RFC 9110 13.1.2) everywhere; a request whose query or path is not UTF-8 is a clear 400.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ValidatorsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired PublicPages pages;

	Delegations api;
	Actor secretariat;

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).build();

	/** Public reads of the documents' area: a page, an API read, a feed, an open data file, the sitemap. */
	private static final Map<String, String> AFFECTED = new LinkedHashMap<>();
	static {
		AFFECTED.put("/documents", "text/html");
		AFFECTED.put("/api/documents", "application/json");
		AFFECTED.put("/feeds/documents.atom", "application/atom+xml");
		AFFECTED.put("/data/documents.csv", "text/csv");
		AFFECTED.put("/sitemap.xml", "application/xml");
	}

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("validators");
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return api.getWithHeaders(path, headers);
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElse("");
	}

	private String table(String title, String access) {
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "SWG", "access": "%s", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}"""
				.formatted(title, access));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	/** The response once it carries a date (none is given while the second of its last change is not over). */
	private HttpResponse<String> dated(String path, String accept) {
		return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get(path, "Accept", accept, "Accept-Language", "en"),
				response -> response.statusCode() == 200 && response.headers().firstValue("Last-Modified").isPresent());
	}

	@Test
	void aHiddenRecordLeavesThePublicsValidatorsAloneAndAPublicOneMovesThem() throws Exception {
		var before = new LinkedHashMap<String, HttpResponse<String>>();
		AFFECTED.forEach((path, accept) -> before.put(path, dated(path, accept)));

		// a record the public may not see: its area's data version moves, what the public receives does not
		var hidden = "Validators hidden " + UUID.randomUUID();
		table(hidden, "PARTICIPANTS");
		for (var entry : AFFECTED.entrySet()) {
			var path = entry.getKey();
			var earlier = before.get(path);
			var plain = get(path, "Accept", entry.getValue(), "Accept-Language", "en");
			assertThat(plain.statusCode()).as(path).isEqualTo(200);
			assertThat(plain.body()).as(path).doesNotContain(hidden).isEqualTo(earlier.body());
			assertThat(header(plain, "ETag")).as("%s: the tag after a hidden change", path).isEqualTo(header(earlier, "ETag"));
			assertThat(header(plain, "Last-Modified")).as("%s: the date after a hidden change", path).isEqualTo(header(earlier, "Last-Modified"));
			var conditional = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-None-Match", header(earlier, "ETag"));
			assertThat(conditional.statusCode()).as(path).isEqualTo(304);
			assertThat(header(conditional, "ETag")).as(path).isEqualTo(header(earlier, "ETag"));
			var byDate = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-Modified-Since",
					header(earlier, "Last-Modified"));
			assertThat(byDate.statusCode()).as(path).isEqualTo(304);
		}

		// a record the public sees: every one of them changes, with a new tag and a later date
		var shown = "Validators shown " + UUID.randomUUID();
		var id = table(shown, "PUBLIC");
		for (var entry : AFFECTED.entrySet()) {
			var path = entry.getKey();
			var earlier = before.get(path);
			var changed = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-None-Match", header(earlier, "ETag"));
			assertThat(changed.statusCode()).as(path).isEqualTo(200);
			assertThat(changed.body()).as(path).containsAnyOf(shown, id);
			assertThat(header(changed, "ETag")).as(path).isNotEqualTo(header(earlier, "ETag"));
			var now = dated(path, entry.getValue());
			assertThat(header(now, "ETag")).as(path).isEqualTo(header(changed, "ETag"));
			assertThat(java.time.ZonedDateTime.parse(header(now, "Last-Modified"), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME))
					.as(path).isAfter(java.time.ZonedDateTime.parse(header(earlier, "Last-Modified"),
							java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
			var byDate = get(path, "Accept", entry.getValue(), "Accept-Language", "en", "If-Modified-Since",
					header(earlier, "Last-Modified"));
			assertThat(byDate.statusCode()).as("%s: the old date is older than the change", path).isEqualTo(200);
		}
	}

	@Test
	void aStoredPageIsRevalidatedWithoutRenderingIt() throws Exception {
		for (int attempt = 0; attempt < 3; attempt++) {
			// the forum's minute may turn between two requests: the page is then rendered again once
			var page = get("/bodies", "Accept", "text/html", "Accept-Language", "ru");
			assertThat(page.statusCode()).isEqualTo(200);
			var rendered = pages.renderings();
			var again = get("/bodies", "Accept", "text/html", "Accept-Language", "ru", "If-None-Match", header(page, "ETag"));
			var any = get("/bodies", "Accept", "text/html", "Accept-Language", "ru", "If-None-Match", "*");
			var stored = get("/bodies", "Accept", "text/html", "Accept-Language", "ru");
			if (pages.renderings() == rendered) {
				assertThat(again.statusCode()).isEqualTo(304);
				assertThat(any.statusCode()).isEqualTo(304);
				assertThat(stored.statusCode()).isEqualTo(200);
				assertThat(stored.body()).isEqualTo(page.body());
				return;
			}
		}
		throw new AssertionError("a stored page was rendered again for each of three revalidations");
	}

	@Test
	void anyTagMatchesEveryCurrentRepresentationAndNoMissingOne() throws Exception {
		var existing = Map.of("/documents", "text/html", "/api/documents", "application/json", "/feeds/documents.atom",
				"application/atom+xml", "/data/documents.csv", "text/csv", "/data/datapackage.json", "application/json", "/calendar.ics",
				"text/calendar", "/sitemap.xml", "application/xml", "/robots.txt", "text/plain");
		for (var entry : existing.entrySet()) {
			var answer = get(entry.getKey(), "Accept", entry.getValue(), "If-None-Match", "*");
			assertThat(answer.statusCode()).as("%s with If-None-Match: *", entry.getKey()).isEqualTo(304);
			assertThat(answer.body()).as(entry.getKey()).isEmpty();
			assertThat(header(answer, "ETag")).as(entry.getKey()).isNotBlank();
			// a list holding the current tag among others matches too
			var plain = get(entry.getKey(), "Accept", entry.getValue());
			var listed = get(entry.getKey(), "Accept", entry.getValue(), "If-None-Match", "\"other\", " + header(plain, "ETag"));
			assertThat(listed.statusCode()).as("%s with its tag in a list", entry.getKey()).isEqualTo(304);
		}
		// a signed-in reader's feed and file are the same for everyone: * matches them too
		for (var path : List.of("/feeds/documents.atom", "/data/documents.csv", "/calendar.ics")) {
			var answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", "Bearer " + secretariat.token()).header("If-None-Match", "*").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("%s signed in with If-None-Match: *", path).isEqualTo(304);
		}
		for (var missing : List.of("/data/validators-nope.csv", "/documents/VALIDATORS-NOPE", "/api/documents/VALIDATORS-NOPE")) {
			var answer = get(missing, "Accept", missing.startsWith("/api/") ? "application/json" : "text/html", "If-None-Match", "*");
			assertThat(answer.statusCode()).as("%s with If-None-Match: *", missing).isEqualTo(404);
		}
	}

	@Test
	void aQueryOrPathThatIsNotUtf8IsAClear400WithoutAStackTrace(CapturedOutput output) throws Exception {
		var json = JsonMapper.builder().build();
		var pages = List.of("/documents?status=%C3%28", "/documents?q=%FF", "/participants?asOf=%C3%28", "/documents/%FF",
				"/documents/%C3%28", "/participants/%FF");
		var apis = List.of("/api/documents?status=%C3%28", "/api/participants?asOf=%FF", "/api/documents/%FF",
				"/api/documents/%C3%28", "/api/participants/%C3%28");
		for (var language : List.of("ru", "en")) {
			for (var path : pages) {
				var id = "validators-utf8-" + UUID.randomUUID();
				var from = output.getAll().length();
				var answer = get(path, "Accept", "text/html", "Accept-Language", language, "X-Request-Id", id);
				assertThat(answer.statusCode()).as(path).isEqualTo(400);
				assertThat(header(answer, "Content-Type")).as(path).startsWith("text/html");
				assertThat(answer.body()).as(path).contains("<html lang=\"" + language + "\"").contains(id);
				assertThat(answer.body()).as(path).contains("UTF-8")
						.contains(language.equals("ru") ? "процентным кодированием" : "percent-encoded");
				assertQuietLog(output, from, id, path);
			}
			for (var path : apis) {
				var id = "validators-utf8-" + UUID.randomUUID();
				var from = output.getAll().length();
				var answer = get(path, "Accept", "application/json", "Accept-Language", language, "X-Request-Id", id);
				assertThat(answer.statusCode()).as(path).isEqualTo(400);
				assertThat(header(answer, "Content-Type")).as(path).startsWith("application/problem+json");
				assertThat(header(answer, "Content-Language")).as(path).isEqualTo(language);
				var problem = json.readTree(answer.body());
				assertThat(problem.get("status").asInt()).as(path).isEqualTo(400);
				assertThat(problem.get("type").asString()).as(path)
						.isEqualTo(ApiProblems.TYPE_BASE + (path.contains("?") ? "malformed-query" : "malformed-path"));
				assertThat(problem.get("detail").asString()).as(path).contains("UTF-8");
				assertQuietLog(output, from, id, path);
			}
		}
	}

	/** At most one line of the application's log names the request, and no stack trace was written meanwhile. */
	private static void assertQuietLog(CapturedOutput output, int from, String id, String path) {
		var written = output.getAll().substring(from);
		assertThat(written).as("%s: no stack trace", path).doesNotContain("\tat ").doesNotContain("Exception:");
		assertThat(written.lines().filter(line -> line.contains(id)).count()).as("%s: log lines", path).isLessThanOrEqualTo(1);
	}
}
