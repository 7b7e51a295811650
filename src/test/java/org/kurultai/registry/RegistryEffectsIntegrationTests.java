package org.kurultai.registry;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry's effect handler as the decisions module calls it: found among the application's
 * handlers by its kinds, checked at proposal, applied inside the adopting transaction (here a
 * transaction of the test's, rolled back at the end so that the shared database keeps its history).
 */
@IntegrationTest
class RegistryEffectsIntegrationTests {

	@Autowired List<EffectHandler> handlers;
	@Autowired Registry registry;
	@Autowired JdbcClient jdbc;
	@Autowired ForumClock clock;
	@Autowired PlatformTransactionManager transactions;
	@LocalServerPort int port;

	EffectHandler registryHandler() {
		return handlers.stream().filter(handler -> handler.kinds().contains(EffectKind.ADMIT)).findFirst().orElseThrow();
	}

	static Effect admit(String participant, String status, LocalDate effectiveOn) {
		return new Effect(EffectKind.ADMIT, participant, status, null, null, null, null, null, null, null, null, null, null, null,
				effectiveOn, null);
	}

	static Effect end(String participant, LocalDate effectiveOn) {
		return new Effect(EffectKind.END_STATUS, participant, null, null, null, null, null, null, null, null, null, null, null, null,
				effectiveOn, null);
	}

	static DecidedBy decision(long id, String register, LocalDate decidedOn) {
		return new DecidedBy(id, register, "CMFA", decidedOn, null, Sources.of(List.of("https://www.s-cica.org/test-decision")), false);
	}

	/** Runs the test's steps in one transaction, rolled back at the end. */
	void inATransactionRolledBack(java.util.function.Consumer<TransactionStatus> steps) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			try {
				steps.accept(status);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	int periodsOf(String code) {
		return jdbc.sql("select count(*) from status_period where participant_code = ?").param(code).query(Integer.class).single();
	}

	@Test
	void theHandlerTakesAdmissionsAndEnds() {
		assertThat(registryHandler().kinds()).containsExactlyInAnyOrder(EffectKind.ADMIT, EffectKind.END_STATUS);
	}

	@Test
	void aProposalNamingNoRegisteredParticipantOrNoStatusIsRefusedOnItsTerm() {
		var handler = registryHandler();

		assertThatThrownBy(() -> handler.check(admit("XYZ", "OBSERVER", null), 2)).isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("effects[2].participant"));
		assertThatThrownBy(() -> handler.check(admit("not a code", "OBSERVER", null), 0)).isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("effects[0].participant"));
		assertThatThrownBy(() -> handler.check(admit("KAZ", null, null), 1)).isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("effects[1].status"));
		assertThatThrownBy(() -> handler.check(admit("KAZ", "CHAIR", null), 1)).isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("effects[1].status"));
		assertThatThrownBy(() -> handler.check(admit("UN", "MEMBER", null), 0)).isInstanceOf(OnlyStatesAreMembers.class);
		assertThatThrownBy(() -> handler.check(end(null, null), 0)).isInstanceOf(InvalidRequest.class)
				.satisfies(refusal -> assertThat(((InvalidRequest) refusal).parameter()).isEqualTo("effects[0].participant"));

		// a State that has not signed yet may still be proposed as a member: it may sign before adoption
		handler.check(admit(" sau ", "member", null), 0);
		handler.check(end("SAU", null), 0);
	}

	@Test
	void anAdmissionChangesTheStatusAndTheCountsFromItsEffectiveDayAndNotBefore() {
		var handler = registryHandler();
		var decided = clock.today();
		var effective = decided.plusDays(10);
		var ended = effective.plusDays(30);
		inATransactionRolledBack(transaction -> {
			registry.enrol(Participant.state(ParticipantCode.of("QZA"), new ParticipantNames("Qazaria", "Казария", "Republic of Qazaria", null)));
			var observersBefore = registry.roster().census(effective.minusDays(1)).observerStates();
			var observersFrom = registry.roster().census(effective).observerStates();

			handler.check(admit("QZA", "OBSERVER", effective), 0);
			handler.apply(admit("QZA", "OBSERVER", effective), decision(9001, "CMFA/2026/3", decided));

			assertThat(registry.statusOf(ParticipantCode.of("QZA"), effective.minusDays(1))).isNull();
			assertThat(registry.statusOf(ParticipantCode.of("QZA"), effective)).isEqualTo(ParticipantStatus.OBSERVER);
			assertThat(registry.roster().census(effective.minusDays(1)).observerStates()).isEqualTo(observersBefore);
			assertThat(registry.roster().census(effective).observerStates()).isEqualTo(observersFrom + 1);
			var period = registry.participant(ParticipantCode.of("QZA")).periods().get(0);
			assertThat(period.decision()).isEqualTo(new DecisionRef(9001, "CMFA/2026/3"));
			assertThat(period.how()).isEqualTo("admitted by decision CMFA/2026/3");
			assertThat(period.sources().references()).containsExactly("https://www.s-cica.org/test-decision");
			assertThat(jdbc.sql("select decision_id from status_period where participant_code = 'QZA'").query(Long.class).single())
					.isEqualTo(9001L);

			// a later decision ends it: the counts fall from that day, not before
			var observersOnLastDay = registry.roster().census(ended.minusDays(1)).observerStates();
			var observersOnEnd = registry.roster().census(ended).observerStates();
			handler.check(end("QZA", ended), 0);
			handler.apply(end("QZA", ended), decision(9002, "CMFA/2026/4", decided.plusDays(20)));
			assertThat(registry.statusOf(ParticipantCode.of("QZA"), ended.minusDays(1))).isEqualTo(ParticipantStatus.OBSERVER);
			assertThat(registry.statusOf(ParticipantCode.of("QZA"), ended)).isNull();
			assertThat(registry.roster().census(ended.minusDays(1)).observerStates()).isEqualTo(observersOnLastDay);
			assertThat(registry.roster().census(ended).observerStates()).isEqualTo(observersOnEnd - 1);
			assertThat(registry.participant(ParticipantCode.of("QZA")).periods()).singleElement().satisfies(observer -> {
				assertThat(observer.until()).isEqualTo(ended);
				assertThat(observer.decision()).isEqualTo(new DecisionRef(9001, "CMFA/2026/3"));
				assertThat(observer.endedBy()).isEqualTo(new DecisionRef(9002, "CMFA/2026/4"));
			});
			assertThat(jdbc.sql("select ended_decision_register from status_period where participant_code = 'QZA'").query(String.class).single())
					.isEqualTo("CMFA/2026/4");
		});
		assertThat(registry.isRegistered(ParticipantCode.of("QZA"))).as("rolled back").isFalse();
	}

	@Test
	void aMemberWithoutTheFoundingSignaturesIsRefusedAndNothingIsWritten() {
		var handler = registryHandler();
		var decided = clock.today();
		inATransactionRolledBack(transaction -> {
			registry.enrol(Participant.state(ParticipantCode.of("QZB"), new ParticipantNames("Qazbekia", null, "Qazbekia", null))
					.record(new StatusPeriod(ParticipantStatus.OBSERVER, LocalDate.parse("2020-01-01"), org.kurultai.shared.DatePrecision.DAY,
							null, "granted observer status", null, null, Sources.of(List.of("seed:test")), null), registry.admissionRule()));
			var members = registry.roster().census(decided).members();

			handler.check(admit("QZB", "MEMBER", null), 0);
			assertThatThrownBy(() -> handler.apply(admit("QZB", "MEMBER", null), decision(9003, "CMFA/2026/5", decided)))
					.isInstanceOf(MembershipRequiresFoundingDocuments.class);

			assertThat(periodsOf("QZB")).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from status_period where participant_code = 'QZB' and ends_on is null and decision_id is null")
					.query(Integer.class).single()).as("the observer period stays open, unmarked").isEqualTo(1);
			assertThat(registry.roster().census(decided).members()).isEqualTo(members);
			assertThat(registry.statusOf(ParticipantCode.of("QZB"), decided)).isEqualTo(ParticipantStatus.OBSERVER);
		});
	}

	@Test
	void anAdmissionTheHistoryAlreadyHoldsIsOnlyLinkedToTheDecision() {
		var handler = registryHandler();
		var sau = ParticipantCode.of("SAU");
		var councilDay = LocalDate.parse("2023-12-26");
		// the register's own record of the Council's decision (reference/cica/decisions.yaml) is linked at start; unlinked here
		var loaded = registry.participant(sau).periods().get(0).decision();
		assertThat(loaded).as("linked to the recorded Council decision").isNotNull();
		inATransactionRolledBack(transaction -> {
			jdbc.sql("update status_period set decision_id = null, decision_register = null where participant_code = 'SAU'").update();
			var before = registry.participant(sau).periods();
			var counts = registry.roster().census(councilDay);

			handler.apply(admit("SAU", "OBSERVER", null), new DecidedBy(9004, "CMFA/2023/1", "CMFA", councilDay, null,
					Sources.of(List.of("https://astanatimes.com/2023/12/saudi-arabia-becomes-observer-state-in-cica/")), true));

			var after = registry.participant(sau).periods();
			assertThat(after).hasSameSizeAs(before);
			assertThat(after.get(0).decision()).isEqualTo(new DecisionRef(9004, "CMFA/2023/1"));
			assertThat(after.get(0).how()).isEqualTo(before.get(0).how());
			assertThat(after.get(0).sources()).isEqualTo(before.get(0).sources());
			assertThat(after.get(0).note()).isEqualTo(before.get(0).note());
			assertThat(registry.roster().census(councilDay)).isEqualTo(counts);
			assertThat(jdbc.sql("select decision_id, decision_register from status_period where participant_code = 'SAU'")
					.query((rs, row) -> rs.getLong(1) + " " + rs.getString(2)).single()).isEqualTo("9004 CMFA/2023/1");
		});
		assertThat(registry.participant(sau).periods().get(0).decision()).as("rolled back").isEqualTo(loaded);
	}

	@Test
	void theApiAndTheParticipantsPageShowTheDecisionsThatCausedAndEndedAPeriod() throws Exception {
		var handler = registryHandler();
		// committed, for the API and the page to see: a participant made for the test, with periods far in the future
		new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
			registry.enrol(Participant.state(ParticipantCode.of("QZD"), new ParticipantNames("Qazdonia", "Каздония", "Qazdonia", null)));
			handler.apply(admit("QZD", "OBSERVER", LocalDate.parse("2096-01-01")), decision(9005, "CMFA/2096/1", clock.today()));
			handler.apply(end("QZD", LocalDate.parse("2097-01-01")), new DecidedBy(9006, null, "CMFA", clock.today(), null, Sources.none(), true));
		});

		var http = java.net.http.HttpClient.newHttpClient();
		java.util.function.BiFunction<String, String, String> get = (path, language) -> {
			try {
				return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
						.header("Accept", path.startsWith("/api") ? "application/json" : "text/html").header("Accept-Language", language).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString()).body();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
		var period = org.kurultai.Delegations.JSON.readTree(get.apply("/api/participants/QZD", "en")).get("history").get(0);
		assertThat(period.get("decision").get("id").asLong()).isEqualTo(9005);
		assertThat(period.get("decision").get("register").asString()).isEqualTo("CMFA/2096/1");
		assertThat(period.get("endedBy").get("id").asLong()).isEqualTo(9006);
		assertThat(period.get("endedBy").get("register").isNull()).isTrue();
		var reference = org.kurultai.Delegations.JSON.readTree(get.apply("/api/participants/KAZ", "en")).get("history").get(0);
		assertThat(reference.get("decision").isNull()).as("no decision caused the history loaded from the sources").isTrue();

		var english = org.jsoup.Jsoup.parse(get.apply("/participants/QZD", "en"));
		assertThat(english.select("#history .decided-by a").attr("href")).isEqualTo("/decisions/9005");
		assertThat(english.select("#history .decided-by").text()).isEqualTo("Decision: CMFA/2096/1");
		assertThat(english.select("#history .ended-by a").attr("href")).isEqualTo("/decisions/9006");
		assertThat(english.select("#history .ended-by").text()).isEqualTo("Ended by decision: no. 9006");
		var russian = org.jsoup.Jsoup.parse(get.apply("/participants/QZD", "ru"));
		assertThat(russian.select("#history .decided-by").text()).isEqualTo("Решение: CMFA/2096/1");
		assertThat(russian.select("#history .ended-by").text()).isEqualTo("Прекращён решением: № 9006");
		assertThat(org.jsoup.Jsoup.parse(get.apply("/participants/KAZ", "en")).select("#history .decided-by")).isEmpty();
	}
}
