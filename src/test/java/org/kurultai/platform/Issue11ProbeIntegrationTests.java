package org.kurultai.platform;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.organs.Organs;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defects found by probing the work on issue 11 (decisions with effects, inline texts, applications, corrections) as an
 * attacker and a careful user would; each test failed before its fix.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Issue11ProbeIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired Organs organs;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor japan;
	Actor azerbaijan;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("probe11");
		kazakhstan = api.coordinator("probe11", "KAZ");
		japan = api.coordinator("probe11", "JPN");
		azerbaijan = api.coordinator("probe11", "AZE");
	}

	/** A page as a browser set to that language asks for it, as the actor. */
	private java.net.http.HttpResponse<String> pageIn(String path, Actor actor, String language) {
		try {
			return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
					.header("Accept", "text/html").header("Accept-Language", language).header("Authorization", "Bearer " + actor.token()).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	/** A State's code that no participant has yet (three letters, starting with Q). */
	private String freshCode() {
		while (true) {
			var random = ThreadLocalRandom.current();
			var code = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
			if (api.get("/api/participants/" + code, null).status() == 404) {
				return code;
			}
		}
	}

	/** A new participant without status (enrolled by recording its application), and the application's id. */
	private long applicant(String code, String access) {
		var recorded = api.post("/api/applications", secretariat, """
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Probeland %s", "nameRu": "Пробландия %s"},
				 "status": "OBSERVER", "receivedOn": "%s", "reference": "Probe %s", "access": "%s"}"""
				.formatted(code, code, code, clock.today(), code, access));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		return recorded.json().get("id").asLong();
	}

	private String meetingOfTheCouncilToday() {
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Probe Council %s", "from": "%s", "until": "%s", "place": "Astana"}"""
				.formatted(System.nanoTime(), clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		return meeting.json().get("id").asString();
	}

	private Delegations.Response proposeAtCouncil(String meeting, String text, String effects) {
		return api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE", "CHN"],
				 "text": {"en": "%s"}, "effects": %s}""".formatted(meeting, text, effects));
	}

	/** An admission whose end ('until') precedes the day it takes effect (the adoption day) never writes a period ending before it begins. */
	@Test
	void anAdmissionEndingBeforeTheAdoptionDayWritesNoBackwardPeriod() {
		var code = freshCode();
		applicant(code, "SECRETARIAT");
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council admits " + code + " until 2000.",
				"[{\"kind\": \"ADMIT\", \"participant\": \"%s\", \"status\": \"OBSERVER\", \"until\": \"2000-01-01\"}]".formatted(code));
		if (proposed.status() == 400) {
			return; // refused at the proposal: nothing to adopt
		}
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + proposed.json().get("id").asLong() + "/close", secretariat, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().at("/effects/0/refusal").isNull()).as(closed.toString()).isFalse();
		assertThat(api.get("/api/participants/" + code, null).json().get("history")).as("no period ending before it begins").isEmpty();
	}

	/** A NUL in an effect's term or in an inline text reaches PostgreSQL: a 400 naming the field, not a 409, and nothing written. */
	@Test
	void aNulInAnEffectOrAnInlineTextIsA400() {
		int decisions = count("decision");
		int documents = count("document");
		var meeting = meetingOfTheCouncilToday();
		var inEffect = proposeAtCouncil(meeting, "The Council renames the Fund.",
				"[{\"kind\": \"RENAME_BODY\", \"body\": \"SOC\", \"name\": \"Senior\\u0000Officials\"}]");
		assertThat(inEffect.status()).as(inEffect.toString()).isEqualTo(400);
		var inText = proposeAtCouncil(meeting, "The Council\\u0000 decides.", "[]");
		assertThat(inText.status()).as(inText.toString()).isEqualTo(400);
		var inTitle = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "title": "A\\u0000B",
				 "text": {"en": "The Council decides."}}""".formatted(meeting));
		assertThat(inTitle.status()).as(inTitle.toString()).isEqualTo(400);
		var inLanguage = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "text": {"e\\u0000": "The Council decides."}}"""
				.formatted(meeting));
		assertThat(inLanguage.status()).as(inLanguage.toString()).isEqualTo(400);
		assertThat(count("decision")).isEqualTo(decisions);
		assertThat(count("document")).isEqualTo(documents);
	}

	/** An inline text in a language the forum does not work in (or not a language at all) is refused, naming the text. */
	@Test
	void anInlineTextInAnUnknownLanguageIsRefused() {
		int documents = count("document");
		var meeting = meetingOfTheCouncilToday();
		for (var language : new String[] { "xx", "<b>", "en-GB-oed", "12" }) {
			var odd = api.post("/api/decisions", secretariat, """
					{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "text": {"%s": "The Council decides."}}"""
					.formatted(meeting, language));
			assertThat(odd.status()).as(language + ": " + odd).isEqualTo(400);
		}
		assertThat(count("document")).isEqualTo(documents);
	}

	/** An effect dated outside the years the records speak of (1 to 9999) is refused at the proposal, never stored. */
	@Test
	void anEffectDatedOutsideTheRecordsIsRefused() {
		int decisions = count("decision");
		var code = freshCode();
		applicant(code, "PARTICIPANTS");
		var meeting = meetingOfTheCouncilToday();
		for (var day : new String[] { "+10000-01-01", "-0001-01-01", "+999999-12-31" }) {
			var odd = proposeAtCouncil(meeting, "The Council admits " + code + ".",
					"[{\"kind\": \"ADMIT\", \"participant\": \"%s\", \"status\": \"OBSERVER\", \"effectiveOn\": \"%s\"}]".formatted(code, day));
			assertThat(odd.status()).as(day + ": " + odd).isEqualTo(400);
			var chair = proposeAtCouncil(meeting, "The Council elects India.",
					"[{\"kind\": \"ELECT_CHAIR\", \"participant\": \"IND\", \"until\": \"%s\"}]".formatted(day));
			assertThat(chair.status()).as(day + ": " + chair).isEqualTo(400);
		}
		assertThat(count("decision")).isEqualTo(decisions);
	}

	/** A NUL in a correction of a participant's history: a 400, not a 409 from the database. */
	@Test
	void aNulInAStatusCorrectionIsA400() {
		var code = freshCode();
		applicant(code, "PARTICIPANTS");
		for (var body : new String[] {
				"{\"status\": \"OBSERVER\", \"from\": \"2020-01-01\", \"sources\": [\"https://a.example\"], \"note\": \"A\\u0000B\"}",
				"{\"status\": \"OBSERVER\", \"from\": \"2020-01-01\", \"sources\": [\"https://a.example/\\u0000\"], \"note\": \"AB\"}",
				"{\"status\": \"OBSERVER\", \"from\": \"2020-01-01\", \"sources\": [\"https://a.example\"], \"note\": \"AB\", \"how\": \"\\u0000\"}" }) {
			var refused = api.post("/api/participants/" + code + "/statuses", secretariat, body);
			assertThat(refused.status()).as(body + ": " + refused).isEqualTo(400);
		}
		assertThat(api.get("/api/participants/" + code, null).json().get("history")).isEmpty();
	}

	/** A NUL in an application's reference or note, or in a new participant's name: a 400 and nothing enrolled. */
	@Test
	void aNulInAnApplicationIsA400() {
		var code = freshCode();
		for (var body : new String[] {
				"{\"newParticipant\": {\"code\": \"%s\", \"kind\": \"STATE\", \"nameEn\": \"A\\u0000B\", \"nameRu\": \"Б\"}, \"status\": \"OBSERVER\", \"receivedOn\": \"%s\", \"reference\": \"R\"}",
				"{\"newParticipant\": {\"code\": \"%s\", \"kind\": \"STATE\", \"nameEn\": \"AB\", \"nameRu\": \"Б\"}, \"status\": \"OBSERVER\", \"receivedOn\": \"%s\", \"reference\": \"R\\u0000\"}",
				"{\"newParticipant\": {\"code\": \"%s\", \"kind\": \"STATE\", \"nameEn\": \"AB\", \"nameRu\": \"Б\"}, \"status\": \"OBSERVER\", \"receivedOn\": \"%s\", \"reference\": \"R\", \"note\": \"\\u0000\"}" }) {
			var refused = api.post("/api/applications", secretariat, body.formatted(code, clock.today()));
			assertThat(refused.status()).as(body + ": " + refused).isEqualTo(400);
		}
		assertThat(api.get("/api/participants/" + code, null).status()).isEqualTo(404);
	}

	/** Only the Secretariat corrects the history or records an application: a delegation (even the chair's) is refused, nothing written. */
	@Test
	void delegationsNeitherCorrectNorRecordApplications() {
		var code = freshCode();
		for (var actor : new Actor[] { azerbaijan, japan, null }) {
			var application = api.post("/api/applications", actor, """
					{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "X", "nameRu": "Х"}, "status": "OBSERVER",
					 "receivedOn": "%s", "reference": "R"}""".formatted(code, clock.today()));
			assertThat(application.status()).as(application.toString()).isIn(401, 403);
			var status = api.post("/api/participants/KAZ/statuses", actor,
					"{\"status\": \"OBSERVER\", \"from\": \"1993-01-01\", \"until\": \"1994-01-01\", \"sources\": [\"s\"], \"note\": \"n\"}");
			assertThat(status.status()).as(status.toString()).isIn(401, 403);
			var term = api.post("/api/chairmanship/terms", actor,
					"{\"chair\": \"AZE\", \"from\": \"2030-01-01\", \"sources\": [\"s\"], \"note\": \"n\"}");
			assertThat(term.status()).as(term.toString()).isIn(401, 403);
			var name = api.post("/api/bodies/SOC/names", actor, "{\"name\": \"X\", \"sources\": [\"s\"], \"note\": \"n\"}");
			assertThat(name.status()).as(name.toString()).isIn(401, 403);
			var head = api.post("/api/secretariat/heads", actor, "{\"person\": \"X\", \"from\": \"2030-01-01\", \"sources\": [\"s\"], \"note\": \"n\"}");
			assertThat(head.status()).as(head.toString()).isIn(401, 403);
		}
		assertThat(api.get("/api/participants/" + code, null).status()).isEqualTo(404);
	}

	/** An application the Secretariat keeps to itself is seen by no delegation and not by the public, through any read. */
	@Test
	void anApplicationForTheSecretariatIsSeenByNoOneElse() {
		var code = freshCode();
		long id = applicant(code, "SECRETARIAT");
		assertThat(api.get("/api/applications/" + id, secretariat).status()).isEqualTo(200);
		for (var actor : new Actor[] { azerbaijan, japan, kazakhstan, null }) {
			assertThat(api.get("/api/applications/" + id, actor).status()).isIn(401, 404);
			assertThat(api.get("/api/applications", actor).body()).doesNotContain("Probe " + code);
			assertThat(api.page("/applications", actor).body()).doesNotContain("Probe " + code).doesNotContain("/applications/" + id + "\"");
			assertThat(api.page("/applications/" + id, actor).status()).isIn(401, 404);
			assertThat(api.get("/api/me/tasks", actor).body()).doesNotContain("Probe " + code);
		}
	}

	/** The chair's delegation proposing on an application it may not see learns nothing of it (not even whose it is). */
	@Test
	void theChairLearnsNothingOfAnApplicationItMayNotSee() {
		var code = freshCode();
		long id = applicant(code, "SECRETARIAT");
		var meeting = meetingOfTheCouncilToday();
		var probe = api.post("/api/decisions", azerbaijan, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "text": {"en": "The Council decides."},
				 "application": %d}""".formatted(meeting, id));
		var unknown = api.post("/api/decisions", azerbaijan, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "text": {"en": "The Council decides."},
				 "application": %d}""".formatted(meeting, Long.MAX_VALUE));
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(probe.status()).as(probe.toString()).isEqualTo(unknown.status());
		assertThat(probe.body()).doesNotContain(code);
		assertThat(probe.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString().replace(String.valueOf(Long.MAX_VALUE), String.valueOf(id)));
	}

	/** An inline decision text for the Secretariat only stays hidden from the delegations and the public, also once adopted. */
	@Test
	void anInlineTextForTheSecretariatDoesNotLeak() {
		var phrase = "Secret probe phrase " + System.nanoTime();
		var meeting = meetingOfTheCouncilToday();
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE"], "access": "SECRETARIAT",
				 "text": {"en": "%s."}}""".formatted(meeting, phrase));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		var document = proposed.json().get("document").asString();
		for (int round = 0; round < 2; round++) {
			for (var actor : new Actor[] { azerbaijan, japan, null }) {
				assertThat(api.get("/api/decisions", actor).body()).doesNotContain(phrase).doesNotContain("\"id\":" + id + ",");
				assertThat(api.get("/api/decisions/" + id, actor).status()).isEqualTo(404);
				assertThat(api.page("/decisions/" + id, actor).status()).isEqualTo(404);
				assertThat(api.page("/decisions", actor).body()).doesNotContain(phrase);
				assertThat(api.get("/api/documents", actor).body()).doesNotContain(phrase).doesNotContain(document);
				assertThat(api.get("/api/documents/" + document, actor).status()).isEqualTo(404);
				assertThat(api.get("/api/me/tasks", actor).body()).doesNotContain(phrase);
				assertThat(api.page("/meetings/" + meeting, actor).body()).doesNotContain(phrase);
			}
			if (round == 0) {
				var closed = api.post("/api/decisions/" + id + "/close", secretariat, null);
				assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
				assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");
			}
		}
	}

	/** Once adopted, a decision can be neither withdrawn nor closed again, and its effect applied once only. */
	@Test
	void anAdoptedDecisionIsNeitherWithdrawnNorClosedAgain() {
		var code = freshCode();
		applicant(code, "PARTICIPANTS");
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council admits " + code + ".",
				"[{\"kind\": \"ADMIT\", \"participant\": \" %s \", \"status\": \"observer\"}]".formatted(code.toLowerCase(java.util.Locale.ROOT)));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		assertThat(api.post("/api/decisions/" + id + "/close", secretariat, null).status()).isEqualTo(200);
		var again = api.post("/api/decisions/" + id + "/close", secretariat, null);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		var withdrawn = api.post("/api/decisions/" + id + "/withdrawal", secretariat, "{\"reason\": \"changed our minds\"}");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(409);
		var read = api.get("/api/decisions/" + id, secretariat).json();
		assertThat(read.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(read.at("/effects/0/appliedAt").isNull()).isFalse();
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and action = 'decision.effect.applied'").param("decision:" + id)
				.query(Integer.class).single()).isEqualTo(1);
		var history = api.get("/api/participants/" + code, null).json().get("history");
		assertThat(history).hasSize(1);
		assertThat(history.get(0).at("/decision/id").asLong()).isEqualTo(id);
	}

	/**
	 * Two elections of different chairs for overlapping terms: the second would silently cut the term the first decided
	 * (a State elected until a day, or a chair-elect whose term has not begun). Refused, so that two concurrent
	 * decisions are never both applied.
	 */
	@Test
	void aSecondElectionOverlappingATermAnotherDecisionSetIsRefused() {
		var today = clock.today();
		var chairmanship = organs.chairmanship();
		// the next chair, succeeding the present one (whose term is open): fine
		var bounded = chairmanship.elect("IND", today.plusDays(400), today.plusDays(1100), today, null, Sources.none(), null);
		assertThatThrownBy(() -> bounded.elect("PAK", today.plusDays(700), null, today, null, Sources.none(), null))
				.as("India was elected until %s", today.plusDays(1100)).isInstanceOf(RuleViolation.class);
		var elect = chairmanship.elect("IND", today.plusDays(400), null, today, null, Sources.none(), null);
		assertThatThrownBy(() -> elect.elect("PAK", today.plusDays(700), null, today, null, Sources.none(), null))
				.as("India is chair-elect, its term not begun when Pakistan's election is decided").isInstanceOf(RuleViolation.class);
		// the same State re-elected, and a later election once the chair-elect's term has begun, still apply
		assertThat(elect.elect("IND", today.plusDays(700), null, today, null, Sources.none(), null).terms()).isNotEmpty();
		assertThat(elect.elect("PAK", today.plusDays(700), null, today.plusDays(500), null, Sources.none(), null).terms()).isNotEmpty();
	}

	/** A term the effect's kind does not read (a status on an END_STATUS) is not shown as a missing message on the decision's page. */
	@Test
	void anOddStatusOnAnEffectIsRefusedNotShownAsAMissingMessage() {
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council ends a status.",
				"[{\"kind\": \"END_STATUS\", \"participant\": \"JPN\", \"status\": \"BOGUS\", \"effectiveOn\": \"9999-01-01\"}]");
		if (proposed.status() == 400) {
			assertThat(proposed.json().get("parameter").asString()).isEqualTo("effects[0].status");
			return;
		}
		long id = proposed.json().get("id").asLong();
		for (var language : new String[] { "en", "ru" }) {
			var page = pageIn("/decisions/" + id, secretariat, language);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("??");
		}
	}

	/** Effects reaching back before the history they change are refused at adoption and write nothing; the decision stays adopted. */
	@Test
	void effectsReachingBackBeforeTheHistoryAreRefusedAndWriteNothing() {
		var kazakhstanBefore = api.get("/api/participants/KAZ", null).json().get("history").toString();
		var termsBefore = api.get("/api/chairmanship/terms", null).body();
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council rewrites history.", """
				[{"kind": "ADMIT", "participant": "KAZ", "status": "OBSERVER", "effectiveOn": "1990-01-01"},
				 {"kind": "END_STATUS", "participant": "KAZ", "effectiveOn": "1991-01-01"},
				 {"kind": "ELECT_CHAIR", "participant": "IND", "effectiveOn": "2001-01-01"}]""");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + proposed.json().get("id").asLong() + "/close", secretariat, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");
		for (int i = 0; i < 3; i++) {
			assertThat(closed.json().at("/effects/" + i + "/refusal").isNull()).as(closed.toString()).isFalse();
			assertThat(closed.json().at("/effects/" + i + "/appliedAt").isNull()).as(closed.toString()).isTrue();
		}
		assertThat(api.get("/api/participants/KAZ", null).json().get("history").toString()).isEqualTo(kazakhstanBefore);
		assertThat(api.get("/api/chairmanship/terms", null).body()).isEqualTo(termsBefore);
	}
}
