package org.kurultai.corrections;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantNames;
import org.kurultai.registry.Registry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secretariat corrects a participant's status history through the API and the participant's
 * page: the correction is recorded, the claim it supersedes stays visible with who, when and why,
 * the act is audited; a bad or forbidden correction changes nothing. The participants here are made
 * for the tests, with periods far in the future, so that the forum's counts other tests read stay
 * as the sources give them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantCorrectionsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Registry registry;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor coordinator;
	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("corrections");
		coordinator = api.coordinator("corrections", "KAZ");
		for (var code : new String[] { "QZORG", "QZPAGE", "QZBAD" }) {
			if (!registry.isRegistered(ParticipantCode.of(code))) {
				registry.enrol(Participant.organization(ParticipantCode.of(code), new ParticipantNames("Test organization " + code, null,
						"Test organization " + code, null)));
			}
		}
	}

	String history(String code) {
		return api.get("/api/participants/" + code, secretariat).json().get("history").toString();
	}

	int superseded(String code) {
		return jdbc.sql("select count(*) from status_period_superseded where participant_code = ?").param(code).query(Integer.class).single();
	}

	int audited(String code) {
		return jdbc.sql("select count(*) from audit_entry where action = 'participant.status-corrected' and subject = ?")
				.param("participant:" + code).query(Integer.class).single();
	}

	@Test
	void aCorrectionIsRecordedAndTheClaimItSupersedesStaysVisibleWithWhoWhenAndWhy() {
		var added = api.post("/api/participants/QZORG/statuses", secretariat, """
				{"status": "PARTNER", "from": "2090-01-01", "precision": "YEAR", "sources": ["note verbale 1/2090"],
				 "note": "the partnership as first notified"}""");
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(added.json().get("superseded")).isEmpty();
		assertThat(added.json().get("period").get("how").asString()).isEqualTo("recorded by the Secretariat");

		var corrected = api.post("/api/participants/qzorg/statuses", secretariat, """
				{"status": "PARTNER", "from": "2090-06-01", "precision": "MONTH", "until": null, "supersedes": "2090-01-01",
				 "sources": ["note verbale 7/2090", "https://www.s-cica.org/partners"], "note": "the note verbale of July gives June"}""");
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
		assertThat(corrected.json().get("superseded")).hasSize(1);

		var seenBySecretariat = api.get("/api/participants/QZORG", secretariat).json();
		var history = seenBySecretariat.get("history");
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("from").asString()).isEqualTo("2090-06-01");
		assertThat(history.get(0).get("precision").asString()).isEqualTo("MONTH");
		assertThat(history.get(0).get("note").asString()).isEqualTo("the note verbale of July gives June");
		assertThat(Delegations.strings(history.get(0).get("sources"))).containsExactly("note verbale 7/2090", "https://www.s-cica.org/partners");
		assertThat(history.get(0).get("decision").isNull()).isTrue();
		var claim = seenBySecretariat.get("superseded").get(0);
		assertThat(claim.get("claim").get("from").asString()).isEqualTo("2090-01-01");
		assertThat(claim.get("claim").get("precision").asString()).isEqualTo("YEAR");
		assertThat(Delegations.strings(claim.get("claim").get("sources"))).containsExactly("note verbale 1/2090");
		assertThat(claim.get("replacedBy").asString()).isEqualTo("2090-06-01");
		assertThat(claim.get("supersededBy").asString()).isEqualTo(secretariat.account().email());
		assertThat(claim.get("reason").asString()).isEqualTo("the note verbale of July gives June");
		assertThat(claim.get("supersededAt").asString()).isNotBlank();

		// the public sees that the Secretariat corrected it, not who
		var seenByThePublic = api.get("/api/participants/QZORG", null).json();
		assertThat(seenByThePublic.get("superseded").get(0).get("supersededBy").isNull()).isTrue();
		assertThat(seenByThePublic.get("superseded").get(0).get("reason").asString()).isEqualTo("the note verbale of July gives June");

		// on the page, in both languages
		var page = Jsoup.parse(api.page("/participants/QZORG", null).body());
		assertThat(page.select("#superseded .superseded-claim")).hasSize(1);
		assertThat(page.select("#superseded .superseded-reason").text()).contains("the note verbale of July gives June");
		assertThat(page.select("#superseded .superseded-by").text()).isEqualTo("by the Secretariat");
		assertThat(page.select("#correct-status")).as("the form is the Secretariat's").isEmpty();
		var russian = Jsoup.parse(get("/participants/QZORG", secretariat, "ru").body());
		assertThat(russian.select("#superseded h2").text()).isEqualTo("Заменённые сведения");
		assertThat(russian.select("#superseded .superseded-by").text()).contains(secretariat.account().email());

		assertThat(audited("QZORG")).isEqualTo(2);
	}

	@Test
	void badCorrectionsAreRefusedAndChangeNothing() {
		var first = api.post("/api/participants/QZBAD/statuses", secretariat, """
				{"status": "OBSERVER", "from": "2091-01-01", "until": "2092-01-01", "sources": ["s"], "note": "n"}""");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		var later = api.post("/api/participants/QZBAD/statuses", secretariat, """
				{"status": "OBSERVER", "from": "2093-01-01", "sources": ["s"], "note": "n"}""");
		assertThat(later.status()).as(later.toString()).isEqualTo(201);
		var history = history("QZBAD");
		var audit = audited("QZBAD");

		var refusals = new LinkedHashMap<String, String>();
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "sources": ["s"]}""", "400 note");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "sources": [" "], "note": "n"}""", "400 sources");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "note": "n"}""", "400 sources");
		refusals.put("""
				{"status": "CHAIR", "from": "2091-02-01", "sources": ["s"], "note": "n"}""", "400 status");
		refusals.put("""
				{"from": "2091-02-01", "sources": ["s"], "note": "n"}""", "400 status");
		refusals.put("""
				{"status": "OBSERVER", "sources": ["s"], "note": "n"}""", "400 from");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "precision": "WEEK", "sources": ["s"], "note": "n"}""", "400 precision");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "until": "2091-01-01", "sources": ["s"], "note": "n"}""", "400 until");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "supersedes": "2091-05-05", "sources": ["s"], "note": "n"}""", "400 supersedes");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "sources": ["s"], "note": "n", "how": "%s"}""".formatted("x".repeat(301)),
				"400 how");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-02-01", "sources": ["s"], "note": "%s"}""".formatted("x".repeat(2001)), "400 note");
		refusals.put("""
				{"status": "MEMBER", "from": "2094-01-01", "sources": ["s"], "note": "n"}""", "409 only-states-are-members");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-06-01", "sources": ["s"], "note": "n"}""", "409 status-periods-overlap");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-01-01", "until": "2093-06-01", "supersedes": "2091-01-01", "sources": ["s"], "note": "n"}""",
				"409 status-periods-overlap");
		refusals.put("""
				{"status": "OBSERVER", "from": "2091-01-01", "until": "2092-01-01", "supersedes": "2091-01-01", "sources": ["s"], "note": "n"}""",
				"409 correction-changes-nothing");
		refusals.put("""
				{"status": "OBSERVER", "from": "not a date", "sources": ["s"], "note": "n"}""", "400 -");
		refusals.put("[1, 2]", "400 -");
		refusals.forEach((body, expected) -> {
			var answer = api.post("/api/participants/QZBAD/statuses", secretariat, body);
			var status = expected.substring(0, 3);
			var detail = expected.substring(4);
			assertThat(answer.status()).as(body + " → " + answer).isEqualTo(Integer.parseInt(status));
			assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
			if (status.equals("400") && !detail.equals("-")) {
				assertThat(answer.json().get("parameter").asString()).as(body + " → " + answer).isEqualTo(detail);
			}
			else if (status.equals("409")) {
				assertThat(answer.json().get("type").asString()).as(body + " → " + answer).endsWith("/" + detail);
			}
		});
		var unknown = api.post("/api/participants/NOSUCH/statuses", secretariat, """
				{"status": "OBSERVER", "from": "2091-02-01", "sources": ["s"], "note": "n"}""");
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);

		assertThat(history("QZBAD")).isEqualTo(history);
		assertThat(superseded("QZBAD")).isZero();
		assertThat(audited("QZBAD")).isEqualTo(audit);
	}

	@Test
	void onlyTheSecretariatCorrects() {
		var history = history("QZBAD");
		var body = """
				{"status": "OBSERVER", "from": "2099-01-01", "sources": ["s"], "note": "n"}""";

		var byCoordinator = api.post("/api/participants/QZBAD/statuses", coordinator, body);
		assertThat(byCoordinator.status()).as(byCoordinator.toString()).isEqualTo(403);
		assertThat(api.post("/api/participants/QZBAD/statuses", null, body).status()).isEqualTo(401);
		var byPage = post("/participants/QZBAD/statuses", coordinator, Map.of("status", "OBSERVER", "from", "2099-01-01", "sources", "s",
				"note", "n"));
		assertThat(byPage.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(api.page("/participants/QZBAD", coordinator).body()).select("#correct-status")).isEmpty();

		assertThat(history("QZBAD")).isEqualTo(history);
	}

	@Test
	void theSecretariatCorrectsFromTheParticipantsPageAndARefusedFormComesBackAsTyped() {
		var page = Jsoup.parse(api.page("/participants/QZPAGE", secretariat).body());
		assertThat(page.select("form#correct-status")).hasSize(1);

		var refused = post("/participants/QZPAGE/statuses", secretariat, Map.of("supersedes", "", "status", "OBSERVER", "from", "2095-03-01",
				"precision", "MONTH", "until", "2095-01-01", "sources", "note verbale 3/2095", "note", "as notified"));
		assertThat(refused.statusCode()).isEqualTo(400);
		var again = Jsoup.parse(refused.body());
		assertThat(again.select("#error-correct-status-until").text()).contains("must come after the first day");
		assertThat(again.select("#correct-status input[name=from]").val()).isEqualTo("2095-03-01");
		assertThat(again.select("#correct-status textarea[name=note]").val()).isEqualTo("as notified");
		assertThat(again.select("#correct-status textarea[name=sources]").val()).isEqualTo("note verbale 3/2095");
		assertThat(again.select("#correct-status select[name=precision] option[selected]").val()).isEqualTo("MONTH");
		assertThat(again.select("#correct-status input[name=until]").attr("aria-invalid")).isEqualTo("true");
		var badDate = post("/participants/QZPAGE/statuses", secretariat, Map.of("status", "OBSERVER", "from", "March 2095", "sources", "s",
				"note", "n"));
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badDate.body()).select("#error-correct-status-from").text()).contains("March 2095");
		var overlap = post("/participants/QZPAGE/statuses", secretariat, Map.of("status", "MEMBER", "from", "2095-03-01", "sources", "s",
				"note", "n"));
		assertThat(overlap.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(overlap.body()).select("#error-correct-status").text()).contains("only States can be members");
		assertThat(history("QZPAGE")).isEqualTo("[]");

		var recorded = post("/participants/QZPAGE/statuses", secretariat, Map.of("supersedes", "", "status", "OBSERVER", "from", "2095-03-01",
				"precision", "MONTH", "sources", "note verbale 3/2095\nhttps://www.s-cica.org/observers", "note", "as notified"));
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
		assertThat(recorded.headers().firstValue("Location").orElseThrow()).endsWith("/participants/QZPAGE#history");
		var shown = Jsoup.parse(api.page("/participants/QZPAGE", null).body());
		assertThat(shown.select("#history tbody tr")).hasSize(1);
		assertThat(shown.select("#history tbody tr").text()).contains("recorded by the Secretariat").contains("as notified");
		assertThat(Delegations.strings(api.get("/api/participants/QZPAGE", null).json().get("history").get(0).get("sources")))
				.containsExactly("note verbale 3/2095", "https://www.s-cica.org/observers");
		assertThat(audited("QZPAGE")).isEqualTo(1);
	}

	HttpResponse<String> post(String path, Actor actor, Map<String, String> fields) {
		var body = fields.entrySet().stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + actor.token())
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	HttpResponse<String> get(String path, Actor actor, String language) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + actor.token())
				.header("Accept", "text/html").header("Accept-Language", language).GET());
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
