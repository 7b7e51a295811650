package org.kurultai.decisions;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Paragraph;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All 28 member States break silence at once as the deadline passes, while four closers (as if four
 * application instances) race to close the procedure: one outcome, and every objection either
 * recorded once and counted, or refused and nowhere.
 */
@IntegrationTest
class SilenceConcurrencyIntegrationTests {

	@Autowired Decisions decisions;
	@Autowired Drafting drafting;
	@Autowired Accounts accounts;
	@Autowired Registry registry;
	@Autowired ForumClock clock;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	@Test
	void twentyEightMembersBreakSilenceAsTheDeadlinePasses() throws Exception {
		var members = registry.standingsOn(clock.today(), ParticipantStatus.MEMBER).stream().map(s -> s.code().value()).toList();
		assertThat(members).hasSize(28);
		var coordinators = new ArrayList<Account>();
		for (var member : members) {
			var email = "concurrency.coordinator." + member.toLowerCase(java.util.Locale.ROOT) + "@mfa.example";
			coordinators.add(accounts.byEmail(email)
					.orElseGet(() -> accounts.open(email, email, Role.NATIONAL_COORDINATOR, member, "a long enough password", "test", "test")));
		}
		var officer = accounts.byEmail("concurrency.officer@secretariat.example").orElseGet(() -> accounts.open(
				"concurrency.officer@secretariat.example", "Officer", Role.SECRETARIAT_OFFICER, null, "a long enough password", "test", "test"));

		for (int run = 0; run < 3; run++) {
			var document = drafting.table(officer, new Drafting.NewDocument(DocumentType.DECISION, "Decision on the calendar, run " + run,
					"SOC", Access.PUBLIC, null, null, List.of(Paragraph.agreed("1", Map.of("en", "The Committee approves the calendar.")))));
			var deadline = LocalDateTime.now(ZoneId.of("Asia/Almaty")).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
			var decision = decisions.propose(officer, new Decisions.Proposal("SOC", document.id(), 0, null, null, null, Procedure.SILENCE,
					null, null, deadline, "Asia/Almaty", null));
			var deadlineInstant = decision.deadline();

			var accepted = ConcurrentHashMap.<String>newKeySet();
			var refused = ConcurrentHashMap.<String>newKeySet();
			var failures = new ConcurrentHashMap<String, Throwable>();
			var closes = new AtomicInteger();
			var start = new CountDownLatch(1);
			var executor = Executors.newFixedThreadPool(32);
			{
				for (var coordinator : coordinators) {
					// each State writes somewhere within half a second either side of the deadline
					long offset = ThreadLocalRandom.current().nextLong(-500, 500) + (run == 0 ? -1500 : 0);
					executor.submit(() -> {
						await(start);
						sleepUntil(deadlineInstant.plusMillis(offset));
						try {
							decisions.object(coordinator, decision.id(), "Silence broken by " + coordinator.participant());
							accepted.add(coordinator.participant());
						}
						catch (RuleViolation tooLate) {
							refused.add(coordinator.participant());
						}
						catch (Throwable unexpected) {
							failures.put(coordinator.participant(), unexpected);
						}
					});
				}
				for (int closer = 0; closer < 4; closer++) {
					executor.submit(() -> {
						await(start);
						while (Instant.now().isBefore(deadlineInstant.plusMillis(800))) {
							try {
								if (decisions.closeIfDue(decision.id(), Instant.now())) {
									closes.incrementAndGet();
								}
							}
							catch (Throwable unexpected) {
								failures.put("closer", unexpected);
							}
							sleepUntil(Instant.now().plusMillis(5));
						}
					});
				}
				start.countDown();
				executor.shutdown();
				assertThat(executor.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			}

			assertThat(failures).as("no request failed other than by the rules").isEmpty();
			assertThat(accepted.size() + refused.size()).isEqualTo(28);
			assertThat(closes.get()).as("one close among the background poller and four racing closers").isLessThanOrEqualTo(1);
			var closed = awaitClosed(decision.id());
			var recorded = jdbc.sql("select participant from objection where decision_id = ?").param(decision.id()).query(String.class).list();
			assertThat(recorded).as("every accepted objection recorded once, no refused one").containsExactlyInAnyOrderElementsOf(accepted);
			var closings = audit.find(new AuditQuery(null, null, "silence.closed", null, null, 10_000)).stream()
					.filter(entry -> entry.subject().equals("decision:" + decision.id())).count();
			assertThat(closings).as("closed exactly once").isEqualTo(1);
			var broken = audit.find(new AuditQuery(null, null, "silence.broken", null, null, 10_000)).stream()
					.filter(entry -> entry.subject().equals("decision:" + decision.id())).count();
			assertThat(broken).isEqualTo(accepted.size());
			if (accepted.isEmpty()) {
				assertThat(closed.status()).isEqualTo(DecisionStatus.ADOPTED);
			}
			else {
				assertThat(closed.status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
				accepted.forEach(code -> assertThat(closed.outcomeNote()).contains(code));
				refused.forEach(code -> assertThat(closed.outcomeNote()).doesNotContain(code + ","));
			}
			if (run == 0) {
				assertThat(accepted).as("all wrote well before the deadline in the first run").hasSizeGreaterThan(20);
			}
			assertThat(closed.closedAt()).isAfterOrEqualTo(deadlineInstant);
			System.out.printf("silence run %d: %d objections accepted, %d refused after the deadline, outcome %s%n", run, accepted.size(),
					refused.size(), closed.status());
		}
	}

	private Decision awaitClosed(long id) {
		var until = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(until)) {
			var decision = decisions.decision(id, org.kurultai.identity.Viewer.PUBLIC);
			if (!decision.open()) {
				return decision;
			}
			sleepUntil(Instant.now().plusMillis(100));
		}
		throw new AssertionError("not closed");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleepUntil(Instant instant) {
		long millis = java.time.Duration.between(Instant.now(), instant).toMillis();
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
