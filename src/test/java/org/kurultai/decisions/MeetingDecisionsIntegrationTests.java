package org.kurultai.decisions;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions at a meeting: taken only while the meeting is in session (its days include today in the
 * forum's zone, from the injected clock), and their pages answer everyone who may see them, also
 * the Secretariat and experts, who act for no State.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingDecisionsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor chair;
	Actor expert;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("in-session");
		chair = api.coordinator("in-session", "AZE");
		expert = api.actor("in-session.expert@think-tank.example", Role.EXPERT, null);
	}

	private String table() {
		var response = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Statement on sessions", "body": "SOC", "access": "PUBLIC", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We meet."}}]}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String meeting(LocalDate from, LocalDate until) {
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Session", "from": "%s", "until": "%s", "place": "Astana"}""".formatted(from, until));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private Delegations.Response propose(String document, String meeting) {
		return api.post("/api/decisions", chair, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ"]}"""
				.formatted(document, meeting));
	}

	private int decisionsOn(String document) {
		return jdbc.sql("select count(*) from decision where document_id = ?").param(document).query(Integer.class).single();
	}

	@Test
	void aDecisionAtAMeetingIsTakenOnlyWhileTheMeetingIsInSession() {
		var today = clock.today();
		var document = table();
		var planned = meeting(today.plusWeeks(3), today.plusWeeks(3).plusDays(1));
		var refused = propose(document, planned);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).endsWith("/meeting-not-in-session");
		var ended = meeting(today.minusDays(3), today.minusDays(1));
		assertThat(propose(document, ended).json().get("type").asString()).endsWith("/meeting-not-in-session");
		var startsTomorrow = meeting(today.plusDays(1), today.plusDays(2));
		assertThat(propose(document, startsTomorrow).status()).isEqualTo(409);
		assertThat(decisionsOn(document)).as("nothing written").isZero();

		// its last day is still a day of the session
		var sitting = meeting(today.minusDays(2), today);
		var taken = propose(document, sitting);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + taken.json().get("id").asLong() + "/close", chair, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");
	}

	@Test
	void anItemLeftOpenIsNotClosedOnceTheMeetingHasEnded() {
		var today = clock.today();
		var document = table();
		var meeting = meeting(today, today.plusDays(1));
		var taken = propose(document, meeting);
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		// the meeting ended (recorded, as the Secretariat would after the fact, as two days before today)
		jdbc.sql("update meeting set starts_on = ?, ends_on = ? where id = ?").params(today.minusDays(3), today.minusDays(2), meeting).update();
		var refused = api.post("/api/decisions/" + taken.json().get("id").asLong() + "/close", chair, null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).endsWith("/meeting-not-in-session");
		assertThat(api.get("/api/decisions/" + taken.json().get("id").asLong(), chair).json().get("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void theSecretariatAndExpertsSeeADecisionTakenAtAMeeting() {
		var today = clock.today();
		var document = table();
		var taken = propose(document, meeting(today, today));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		long id = taken.json().get("id").asLong();
		for (var viewer : new Actor[] { secretariat, expert, chair, null }) {
			for (var path : new String[] { "/decisions/" + id, "/decisions/" + id + "/status" }) {
				var page = api.page(path, viewer);
				assertThat(page.status()).as(path + " as " + (viewer == null ? "the public" : viewer.account().role()) + ": " + page.status())
						.isEqualTo(200);
			}
		}
		assertThat(api.get("/api/decisions/" + id, expert).status()).isEqualTo(200);
	}
}
