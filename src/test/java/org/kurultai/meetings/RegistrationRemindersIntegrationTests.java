package org.kurultai.meetings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration deadline reminder: once per meeting and deadline, also when two instances (here two threads) run the
 * job at the same moment; again for a changed deadline; never for a cancelled meeting or a deadline outside the window.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationRemindersIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired RegistrationReminders reminders;
	@Autowired ConfigurableApplicationContext context;

	Delegations api;
	Delegations.Actor secretariat;
	Delegations.Actor kaz;
	final List<RegistrationClosing> published = new CopyOnWriteArrayList<>();
	final ApplicationListener<org.springframework.context.ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof RegistrationClosing closing) {
			published.add(closing);
		}
	};
	final String unique = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void listen() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("reminders");
		kaz = api.coordinator("reminders", "KAZ");
		context.addApplicationListener(listener);
	}

	@AfterAll
	void stopListening() {
		context.removeApplicationListener(listener);
	}

	private String meeting(Instant closes) {
		var from = clock.today().plusDays(30);
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Reminded session %s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(unique, from));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var id = response.json().get("id").asString();
		closes(id, closes);
		return id;
	}

	private void closes(String meeting, Instant closes) {
		jdbc.sql("update meeting set registration_closes = ? where id = ?").params(closes.atOffset(ZoneOffset.UTC), meeting).update();
	}

	private List<RegistrationClosing> of(String meeting) {
		return published.stream().filter(event -> event.meeting().equals(meeting)).toList();
	}

	@Test
	void twoInstancesRemindOfADeadlineOnceAndAChangedDeadlineAgain() throws Exception {
		var closes = clock.now().plus(Duration.ofDays(1));
		var meeting = meeting(closes);
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = List.of(pool.submit(() -> {
				start.await();
				return reminders.remindDue();
			}), pool.submit(() -> {
				start.await();
				return reminders.remindDue();
			}));
			start.countDown();
			for (var run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(of(meeting)).hasSize(1);
		var event = of(meeting).get(0);
		assertThat(Duration.between(closes, event.closes()).abs()).isLessThan(Duration.ofMillis(1));
		assertThat(event.unregistered()).contains("KAZ", "AZE");
		assertThat(jdbc.sql("select registration_reminded_for from meeting where id = ?").param(meeting)
				.query(java.time.OffsetDateTime.class).single().toInstant()).isEqualTo(event.closes());

		reminders.remindDue();
		assertThat(of(meeting)).as("reminded once for that deadline").hasSize(1);

		// the deadline moves: a new reminder, without the delegations registered meanwhile
		var person = api.actor("reminders.delegate." + unique + "@mfa.example", org.kurultai.identity.Role.DELEGATE, "KAZ");
		var accreditations = context.getBean(org.kurultai.identity.Accreditations.class);
		accreditations.accredit(accreditations.propose(kaz.account(), person.account().email()).id(), secretariat.account());
		assertThat(api.post("/api/meetings/" + meeting + "/delegations", kaz, """
				{"participant": "KAZ", "head": {"email": "%s", "title": "Minister", "level": "MINISTER"}}""".formatted(person.account().email()))
				.status()).isEqualTo(201);
		closes(meeting, closes.plus(Duration.ofHours(12)));
		reminders.remindDue();
		assertThat(of(meeting)).hasSize(2);
		assertThat(of(meeting).get(1).unregistered()).doesNotContain("KAZ").contains("AZE");
	}

	@Test
	void cancelledMeetingsAndDeadlinesOutsideTheWindowAreNotReminded() {
		var cancelled = meeting(clock.now().plus(Duration.ofHours(5)));
		jdbc.sql("update meeting set status = 'CANCELLED' where id = ?").param(cancelled).update();
		var far = meeting(clock.now().plus(Duration.ofDays(10)));
		var passed = meeting(clock.now().minus(Duration.ofHours(1)));
		reminders.remindDue();
		assertThat(of(cancelled)).isEmpty();
		assertThat(of(far)).isEmpty();
		assertThat(of(passed)).isEmpty();
		// the window reaches the far deadline: reminded then
		var due = meeting(clock.now().plus(Duration.ofDays(3)).minusSeconds(60));
		reminders.remindDue();
		assertThat(of(due)).hasSize(1);
	}
}
