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
	@Autowired org.kurultai.decisions.Decisions decisions;
	@Autowired org.springframework.transaction.PlatformTransactionManager transactions;

	Delegations api;
	Actor secretariat;
	Actor azerbaijan;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("probe11");
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

	/** The codes other test classes enrol under fixed names, in the same database: never taken here. */
	private static final java.util.Set<String> TAKEN_ELSEWHERE = java.util.Set.of("QAT", "QRS", "QZA", "QZB", "QZD");

	/** A State's code that no participant has yet (three letters, starting with Q; none another test class uses). */
	private String freshCode() {
		while (true) {
			var random = ThreadLocalRandom.current();
			var code = "Q" + (char) ('A' + random.nextInt(25)) + (char) ('A' + random.nextInt(26));
			if (!TAKEN_ELSEWHERE.contains(code) && api.get("/api/participants/" + code, null).status() == 404) {
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
				{"body": "CMFA", "title": "Probe Council %s", "from": "%s", "until": "%s", "place": "Astana",
				 "access": "PARTICIPANTS"}"""
				.formatted(System.nanoTime(), clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		return meeting.json().get("id").asString();
	}

	private Delegations.Response proposeAtCouncil(String meeting, String text, String effects) {
		return api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE", "CHN"],
				 "text": {"en": "%s"}, "effects": %s}""".formatted(meeting, text, effects));
	}

	/** A NUL in an effect's term or in an inline text reaches PostgreSQL: a 400 naming the field, not a 409, and nothing written. */
	@Test
	void aNulInAnEffectOrAnInlineTextIsA400() {
		int decisions = count("decision");
		int documents = count("document");
		var meeting = meetingOfTheCouncilToday();
		var inEffect = proposeAtCouncil(meeting, "The Council renames the Committee.",
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

	/**
	 * Two elections of different chairs for the coming term (two decisions proposed side by side, both adopted): the
	 * second silently cut the chair-elect's term, which had not even begun, to the months before its own handover.
	 * Refused, so that two concurrent elections are never both applied.
	 */
	@Test
	void aSecondElectionForTheComingTermIsRefused() {
		var today = clock.today();
		// the next chair, succeeding the present one (whose term is open): fine
		var elect = organs.chairmanship().elect("IND", today.plusDays(400), null, today, null, Sources.none(), null);
		assertThatThrownBy(() -> elect.elect("PAK", today.plusDays(700), null, today, null, Sources.none(), null))
				.as("India is chair-elect, its term not begun when Pakistan's election is decided").isInstanceOf(RuleViolation.class);
		// the same State re-elected, and a later election once the chair-elect's term has begun, still apply
		assertThat(elect.elect("IND", today.plusDays(700), null, today, null, Sources.none(), null).terms()).isNotEmpty();
		assertThat(elect.elect("PAK", today.plusDays(700), null, today.plusDays(500), null, Sources.none(), null).terms()).isNotEmpty();
	}

	/** The decision's page names an appointment's office as an office is called, in the page's language, not by its code (HEAD). */
	@Test
	void anAppointmentNamesTheOfficeInThePagesLanguage() {
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council appoints.", """
				[{"kind": "APPOINT", "office": "head", "person": "Probe Person", "effectiveOn": "2090-01-01"},
				 {"kind": "APPOINT", "office": "DEPUTY_SECRETARY_GENERAL", "person": "Probe Deputy", "effectiveOn": "2090-01-01"}]""");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		var english = pageIn("/decisions/" + id, secretariat, "en").body();
		assertThat(english).contains("Probe Person appointed Head of the Secretariat", "Probe Deputy appointed Deputy Secretary General")
				.doesNotContain("appointed HEAD");
		var russian = pageIn("/decisions/" + id, secretariat, "ru").body();
		assertThat(russian).contains("Probe Person назначается на должность руководителя Секретариата",
				"Probe Deputy назначается на должность заместителя Генерального секретаря").doesNotContain("должность HEAD");
	}

	/** A NUL in the reason for a withdrawal (or in an objection's reasons, a statement's text) is a 400; the decision stays open. */
	@Test
	void aNulInAWithdrawalObjectionOrStatementIsA400() {
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council decides " + System.nanoTime() + ".", "[]");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		var withdrawn = api.post("/api/decisions/" + id + "/withdrawal", secretariat, "{\"reason\": \"A\\u0000B\"}");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(400);
		assertThat(withdrawn.json().get("parameter").asString()).isEqualTo("reason");
		var kazakhstan = api.coordinator("probe11", "KAZ");
		var objected = api.post("/api/decisions/" + id + "/objections", kazakhstan, "{\"reasons\": \"A\\u0000B\"}");
		assertThat(objected.status()).as(objected.toString()).isEqualTo(400);
		var filed = api.post("/api/decisions/" + id + "/statements", kazakhstan, "{\"kind\": \"RESERVATION\", \"text\": \"A\\u0000B\"}");
		assertThat(filed.status()).as(filed.toString()).isEqualTo(400);
		var read = api.get("/api/decisions/" + id, secretariat).json();
		assertThat(read.get("status").asString()).isEqualTo("OPEN");
		assertThat(read.get("objectionCount").asInt()).isZero();
		assertThat(read.get("statements")).isEmpty();
	}

	/**
	 * An election whose handover is already past would rewrite the chairmanship of days on which another State chaired
	 * (and acted as chair): refused at the proposal, and by the domain at adoption.
	 */
	@Test
	void anElectionNeverRewritesTheChairmanshipOfDaysPast() {
		var today = clock.today();
		int decisions = count("decision");
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council elects India with retroactive effect.",
				"[{\"kind\": \"ELECT_CHAIR\", \"participant\": \"IND\", \"effectiveOn\": \"%s\"}]".formatted(today.minusDays(30)));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(400);
		assertThat(proposed.json().get("parameter").asString()).isEqualTo("effects[0].effectiveOn");
		assertThat(count("decision")).isEqualTo(decisions);
		assertThatThrownBy(() -> organs.chairmanship().elect("IND", today.minusDays(30), null, today, null, Sources.none(), null))
				.isInstanceOf(RuleViolation.class);
	}

	/**
	 * Partners are international organizations (an application refuses a State seeking partner status); an ADMIT effect
	 * or a correction made a State a "partner organization" all the same.
	 */
	@Test
	void aStateIsNeverMadeAPartnerByADecisionOrACorrection() {
		var code = freshCode();
		applicant(code, "PARTICIPANTS");
		var meeting = meetingOfTheCouncilToday();
		int decisions = count("decision");
		var admitted = proposeAtCouncil(meeting, "The Council makes " + code + " a partner.",
				"[{\"kind\": \"ADMIT\", \"participant\": \"%s\", \"status\": \"PARTNER\"}]".formatted(code));
		assertThat(admitted.status()).as(admitted.toString()).isBetween(400, 409);
		assertThat(count("decision")).isEqualTo(decisions);
		var corrected = api.post("/api/participants/" + code + "/statuses", secretariat,
				"{\"status\": \"PARTNER\", \"from\": \"2020-01-01\", \"sources\": [\"https://a.example\"], \"note\": \"n\"}");
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(409);
		assertThat(api.get("/api/participants/" + code, null).json().get("history")).isEmpty();
	}

	/** A body established or renamed with a Russian name: the Russian page of the decision gives that name, not the English one. */
	@Test
	void theRussianPageGivesTheRussianNameOfARenamedBody() {
		var meeting = meetingOfTheCouncilToday();
		var proposed = proposeAtCouncil(meeting, "The Council renames the Committee.", """
				[{"kind": "RENAME_BODY", "body": "SOC", "name": "Probe Committee", "nameRu": "Пробный комитет", "effectiveOn": "2090-01-01"}]""");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		assertThat(pageIn("/decisions/" + id, secretariat, "ru").body()).contains("Пробный комитет").doesNotContain("Probe Committee");
		assertThat(pageIn("/decisions/" + id, secretariat, "en").body()).contains("Probe Committee");
	}

	/**
	 * Two appointments of different heads of the Secretariat for the coming term, both adopted: the second cut the first
	 * appointee's term, not yet begun, to the months before its own day. The second is refused; nothing of it is written.
	 * (In a transaction rolled back at the end, so that no head appointed decades ahead stays for the other tests.)
	 */
	@Test
	void aSecondAppointmentToTheComingTermIsRefused() {
		var today = clock.today();
		var meeting = meetingOfTheCouncilToday();
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			try {
				var first = decisions.propose(secretariat.account(), appointment(meeting, "Probe First", today.plusYears(40)));
				var second = decisions.propose(secretariat.account(), appointment(meeting, "Probe Second", today.plusYears(40).plusMonths(6)));
				assertThat(decisions.effects(decisions.close(secretariat.account(), first.id())).get(0).appliedAt()).isNotNull();
				var heads = organs.secretariat().heads();
				var adopted = decisions.close(secretariat.account(), second.id());
				assertThat(adopted.status().name()).isEqualTo("ADOPTED");
				assertThat(decisions.effects(adopted).get(0).refusal()).as("the second appointment is refused").isNotNull();
				assertThat(organs.secretariat().heads()).isEqualTo(heads);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private org.kurultai.decisions.Decisions.Proposal appointment(String meeting, String person, java.time.LocalDate from) {
		var effect = new org.kurultai.shared.Effect(org.kurultai.shared.EffectKind.APPOINT, null, null, null, null, null, "HEAD", person, null, null,
				null, null, null, null, from, null);
		return new org.kurultai.decisions.Decisions.Proposal("CMFA", null, null, null, null, null, org.kurultai.decisions.Procedure.MEETING, meeting,
				java.util.List.of("KAZ", "AZE"), null, null, null, java.util.Map.of("en", "The Council appoints " + person + "."), null, null,
				java.util.List.of(effect), null);
	}

	/**
	 * The Secretariat corrects the sources of a head's term that a recorded decision caused (same person, same first
	 * day): the term lost the decision that appointed him, though the correction changed nothing the decision decided
	 * (and the register's link from the history was gone, unlike a status period corrected the same way).
	 */
	@Test
	void aCorrectionKeepingWhoAndFromKeepsTheDecisionThatCausedIt() {
		var before = find(api.get("/api/secretariat", null).json().get("heads"), "Habibullo Mirzoyev (Mirzozoda)");
		assertThat(before.get("decision").isNull()).as(before.toString()).isFalse();
		var corrected = api.post("/api/secretariat/heads", secretariat, """
				{"person": "Habibullo Mirzoyev (Mirzozoda)", "from": "2018-09-24", "until": "2020-09-24", "corrects": "2018-09-24",
				 "sources": ["https://www.s-cica.org/probe-%s"], "note": "One source for the dates."}""".formatted(System.nanoTime()));
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
		var after = find(api.get("/api/secretariat", null).json().get("heads"), "Habibullo Mirzoyev (Mirzozoda)");
		assertThat(after.get("decision").toString()).isEqualTo(before.get("decision").toString());
	}

	private static tools.jackson.databind.JsonNode find(tools.jackson.databind.JsonNode heads, String person) {
		for (var head : heads) {
			if (head.get("person").asString().equals(person)) {
				return head;
			}
		}
		throw new AssertionError("no head " + person + " in " + heads);
	}
}
