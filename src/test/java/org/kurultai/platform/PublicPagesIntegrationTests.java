package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.StatementCounter;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public's pages and API reads are cached over HTTP (ETag, Last-Modified, 304) and rendered once per data version,
 * language and address ({@link PublicPages}); a signed-in person, another language or a record of another access
 * level never gets a page made for someone else; an anonymous read opens no session; text goes gzipped.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;

	final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("httpcache");
		kazakhstan = api.coordinator("httpcache", "KAZ");
	}

	private HttpResponse<String> get(HttpClient client, String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html");
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> anonymous(String path, String... headers) throws Exception {
		return get(anonymous, path, headers);
	}

	private String table(String title, String access) {
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "SWG", "access": "%s", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}"""
				.formatted(title, access));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	@Test
	void anUnchangedPageIsRevalidatedWith304AndServedWithoutReadingTheDatabase() throws Exception {
		// no date while the last change's second is not over (DataVersions.Stamp#httpLastModified): the tag alone validates
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
				.until(() -> anonymous("/documents").headers().firstValue("Last-Modified").isPresent());
		var first = anonymous("/documents");
		assertThat(first.statusCode()).isEqualTo(200);
		var etag = first.headers().firstValue("ETag").orElseThrow();
		var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, must-revalidate");
		assertThat(first.headers().firstValue("Vary").orElse("")).containsIgnoringCase("Accept-Language").containsIgnoringCase("Cookie");

		var revalidated = anonymous("/documents", "If-None-Match", etag);
		if (revalidated.statusCode() == 200) {
			// the forum's minute turned between the two requests: the page is stamped anew, and stays so for a minute
			etag = revalidated.headers().firstValue("ETag").orElseThrow();
			lastModified = revalidated.headers().firstValue("Last-Modified").orElseThrow();
			revalidated = anonymous("/documents", "If-None-Match", etag);
		}
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
		assertThat(anonymous("/documents", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
		assertThat(anonymous("/documents", "If-None-Match", "W/\"something-else\"").statusCode()).isEqualTo(200);

		var id = "httpcache-" + UUID.randomUUID();
		var again = anonymous("/documents", "X-Request-Id", id);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(StatementCounter.of(id)).as("a stored page is served without rendering it again").isLessThanOrEqualTo(1);
	}

	@Test
	void anErrorIsNeitherTaggedNorStoredAndKeepsItsPage() throws Exception {
		for (int round = 0; round < 2; round++) {
			var missing = anonymous("/participants/NOPE", "X-Request-Id", "httpcache-missing-" + round);
			assertThat(missing.statusCode()).isEqualTo(404);
			assertThat(missing.body()).contains("id=\"request-id\"").contains("httpcache-missing-" + round);
			assertThat(missing.headers().firstValue("ETag")).isEmpty();
			assertThat(missing.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
			var problem = anonymous("/api/participants/NOPE", "Accept", "application/json");
			assertThat(problem.statusCode()).isEqualTo(404);
			assertThat(problem.body()).contains("not-found");
		}
	}

	@Test
	void aChangeThroughTheApiChangesTheTagAndTheNextReadShowsIt() throws Exception {
		var before = anonymous("/documents");
		var beforeApi = anonymous("/api/documents", "Accept", "application/json");
		var title = "Public statement " + UUID.randomUUID();
		assertThat(before.body()).doesNotContain(title);

		table(title, "PUBLIC");

		var after = anonymous("/documents", "If-None-Match", before.headers().firstValue("ETag").orElseThrow());
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
		assertThat(after.body()).contains(title);
		var afterApi = anonymous("/api/documents", "Accept", "application/json", "If-None-Match",
				beforeApi.headers().firstValue("ETag").orElseThrow());
		assertThat(afterApi.statusCode()).isEqualTo(200);
		assertThat(afterApi.body()).contains(title);
	}

	@Test
	void aParticipantsOnlyRecordNeverLeaksIntoTheAnonymousPageNorIsItMissingFromTheSignedInOne() throws Exception {
		var title = "Participants statement " + UUID.randomUUID();
		table(title, "PARTICIPANTS");
		var browser = signedIn(kazakhstan);

		for (int round = 0; round < 2; round++) {
			var public1 = anonymous("/documents");
			assertThat(public1.body()).as("anonymous").doesNotContain(title);
			var participant = get(browser, "/documents");
			assertThat(participant.statusCode()).isEqualTo(200);
			assertThat(participant.body()).as("signed in").contains(title);
			assertThat(participant.headers().firstValue("ETag")).as("a signed-in page is never tagged for sharing").isEmpty();
			assertThat(participant.headers().firstValue("Cache-Control").orElse("")).contains("no-store").doesNotContain("public");
			// the signed-in person revalidating with the public page's tag gets their own page, not a 304
			var conditional = get(browser, "/documents", "If-None-Match", public1.headers().firstValue("ETag").orElseThrow());
			assertThat(conditional.statusCode()).isEqualTo(200);
			assertThat(conditional.body()).contains(title);
			assertThat(anonymous("/documents").body()).as("anonymous after a signed-in read").doesNotContain(title);

			var participantApi = api.get("/api/documents", kazakhstan);
			assertThat(participantApi.body()).contains(title);
			assertThat(anonymous("/api/documents", "Accept", "application/json").body()).doesNotContain(title);
		}
	}

	@Test
	void russianAndEnglishAreNeverMixed() throws Exception {
		for (int round = 0; round < 2; round++) {
			var russian = anonymous("/participants", "Accept-Language", "ru-RU,ru;q=0.9");
			var english = anonymous("/participants", "Accept-Language", "en-GB");
			var chosen = anonymous("/participants", "Accept-Language", "en-GB", "Cookie", "kurultai-language=ru");
			assertThat(russian.body()).contains("<html lang=\"ru\"");
			assertThat(english.body()).contains("<html lang=\"en\"");
			assertThat(chosen.body()).as("the language chosen with the switch").contains("<html lang=\"ru\"");
			assertThat(russian.headers().firstValue("Content-Language")).as("round %s", round).hasValue("ru");
			assertThat(english.headers().firstValue("Content-Language")).as("round %s", round).hasValue("en");
			assertThat(russian.headers().firstValue("ETag")).isNotEqualTo(english.headers().firstValue("ETag"));
			var crossed = anonymous("/participants", "Accept-Language", "ru", "If-None-Match",
					english.headers().firstValue("ETag").orElseThrow());
			assertThat(crossed.statusCode()).isEqualTo(200);
			assertThat(crossed.body()).contains("<html lang=\"ru\"");
		}
	}

	@Test
	void anAnonymousReadOfAPublicPageOpensNoSession() throws Exception {
		for (var path : List.of("/", "/documents", "/participants", "/participants/KAZ", "/bodies", "/meetings", "/decisions",
				"/catalogue", "/cbm", "/timeline", "/documents/DECLARATION-2006", "/api/documents", "/calendar")) {
			var answer = anonymous(path, "Accept-Language", path.length() % 2 == 0 ? "ru" : "en", "Accept",
					path.startsWith("/api/") ? "application/json" : "text/html");
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			assertThat(answer.headers().allValues("Set-Cookie")).as("%s sets no cookie", path).isEmpty();
		}
		// the language switch keeps the choice in its own cookie, not in a session
		var switched = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/language"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("language=ru&return=/documents")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().allValues("Set-Cookie")).singleElement().asString().startsWith("kurultai-language=ru");
	}

	@Test
	void textGoesGzippedToClientsThatTakeItAndStaticResourcesAreKeptLong() throws Exception {
		var bytes = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents"))
				.header("Accept", "text/html").header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(bytes.headers().firstValue("Content-Encoding")).hasValue("gzip");
		var page = gunzip(bytes.body());
		assertThat(page).contains("<html").contains("DECLARATION-2006");
		assertThat(bytes.body().length).isLessThan(page.getBytes(StandardCharsets.UTF_8).length / 2);
		assertThat(anonymous("/documents").headers().firstValue("Content-Encoding")).as("not asked for").isEmpty();

		// a signed-in read, not cached, is compressed by the server
		var own = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents"))
				.header("Accept", "application/json").header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + kazakhstan.token())
				.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(own.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(own.headers().firstValue("ETag")).isEmpty();
		assertThat(gunzip(own.body())).startsWith("[");

		// the style sheet's address carries a hash of its content, so it is kept a year
		var css = Pattern.compile("href=\"(/css/kurultai-[0-9a-f]{32}\\.css)\"").matcher(page);
		assertThat(css.find()).as("a versioned style sheet address").isTrue();
		var sheet = anonymous(css.group(1), "Accept", "text/css");
		assertThat(sheet.statusCode()).isEqualTo(200);
		assertThat(sheet.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000").contains("public");
	}

	private static String gunzip(byte[] body) throws IOException {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** A browser signed in with the form as this actor (a session cookie). */
	private HttpClient signedIn(Actor actor) throws Exception {
		var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		var form = get(browser, "/login");
		var matcher = CSRF.matcher(form.body());
		assertThat(matcher.find()).isTrue();
		var fields = new LinkedHashMap<String, String>();
		fields.put("username", actor.account().email());
		fields.put("password", Delegations.PASSWORD);
		fields.put("_csrf", matcher.group(1));
		var body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		var answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return browser;
	}
}
