package org.kurultai.platform;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The causes of 500 that fuzzing found, one test each: every one is now a 4xx (a problem document on
 * the API) or an ordinary page, and bad input writes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzFindingsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	Delegations api;
	RawHttp raw;
	Actor secretariat;

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		raw = new RawHttp(port);
		secretariat = api.secretariat("fuzz-findings");
	}

	private static void assertProblem(RawHttp.Response response, int status, String what) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
		assertThat(response.contentType()).as(what).startsWith("application/problem+json");
		var problem = JsonMapper.builder().build().readTree(response.body());
		assertThat(problem.get("type").asString()).as(what).startsWith("https://");
		assertThat(problem.get("title").asString()).as(what).isNotBlank();
		assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
	}

	@Test
	void aMalformedQueryStringOnTheApiIsA400Problem() {
		var targets = List.of("/api/documents?status=%ED%A0%80", "/api/participants?=x", "/api/meetings?a=%zz", "/api/decisions?x=%",
				"/api/participants/KAZ?%C0%AF=1", "/api/secretariat?=x", "/api/cbm/reports?year=%FF", "/api/timeline?from=%ED%A0%80&to=2020-01-01");
		for (var target : targets) {
			for (var bearer : new String[] { null, secretariat.token() }) {
				assertProblem(raw.send("GET", target, bearer, null, null, "application/json"), 400, target);
			}
		}
		// a write with a malformed query string is refused before anything is written
		int acts = audit.find(new AuditQuery(secretariat.account().email(), null, null, null, null, 500)).size();
		int meetings = jdbc.sql("select count(*) from meeting").query(Integer.class).single();
		assertProblem(raw.send("POST", "/api/meetings?x=%zz", secretariat.token(), "application/json",
				"{\"body\": \"SOC\", \"title\": \"Malformed\", \"from\": \"2026-01-01\"}", "application/json"), 400, "POST");
		assertThat(audit.find(new AuditQuery(secretariat.account().email(), null, null, null, null, 500))).hasSize(acts);
		assertThat(jdbc.sql("select count(*) from meeting").query(Integer.class).single()).isEqualTo(meetings);
		// pages answer 400 too
		assertThat(raw.send("GET", "/documents?status=%zz", null, null, null, "text/html").status()).isEqualTo(400);
	}

	@Test
	void commitmentsOnADayBeforeTheFirstEditionAreAnOrdinaryPage() {
		for (var day : List.of("1990-01-01", "2001-06-01", "0001-01-01")) {
			var page = api.page("/commitments?asOf=" + day, null);
			assertThat(page.status()).as(day + " " + page.status()).isEqualTo(200);
			assertThat(page.body()).contains("No commitment recorded.");
		}
		assertThat(api.page("/commitments?asOf=1990-01-01&participant=KAZ", null).status()).isEqualTo(200);
	}

	@Test
	void implementationReportsOfAYearOutOfRangeAreRefused() {
		for (var year : List.of("2147483647", "-2147483648", "1000", "99999")) {
			var page = api.page("/cbm/reports?year=" + year, null);
			assertThat(page.status()).as(year).isEqualTo(400);
		}
		assertThat(api.page("/cbm/reports?year=2024", null).status()).isEqualTo(200);
		assertThat(api.get("/api/cbm/reports?year=2147483647", null).status()).isEqualTo(200);
	}

	@Test
	void changesBetweenDaysNoOneCanWriteAreRefused() {
		for (var query : List.of("to=-999999999-01-01", "from=-999999999-01-01", "to=+999999999-12-31", "from=+999999999-12-31")) {
			var page = api.page("/changes?" + query, null);
			assertThat(page.status()).as(query).isEqualTo(400);
		}
		assertThat(api.page("/changes?to=0005-01-01", null).status()).isEqualTo(200);
		assertThat(api.page("/changes?from=2000-01-01&to=2010-01-01", null).status()).isEqualTo(200);
	}

	@Test
	void anEventWithABlankParticipantIsRefusedAndNothingIsWritten() {
		int events = jdbc.sql("select count(*) from cbm_event").query(Integer.class).single();
		int acts = audit.find(new AuditQuery(secretariat.account().email(), null, null, null, null, 500)).size();
		for (var participating : List.of("[\" \"]", "[\"\"]", "[\"KAZ\", \"  \"]")) {
			var refused = api.post("/api/cbm/events", secretariat, """
					{"title": "Seminar", "kind": "SEMINAR", "priorityArea": "ECON-GENERAL", "from": "2025-05-05", "participating": %s}"""
					.formatted(participating));
			assertThat(refused.status()).as(participating + " " + refused).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("parameter").asString()).isEqualTo("participating");
		}
		assertThat(jdbc.sql("select count(*) from cbm_event").query(Integer.class).single()).isEqualTo(events);
		assertThat(audit.find(new AuditQuery(secretariat.account().email(), null, null, null, null, 500))).hasSize(acts);
	}
}
