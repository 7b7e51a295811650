package org.kurultai.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.StatementCounter;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.Organs;
import org.kurultai.platform.RequestIds;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantNames;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Sources;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry and the organs are read from an in-memory snapshot between changes (issue 13): a change made through
 * this instance is seen by the very next read, a change another instance made (a statement committed outside this
 * instance's transactions) within the data versions' maximum age, and what the snapshot hands out cannot be changed
 * by a reader. The participant and the body here are made for the test (codes QHR…), dated far in the future.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedReadsIntegrationTests {

	static final String PARTICIPANT = "QHRORG";
	static final String BODY = "QHRB";

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Registry registry;
	@Autowired Organs organs;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("shared-reads");
		if (!registry.isRegistered(ParticipantCode.of(PARTICIPANT))) {
			registry.enrol(Participant.organization(ParticipantCode.of(PARTICIPANT),
					new ParticipantNames("Test organization QHR", "Тестовая организация QHR", "Test organization QHR", null)));
		}
		if (!organs.isBody(BODY)) {
			organs.establish(Body.established(BODY, BodyKind.WORKING, LocalDate.parse("2090-01-01"), null, "Test group QHR",
					"Тестовая группа QHR", null, Sources.of(List.of("seed:test")), null));
		}
	}

	/** The statements one piece of work makes on this thread (counted as a request's would be). */
	static int statements(Runnable work) {
		var id = "shared-reads-" + UUID.randomUUID();
		MDC.put(RequestIds.KEY, id);
		try {
			work.run();
		}
		finally {
			MDC.remove(RequestIds.KEY);
		}
		return StatementCounter.of(id);
	}

	@Test
	void betweenChangesTheRegistryAndTheOrgansAreReadFromMemory() {
		// the first reading after a change reads the snapshot; every later one answers from memory
		registry.roster();
		organs.bodies();
		var reads = statements(() -> {
			for (int i = 0; i < 20; i++) {
				registry.roster();
				registry.participant(ParticipantCode.of("KAZ"));
				registry.isRegistered(ParticipantCode.of("KAZ"));
				registry.admissionRule();
				organs.bodies();
				organs.body("CMFA");
				organs.chairmanship();
				organs.secretariat();
			}
		});
		// at most a reading of the data versions (once a second) and, should another test's change come between, a snapshot
		assertThat(reads).as("statements of 20 × 8 reads of the registry and the organs").isLessThanOrEqualTo(9);
	}

	@Test
	void whatTheSnapshotHandsOutCannotBeChangedByAReader() {
		var shared = registry.participant(ParticipantCode.of("KAZ"));
		var periods = shared.periods();
		assertThatThrownBy(() -> shared.endBy(LocalDate.parse("2099-01-01"), new org.kurultai.registry.DecisionRef(1, "X/1")))
				.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> registry.roster().participants().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> organs.bodies().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThat(registry.participant(ParticipantCode.of("KAZ")).periods()).isEqualTo(periods);
	}

	@Test
	void aStatusCorrectionThroughTheApiIsSeenByTheNextRead() {
		var from = "2091-03-01";
		// read once, so that the snapshot holds the participant as it was
		assertThat(api.get("/api/participants/" + PARTICIPANT, null).body()).doesNotContain(from);
		assertThat(Jsoup.parse(api.page("/participants/" + PARTICIPANT, null).body()).select("#history").text()).doesNotContain("2091");

		var recorded = api.post("/api/participants/" + PARTICIPANT + "/statuses", secretariat, """
				{"status": "OBSERVER", "from": "%s", "until": "%s", "sources": ["note verbale QHR"], "note": "seen at once"}"""
				.formatted(from, LocalDate.parse(from).plusDays(10)));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);

		assertThat(api.get("/api/participants/" + PARTICIPANT, null).json().get("history").toString()).contains(from);
		assertThat(registry.participant(ParticipantCode.of(PARTICIPANT)).periodFrom(LocalDate.parse(from))).isPresent();
		assertThat(api.page("/participants/" + PARTICIPANT, null).body()).contains("note verbale QHR");
	}

	@Test
	void aBodyNameCorrectionThroughTheApiIsSeenByTheNextRead() {
		var before = api.get("/api/bodies/" + BODY, null).json().get("names").get(0).get("name").asString();
		var renamed = "Test group QHR " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.page("/bodies/" + BODY, null).body()).contains(before);

		var corrected = api.post("/api/bodies/" + BODY + "/names", secretariat, """
				{"name": "%s", "corrects": "%s", "sources": ["https://example.org/qhr"], "note": "seen at once"}"""
				.formatted(renamed, before));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);

		assertThat(api.get("/api/bodies/" + BODY, null).json().get("names").get(0).get("name").asString()).isEqualTo(renamed);
		assertThat(organs.body(BODY).names().get(0).name()).isEqualTo(renamed);
		assertThat(api.page("/bodies/" + BODY, null).body()).contains("<title>" + renamed + " ·");
	}

	@Test
	void aChangeAnotherInstanceMadeIsSeenWithinTheMaximumAge() throws Exception {
		var name = "Test organization QHR " + UUID.randomUUID().toString().substring(0, 8);
		var bodyName = "Test group QHR " + UUID.randomUUID().toString().substring(0, 8);
		registry.roster();
		organs.bodies();
		// committed outside this instance's transactions, as another instance sharing the database commits
		jdbc.sql("update participant set short_name_en = ? where code = ?").params(name, PARTICIPANT).update();
		jdbc.sql("update body_name set name = ? where body_code = ?").params(bodyName, BODY).update();

		// the data versions are read again once older than their maximum age (one second by default)
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(registry.participant(ParticipantCode.of(PARTICIPANT)).name()).isEqualTo(name);
			assertThat(organs.body(BODY).names().get(0).name()).isEqualTo(bodyName);
		});
		assertThat(page("/api/participants/" + PARTICIPANT)).contains(name);
		assertThat(page("/bodies/" + BODY)).contains(bodyName);
	}

	@Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void insideAReadWriteTransactionOneParticipantOrTheMembersAreReadAloneAndAnswerAsTheSnapshotDoes() {
		var writing = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
		for (var day : java.util.List.of(java.time.LocalDate.of(1999, 9, 14), java.time.LocalDate.of(2006, 6, 18),
				java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2099, 1, 1))) {
			for (var status : org.kurultai.registry.ParticipantStatus.values()) {
				var shared = registry.holding(status, day);
				var fresh = writing.execute(tx -> registry.holding(status, day));
				assertThat(fresh).as(status + " on " + day).containsExactlyInAnyOrderElementsOf(shared);
			}
		}
		assertThat(registry.holding(org.kurultai.registry.ParticipantStatus.MEMBER, java.time.LocalDate.of(2006, 6, 18))).hasSize(18);
		var korea = org.kurultai.registry.ParticipantCode.of("KOR");
		var read = writing.execute(tx -> registry.participant(korea));
		assertThat(read.statusOn(java.time.LocalDate.of(2006, 6, 18))).isEqualTo(registry.participant(korea).statusOn(java.time.LocalDate.of(2006, 6, 18)));
		assertThat(read.statusOn(java.time.LocalDate.of(2006, 6, 16))).contains(org.kurultai.registry.ParticipantStatus.OBSERVER);
	}

	private String page(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString()).body();
	}
}
