package org.kurultai.decisions;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
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
import static org.awaitility.Awaitility.await;

/**
 * All 28 member States break silence at once, before the deadline or as it passes, while four closers
 * (as if four application instances) race to close the procedure: one outcome, closed exactly once.
 * The first communication to break silence ends the procedure at once (the forum's default), so it is
 * the one recorded: every other is refused and nowhere; and a break racing the deadline either gets
 * in first (silence broken) or is refused after the adoption at the deadline, never both. The deadline
 * passes when the test moves the application's clock past it, however loaded the machine is.
 */
@IntegrationTest
class SilenceConcurrencyIntegrationTests {

	@Autowired Decisions decisions;
	@Autowired Drafting drafting;
	@Autowired Accounts accounts;
	@Autowired Registry registry;
	@Autowired ForumClock clock;
	@Autowired TestClock time;

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	static final Duration LEAD = Duration.ofMinutes(5);
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
			// the deadline well ahead on the application's clock: it passes when this test moves the clock, not when the machine is slow
			var deadline = LocalDateTime.ofInstant(time.instant().plus(LEAD), ALMATY).truncatedTo(ChronoUnit.SECONDS);
			var decision = decisions.propose(officer, new Decisions.Proposal("SOC", document.id(), 0, null, null, null, Procedure.SILENCE,
					null, null, deadline, "Asia/Almaty", null));
			var deadlineInstant = decision.deadline();

			// run 0: every State writes before the deadline; run 1: every State writes just as the deadline passes (released
			// together with the clock's move: a race between the break and the close at the deadline); run 2: all write after it
			int before = run == 0 ? coordinators.size() : 0;
			boolean race = run == 1;
			var accepted = ConcurrentHashMap.<String>newKeySet();
			var refused = ConcurrentHashMap.<String>newKeySet();
			var failures = new ConcurrentHashMap<String, Throwable>();
			var closes = new AtomicInteger();
			var written = new AtomicInteger();
			var start = new CountDownLatch(1);
			var crossing = new CountDownLatch(1);
			var closed = new AtomicBoolean();
			var executor = Executors.newFixedThreadPool(34);
			{
				for (int i = 0; i < coordinators.size(); i++) {
					var coordinator = coordinators.get(i);
					boolean early = i < before;
					executor.submit(() -> {
						released(start);
						if (!early) {
							released(crossing);
						}
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
						finally {
							written.incrementAndGet();
						}
					});
				}
				executor.submit(() -> {
					released(start);
					try {
						await().atMost(Duration.ofMinutes(2)).until(() -> written.get() >= before);
						if (race) {
							crossing.countDown();
							// a random head start for the writers (not a wait for time): a break may or may not get in first
							java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(0, 30_000_000));
							time.advanceTo(deadlineInstant.plusMillis(1));
						}
						else {
							time.advanceTo(deadlineInstant.plusMillis(1));
							crossing.countDown();
						}
					}
					catch (Throwable unexpected) {
						failures.put("clock", unexpected);
						crossing.countDown();
					}
				});
				for (int closer = 0; closer < 4; closer++) {
					executor.submit(() -> {
						released(start);
						// as if four instances polling, until the procedure is closed (by one of them or the background poller)
						while (!closed.get() && failures.isEmpty()) {
							try {
								if (decisions.closeIfDue(decision.id(), clock.now())) {
									closes.incrementAndGet();
								}
								if (!decisions.decision(decision.id(), org.kurultai.identity.Viewer.PUBLIC).open()) {
									closed.set(true);
								}
							}
							catch (Throwable unexpected) {
								failures.put("closer", unexpected);
							}
							java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // a poller's pace, not a wait for time
						}
					});
				}
				start.countDown();
				executor.shutdown();
				assertThat(executor.awaitTermination(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
			}

			assertThat(failures).as("no request failed other than by the rules").isEmpty();
			assertThat(accepted.size() + refused.size()).isEqualTo(28);
			assertThat(accepted).as("the first communication ends the procedure: no second one is recorded").hasSizeLessThanOrEqualTo(1);
			assertThat(closes.get()).as("one close among the background poller and four racing closers").isLessThanOrEqualTo(1);
			var outcome = decisions.decision(decision.id(), org.kurultai.identity.Viewer.PUBLIC);
			assertThat(outcome.open()).isFalse();
			var recorded = jdbc.sql("select participant from objection where decision_id = ?").param(decision.id()).query(String.class).list();
			assertThat(recorded).as("every accepted objection recorded once, no refused one").containsExactlyInAnyOrderElementsOf(accepted);
			var closings = audit.find(new AuditQuery(null, null, "silence.closed", null, null, 10_000)).stream()
					.filter(entry -> entry.subject().equals("decision:" + decision.id())).count();
			assertThat(closings).as("closed exactly once").isEqualTo(1);
			var broken = audit.find(new AuditQuery(null, null, "silence.broken", null, null, 10_000)).stream()
					.filter(entry -> entry.subject().equals("decision:" + decision.id())).count();
			assertThat(broken).isEqualTo(accepted.size());
			if (accepted.isEmpty()) {
				assertThat(outcome.status()).isEqualTo(DecisionStatus.ADOPTED);
				assertThat(outcome.closedAt()).isAfterOrEqualTo(deadlineInstant);
				assertThat(outcome.registerNumber()).isNotNull();
			}
			else {
				assertThat(outcome.status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
				assertThat(outcome.outcomeNote()).isEqualTo("Objection by " + accepted.iterator().next() + ".");
				assertThat(outcome.closedAt()).as("ended by the break, not at the deadline").isBefore(deadlineInstant);
				assertThat(outcome.registerNumber()).isNull();
				assertThat(closes.get()).as("nothing left for the closers").isZero();
			}
			switch (run) {
				case 0 -> assertThat(accepted).as("the first of those who wrote before the deadline").hasSize(1);
				case 1 -> assertThat(refused).as("all but at most the one that got in before the deadline").hasSizeGreaterThanOrEqualTo(27);
				default -> assertThat(refused).as("all wrote after the deadline in the last run").hasSize(28);
			}
			System.out.printf("silence run %d: %d objections accepted, %d refused, outcome %s%n", run, accepted.size(),
					refused.size(), outcome.status());
		}
	}

	private static void released(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
