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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Secretariat corrects the organs' history through the API and the pages: the earlier entry stays visible as
 * superseded, with who (to the Secretariat), when and why; a refused correction answers 4xx and changes nothing; only
 * the Secretariat may; every correction is audited. The corrections keep the entries' dates, so the CICA history other
 * tests read stays as it is (only sources and notes change).
 */
@IntegrationTest
class OrganCorrectionsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired JdbcClient jdbc;

	Delegations delegations;
	Actor officer;

	@BeforeEach
	void setUp() {
		delegations = new Delegations(port, accounts, tokens);
		officer = delegations.secretariat("organ-corrections");
	}

	String snapshot() {
		return String.join("|", jdbc.sql("select coalesce(string_agg(t::text, ';' order by starts_on), '') from chair_term t").query(String.class).single(),
				jdbc.sql("select coalesce(string_agg(h::text, ';' order by valid_from, person), '') from secretariat_head h").query(String.class).single(),
				jdbc.sql("select coalesce(string_agg(n::text, ';' order by body_code, valid_from), '') from body_name n").query(String.class).single(),
				jdbc.sql("select count(*)::text from organ_superseded_claim").query(String.class).single(),
				jdbc.sql("select count(*)::text from audit_entry").query(String.class).single());
	}

	int audited(String action, String actor) {
		return jdbc.sql("select count(*) from audit_entry where action = ? and actor = ?").params(action, actor).query(Integer.class).single();
	}

	static JsonNode find(JsonNode array, String field, String value) {
		for (var node : array) {
			if (value.equals(node.get(field).asString())) {
				return node;
			}
		}
		throw new AssertionError("no " + field + " " + value + " in " + array);
	}

	@Test
	void aCorrectedChairTermSupersedesTheEarlierOneWhichStaysVisible() {
		var before = find(delegations.get("/api/chairmanship/terms", null).json(), "code", "TJK");
		var answer = delegations.post("/api/chairmanship/terms", officer, """
				{"chair": "tjk", "from": "2018-09-24", "until": "2020-09-24", "corrects": "2018-09-24",
				 "sources": ["https://www.mfa.tj/index.php/en/main/view/3950", "  "], "note": "The Foreign Ministry of Tajikistan confirms the dates."}""");

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		assertThat(answer.json().get("superseded").get("subject").asString()).isEqualTo("TJK");
		var term = find(delegations.get("/api/chairmanship/terms", null).json(), "code", "TJK");
		assertThat(term.get("sources").get(0).asString()).isEqualTo("https://www.mfa.tj/index.php/en/main/view/3950");
		assertThat(term.get("sources")).hasSize(1);
		assertThat(term.get("decidedOn").asString()).as("what the correction leaves out is kept").isEqualTo("2018-09-24");
		assertThat(term.get("handoverOccasion").asString()).isEqualTo(before.get("handoverOccasion").asString());
		assertThat(term.get("decision").toString()).as("the decision that elected Tajikistan from that day still caused the term")
				.isEqualTo(before.get("decision").toString());

		var publicView = delegations.get("/api/chairmanship?asOf=2019-01-01", null).json().get("superseded");
		var claim = find(publicView, "subject", "TJK");
		assertThat(claim.get("from").asString()).isEqualTo("2018-09-24");
		assertThat(claim.get("sources").toString()).isEqualTo(before.get("sources").toString());
		assertThat(claim.get("reason").asString()).isEqualTo("The Foreign Ministry of Tajikistan confirms the dates.");
		assertThat(claim.get("supersededBy").isNull()).as("who corrected is told to the Secretariat only").isTrue();
		assertThat(claim.get("supersededAt").asString()).isNotBlank();
		var secretariatView = find(delegations.get("/api/chairmanship", officer).json().get("superseded"), "subject", "TJK");
		assertThat(secretariatView.get("supersededBy").asString()).isEqualTo(officer.account().email());
		assertThat(audited("organs.correction.chair_term", officer.account().email())).isEqualTo(1);

		var page = delegations.page("/chairmanship", null);
		assertThat(page.body()).contains("id=\"superseded-terms\"").contains("The Foreign Ministry of Tajikistan confirms the dates.")
				.doesNotContain(officer.account().email()).doesNotContain("id=\"chair-term-correction\"");
		assertThat(delegations.page("/chairmanship", officer).body()).contains("id=\"chair-term-correction\"")
				.contains(officer.account().email());
	}

	@Test
	void aCorrectedHeadAndBodyNameKeepTheirEarlierEntries() {
		var head = delegations.post("/api/secretariat/heads", officer, """
				{"person": "Gong Jianwei", "from": "2014-05-21", "until": "2018-09-24", "corrects": "2014-05-21",
				 "sources": ["http://www.s-cica.org/page.php?page_id=9"], "note": "One source suffices for the dates."}""");
		assertThat(head.status()).as(head.body()).isEqualTo(201);
		var secretariat = delegations.get("/api/secretariat", null).json();
		var gong = find(secretariat.get("heads"), "person", "Gong Jianwei");
		assertThat(gong.get("nationality").asString()).as("a nationality left out is kept").isEqualTo("CHN");
		assertThat(gong.get("sources")).hasSize(1);
		assertThat(find(secretariat.get("superseded"), "subject", "Gong Jianwei").get("sources").size()).isEqualTo(2);
		assertThat(audited("organs.correction.secretariat_head", officer.account().email())).isEqualTo(1);

		var name = delegations.post("/api/bodies/yc/names", officer, """
				{"name": "CICA Youth Council", "corrects": "CICA Youth Council", "sources": ["https://www.s-cica.org/youth"],
				 "note": "The Council's own page."}""");
		assertThat(name.status()).as(name.body()).isEqualTo(201);
		var body = delegations.get("/api/bodies/YC", null).json();
		assertThat(body.get("superseded")).hasSize(1);
		assertThat(body.get("superseded").get(0).get("reason").asString()).isEqualTo("The Council's own page.");
		assertThat(body.get("names").get(0).get("sources").get(0).asString()).isEqualTo("https://www.s-cica.org/youth");
		assertThat(body.get("names").get(0).get("decision").isNull()).isTrue();
		assertThat(delegations.page("/bodies/YC", null).body()).contains("id=\"superseded-names\"");
		assertThat(audited("organs.correction.body_name", officer.account().email())).isEqualTo(1);
	}

	@Test
	void aRefusedCorrectionAnswers4xxAndChangesNothing() {
		var before = snapshot();
		String[][] refused = {
				// overlapping the next term: a rule of the forum
				{ "/api/chairmanship/terms", """
						{"chair": "TJK", "from": "2018-09-24", "until": "2021-01-01", "corrects": "2018-09-24", "sources": ["x"], "note": "n"}""",
						"409", null },
				{ "/api/chairmanship/terms", """
						{"chair": "TJK", "from": "2018-09-24", "corrects": "2018-09-24", "sources": [], "note": "n"}""", "400", "sources" },
				{ "/api/chairmanship/terms", """
						{"chair": "TJK", "from": "2018-09-24", "corrects": "2018-09-24", "sources": ["x"], "note": " "}""", "400", "note" },
				{ "/api/chairmanship/terms", """
						{"chair": "XYZ", "from": "2030-01-01", "sources": ["x"], "note": "n"}""", "400", "chair" },
				{ "/api/chairmanship/terms", """
						{"chair": "UN", "from": "2030-01-01", "sources": ["x"], "note": "n"}""", "400", "chair" },
				{ "/api/chairmanship/terms", """
						{"chair": "KAZ", "from": "2030-01-01", "corrects": "1999-01-01", "sources": ["x"], "note": "n"}""", "400", "corrects" },
				{ "/api/chairmanship/terms", """
						{"chair": "KAZ", "from": "2030-01-01", "until": "2029-01-01", "sources": ["x"], "note": "n"}""", "400", "until" },
				{ "/api/chairmanship/terms", "{\"chair\": \"KAZ\", \"from\": \"2030-13-01\"}", "400", null },
				{ "/api/secretariat/heads", """
						{"person": "Someone", "from": "2016-01-01", "sources": ["x"], "note": "n"}""", "409", null },
				{ "/api/secretariat/heads", """
						{"person": "Someone", "nationality": "NOPE", "from": "2001-01-01", "until": "2002-01-01", "sources": ["x"], "note": "n"}""",
						"400", "nationality" },
				{ "/api/bodies/SOC/names", """
						{"name": "Other", "corrects": "No such name", "sources": ["x"], "note": "n"}""", "400", "corrects" },
				{ "/api/bodies/SOC/names", """
						{"name": "Overlapping", "from": "2000-01-01", "sources": ["x"], "note": "n"}""", "409", null },
				{ "/api/bodies/NOPE/names", """
						{"name": "Other", "sources": ["x"], "note": "n"}""", "404", null } };
		for (var row : refused) {
			var answer = delegations.post(row[0], officer, row[1]);
			assertThat(answer.status()).as(row[1] + " → " + answer.body()).isEqualTo(Integer.parseInt(row[2]));
			assertThat(answer.contentType()).startsWith("application/problem+json");
			if (row[3] != null) {
				assertThat(answer.body()).as(row[1]).contains(row[3]);
			}
		}
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void onlyTheSecretariatCorrects() {
		var coordinator = delegations.coordinator("organ-corrections", "KAZ");
		var before = snapshot();
		var body = """
				{"chair": "KAZ", "from": "2030-01-01", "until": "2031-01-01", "sources": ["x"], "note": "n"}""";

		assertThat(delegations.post("/api/chairmanship/terms", coordinator, body).status()).isEqualTo(403);
		assertThat(delegations.post("/api/chairmanship/terms", null, body).status()).isEqualTo(401);
		assertThat(delegations.post("/api/secretariat/heads", coordinator, body).status()).isEqualTo(403);
		assertThat(delegations.post("/api/bodies/SOC/names", coordinator, body).status()).isEqualTo(403);
		assertThat(form("/chairmanship/terms", coordinator, Map.of("chair", "KAZ")).statusCode()).isEqualTo(403);
		assertThat(delegations.page("/bodies/SOC", coordinator).body()).doesNotContain("id=\"body-name-correction\"");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aRefusedPageFormComesBackWithTheMessageBesideTheFieldAndWhatWasTyped() {
		var before = snapshot();
		var typed = new LinkedHashMap<String, String>();
		typed.put("corrects", "");
		typed.put("person", "Typed Person");
		typed.put("from", "2001-01-01");
		typed.put("until", "2000-01-01");
		typed.put("sources", "a typed source");
		typed.put("note", "a typed note");
		var refused = form("/secretariat/heads", officer, typed);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"error-secretariat-head-correction-until\"").contains("value=\"Typed Person\"")
				.contains("a typed note").contains("a typed source");
		var overlapping = form("/bodies/SOC/names", officer, Map.of("name", "Overlapping", "from", "2000-01-01", "sources", "x", "note", "n"));
		assertThat(overlapping.statusCode()).isEqualTo(409);
		assertThat(overlapping.body()).contains("id=\"error-body-name-correction\"").contains("value=\"Overlapping\"");
		var russian = form("/chairmanship/terms", officer, Map.of("chair", "KAZ", "from", "2030-01-01", "note", "n"), "ru");
		assertThat(russian.statusCode()).isEqualTo(400);
		assertThat(russian.body()).contains("id=\"error-chair-term-correction-sources\"").contains("хотя бы один источник");
		assertThat(snapshot()).isEqualTo(before);
	}

	HttpResponse<String> form(String path, Actor actor, Map<String, String> fields) {
		return form(path, actor, fields, "en");
	}

	HttpResponse<String> form(String path, Actor actor, Map<String, String> fields, String language) {
		var body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
				+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + actor.token()).header("Accept", "text/html")
					.header("Accept-Language", language).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
