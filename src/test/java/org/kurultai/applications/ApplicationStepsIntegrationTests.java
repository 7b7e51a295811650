package org.kurultai.applications;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.decisions.Decisions;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The steps of an application for observer status, through the API as the Secretariat, the chair and the delegations
 * use it: recorded for a new participant (who appears without status), recommended by the Senior Officials under a
 * silence procedure (closed once its deadline passes on the application's clock), granted by the Ministerial Council
 * at a meeting in session with the ADMIT effect; a decision at the wrong step is refused and writes nothing; a step
 * whose silence is broken refuses the application until a new decision is proposed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApplicationStepsIntegrationTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired TestClock testClock;
	@Autowired Decisions decisions;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor japan;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("applications");
		kazakhstan = api.coordinator("applications", "KAZ");
		japan = api.coordinator("applications", "JPN");
	}

	/** A State's code that no participant has yet (three letters, starting with X). */
	private String freshCode() {
		while (true) {
			var random = ThreadLocalRandom.current();
			var code = "X" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
			// XYZ stands for an unknown participant in other test classes sharing the database
			if (!code.equals("XYZ") && api.get("/api/participants/" + code, null).status() == 404) {
				return code;
			}
		}
	}

	private Delegations.Response apply(String body) {
		return api.post("/api/applications", secretariat, body);
	}

	private long applyForObserver(String code) {
		var recorded = apply("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Applicantia %s", "nameRu": "Аппликантия %s"},
				 "status": "OBSERVER", "receivedOn": "%s", "reference": "No. 41/%s", "note": "Received by hand."}"""
				.formatted(code, code, code, clock.today().minusDays(3), code));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		return recorded.json().get("id").asLong();
	}

	private String deadline() {
		return LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), ALMATY).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private Delegations.Response recommend(long application, String code) {
		return api.post("/api/decisions", secretariat, """
				{"body": "SOC", "kind": "RECOMMENDATION", "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "text": {"en": "The Committee of Senior Officials recommends that %s be granted observer status."}, "application": %d}"""
				.formatted(deadline(), code, application));
	}

	/** Moves the clock past the procedure's deadline and closes it (or sees the worker close it). */
	private JsonNode closeSilence(long decision) {
		var deadline = java.time.OffsetDateTime.parse(api.get("/api/decisions/" + decision, secretariat).json().get("deadline").asString()).toInstant();
		testClock.advanceTo(deadline.plusSeconds(1));
		decisions.closeIfDue(decision, clock.now());
		await().atMost(Duration.ofSeconds(20)).until(() -> !"OPEN".equals(api.get("/api/decisions/" + decision, secretariat).json().get("status").asString()));
		return api.get("/api/decisions/" + decision, secretariat).json();
	}

	private JsonNode application(long id) {
		var read = api.get("/api/applications/" + id, secretariat);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		return read.json();
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private String meetingOfTheCouncilToday() {
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Council of Ministers on applications %s", "from": "%s", "until": "%s", "place": "Astana",
				 "access": "PARTICIPANTS"}"""
				.formatted(System.nanoTime(), clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		return meeting.json().get("id").asString();
	}

	private Delegations.Response grant(long application, String meeting, String participant, String status) {
		return api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE", "CHN"],
				 "text": {"en": "The Council of Ministers of Foreign Affairs grants %s %s status."}, "application": %d,
				 "effects": [{"kind": "ADMIT", "participant": "%s", "status": "%s"}]}"""
				.formatted(meeting, participant, status.toLowerCase(Locale.ROOT), application, participant, status));
	}

	/** The Council decides on the text the Senior Officials recommended (the decision refers to the recommendation). */
	private Delegations.Response grantAsRecommended(long application, String meeting, long recommendation, String participant, String status) {
		return api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE", "CHN"], "refersTo": %d,
				 "application": %d, "effects": [{"kind": "ADMIT", "participant": "%s", "status": "%s"}]}"""
				.formatted(meeting, recommendation, application, participant, status));
	}

	@Test
	void aNewApplicantIsRecommendedBySilenceThenGrantedObserverStatusByTheCouncilAtAMeeting() {
		var code = freshCode();
		long id = applyForObserver(code);

		// recorded: the applicant is a participant without status, the application at its first step
		var participant = api.get("/api/participants/" + code, null);
		assertThat(participant.status()).as(participant.toString()).isEqualTo(200);
		assertThat(participant.json().get("status").isNull()).isTrue();
		assertThat(participant.json().get("history")).isEmpty();
		assertThat(participant.json().get("names").toString()).contains("Аппликантия " + code);
		var recorded = application(id);
		assertThat(recorded.get("participant").asString()).isEqualTo(code);
		assertThat(recorded.get("status").asString()).isEqualTo("OBSERVER");
		assertThat(recorded.get("reference").asString()).isEqualTo("No. 41/" + code);
		assertThat(recorded.get("state").asString()).isEqualTo("OPEN");
		assertThat(Delegations.fields(recorded.get("steps"), "state")).containsExactly("PENDING", "PENDING");
		assertThat(Delegations.fields(recorded.get("steps"), "kind")).containsExactly("RECOMMENDATION", "DECISION");
		assertThat(api.get("/api/applications", secretariat).body()).contains("\"participant\":\"" + code + "\"");
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and action = 'application.recorded'").param("application:" + id)
				.query(Integer.class).single()).isEqualTo(1);

		// the Council first: not the next step; nothing of the proposal is written (no decision, no inline text tabled)
		int decisionsBefore = count("decision");
		int documentsBefore = count("document");
		var early = grant(id, meetingOfTheCouncilToday(), code, "OBSERVER");
		assertThat(early.status()).as(early.toString()).isEqualTo(400);
		assertThat(early.json().get("parameter").asString()).isEqualTo("application");
		assertThat(count("decision")).isEqualTo(decisionsBefore);
		assertThat(count("document")).isEqualTo(documentsBefore);

		// a decision naming an application that does not exist is refused likewise
		var unknown = recommend(Long.MAX_VALUE, code);
		assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
		assertThat(unknown.json().get("parameter").asString()).isEqualTo("application");
		assertThat(count("decision")).isEqualTo(decisionsBefore);
		assertThat(count("document")).isEqualTo(documentsBefore);

		// step 1: the Senior Officials' recommendation, by silence procedure
		var recommendation = recommend(id, code);
		assertThat(recommendation.status()).as(recommendation.toString()).isEqualTo(201);
		long soc = recommendation.json().get("id").asLong();
		assertThat(recommendation.json().get("application").asLong()).isEqualTo(id);
		assertThat(api.page("/applications/" + id, secretariat).body()).contains("id=\"next-step\"");
		var underWay = application(id);
		assertThat(underWay.at("/steps/0/state").asString()).isEqualTo("UNDER_WAY");
		assertThat(underWay.at("/steps/0/decisions/0/id").asLong()).isEqualTo(soc);
		var twice = recommend(id, code);
		assertThat(twice.status()).as("one decision on an application at a time: " + twice).isEqualTo(400);
		assertThat(twice.json().get("parameter").asString()).isEqualTo("application");

		var closed = closeSilence(soc);
		assertThat(closed.get("status").asString()).isEqualTo("ADOPTED");
		var recommended = application(id);
		assertThat(recommended.at("/steps/0/state").asString()).isEqualTo("DONE");
		assertThat(recommended.at("/steps/0/decisions/0/register").asString()).isEqualTo(closed.get("register").asString()).startsWith("SOC/");
		assertThat(recommended.at("/steps/0/decisions/0/decidedOn").asString()).isEqualTo(closed.get("decidedOn").asString());
		assertThat(recommended.at("/steps/1/state").asString()).isEqualTo("PENDING");
		assertThat(recommended.get("stepsDone").asInt()).isEqualTo(1);
		assertThat(recommended.get("state").asString()).isEqualTo("OPEN");

		// a decision at the wrong body is refused and writes nothing
		decisionsBefore = count("decision");
		documentsBefore = count("document");
		var wrongBody = api.post("/api/decisions", secretariat, """
				{"body": "SOC", "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "text": {"en": "The SOC grants observer status."}, "application": %d}""".formatted(deadline(), id));
		assertThat(wrongBody.status()).as(wrongBody.toString()).isEqualTo(400);
		assertThat(wrongBody.json().get("parameter").asString()).isEqualTo("application");
		assertThat(wrongBody.json().get("detail").asString()).contains("CMFA");
		var meeting = meetingOfTheCouncilToday();
		var noAdmission = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE"],
				 "text": {"en": "The Council takes note."}, "application": %d}""".formatted(meeting, id));
		assertThat(noAdmission.status()).as("the granting decision admits the applicant: " + noAdmission).isEqualTo(400);
		assertThat(noAdmission.json().get("parameter").asString()).isEqualTo("effects");
		var wrongStatus = grantAsRecommended(id, meeting, soc, code, "MEMBER");
		assertThat(wrongStatus.status()).as(wrongStatus.toString()).isEqualTo(400);
		assertThat(count("decision")).isEqualTo(decisionsBefore);
		assertThat(count("document")).isEqualTo(documentsBefore);

		// step 2: the Council's decision at its meeting, with the admission: granted
		var council = grantAsRecommended(id, meeting, soc, code, "OBSERVER");
		assertThat(council.status()).as(council.toString()).isEqualTo(201);
		long cmfa = council.json().get("id").asLong();
		assertThat(council.json().get("refersTo").asLong()).isEqualTo(soc);
		var adopted = api.post("/api/decisions/" + cmfa + "/close", secretariat, null);
		assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
		assertThat(adopted.json().get("status").asString()).isEqualTo("ADOPTED");
		assertThat(adopted.json().at("/effects/0/appliedAt").isNull()).as(adopted.toString()).isFalse();

		var granted = application(id);
		assertThat(granted.get("state").asString()).isEqualTo("GRANTED");
		assertThat(Delegations.fields(granted.get("steps"), "state")).containsExactly("DONE", "DONE");
		assertThat(granted.at("/decision/id").asLong()).isEqualTo(cmfa);
		assertThat(granted.at("/decision/register").asString()).isEqualTo(adopted.json().get("register").asString()).startsWith("CMFA/");
		assertThat(granted.at("/steps/1/decisions/0/admittedFrom").asString()).isEqualTo(clock.today().toString());
		var observer = api.get("/api/participants/" + code, null).json();
		assertThat(observer.get("status").asString()).isEqualTo("OBSERVER");
		assertThat(observer.get("since").asString()).isEqualTo(clock.today().toString());
		assertThat(jdbc.sql("select outcome from application where id = ?").param(id).query(String.class).single()).isEqualTo("GRANTED");
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and action = 'application.granted'").param("application:" + id)
				.query(Integer.class).single()).isEqualTo(1);

		// granted: no further decision names it, and no new application for the status it holds
		var after = recommend(id, code);
		assertThat(after.status()).as(after.toString()).isEqualTo(400);
		var again = apply("""
				{"participant": "%s", "status": "OBSERVER", "receivedOn": "%s", "reference": "again"}""".formatted(code, clock.today()));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("/status-already-held");

		// the page shows where it stands, with the decisions as links
		var page = api.page("/applications/" + id, kazakhstan);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("href=\"/decisions/" + soc + "\"", "href=\"/decisions/" + cmfa + "\"", "data-state=\"DONE\"",
				"id=\"progress-bar\"");
	}

	@Test
	void aBrokenSilenceRefusesTheApplicationUntilANewRecommendationIsProposed() {
		var code = freshCode();
		long id = applyForObserver(code);
		var first = recommend(id, code);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		long soc = first.json().get("id").asLong();
		var objection = api.post("/api/decisions/" + soc + "/objections", kazakhstan, """
				{"reasons": "The application needs further consultations."}""");
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		var broken = closeSilence(soc);
		assertThat(broken.get("status").asString()).isEqualTo("SILENCE_BROKEN");
		var refused = application(id);
		assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
		assertThat(refused.at("/steps/0/state").asString()).isEqualTo("FAILED");
		assertThat(jdbc.sql("select outcome from application where id = ?").param(id).query(String.class).single()).isEqualTo("REFUSED");

		// a new recommendation on the failed step reopens it
		var second = recommend(id, code);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		var reopened = application(id);
		assertThat(reopened.get("state").asString()).isEqualTo("OPEN");
		assertThat(reopened.at("/steps/0/state").asString()).isEqualTo("UNDER_WAY");
		assertThat(Delegations.fields(reopened.at("/steps/0/decisions"), "status")).containsExactly("SILENCE_BROKEN", "OPEN");
		assertThat(jdbc.sql("select outcome from application where id = ?").param(id).query(String.class).optional()).isEmpty();
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndNothingIsHalfWritten() {
		var code = freshCode();
		int applicationsBefore = count("application");
		Map<String, String> refusals = new java.util.LinkedHashMap<>();
		var today = clock.today();
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today.plusDays(1)), "receivedOn");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "yesterday", "reference": "No. 1"}""".formatted(code), "receivedOn");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "EMPEROR",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "status");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "receivedOn": "%s",
				 "reference": "No. 1"}""".formatted(code, today), "status");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "  "}""".formatted(code, today), "reference");
		refusals.put("""
				{"newParticipant": {"code": "%sX", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "newParticipant.code");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "EMPIRE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "newParticipant.kind");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "newParticipant.nameRu");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futu\\u0000ria", "nameRu": "Футурия"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "newParticipant.nameEn");
		refusals.put("""
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "Futuria", "nameRu": "Футурия"}, "status": "PARTNER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(code, today), "status");
		refusals.put("""
				{"newParticipant": {"code": "KAZ", "kind": "STATE", "nameEn": "Kazakhstan", "nameRu": "Казахстан"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "No. 1"}""".formatted(today), "newParticipant.code");
		refusals.put("""
				{"participant": "ZZZZ", "status": "OBSERVER", "receivedOn": "%s", "reference": "No. 1"}""".formatted(today), "participant");
		refusals.put("""
				{"status": "OBSERVER", "receivedOn": "%s", "reference": "No. 1"}""".formatted(today), "participant");
		refusals.put("""
				{"participant": "UN", "status": "MEMBER", "receivedOn": "%s", "reference": "No. 1"}""".formatted(today), "status");
		refusals.put("""
				{"participant": "JPN", "status": "OBSERVER", "receivedOn": "%s", "reference": "No. 1", "access": "NAMED_PARTICIPANTS"}"""
				.formatted(today), "access");
		refusals.forEach((body, field) -> {
			var refused = apply(body);
			assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("parameter").asString()).as(body).isEqualTo(field);
		});
		assertThat(api.get("/api/participants/" + code, null).status()).as("no participant half-written").isEqualTo(404);
		assertThat(count("application")).isEqualTo(applicationsBefore);

		// Japan is an observer already: it may apply for membership once, not twice; nor for the status it holds
		var held = apply("""
				{"participant": "JPN", "status": "OBSERVER", "receivedOn": "%s", "reference": "No. 2"}""".formatted(today));
		assertThat(held.status()).as(held.toString()).isEqualTo(409);
		var membership = apply("""
				{"participant": "jpn", "status": "MEMBER", "receivedOn": "%s", "reference": "No. 3", "access": "MEMBERS"}""".formatted(today));
		assertThat(membership.status()).as(membership.toString()).isEqualTo(201);
		assertThat(membership.json().get("access").asString()).isEqualTo("MEMBERS");
		assertThat(Delegations.fields(membership.json().get("steps"), "kind")).containsExactly("SIGNATURES", "DECISION");
		assertThat(membership.json().at("/steps/0/state").asString()).as("Japan has not signed the founding documents").isEqualTo("PENDING");
		assertThat(membership.json().at("/steps/0/unsigned")).hasSize(2);
		assertThat(Delegations.strings(membership.json().at("/steps/1/bodies"))).containsExactly("CMFA", "CHSG");
		var duplicate = apply("""
				{"participant": "JPN", "status": "MEMBER", "receivedOn": "%s", "reference": "No. 4"}""".formatted(today));
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.json().get("type").asString()).endsWith("/application-already-open");
		// the applicant's own delegation sees its application even at the members' level; another observer does not
		long membershipId = membership.json().get("id").asLong();
		assertThat(api.get("/api/applications/" + membershipId, japan).status()).isEqualTo(200);
		assertThat(api.get("/api/applications/" + membershipId, api.coordinator("applications", "THA")).status()).isEqualTo(200);
		assertThat(api.get("/api/applications/" + membershipId, null).status()).isEqualTo(404);

		// only the Secretariat records
		var byADelegation = api.post("/api/applications", kazakhstan, """
				{"participant": "JPN", "status": "PARTNER", "receivedOn": "%s", "reference": "No. 5"}""".formatted(today));
		assertThat(byADelegation.status()).isEqualTo(403);
		assertThat(count("application")).isEqualTo(applicationsBefore + 1);
	}

	@Test
	void theFormComesBackWithTheMessageBesideTheFieldAndWhatWasTyped() throws Exception {
		var code = freshCode();
		var body = "applicant=new&newParticipant.code=" + code + "&newParticipant.kind=STATE&newParticipant.nameEn=Formland"
				+ "&newParticipant.nameRu=" + java.net.URLEncoder.encode("Формландия", java.nio.charset.StandardCharsets.UTF_8)
				+ "&status=OBSERVER&receivedOn=" + clock.today().plusDays(2) + "&reference=NV-77&access=PARTICIPANTS";
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/applications"))
				.header("Authorization", "Bearer " + secretariat.token()).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html").header("Cookie", "kurultai-language=ru").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
		var http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
		var refused = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(400);
		var page = org.jsoup.Jsoup.parse(refused.body());
		assertThat(page.select("#error-application-form-receivedOn").text()).contains("позже сегодняшнего дня");
		assertThat(page.select("input[name=reference]").attr("value")).isEqualTo("NV-77");
		assertThat(page.select("input[name=newParticipant.nameRu]").attr("value")).isEqualTo("Формландия");
		assertThat(page.select("input[name=applicant][value=new]").hasAttr("checked")).isTrue();
		assertThat(api.get("/api/participants/" + code, null).status()).isEqualTo(404);

		var accepted = http.send(java.net.http.HttpRequest.newBuilder(request.uri()).header("Authorization", "Bearer " + secretariat.token())
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.replace("receivedOn=" + clock.today().plusDays(2), "receivedOn=" + clock.today())))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
		var location = accepted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/applications/\\d+");
		var shown = api.page(location.replaceAll("^https?://[^/]+", ""), kazakhstan);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("Formland", "NV-77");
	}
}
