package org.kurultai.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public read API over real HTTP, including what it answers to bad input. */
@IntegrationTest
class ApiIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	record Answer(int status, String contentType, JsonNode body) {
	}

	Answer get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json").GET());
	}

	Answer send(HttpRequest.Builder request) throws Exception {
		var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
		var body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
	}

	@Test
	void listsTheMembersOnADayWithTheirStatusAndSince() throws Exception {
		var answer = get("/api/participants?asOf=2006-06-18&status=MEMBER");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).hasSize(18);
		var korea = find(answer.body(), "KOR");
		assertThat(korea.get("name").asString()).isEqualTo("Republic of Korea");
		assertThat(korea.get("kind").asString()).isEqualTo("STATE");
		assertThat(korea.get("status").asString()).isEqualTo("MEMBER");
		assertThat(korea.get("since").asString()).isEqualTo("2006-06-17");
	}

	@Test
	void listsObserversStatesAndOrganizationsOnADay() throws Exception {
		var answer = get("/api/participants?asOf=2006-06-16&status=observer");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(find(answer.body(), "KOR").get("status").asString()).isEqualTo("OBSERVER");
		assertThat(find(answer.body(), "UN").get("kind").asString()).isEqualTo("ORGANIZATION");
	}

	@Test
	void withoutADateAnswersForToday() throws Exception {
		var today = get("/api/participants?status=MEMBER");
		var counts = get("/api/participants/counts");

		assertThat(today.body()).hasSize(counts.body().get("members").asInt());
		assertThat(counts.body().get("members").asInt()).isEqualTo(28);
	}

	@Test
	void aParticipantComesWithItsWholeHistoryAndSources() throws Exception {
		var thailand = get("/api/participants/tha").body();

		assertThat(thailand.get("code").asString()).isEqualTo("THA");
		assertThat(thailand.get("names").get("shortRu").asString()).isNotBlank();
		var history = thailand.get("history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("status").asString()).isEqualTo("OBSERVER");
		assertThat(history.get(1).get("status").asString()).isEqualTo("MEMBER");
		assertThat(history.get(1).get("from").asString()).isEqualTo("2004-10-22");
		assertThat(history.get(1).get("sources")).isNotEmpty();
		assertThat(thailand.get("signatures")).hasSize(2);
	}

	@Test
	void saysWhatChangedBetweenTwoDates() throws Exception {
		var changes = get("/api/participants/changes?from=2022-10-01&to=2022-10-31").body();

		assertThat(changes).anySatisfy(change -> {
			assertThat(change.get("code").asString()).isEqualTo("KWT");
			assertThat(change.get("after").asString()).isEqualTo("MEMBER");
		});
	}

	@Test
	void bodiesBearTheNameOfTheDay() throws Exception {
		var before = find(get("/api/bodies?asOf=2022-10-12").body(), "CMFA");
		var after = find(get("/api/bodies?asOf=2022-10-13").body(), "CMFA");

		assertThat(before.get("name").asString()).startsWith("Meeting of Ministers of Foreign Affairs");
		assertThat(after.get("name").asString()).startsWith("Council of Ministers of Foreign Affairs");
		assertThat(find(get("/api/bodies").body(), "SWG").get("reportsTo").asString()).isEqualTo("SOC");
		assertThat(get("/api/bodies?asOf=1995-01-01").body()).noneSatisfy(body -> assertThat(body.get("code").asString()).isEqualTo("SEC"));
	}

	@Test
	void theChairmanshipAnswersWithTheTroika() throws Exception {
		var answer = get("/api/chairmanship?asOf=2020-09-24").body();

		assertThat(answer.get("chair").get("code").asString()).isEqualTo("KAZ");
		assertThat(answer.get("chair").get("name").asString()).isEqualTo("Kazakhstan");
		assertThat(answer.get("chair").get("from").asString()).isEqualTo("2020-09-24");
		assertThat(answer.get("previous").get("code").asString()).isEqualTo("TJK");
		assertThat(get("/api/chairmanship?asOf=2020-09-23").body().get("chair").get("code").asString()).isEqualTo("TJK");
		assertThat(get("/api/chairmanship?asOf=1990-01-01").body().get("chair").isNull()).isTrue();
	}

	@Test
	void meetingsCanBeFilteredByBodyAndDates() throws Exception {
		var summits = get("/api/meetings?body=CHSG&from=2002-01-01&to=2006-12-31").body();

		assertThat(summits).hasSize(2);
		assertThat(summits.get(0).get("number").asInt()).isEqualTo(1);
		assertThat(summits.get(0).get("place").asString()).isEqualTo("Almaty");
		assertThat(summits.get(0).get("host").asString()).isEqualTo("KAZ");
		assertThat(summits.get(1).get("from").asString()).isEqualTo("2006-06-17");
		var ministerials2020 = get("/api/meetings?body=cmfa&from=2020-09-24&to=2020-09-24").body();
		assertThat(ministerials2020).singleElement().satisfies(meeting -> assertThat(meeting.get("online").asBoolean()).isTrue());
		assertThat(get("/api/meetings/CHSG-2").body().get("delegations")).isNotEmpty();
	}

	@Test
	void theTimelineIsInDateOrderEachEntryWithItsSource() throws Exception {
		var timeline = get("/api/timeline?from=1992-01-01&to=2024-12-31").body();

		assertThat(timeline.size()).isGreaterThan(50);
		String previous = "";
		for (var entry : timeline) {
			assertThat(entry.get("date").asString()).isGreaterThanOrEqualTo(previous);
			assertThat(entry.get("source").asString()).as(entry.get("title").asString()).isNotBlank();
			previous = entry.get("date").asString();
		}
		assertThat(timeline).anySatisfy(entry -> {
			assertThat(entry.get("kind").asString()).isEqualTo("PROPOSAL");
			assertThat(entry.get("date").asString()).isEqualTo("1992-10-05");
		});
		assertThat(timeline).anySatisfy(entry -> {
			assertThat(entry.get("kind").asString()).isEqualTo("HANDOVER");
			assertThat(entry.get("date").asString()).isEqualTo("2020-09-24");
		});
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({
			"/api/participants?asOf=2006-13-01, 400, invalid-parameter",
			"/api/participants?asOf=yesterday, 400, invalid-parameter",
			"/api/participants?asOf=2006-02-30, 400, invalid-parameter",
			"/api/participants?status=CHAIR, 400, invalid-parameter",
			"/api/participants/counts?asOf=1999/09/14, 400, invalid-parameter",
			"/api/participants/changes?from=2020-01-01, 400, ",
			"/api/participants/changes?from=2020-01-01&to=2019-01-01, 400, invalid-parameter",
			"/api/participants/ZZZ, 404, not-found",
			"/api/participants/not-a-code!, 404, not-found",
			"/api/bodies?asOf=0000-00-00, 400, invalid-parameter",
			"/api/bodies/NOPE, 404, not-found",
			"/api/chairmanship?asOf=2020-9-24, 400, invalid-parameter",
			"/api/meetings?body=NOPE, 400, invalid-parameter",
			"/api/meetings?from=2010-01-01&to=2000-01-01, 400, invalid-parameter",
			"/api/meetings/NOPE-1, 404, not-found",
			"/api/timeline?from=2020-01-01&to=2010-01-01, 400, invalid-parameter",
			"/api/timeline?to=31.12.2020, 400, invalid-parameter",
			"/api/nothing-here, 404, not-found" })
	void badInputGetsAProblemDocumentNeverA500(String path, int status, String type) throws Exception {
		var answer = get(path.replace("!", "%21"));

		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("status").asInt()).isEqualTo(status);
		assertThat(answer.body().get("title").asString()).isNotBlank();
		assertThat(answer.body().get("detail").asString()).isNotBlank();
		if (type != null) {
			assertThat(answer.body().get("type").asString()).endsWith("/problems/" + type);
		}
	}

	@Test
	void readingThePublicPagesAndApiOpensNoSession() throws Exception {
		for (var path : new String[] { "/", "/participants?asOf=2006-06-18", "/participants/KOR", "/timeline", "/api/participants" }) {
			var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
			assertThat(response.body()).as(path).doesNotContain("jsessionid");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(
					csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
			assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		}
	}

	@Test
	void anOversizedRequestIsRefusedWithAProblemDocument() throws Exception {
		var longQuery = get("/api/participants?asOf=" + "9".repeat(20_000));
		var longHeader = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/participants"))
				.header("X-Padding", "p".repeat(20_000)).GET());

		for (var answer : java.util.List.of(longQuery, longHeader)) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.body().get("status").asInt()).isEqualTo(400);
		}
	}

	@Test
	void anAnonymousWriteIsRefusedAndChangesNothing() throws Exception {
		var before = jdbc.sql("select count(*) from participant").query(Integer.class).single();
		var answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/participants"))
				.header("Content-Type", "application/json").header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"ATL\", \"name\": ")));

		assertThat(answer.status()).as("nobody signed in, no token: refused before anything else").isEqualTo(401);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().get("type").asString()).endsWith("/problems/unauthorized");
		assertThat(jdbc.sql("select count(*) from participant").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void theOpenApiDocumentDescribesTheReadApiAndHasABrowsableUi() throws Exception {
		var document = get("/v3/api-docs").body();

		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.get("paths").propertyNames()).contains("/api/participants", "/api/participants/{code}", "/api/bodies",
				"/api/chairmanship", "/api/meetings", "/api/timeline");
		var ui = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api-docs.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		var page = ui.statusCode() == 302 ? http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ ui.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", ""))).build(),
				HttpResponse.BodyHandlers.ofString()) : ui;
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).containsIgnoringCase("swagger");
	}

	private static JsonNode find(JsonNode array, String code) {
		for (var node : array) {
			if (node.get("code").asString().equals(code)) {
				return node;
			}
		}
		throw new AssertionError(code + " not in " + array);
	}
}
