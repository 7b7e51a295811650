package org.kurultai.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.kurultai.TestClock;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.notifications.Notifications;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Kurultai on one database, each with its outbox worker sending to the same SMTP server: a meeting
 * convened on one and changed on the other, a registration reminder and a daily digest run by both at the same moment —
 * each person receives each mail once.
 */
@NoticesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesTwoInstancesIntegrationTests {

	@LocalServerPort int port;
	@Autowired ConfigurableApplicationContext context;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired TestClock clock;
	@Autowired ForumClock forumClock;
	@Autowired Notifications notifications;
	@Autowired Digests digests;

	final String unique = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
	ConfigurableApplicationContext instanceB;
	Delegations onA;
	Delegations onB;
	Actor officer;
	Actor russia;
	Actor japan;
	Actor india;

	@BeforeAll
	void startASecondInstanceOnTheSameDatabaseAndMailServer() {
		var arguments = new ArrayList<>(List.of(EmbeddedDatabaseAccess.externalArguments(context)));
		arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + MailServer.smtp().getSmtp().getPort(), "--kurultai.mail.from=kurultai@cica.test",
				"--kurultai.mail.poll-interval=PT1S", "--kurultai.public-url=https://kurultai.test",
				"--kurultai.notices.reminder-interval=PT24H", "--kurultai.notices.digest-poll=PT24H"));
		// the same clock as this instance's, so that both see the same "now" (deadlines, due mails)
		instanceB = new SpringApplicationBuilder(KurultaiApplication.class)
				.initializers(b -> ((GenericApplicationContext) b).registerBean("testClock", Clock.class, () -> clock,
						definition -> definition.setPrimary(true)))
				.run(arguments.toArray(String[]::new));
		int portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
		onA = new Delegations(port, accounts, tokens);
		onB = new Delegations(portB, accounts, tokens);
		officer = onA.secretariat("twin-" + unique);
		russia = onA.coordinator("twin-" + unique, "RUS");
		japan = onA.coordinator("twin-" + unique, "JPN");
		india = onA.coordinator("twin-" + unique, "IND");
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	@Test
	void aMeetingConvenedOnOneInstanceAndChangedOnTheOtherIsMailedOnceEachWhileBothSend() {
		var title = "Twin meeting " + unique;
		var convened = onA.post("/api/meetings", officer, """
				{"body": "SOC", "title": "%s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(title, forumClock.today().plusDays(60)));
		assertThat(convened.status()).as(convened.toString()).isEqualTo(201);
		var id = convened.json().get("id").asString();
		var changed = onB.call("PATCH", "/api/meetings/" + id, officer, """
				{"online": true, "reason": "Held by video conference"}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		for (var person : List.of(russia, japan)) {
			assertThat(once(person, "meeting convened, " + title)).isNotNull();
			assertThat(MailServer.text(once(person, "meeting changed, " + title))).contains("Held by video conference");
		}
	}

	@Test
	void aRegistrationReminderAndADailyDigestRunByBothInstancesAtOnceAreMailedOnce() throws Exception {
		// the digest: India's coordinator takes convened meetings once a day
		var digested = onA.call("PUT", "/api/me/notification-settings", india, "{\"kinds\": {\"MEETING_CONVENED\": \"DAILY\"}}");
		assertThat(digested.status()).as(digested.toString()).isEqualTo(200);
		var title = "Twin registration " + unique;
		var closes = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
		var convened = onA.post("/api/meetings", officer, """
				{"body": "SOC", "title": "%s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS", "registrationCloses": "%s"}"""
				.formatted(title, forumClock.today().plusDays(10), closes));
		assertThat(convened.status()).as(convened.toString()).isEqualTo(201);

		var remindersA = context.getBean("registrationReminders");
		var remindersB = instanceB.getBean("registrationReminders");
		var remindDue = remindersA.getClass().getDeclaredMethod("remindDue");
		remindDue.setAccessible(true);
		var digestsB = instanceB.getBean(Digests.class);
		var day = forumClock.today();
		atOnce(List.of(() -> remindDue.invoke(remindersA), () -> remindDue.invoke(remindersB)));
		atOnce(List.of(() -> digests.send(day), () -> digestsB.send(day)));

		assertThat(MailServer.text(once(russia, "registration closing, " + title))).contains(title);
		assertThat(MailServer.text(once(india, "your notifications"))).contains(title);
		assertThat(mails(india, "meeting convened, " + title)).as("in the digest, not on its own").isEmpty();
	}

	/** Runs the tasks at the same moment on two threads and waits for both. */
	private static void atOnce(List<Callable<Object>> tasks) throws Exception {
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(tasks.size());
		try {
			var runs = new ArrayList<Future<Object>>();
			for (var task : tasks) {
				runs.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (var run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The one mail the person received about these words, once everything written to them has gone out. */
	private MimeMessage once(Actor person, String words) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !mails(person, words).isEmpty());
		await().atMost(Duration.ofSeconds(60))
				.until(() -> notifications.to(person.account().email()).stream().allMatch(m -> m.sentAt() != null || m.failedAt() != null));
		var found = mails(person, words);
		assertThat(found).as("mails to %s about %s", person.account().email(), words).hasSize(1);
		return found.get(0);
	}

	private static List<MimeMessage> mails(Actor person, String words) {
		return MailServer.to(person.account().email()).stream()
				.filter(m -> MailServer.subject(m).contains(words) || MailServer.text(m).contains(words)).toList();
	}
}
