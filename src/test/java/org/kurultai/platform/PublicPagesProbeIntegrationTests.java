package org.kurultai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An attacker's requests against the public page cache ({@link PublicPages}): a header the key does not see must not
 * change what is stored for others, a conditional request must not turn a refusal into a 304, and the responses say
 * every header their content varies on.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesProbeIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired PublicPages pages;

	Delegations api;
	Actor secretariat;


	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("pgprobe");
	}

	/** Headers as name, value pairs; a name may come more than once (each is sent as its own header line). */
	private HttpResponse<String> get(String path, String... headers) throws Exception {
		return api.getWithHeaders(path, headers);
	}

	@Test
	void aSecondAcceptHeaderIsPartOfTheVariant() throws Exception {
		// Spring negotiates on every Accept line; a variant keyed on the first line only would let a request with a second line
		// choose what is stored for every reader sending the first alone. Each gets what its own lines ask for, and a tag of
		// the bytes it got (the same tag only for the same bytes)
		var path = "/api/documents?probe=" + UUID.randomUUID();
		var two = get(path, "Accept", "image/png", "Accept", "application/json");
		var one = get(path, "Accept", "image/png");
		var again = get(path, "Accept", "image/png", "Accept", "application/json");
		assertThat(two.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(one.statusCode()).as("one line alone is another variant than two: not the stored JSON").isNotEqualTo(200);
		assertThat(one.headers().firstValue("ETag")).isEmpty();
		assertThat(again.headers().firstValue("ETag")).isEqualTo(two.headers().firstValue("ETag"));
		assertThat(get(path, "Accept", "image/png", "If-None-Match", two.headers().firstValue("ETag").orElseThrow()).statusCode())
				.as("the stored JSON's tag does not make the other variant a 304").isNotEqualTo(304);
	}

	@Test
	void aConditionalRequestNeverTurnsAMissingOrHiddenRecordIntoA304() throws Exception {
		var hidden = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Probe hidden %s", "body": "SWG", "access": "PARTICIPANTS", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}"""
				.formatted(UUID.randomUUID()));
		assertThat(hidden.status()).as(hidden.toString()).isEqualTo(201);
		var id = hidden.json().get("id").asString();
		var future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusYears(10));
		for (var path : new String[] { "/documents/" + id, "/api/documents/" + id, "/documents/PGPROBE-NOPE" }) {
			var plain = get(path, "Accept", path.startsWith("/api/") ? "application/json" : "text/html");
			assertThat(plain.statusCode()).as(path).isEqualTo(404);
			for (var conditional : new String[][] { { "If-None-Match", "*" }, { "If-Modified-Since", future } }) {
				var answer = get(path, "Accept", path.startsWith("/api/") ? "application/json" : "text/html", conditional[0],
						conditional[1]);
				assertThat(answer.statusCode()).as("%s with %s: %s", path, conditional[0], conditional[1]).isEqualTo(404);
			}
		}
	}

	@Test
	void aStoredPageIsStillRevalidatedByItsDateAndByAnyTag() throws Exception {
		var first = get("/bodies", "Accept", "text/html");
		assertThat(first.statusCode()).isEqualTo(200);
		// no date while the last change's second is not over (DataVersions.Stamp#httpLastModified): the tag alone validates
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
				.until(() -> get("/bodies", "Accept", "text/html").headers().firstValue("Last-Modified").isPresent());
		for (int attempt = 0; attempt < 3; attempt++) {
			// the forum's minute may turn between two requests: the page is stamped anew, and stays so for a minute
			var stored = get("/bodies", "Accept", "text/html");
			var byDate = get("/bodies", "Accept", "text/html", "If-Modified-Since",
					stored.headers().firstValue("Last-Modified").orElseThrow());
			var byAny = get("/bodies", "Accept", "text/html", "If-None-Match", "*");
			if (byDate.statusCode() == 304 && byAny.statusCode() == 304) {
				return;
			}
		}
		throw new AssertionError("a page stored for this variant is not revalidated by If-Modified-Since or If-None-Match: *");
	}

	@Test
	void theResponsesVaryOnEveryHeaderTheirVariantIsKeyedOn() throws Exception {
		var page = get("/bodies", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		var vary = String.join(",", page.headers().allValues("Vary")).toLowerCase(java.util.Locale.ROOT);
		assertThat(vary).contains("accept").contains("accept-language").contains("cookie").contains("hx-request")
				.as("a shared cache must not answer a request carrying credentials with the public's page").contains("authorization");
	}

	@Test
	void requestsThatAreNotThePublicsPassTheStoreBy() throws Exception {
		// any credentials: never a page tagged for sharing, whatever the scheme
		var basic = get("/documents", "Accept", "text/html", "Authorization", "Basic cGdwcm9iZTpub3Bl");
		assertThat(basic.headers().firstValue("ETag")).as("Basic").isEmpty();
		assertThat(basic.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
		var bearer = get("/api/documents", "Accept", "application/json", "Authorization", "Bearer kt_not-a-token");
		assertThat(bearer.statusCode()).isEqualTo(401);
		assertThat(bearer.headers().firstValue("ETag")).isEmpty();
		// a session id in the path is refused, not stored under a key of its own
		var pathParameter = get("/documents;jsessionid=PGPROBE", "Accept", "text/html");
		assertThat(pathParameter.statusCode()).isEqualTo(400);
		assertThat(pathParameter.headers().firstValue("ETag")).isEmpty();
		// an unknown session cookie is an anonymous reader: the public page, and no cookie set
		var stale = get("/documents", "Accept", "text/html", "Cookie", "SESSION=cGdwcm9iZS1ub3BlLXNlc3Npb24=");
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.headers().allValues("Set-Cookie")).isEmpty();
		// another case or a trailing slash is not the page: a 404, untagged
		for (var path : new String[] { "/Documents", "/documents/" }) {
			var other = get(path, "Accept", "text/html");
			assertThat(other.statusCode()).as(path).isEqualTo(404);
			assertThat(other.headers().firstValue("ETag")).as(path).isEmpty();
		}
	}
}
