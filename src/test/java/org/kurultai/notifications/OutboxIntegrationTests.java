package org.kurultai.notifications;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against a real SMTP server in-process (GreenMail), on its own database and application context (a mail
 * server configured with {@code spring.mail.host}/{@code port}). The application's own worker sends what commits (woken
 * by the commit; its poll interval is an hour so it does not run on its own); the tests also drive workers of their own
 * with explicit instants — another instance with its own connection pool, a worker that "dies" — instead of sleeping.
 * Each test writes to its own recipients and asserts on those only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kurultai.database.embedded.data-directory=target/test-postgres/outbox", "kurultai.database.embedded.clean=true",
		"kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/outbox/checkpoints-${random.uuid}.log",
		"spring.datasource.url=", "kurultai.reference.dataset=none", "spring.mail.host=127.0.0.1",
		"kurultai.mail.from=kurultai@cica.test", "kurultai.mail.poll-interval=PT1H", "kurultai.mail.initial-backoff=PT1M",
		"kurultai.mail.max-backoff=PT10M", "kurultai.mail.max-attempts=4",
		"spring.messages.basename=i18n/common,i18n/portal,i18n/drafting,i18n/cbm,i18n/accounts,i18n/identity,i18n/notifications,"
				+ "i18n/problems,i18n/tasks,i18n/outbox-test" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxIntegrationTests {

	static final String ADMIN = "outbox.admin@secretariat.example";
	static final String PASSWORD = "correct horse battery staple";
	static final String RUSSIAN_FORUM = "Совещание по взаимодействию и мерам доверия в Азии";
	static final String ENGLISH_FORUM = "Conference on Interaction and Confidence-Building Measures in Asia";
	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	static final JsonMapper JSON = JsonMapper.builder().build();

	static final int SMTP_PORT;
	static volatile GreenMail smtp;

	static {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		SMTP_PORT = smtp.getSmtp().getPort();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort int port;
	@Autowired Notifications notifications;
	@Autowired MailWorker worker;
	@Autowired Outbox outbox;
	@Autowired OutboxProperties properties;
	@Autowired TransactionTemplate transactions;
	@Autowired JdbcClient jdbc;
	@Autowired ForumClock clock;
	@Autowired Accounts accounts;
	@Autowired AuditLog audit;
	@Autowired ApplicationContext context;

	final List<HikariDataSource> pools = new ArrayList<>();

	@BeforeAll
	void openTheAdministrator() {
		accounts.open(ADMIN, "Outbox Administrator", Role.SECRETARIAT_ADMINISTRATOR, null, PASSWORD, "test", "test");
	}

	/**
	 * Each test starts with nothing due: the tests' workers pass instants days ahead, at which another test's mail would
	 * also be due (the queue is global, oldest first).
	 */
	@org.junit.jupiter.api.BeforeEach
	void nothingDue() {
		jdbc.sql("delete from outbox_mail where sent_at is null").update();
	}

	@AfterAll
	void stop() {
		pools.forEach(HikariDataSource::close);
		smtp.stop();
	}

	// --- delivery -------------------------------------------------------------------------------------------------

	@Test
	void aMailWrittenInATransactionArrivesOnceAsTextAndHtmlInTheRecipientsLanguage() throws Exception {
		var russian = unique("ru");
		var english = unique("en");
		transactions.executeWithoutResult(status -> {
			notifications.send(new Notification("outbox-test", russian, "Айгерим Сапарова", Locale.forLanguageTag("ru"),
					Map.of("link", "https://kurultai.test/invitation/ru-token")));
			notifications.send(new Notification("outbox-test", english, null, Locale.ENGLISH,
					Map.of("link", "https://kurultai.test/invitation/en-token")));
		});

		// the application's worker, woken by the commit (its own poll is an hour away)
		awaitDelivered(russian);
		awaitDelivered(english);
		var row = notifications.to(russian).get(0);
		var message = received(russian).get(0);
		assertThat(message.getSubject()).isEqualTo(RUSSIAN_FORUM + ": проверка исходящей почты");
		assertThat(message.getMessageID()).isEqualTo(row.messageId());
		assertThat(message.getHeader("Content-Language", null)).isEqualTo("ru");
		assertThat(message.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("kurultai@cica.test");
		var to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo(russian);
		assertThat(to.getPersonal()).isEqualTo("Айгерим Сапарова");
		assertThat(message.getContentType()).startsWith("multipart/alternative");
		var parts = (MimeMultipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		var text = (String) parts.getBodyPart(0).getContent();
		var html = (String) parts.getBodyPart(1).getContent();
		assertThat(text).startsWith(RUSSIAN_FORUM).contains("Здравствуйте, Айгерим Сапарова!")
				.contains("Это проверка исходящей почты: откройте ссылку ниже.").contains("https://kurultai.test/invitation/ru-token")
				.contains("цифровым секретариатом форума").doesNotContain("[(").doesNotContain("Dear");
		assertThat(html).contains("lang=\"ru\"").contains(RUSSIAN_FORUM).contains("Здравствуйте, Айгерим Сапарова!")
				.contains("href=\"https://kurultai.test/invitation/ru-token\"").doesNotContain("th:text");

		var englishMessage = received(english).get(0);
		assertThat(englishMessage.getSubject()).isEqualTo(ENGLISH_FORUM + ": a test of the outbox");
		assertThat(englishMessage.getHeader("Content-Language", null)).isEqualTo("en");
		var englishText = (String) ((MimeMultipart) englishMessage.getContent()).getBodyPart(0).getContent();
		assertThat(englishText).startsWith(ENGLISH_FORUM).contains("Hello,").contains("https://kurultai.test/invitation/en-token");

		assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
		assertThat(row.attempts()).isEqualTo(1);
		// later passes, of this instance and of another, find nothing more to send: it went once
		worker.sendDue(clock.now().plus(Duration.ofDays(1)));
		anotherInstance(sender()).sendDue(clock.now().plus(Duration.ofDays(1)));
		assertThat(received(russian)).hasSize(1);
		assertThat(received(english)).hasSize(1);
	}

	@Test
	void aMailWrittenInATransactionThatRollsBackNeverExistsAndNeverGoes() {
		var recipient = unique("rolled-back");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			notifications.send(new Notification("outbox-test", recipient, null, Locale.ENGLISH, Map.of("link", "https://kurultai.test/x")));
			throw new IllegalStateException("the act fails after writing its mail");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(notifications.to(recipient)).isEmpty();
		worker.sendDue(clock.now().plus(Duration.ofDays(1)));
		assertThat(received(recipient)).isEmpty();
		assertThatThrownBy(() -> notifications.send(new Notification("outbox-test", recipient, null, Locale.ENGLISH, Map.of("link", "x"))))
				.as("no mail outside a transaction").isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}

	@Test
	void withTheMailServerDownAMailIsRetriedWithBackOffThenFailsThenGoesOnceWhenRetried() throws Exception {
		var recipient = unique("backoff");
		smtp.stop();
		try {
			var id = write(recipient);
			// the wake-up after the commit tries at once, and fails
			await(() -> mail(id).attempts() == 1, "the first attempt");
			var first = mail(id);
			assertThat(first.status()).isEqualTo(OutboxStatus.RETRYING);
			assertThat(first.lastError()).isNotBlank();
			assertThat(first.notBefore()).isEqualTo(first.lastAttemptAt().plus(Duration.ofMinutes(1)));

			// not due yet: nobody tries
			worker.sendDue(first.notBefore().minusSeconds(1));
			assertThat(mail(id).attempts()).isEqualTo(1);
			// each further failure doubles the wait, counted from the injected instant
			var second = first.notBefore();
			worker.sendDue(second);
			assertThat(mail(id).attempts()).isEqualTo(2);
			assertThat(mail(id).notBefore()).isEqualTo(second.plus(Duration.ofMinutes(2)));
			var third = mail(id).notBefore();
			worker.sendDue(third);
			assertThat(mail(id).attempts()).isEqualTo(3);
			assertThat(mail(id).notBefore()).isEqualTo(third.plus(Duration.ofMinutes(4)));
			// the fourth (maximum) attempt fails: the mail is failed, visibly, never dropped
			var fourth = mail(id).notBefore();
			worker.sendDue(fourth);
			var failed = mail(id);
			assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
			assertThat(failed.attempts()).isEqualTo(4);
			assertThat(failed.failedAt()).isEqualTo(fourth);
			assertThat(failed.lastError()).isNotBlank();
			worker.sendDue(fourth.plus(Duration.ofDays(30)));
			assertThat(mail(id).attempts()).as("a failed mail waits for an administrator").isEqualTo(4);
			assertThat(outbox.find(new Outbox.Query(OutboxStatus.FAILED, recipient, 10))).extracting(OutboxMail::id).containsExactly(id);
		}
		finally {
			restartTheMailServer();
		}

		var retried = outbox.retry(mail(recipient).id(), ADMIN, "SECRETARIAT");
		assertThat(retried.failedAt()).isNull();
		assertThat(retried.attempts()).isZero();
		// woken by the retry's commit, the application's worker sends it
		awaitDelivered(recipient);
		assertThat(mail(recipient).status()).isEqualTo(OutboxStatus.SENT);
		worker.sendDue(clock.now().plus(Duration.ofDays(60)));
		assertThat(received(recipient)).hasSize(1);
		assertThat(received(recipient).get(0).getMessageID()).isEqualTo(retried.messageId());
		assertThat(audit.find(new AuditQuery(ADMIN, null, "outbox-mail.retried", null, null, 10))).extracting(e -> e.subject())
				.contains("outbox-mail:" + retried.id());
	}

	@Test
	void aMalformedAddressFailsAtOnce() {
		var id = writeDueLater("not an address@@outbox.test");
		worker.sendDue(clock.now().plus(Duration.ofDays(2)));
		var failed = mail(id);
		assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.lastError()).contains("AddressException");
	}

	@Test
	void withoutAMailServerNothingIsSentAndMailsStayInTheOutbox() {
		var recipient = unique("no-smtp");
		var id = writeDueLater(recipient);
		var unconfigured = new MailWorker(jdbc, context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
				(org.springframework.mail.javamail.JavaMailSender) null, properties, clock, (org.springframework.scheduling.TaskScheduler) null);
		assertThat(unconfigured.configured()).isFalse();
		assertThat(unconfigured.sendDue(clock.now().plus(Duration.ofDays(2)))).isEqualTo(new MailWorker.Pass(0, 0));
		assertThat(mail(id).status()).isEqualTo(OutboxStatus.WAITING);
		assertThat(received(recipient)).isEmpty();
	}

	// --- exactly once -----------------------------------------------------------------------------------------------

	@Test
	void twoInstancesOnOneDatabaseDeliverEveryMailExactlyOnce() throws Exception {
		int count = 60;
		var recipients = new ArrayList<String>();
		for (int i = 0; i < count; i++) {
			recipients.add(unique("many-" + i));
		}
		var first = anotherInstance(sender(), 5);
		var second = anotherInstance(sender(), 5);
		var sent = new AtomicInteger();
		var failures = new ConcurrentHashMap<String, Throwable>();
		var go = new CountDownLatch(1);
		var executor = Executors.newFixedThreadPool(2);
		for (var instance : List.of(first, second)) {
			executor.submit(() -> {
				try {
					go.await();
					// each instance sends as fast as it can until every mail is out (Awaitility bounds the wait)
					org.awaitility.Awaitility.await("all mails sent").atMost(java.time.Duration.ofSeconds(60))
							.pollInterval(java.time.Duration.ofMillis(1)).until(() -> {
								sent.addAndGet(instance.sendDue(clock.now()).sent());
								return sent(recipients) >= count;
							});
				}
				catch (Throwable failure) {
					failures.put(failure.toString(), failure);
				}
			});
		}
		go.countDown();
		// written in five transactions while the two instances (and the application's worker, woken by each commit) send
		for (int batch = 0; batch < 5; batch++) {
			var part = recipients.subList(batch * 12, batch * 12 + 12);
			transactions.executeWithoutResult(status -> part.forEach(r -> notifications.send(new Notification("outbox-test", r, null,
					Locale.ENGLISH, Map.of("link", "https://kurultai.test/" + r)))));
		}
		executor.shutdown();
		assertThat(executor.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
		assertThat(failures).isEmpty();
		assertThat(unsent(recipients)).isZero();
		var ids = new ArrayList<String>();
		for (var recipient : recipients) {
			var messages = received(recipient);
			assertThat(messages).as("mails to %s", recipient).hasSize(1);
			ids.add(messages.get(0).getMessageID());
			assertThat(notifications.to(recipient).get(0).attempts()).isEqualTo(1);
		}
		assertThat(ids).doesNotHaveDuplicates().hasSize(count);
		assertThat(sent.get()).as("the two instances sent some, the application's worker the rest").isBetween(0, count);
		System.out.printf("outbox: of %d mails the two extra instances sent %d%n", count, sent.get());
	}

	@Test
	void aWorkerThatDiesBeforeTheServerAcceptsLeavesTheMailToBeSentOnceByAnother() throws Exception {
		var recipient = unique("crash-before");
		var id = writeDueLater(recipient);
		var at = clock.now().plus(Duration.ofDays(3));
		var claimed = new CountDownLatch(1);
		var die = new CountDownLatch(1);
		var dying = anotherInstance(new JavaMailSenderImpl() {

			@Override
			public void send(MimeMessage message) {
				claimed.countDown();
				awaitLatch(die);
				throw new ProcessDied();
			}
		});
		var survivor = anotherInstance(sender());
		var outcome = Executors.newSingleThreadExecutor().submit(() -> dying.sendDue(at));
		assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

		// while the dying one holds the row, the other instance skips it: it is neither sent twice nor blocked on
		survivor.sendDue(at);
		assertThat(received(recipient)).isEmpty();
		assertThat(mail(id).status()).isEqualTo(OutboxStatus.WAITING);

		die.countDown();
		assertThatThrownBy(outcome::get).hasCauseInstanceOf(ProcessDied.class);
		var after = mail(id);
		assertThat(after.status()).as("the claim rolled back with the dead process").isEqualTo(OutboxStatus.WAITING);
		assertThat(after.attempts()).isZero();

		survivor.sendDue(at);
		assertThat(received(recipient)).hasSize(1);
		assertThat(mail(id).status()).isEqualTo(OutboxStatus.SENT);
		survivor.sendDue(at.plus(Duration.ofDays(1)));
		assertThat(received(recipient)).hasSize(1);
	}

	/**
	 * The one window exactly-once cannot close (ADR 10): the server accepted the mail and the process died before the
	 * commit. It is sent again — with the same Message-ID, so the recipient's mail system can tell it is the same mail.
	 */
	@Test
	void aWorkerThatDiesAfterTheServerAcceptedCausesOneDuplicateWithTheSameMessageId() throws Exception {
		var recipient = unique("crash-after");
		var id = writeDueLater(recipient);
		var at = clock.now().plus(Duration.ofDays(3));
		var dying = anotherInstance(new JavaMailSenderImpl() {

			{
				setHost("127.0.0.1");
				setPort(SMTP_PORT);
			}

			@Override
			public void send(MimeMessage message) {
				super.send(message);
				throw new ProcessDied();
			}
		});
		assertThatThrownBy(() -> dying.sendDue(at)).isInstanceOf(ProcessDied.class);
		assertThat(received(recipient)).hasSize(1);
		assertThat(mail(id).status()).isEqualTo(OutboxStatus.WAITING);

		anotherInstance(sender()).sendDue(at);
		var copies = received(recipient);
		assertThat(copies).hasSize(2);
		assertThat(copies.get(0).getMessageID()).isEqualTo(copies.get(1).getMessageID()).isEqualTo(mail(id).messageId());
		assertThat(mail(id).status()).isEqualTo(OutboxStatus.SENT);
	}

	// --- the outbox page and API -----------------------------------------------------------------------------------

	@Test
	void theAdministratorReadsTheOutboxFiltersItAndRetriesAFailedMail() throws Exception {
		var waiting = unique("page-waiting");
		var failedRecipient = unique("page-failed");
		var waitingId = writeDueLater(waiting);
		var failedId = writeDueLater(failedRecipient);
		jdbc.sql("update outbox_mail set attempts = 4, last_attempt_at = now(), failed_at = now(), last_error = ? where id = ?")
				.params("MailSendException: Mail server connection failed", failedId).update();

		var admin = new Session();
		assertThat(admin.signIn(ADMIN, PASSWORD)).startsWith("302");

		var page = admin.get("/admin/outbox?recipient=" + waiting, "text/html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Outbox").contains(waiting).contains(ENGLISH_FORUM + ": a test of the outbox")
				.contains("Waiting").contains("https://kurultai.test/" + waiting).doesNotContain(failedRecipient);

		var failedPage = admin.get("/admin/outbox?status=failed&recipient=" + failedRecipient, "text/html");
		assertThat(failedPage.body()).contains(failedRecipient).contains("Failed").contains("Mail server connection failed")
				.contains("/admin/outbox/" + failedId + "/retry").doesNotContain(waiting);
		assertThat(admin.get("/admin/outbox?status=sent&recipient=" + failedRecipient, "text/html").body())
				.doesNotContain("id=\"mail-" + failedId + "\"").contains("No mail.");

		var api = JSON.readTree(admin.get("/api/admin/outbox?recipient=" + waiting, "application/json").body());
		assertThat(api.size()).isEqualTo(1);
		assertThat(api.get(0).get("status").asString()).isEqualTo("waiting");
		assertThat(api.get(0).get("text").asString()).contains("https://kurultai.test/" + waiting);
		assertThat(api.get(0).get("id").asLong()).isEqualTo(waitingId);
		var failedJson = JSON.readTree(admin.get("/api/admin/outbox?status=FAILED&recipient=" + failedRecipient, "application/json").body());
		assertThat(failedJson.get(0).get("attempts").asInt()).isEqualTo(4);
		assertThat(failedJson.get(0).get("lastError").asString()).contains("connection failed");

		var bad = admin.get("/api/admin/outbox?status=lost", "application/json");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(admin.get("/api/admin/outbox?limit=0", "application/json").statusCode()).isEqualTo(400);
		assertThat(admin.get("/admin/outbox?status=lost", "text/html").statusCode()).isEqualTo(400);

		// a mail that is not failed is not retried by hand; an unknown one is not found; nothing changes
		assertThat(admin.post("/api/admin/outbox/" + waitingId + "/retry", failedPage.body()).statusCode()).isEqualTo(409);
		assertThat(admin.post("/api/admin/outbox/999999999/retry", failedPage.body()).statusCode()).isEqualTo(404);
		assertThat(mail(waitingId).attempts()).isZero();

		var retry = admin.post("/admin/outbox/" + failedId + "/retry", failedPage.body());
		assertThat(retry.statusCode()).isEqualTo(302);
		assertThat(retry.headers().firstValue("Location").orElse("")).endsWith("/admin/outbox");
		assertThat(mail(failedId).failedAt()).isNull();
		assertThat(mail(failedId).status()).isIn(OutboxStatus.WAITING, OutboxStatus.SENT);
		var confirmation = admin.get("/admin/outbox", "text/html").body();
		assertThat(confirmation).contains("Mail " + failedId + " will be tried again now.");
		assertThat(audit.find(new AuditQuery(ADMIN, null, "outbox-mail.retried", null, null, 10))).extracting(e -> e.subject())
				.contains("outbox-mail:" + failedId);
		awaitDelivered(failedRecipient);

		// once sent, the text is the recipient's: not shown
		var sentJson = JSON.readTree(admin.get("/api/admin/outbox?recipient=" + failedRecipient, "application/json").body());
		assertThat(sentJson.get(0).get("status").asString()).isEqualTo("sent");
		assertThat(sentJson.get(0).get("text").isNull()).isTrue();
		assertThat(admin.get("/admin/outbox?recipient=" + failedRecipient, "text/html").body())
				.doesNotContain("https://kurultai.test/" + failedRecipient);

		// in Russian, switched as a person does
		var switched = admin.post("/language", confirmation, "language=ru&return=/admin/outbox");
		assertThat(switched.statusCode()).isEqualTo(302);
		var russian = admin.get("/admin/outbox?recipient=" + waiting, "text/html").body();
		assertThat(russian).contains("lang=\"ru\"").contains("Исходящая почта").contains("Ожидает отправки");
	}

	// --- helpers -----------------------------------------------------------------------------------------------------

	static final class ProcessDied extends Error {

		ProcessDied() {
			super("the process died");
		}
	}

	final class Session {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(String path, String accept) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a form with the CSRF token of a page this session was given. */
		HttpResponse<String> post(String path, String pageWithToken) throws Exception {
			return post(path, pageWithToken, "");
		}

		HttpResponse<String> post(String path, String pageWithToken, String form) throws Exception {
			var matcher = CSRF.matcher(pageWithToken);
			assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
			return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
					.POST(HttpRequest.BodyPublishers.ofString((form.isEmpty() ? "" : form + "&") + "_csrf="
							+ URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8)))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		String signIn(String email, String password) throws Exception {
			var form = get("/login", "text/html");
			var matcher = CSRF.matcher(form.body());
			assertThat(matcher.find()).isTrue();
			var body = Map.of("username", email, "password", password, "_csrf", matcher.group(1)).entrySet().stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			var answer = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
	}

	long write(String recipient) {
		return transactions.execute(status -> notifications.send(new Notification("outbox-test", recipient, null, Locale.ENGLISH,
				Map.of("link", "https://kurultai.test/" + recipient))));
	}

	/** A mail due in a day: the application's worker (real time) leaves it alone; the tests' workers pass later instants. */
	long writeDueLater(String recipient) {
		return transactions.execute(status -> {
			var id = notifications.send(new Notification("outbox-test", recipient, null, Locale.ENGLISH,
					Map.of("link", "https://kurultai.test/" + recipient)));
			jdbc.sql("update outbox_mail set not_before = not_before + interval '1 day' where id = ?").param(id).update();
			return id;
		});
	}

	OutboxMail mail(long id) {
		return outbox.mail(id);
	}

	OutboxMail mail(String recipient) {
		return notifications.to(recipient).get(0);
	}

	long sent(List<String> recipients) {
		return jdbc.sql("select count(*) from outbox_mail where recipient in (:r) and sent_at is not null").param("r", recipients)
				.query(Long.class).single();
	}

	long unsent(List<String> recipients) {
		return jdbc.sql("select count(*) from outbox_mail where recipient in (:r) and sent_at is null").param("r", recipients)
				.query(Long.class).single();
	}

	/** The messages the SMTP server received for one recipient. */
	static List<MimeMessage> received(String recipient) {
		var messages = new ArrayList<MimeMessage>();
		for (var message : smtp.getReceivedMessages()) {
			try {
				for (var to : message.getAllRecipients()) {
					if (((InternetAddress) to).getAddress().equalsIgnoreCase(recipient)) {
						messages.add(message);
					}
				}
			}
			catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return messages;
	}

	static void restartTheMailServer() {
		var restarted = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		restarted.start();
		smtp = restarted;
	}

	JavaMailSenderImpl sender() {
		var sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(SMTP_PORT);
		return sender;
	}

	MailWorker anotherInstance(JavaMailSenderImpl sender) {
		return anotherInstance(sender, properties.batchSize());
	}

	/** A worker as another instance would run it: its own connection pool and transactions on the same database. */
	MailWorker anotherInstance(JavaMailSenderImpl sender, int batchSize) {
		var directory = EmbeddedDatabaseAccess.dataDirectory(context);
		var credentials = EmbeddedDatabaseAccess.credentials(directory);
		var pool = new HikariDataSource();
		pool.setJdbcUrl(EmbeddedDatabaseAccess.jdbcUrl(directory));
		pool.setUsername(credentials.appRole());
		pool.setPassword(credentials.appPassword());
		pool.setMaximumPoolSize(2);
		pools.add(pool);
		var own = new OutboxProperties(properties.from(), properties.pollInterval(), batchSize, properties.maxAttempts(),
				properties.initialBackoff(), properties.maxBackoff());
		return new MailWorker(JdbcClient.create(pool), new DataSourceTransactionManager(pool), sender, own, clock,
				(org.springframework.scheduling.TaskScheduler) null);
	}

	/** Received by the server and marked sent (the mark commits just after the server's acceptance). */
	void awaitDelivered(String recipient) throws InterruptedException {
		await(() -> received(recipient).size() == 1 && mail(recipient).status() == OutboxStatus.SENT, "a mail to " + recipient);
	}

	static void await(BooleanSupplier condition, String what) {
		org.awaitility.Awaitility.await(what).atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(50))
				.until(condition::getAsBoolean);
	}

	static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@SuppressWarnings("unused")
	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}
}
