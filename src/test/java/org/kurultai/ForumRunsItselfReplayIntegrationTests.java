package org.kurultai;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations.Actor;
import org.kurultai.decisions.Decisions;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The forum runs itself, replayed as its people would: a new applicant is pre-approved by the
 * Senior Officials Committee under a silence procedure and granted observer status by the
 * Ministerial Council at a meeting, and its status and the counts change from that day (and not
 * before); the same with one member objecting at the Council changes nothing; a chair election
 * makes the State chair-elect, then chair from the handover. Every step goes through the API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumRunsItselfReplayIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired TestClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired Decisions decisions;

	Delegations api;
	Actor secretariat;
	Actor chair;
	Actor india;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("replay");
		chair = api.coordinator("replay", "AZE");
		india = api.coordinator("replay", "IND");
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Almaty"));
	}

	private long apply(String code, String nameEn, String nameRu) {
		var response = api.post("/api/applications", secretariat, """
				{"newParticipant": {"code": "%s", "kind": "STATE", "nameEn": "%s", "nameRu": "%s"}, "status": "OBSERVER",
				 "receivedOn": "%s", "reference": "Note verbale No. 12/%s"}""".formatted(code, nameEn, nameRu, today(), code));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	/** The SOC's pre-approval by silence procedure, closed once its deadline has passed. */
	private JsonNode preApprove(long application, String name) {
		var deadline = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), java.time.ZoneId.of("Asia/Almaty"))
				.toLocalDateTime().withNano(0);
		var proposed = api.post("/api/decisions", chair, """
				{"body": "SOC", "kind": "RECOMMENDATION", "text": {"en": "The Senior Officials Committee recommends granting %s observer status."},
				 "access": "PUBLIC", "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty", "application": %d}"""
				.formatted(name, deadline, application));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		clock.advanceTo(OffsetDateTime.parse(proposed.json().get("deadline").asString()).toInstant().plusSeconds(1));
		var closed = await("the SOC's silence procedure closed").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("/api/decisions/" + id, chair).json(), d -> !d.get("status").asString().equals("OPEN"));
		assertThat(closed.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(closed.get("procedure").asString()).isEqualTo("SILENCE");
		return closed;
	}

	private String councilInSession() {
		var response = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Meeting of the Ministerial Council", "from": "%s", "until": "%s", "place": "Baku",
				 "access": "PARTICIPANTS"}"""
				.formatted(today(), today()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private JsonNode counts(LocalDate day) {
		return api.get("/api/participants/counts?asOf=" + day, null).json();
	}

	private JsonNode participant(String code) {
		return api.get("/api/participants/" + code, null).json();
	}

	@Test
	void aNewApplicantPreApprovedByTheCommitteeIsGrantedObserverStatusByTheCouncil() {
		long application = apply("BTN", "Bhutan", "Бутан");
		assertThat(participant("BTN").get("status").isNull()).as("registered without status").isTrue();

		var recommendation = preApprove(application, "Bhutan");
		var before = counts(today());
		var dayBefore = today().minusDays(1);
		var beforeThen = counts(dayBefore);
		var meeting = councilInSession();
		var granted = api.post("/api/decisions", chair, """
				{"body": "CMFA", "refersTo": %d, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ", "IND"],
				 "effects": [{"kind": "ADMIT", "participant": "BTN", "status": "OBSERVER"}], "application": %d}"""
				.formatted(recommendation.get("id").asLong(), meeting, application));
		assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
		long decision = granted.json().get("id").asLong();
		assertThat(participant("BTN").get("status").isNull()).as("nothing changes before adoption").isTrue();

		var closed = api.post("/api/decisions/" + decision + "/close", chair, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");
		var effect = closed.json().get("effects").get(0);
		assertThat(effect.get("kind").asString()).isEqualTo("ADMIT");
		assertThat(effect.get("appliedAt").isNull()).isFalse();
		assertThat(effect.get("appliedFrom").asString()).isEqualTo(today().toString());

		var bhutan = participant("BTN");
		assertThat(bhutan.get("status").asString()).isEqualTo("OBSERVER");
		var period = bhutan.get("history").get(0);
		assertThat(period.get("from").asString()).isEqualTo(today().toString());
		assertThat(period.get("decision").get("id").asLong()).isEqualTo(decision);
		assertThat(period.get("decision").get("register").asString()).isEqualTo(closed.json().get("register").asString());
		assertThat(counts(today()).get("observerStates").asInt()).isEqualTo(before.get("observerStates").asInt() + 1);
		assertThat(counts(today()).get("members").asInt()).isEqualTo(before.get("members").asInt());
		assertThat(counts(dayBefore)).as("not before the decision's day").isEqualTo(beforeThen);
		assertThat(api.get("/api/participants?asOf=" + dayBefore + "&status=OBSERVER", null).json().toString()).doesNotContain("\"BTN\"");

		var onIt = api.get("/api/applications/" + application, secretariat);
		assertThat(onIt.status()).as(onIt.toString()).isEqualTo(200);
		assertThat(onIt.json().toString()).contains("GRANTED");
	}

	@Test
	void oneMemberObjectingAtTheCouncilChangesNothing() {
		long application = apply("NPL", "Nepal", "Непал");
		var recommendation = preApprove(application, "Nepal");
		var before = counts(today());
		var meeting = councilInSession();
		var proposed = api.post("/api/decisions", chair, """
				{"body": "CMFA", "refersTo": %d, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ", "IND"],
				 "effects": [{"kind": "ADMIT", "participant": "NPL", "status": "OBSERVER"}], "application": %d}"""
				.formatted(recommendation.get("id").asLong(), meeting, application));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		var objection = api.post("/api/decisions/" + decision + "/objections", india, """
				{"reasons": "India is not in a position to join the consensus today."}""");
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);

		var closed = api.post("/api/decisions/" + decision + "/close", chair, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("NOT_ADOPTED");
		assertThat(closed.json().get("effects").get(0).get("appliedAt").isNull()).isTrue();
		assertThat(participant("NPL").get("status").isNull()).isTrue();
		assertThat(participant("NPL").get("history")).isEmpty();
		assertThat(counts(today())).isEqualTo(before);
		assertThat(api.get("/api/applications/" + application, secretariat).json().toString()).doesNotContain("GRANTED");
	}

	@Test
	void anElectedChairIsChairElectUntilTheHandoverThenChair() {
		var handover = today().plusYears(3);
		var meeting = councilInSession();
		var proposed = api.post("/api/decisions", chair, """
				{"body": "CMFA", "text": {"en": "The Council elects Kazakhstan to chair the Conference from the handover.",
				 "ru": "Совет избирает Казахстан председателем Совещания с момента передачи председательства."}, "access": "PUBLIC",
				 "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ", "IND"],
				 "effects": [{"kind": "ELECT_CHAIR", "participant": "KAZ", "effectiveOn": "%s"}]}""".formatted(meeting, handover));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.json().get("document").asString()).as("the inline text is tabled as a document").isNotBlank();
		assertThat(proposed.json().get("versionName").isNull()).isFalse();
		long decision = proposed.json().get("id").asLong();
		assertThat(api.get("/api/chairmanship", null).json().get("next").isNull()).as("not yet decided").isTrue();

		var closed = api.post("/api/decisions/" + decision + "/close", chair, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");

		var now = api.get("/api/chairmanship?asOf=" + today(), null).json();
		assertThat(now.get("chair").get("code").asString()).isEqualTo("AZE");
		assertThat(now.get("next").get("code").asString()).as("in the Troika as the next chair").isEqualTo("KAZ");
		assertThat(now.get("chairElect").toString()).as("chair-elect until the handover").contains("KAZ").contains(handover.toString());
		var dayBefore = api.get("/api/chairmanship?asOf=" + handover.minusDays(1), null).json();
		assertThat(dayBefore.get("chair").get("code").asString()).isEqualTo("AZE");
		var then = api.get("/api/chairmanship?asOf=" + handover, null).json();
		assertThat(then.get("chair").get("code").asString()).isEqualTo("KAZ");
		assertThat(then.get("previous").get("code").asString()).isEqualTo("AZE");
		JsonNode term = null;
		for (var t : api.get("/api/chairmanship/terms", null).json()) {
			if (t.get("from").asString().equals(handover.toString())) {
				term = t;
			}
		}
		assertThat(term).isNotNull();
		assertThat(term.get("decision").get("id").asLong()).isEqualTo(decision);
	}

	/**
	 * Two instances (here two threads, besides the application's own poller) close the same silence
	 * procedure with an admission at once: it is adopted once, the admission applied once.
	 */
	@Test
	void anAdmissionUnderSilenceIsAppliedExactlyOnceWhoeverClosesIt() throws Exception {
		long application = apply("MDV", "Maldives", "Мальдивы");
		var recommendation = preApprove(application, "Maldives");
		var deadline = OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(5)), java.time.ZoneId.of("Asia/Almaty"))
				.toLocalDateTime().withNano(0);
		var proposed = api.post("/api/decisions", chair, """
				{"body": "CMFA", "refersTo": %d, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "effects": [{"kind": "ADMIT", "participant": "MDV", "status": "OBSERVER"}], "application": %d}"""
				.formatted(recommendation.get("id").asLong(), deadline, application));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long id = proposed.json().get("id").asLong();
		Instant due = OffsetDateTime.parse(proposed.json().get("deadline").asString()).toInstant().plusSeconds(1);
		clock.advanceTo(due);
		var barrier = new CyclicBarrier(4);
		var pool = Executors.newFixedThreadPool(4);
		var results = new ArrayList<Future<Boolean>>();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit((Callable<Boolean>) () -> {
				barrier.await();
				return decisions.closeIfDue(id, clock.instant());
			}));
		}
		int closedHere = 0;
		for (var result : results) {
			closedHere += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(closedHere).as("at most one closer (the poller may have been first)").isLessThanOrEqualTo(1);
		var closed = await().atMost(Duration.ofMinutes(2)).until(() -> api.get("/api/decisions/" + id, chair).json(),
				d -> d.get("status").asString().equals("ADOPTED"));
		assertThat(closed.get("effects").get(0).get("appliedAt").isNull()).isFalse();
		assertThat(participant("MDV").get("history")).hasSize(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and action = 'decision.effect.applied'").param("decision:" + id)
				.query(Integer.class).single()).isEqualTo(1);
	}
}
