package org.kurultai.notices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.TestClock;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.meetings.MeetingCancelled;
import org.kurultai.meetings.MeetingChanged;
import org.kurultai.meetings.RegistrationClosing;
import org.kurultai.notifications.Notifications;
import org.kurultai.notifications.OutboxMail;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices against a real SMTP server: each kind reaches the people it concerns who may see the record (and nobody
 * else, nor the person who acted), in their language; the deadline of a silence procedure in the forum's and the
 * reader's zone; settings, the daily digest, unsubscribing, and exactly once with two writers at a time.
 */
@NoticesTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesIntegrationTests {

	static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired TestClock testClock;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate transactions;
	@Autowired ApplicationEventPublisher events;
	@Autowired Notifications notifications;
	@Autowired Digests digests;
	@Autowired Reminders reminders;

	final String unique = Long.toString(System.nanoTime() % 2_000_000_000L, 36);
	final HttpClient http = HttpClient.newHttpClient();
	Delegations api;
	Actor officer;
	Actor colleague;
	Actor kazakhstan;
	Actor russia;
	Actor japan;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("ntc-" + unique);
		colleague = api.actor("ntc-" + unique + ".colleague@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		kazakhstan = api.coordinator("ntc-" + unique, "KAZ");
		russia = api.coordinator("ntc-" + unique, "RUS");
		japan = api.coordinator("ntc-" + unique, "JPN");
		speaksRussian(kazakhstan);
	}

	void speaksRussian(Actor actor) {
		jdbc.sql("update account set language = 'ru' where id = ?").param(actor.account().id()).update();
	}

	// ---------------------------------------------------------------- meetings

	@Test
	void aMeetingConvenedReachesThePeopleOfTheStatesThatMaySeeItAndTheSecretariatInTheirLanguage() {
		var title = "Notices named meeting " + unique;
		var id = meeting(title, "NAMED_PARTICIPANTS", "[\"KAZ\"]", clock.today().plusDays(20));

		var russian = mail(kazakhstan, title);
		assertThat(MailServer.subject(russian)).isEqualTo("Курултай: созвано заседание — " + title);
		assertThat(MailServer.text(russian)).contains("созывается").contains("https://kurultai.test/meetings/" + id)
				.contains("Совещание по взаимодействию и мерам доверия в Азии");
		var english = mail(colleague, title);
		assertThat(MailServer.subject(english)).isEqualTo("Kurultai: meeting convened, " + title);
		assertThat(MailServer.text(english)).contains(title + " is convened for ");
		// a State the meeting does not name, an observer, and the officer who convened it are told nothing
		for (var other : List.of(russia, japan, officer)) {
			assertThat(outbox(other, title)).as(other.account().email()).isEmpty();
			assertThat(api.get("/api/me/notifications", other).body()).doesNotContain(title);
		}
		// in-app: the notice, unread, newest first
		var list = api.get("/api/me/notifications?size=5", kazakhstan).json();
		var first = list.get("notifications").get(0);
		assertThat(first.get("kind").asString()).isEqualTo("MEETING_CONVENED");
		assertThat(first.get("title").asString()).isEqualTo("Созвано заседание: " + title);
		assertThat(first.get("url").asString()).isEqualTo("/meetings/" + id);
		assertThat(first.get("read").asBoolean()).isFalse();
		assertThat(list.get("unread").asLong()).isPositive();

		// a meeting for all participants: members' and observers' people
		var open = "Notices open meeting " + unique;
		meeting(open, "PARTICIPANTS", "[]", clock.today().plusDays(21));
		mail(russia, open);
		mail(japan, open);
		assertThat(outbox(officer, open)).isEmpty();
	}

	@Test
	void aChangedOrCancelledMeetingAndAClosingRegistrationAreToldOnceEach() {
		var title = "Notices changing meeting " + unique;
		var id = meeting(title, "PARTICIPANTS", "[]", clock.today().plusDays(30));
		publish(new MeetingChanged(id, 2, "Moved online"));
		publish(new MeetingChanged(id, 2, "Moved online")); // the same change told again: nothing more
		var changed = mail(russia, "meeting changed, " + title);
		assertThat(MailServer.text(changed)).contains("Reason: Moved online");
		publish(new MeetingCancelled(id, 3, "No quorum"));
		assertThat(MailServer.text(mail(japan, "meeting cancelled, " + title))).contains("No quorum");

		var closes = clock.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);
		publish(new RegistrationClosing(id, closes, List.of("KAZ")));
		var reminder = mail(kazakhstan, "завершается регистрация — " + title);
		assertThat(MailServer.subject(reminder)).isEqualTo("Курултай: завершается регистрация — " + title);
		// only the coordinators of the participants that have not registered
		assertThat(outbox(russia, "registration closing, " + title)).isEmpty();
		assertThat(outbox(colleague, "registration closing, " + title)).isEmpty();
		awaitSent(russia);
		assertThat(mails(russia, "meeting changed, " + title)).hasSize(1);
	}

	// ---------------------------------------------------------------- silence procedures and decisions

	@Test
	void aSilenceProcedureOpenedTellsTheTextTheLinkAndTheDeadlineInTheForumsAndTheReadersZone() {
		var moscow = api.call("PUT", "/api/me/notification-settings", kazakhstan, "{\"timeZone\": \"Europe/Moscow\"}");
		assertThat(moscow.status()).as(moscow.toString()).isEqualTo(200);
		var title = "Notices silence statement " + unique;
		var document = table(title, "PARTICIPANTS");
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
		long decision = silence(document, deadline);
		var instant = deadline.atZone(clock.zone()).toInstant();

		var russian = mail(kazakhstan, title);
		assertThat(MailServer.subject(russian)).isEqualTo("Курултай: начата процедура умолчания — " + title);
		var text = MailServer.text(russian);
		assertThat(text).contains(title).contains("CICA/SOC/").contains("https://kurultai.test/decisions/" + decision)
				.contains(MOMENT.withLocale(Locale.forLanguageTag("ru")).format(instant.atZone(ZoneId.of("Asia/Almaty")))
						+ " (Asia/Almaty) — время форума")
				.contains(MOMENT.withLocale(Locale.forLanguageTag("ru")).format(instant.atZone(ZoneId.of("Europe/Moscow")))
						+ " (Europe/Moscow) — ваше время")
				.contains("текст считается принятым");
		assertThat(MailServer.html(russian)).contains("(Europe/Moscow)").contains("(Asia/Almaty)");

		var english = MailServer.text(mail(russia, title));
		assertThat(english).contains(MOMENT.withLocale(Locale.ENGLISH).format(instant.atZone(ZoneId.of("Asia/Almaty")))
				+ " (Asia/Almaty), the forum’s time").contains("the text is adopted").doesNotContain("your time");
		mail(japan, title); // an observer's delegation sees the text
		mail(colleague, title);
		assertThat(outbox(officer, title)).as("the officer who opened it").isEmpty();
		var notice = api.get("/api/me/notifications", kazakhstan).json().get("notifications").get(0);
		assertThat(notice.get("kind").asString()).isEqualTo("SILENCE_OPENED");
		assertThat(notice.get("body").asString()).contains("(Europe/Moscow)").contains("(Asia/Almaty)");
	}

	@Test
	void aTextOnlyTheSecretariatSeesTellsNoDelegation() {
		var title = "Notices secretariat text " + unique;
		var document = table(title, "SECRETARIAT");
		silence(document, LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(3).truncatedTo(ChronoUnit.MINUTES));
		mail(colleague, title);
		for (var delegation : List.of(kazakhstan, russia, japan)) {
			assertThat(outbox(delegation, title)).isEmpty();
		}
	}

	@Test
	void aBrokenSilenceIsToldToTheOthersAndAClosedOneWithItsOutcome() {
		var broken = "Notices broken statement " + unique;
		long decision = silence(table(broken, "PARTICIPANTS"),
				LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(3).truncatedTo(ChronoUnit.MINUTES));
		var objected = api.post("/api/decisions/" + decision + "/objections", kazakhstan, "{\"reasons\": \"Not yet.\"}");
		assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
		var told = mail(russia, "silence broken, " + broken);
		assertThat(MailServer.text(told)).contains("Kazakhstan broke silence on " + broken).contains("ended without adoption");
		mail(officer, "silence broken, " + broken);
		assertThat(outbox(kazakhstan, "молчание нарушено")).as("the State's own breaker").noneMatch(m -> m.subject().contains(broken));
		// a broken procedure is told as broken, not also as closed
		assertThat(outbox(russia, "silence procedure closed, " + broken)).isEmpty();

		var quiet = "Notices quiet statement " + unique;
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
		long adopted = silence(table(quiet, "PARTICIPANTS"), deadline);
		testClock.advanceTo(deadline.atZone(clock.zone()).toInstant().plusSeconds(60));
		var closed = mail(russia, "silence procedure closed, " + quiet);
		assertThat(MailServer.text(closed)).contains("adopted as SOC/").contains("/decisions/" + adopted);
		assertThat(MailServer.text(mail(kazakhstan, "процедура умолчания завершена — " + quiet))).contains("принято под номером SOC/");
	}

	@Test
	void aDecisionAdoptedAtAMeetingIsTold() {
		var today = clock.today();
		var meeting = meeting("Notices session " + unique, "PARTICIPANTS", "[]", today, today.plusDays(1), "SWG");
		var title = "Notices adopted at a meeting " + unique;
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SWG", "access": "PARTICIPANTS", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}""".formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SWG", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "RUS"]}"""
				.formatted(tabled.json().get("id").asString(), meeting));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var close = api.post("/api/decisions/" + proposed.json().get("id").asLong() + "/close", officer, null);
		assertThat(close.json().get("status").asString()).as(close.toString()).isEqualTo("ADOPTED");
		var told = mail(russia, "decision adopted, " + title);
		assertThat(MailServer.text(told)).contains("adopted as SWG/");
		assertThat(MailServer.subject(mail(kazakhstan, title))).isEqualTo("Курултай: решение принято — " + title);
	}

	// ---------------------------------------------------------------- drafts

	@Test
	void anAmendmentAndANewRevisionAreToldToThoseWhoNegotiateTheDraft() {
		var title = "Notices draft " + unique;
		var document = table(title, "MEMBERS");
		var amendment = api.post("/api/documents/" + document + "/amendments", kazakhstan, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "We agree, firmly."}}""");
		assertThat(amendment.status()).as(amendment.toString()).isEqualTo(201);
		assertThat(MailServer.text(mail(russia, "amendment proposed, " + title))).contains("Kazakhstan proposed an amendment to " + title).contains("against the original draft");
		assertThat(outbox(kazakhstan, title)).as("its own amendment").isEmpty();
		assertThat(outbox(japan, title)).as("an observer may not see a members' draft").isEmpty();

		var revised = api.post("/api/documents/" + document + "/revisions", officer,
				"{\"basedOn\": 0, \"takeIn\": [" + amendment.json().get("id").asLong() + "]}");
		assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
		assertThat(MailServer.text(mail(russia, "new revision, " + title))).contains("Rev.1 of CICA/SOC/");
		assertThat(MailServer.subject(mail(kazakhstan, "новая редакция — " + title))).isNotBlank();
		assertThat(outbox(officer, "new revision, " + title)).isEmpty();
	}

	// ---------------------------------------------------------------- accreditations

	@Test
	void anAccreditationChangeIsToldToThePersonTheCoordinatorsAndTheSecretariat() {
		var person = api.actor("ntc-" + unique + ".delegate@mfa.example", Role.DELEGATE, "KAZ");
		var proposed = api.post("/api/accreditations", kazakhstan, "{\"person\": \"" + person.account().email() + "\"}");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var name = person.account().displayName();
		assertThat(MailServer.text(mail(colleague, "accreditation changed, " + name))).contains("is now proposed");
		assertThat(outbox(kazakhstan, name)).as("the coordinator who proposed").isEmpty();
		assertThat(outbox(russia, name)).as("another State's coordinator").isEmpty();

		var accredited = api.post("/api/accreditations/" + proposed.json().get("id").asString() + "/accredit", officer, null);
		assertThat(accredited.status()).as(accredited.toString()).isEqualTo(200);
		assertThat(MailServer.text(mail(kazakhstan, "изменение аккредитации — " + name))).contains("подтверждена");
		await().atMost(Duration.ofSeconds(30)).until(() -> mails(person, "is now accredited").size() == 1);
		assertThat(outbox(officer, "accredited")).noneMatch(m -> m.subject().contains(name));
	}

	// ---------------------------------------------------------------- reports and returns due

	@Test
	void aReturnDueIsToldThirtyDaysBeforeSevenDaysBeforeAndOverdueEachOnce() {
		var coordinator = api.coordinator("ntc-due-" + unique, "KAZ");
		var soon = clock.today().plusDays(20);
		var type = "NTC-" + unique.toUpperCase(Locale.ROOT);
		var defined = api.post("/api/exchange/types", officer, """
				{"code": "%s", "title": "Notices exchange %s", "schedule": "ANNUAL", "due": "--%02d-%02d",
				 "fields": [{"name": "detail", "label": "Detail", "type": "TEXT", "required": true}],
				 "visibilities": ["SECRETARIAT"], "defaultVisibility": "SECRETARIAT"}""".formatted(type, unique, soon.getMonthValue(),
				soon.getDayOfMonth()));
		assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
		var marker = "Notices exchange " + unique;
		Instant due = null;
		for (var task : api.get("/api/me/tasks", coordinator).json()) {
			if (task.get("kind").asString().equals("RETURN_DUE") && task.get("title").asString().contains(marker)) {
				due = Instant.parse(task.get("deadline").asString());
			}
		}
		assertThat(due).as("the return is due within 30 days").isNotNull();

		reminders.remind();
		reminders.remind(); // a second run (or instance): nothing more
		assertThat(MailServer.text(mail(coordinator, marker))).contains("in less than 30 days");
		testClock.advanceTo(due.minus(Duration.ofDays(6)));
		reminders.remind();
		await().atMost(Duration.ofSeconds(30)).until(() -> mails(coordinator, marker).size() == 2);
		testClock.advanceTo(due.plus(Duration.ofHours(1)));
		reminders.remind();
		await().atMost(Duration.ofSeconds(30)).until(() -> mails(coordinator, marker).size() == 3);
		reminders.remind();
		awaitSent(coordinator);
		var texts = mails(coordinator, marker).stream().map(MailServer::text).toList();
		assertThat(texts).hasSize(3);
		assertThat(texts).anyMatch(t -> t.contains("in less than a week")).anyMatch(t -> t.contains("is overdue"));
		assertThat(MailServer.subject(mails(coordinator, marker).get(0))).startsWith("Kurultai: return due, ");
		assertThat(MailServer.text(mails(coordinator, marker).get(0))).contains("https://kurultai.test/exchange?type=" + type);
		// the Secretariat is not reminded of the States' returns (each State's coordinators of their own)
		assertThat(outbox(colleague, marker)).isEmpty();
	}

	@Test
	void anOverdueReportIsToldToTheStatesCoordinator() {
		var bahrain = api.coordinator("ntc-" + unique, "BHR");
		int year = clock.today().getYear() - 1;
		var committed = api.post("/api/commitments", bahrain, """
				{"participant": "BHR", "priorityArea": "ECON-IT", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(
				java.time.LocalDate.of(year, 1, 10)));
		assertThat(committed.status()).as(committed.toString()).isIn(201, 409);
		reminders.remind();
		var told = mail(bahrain, "report due, ");
		assertThat(MailServer.text(told)).contains("is overdue").contains("/cbm/reports?year=" + year);
	}

	// ---------------------------------------------------------------- settings and the digest

	@Test
	void settingsAreCheckedWhollyBeforeAnythingIsWritten() {
		var person = api.coordinator("ntc-settings-" + unique, "RUS");
		var defaults = api.get("/api/me/notification-settings", person).json();
		assertThat(defaults.get("timeZone").asString()).isEqualTo("Asia/Almaty");
		assertThat(defaults.get("kinds").get("MEETING_CONVENED").asString()).isEqualTo("IMMEDIATE");
		assertThat(defaults.get("kinds").size()).isEqualTo(NoticeKind.values().length);

		var refused = api.call("PUT", "/api/me/notification-settings", person,
				"{\"timeZone\": \"Europe/Moscow\", \"kinds\": {\"MEETING_CONVENED\": \"OFF\", \"SILENCE_OPENED\": \"DAILY\"}}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body()).contains("SILENCE_OPENED");
		for (var bad : List.of("{\"kinds\": {\"SILENCE_BROKEN\": \"OFF\"}}", "{\"kinds\": {\"NO_SUCH_KIND\": \"OFF\"}}",
				"{\"kinds\": {\"MEETING_CONVENED\": \"WEEKLY\"}}", "{\"timeZone\": \"Mars/Olympus\"}", "{\"kinds\": [1]}")) {
			var answer = api.call("PUT", "/api/me/notification-settings", person, bad);
			assertThat(answer.status()).as(bad + " → " + answer).isEqualTo(400);
		}
		var unchanged = api.get("/api/me/notification-settings", person).json();
		assertThat(unchanged).isEqualTo(defaults);

		var off = api.call("PUT", "/api/me/notification-settings", person, "{\"kinds\": {\"MEETING_CONVENED\": \"OFF\"}}");
		assertThat(off.json().get("kinds").get("MEETING_CONVENED").asString()).isEqualTo("OFF");
		var title = "Notices unmailed meeting " + unique;
		meeting(title, "PARTICIPANTS", "[]", clock.today().plusDays(25));
		mail(russia, title); // others are mailed
		assertThat(outbox(person, title)).as("OFF: no mail").isEmpty();
		assertThat(api.get("/api/me/notifications", person).body()).as("but listed in-app").contains(title);
	}

	@Test
	void threeDailyNoticesMakeOneDigestAndASecondRunSendsNothing() {
		var person = api.coordinator("ntc-digest-" + unique, "RUS");
		speaksRussian(person);
		var daily = api.call("PUT", "/api/me/notification-settings", person,
				"{\"kinds\": {\"MEETING_CONVENED\": \"DAILY\", \"MEETING_CHANGED\": \"DAILY\", \"MEETING_CANCELLED\": \"DAILY\"}}");
		assertThat(daily.status()).as(daily.toString()).isEqualTo(200);
		var title = "Notices digest meeting " + unique;
		var id = meeting(title, "PARTICIPANTS", "[]", clock.today().plusDays(40));
		publish(new MeetingChanged(id, 2, "Moved"));
		publish(new MeetingCancelled(id, 3, "Cancelled"));
		assertThat(outbox(person, title)).as("nothing at once").isEmpty();
		assertThat(api.get("/api/me/notifications?size=3", person).json().get("notifications")).hasSize(3);

		digests.send(clock.today());
		var digest = mail(person, "ваши уведомления");
		var text = MailServer.text(digest);
		assertThat(MailServer.subject(digest)).endsWith("(3)");
		assertThat(text).contains("Созвано заседание: " + title).contains("Изменение заседания: " + title)
				.contains("Заседание отменено: " + title);
		assertThat(MailServer.header(digest, "List-Unsubscribe")).startsWith("<https://kurultai.test/unsubscribe/");

		assertThat(digests.send(clock.today())).isZero();
		publish(new MeetingChanged(id, 4, "Again"));
		digests.send(clock.today()); // today's digest went out: tomorrow's will carry it
		awaitSent(person);
		assertThat(outbox(person, "ваши уведомления")).hasSize(1);
	}

	@Test
	void twoInstancesRunningTheDigestAtOnceSendOneDigest() throws Exception {
		var person = api.coordinator("ntc-twins-" + unique, "RUS");
		api.call("PUT", "/api/me/notification-settings", person, "{\"kinds\": {\"MEETING_CONVENED\": \"DAILY\"}}");
		meeting("Notices twin digest one " + unique, "PARTICIPANTS", "[]", clock.today().plusDays(41));
		meeting("Notices twin digest two " + unique, "PARTICIPANTS", "[]", clock.today().plusDays(42));
		var day = clock.today();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<java.util.concurrent.Future<Integer>>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return digests.send(day);
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
		var digest = mail(person, "your notifications");
		assertThat(MailServer.subject(digest)).endsWith("(2)");
		awaitSent(person);
		assertThat(outbox(person, "your notifications")).hasSize(1);
		assertThat(mails(person, "your notifications")).hasSize(1);
	}

	/** Two transactions tell the same event at the same moment (two instances): each person is told, and mailed, once. */
	@Test
	void twoWritersOfTheSameEventTellEachPersonOnce() throws Exception {
		var title = "Notices concurrent meeting " + unique;
		var id = meeting(title, "PARTICIPANTS", "[]", clock.today().plusDays(50));
		var event = new MeetingChanged(id, 9, "Told twice at once");
		var published = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var first = pool.submit(() -> transactions.executeWithoutResult(status -> {
				events.publishEvent(event);
				published.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
			assertThat(published.await(60, TimeUnit.SECONDS)).isTrue();
			var second = pool.submit(() -> transactions.executeWithoutResult(status -> events.publishEvent(event)));
			// the second waits on the first's rows (the unique person-and-event key) until the first commits
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
					"select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into notice%'")
					.query(Integer.class).single() > 0);
			release.countDown();
			first.get(60, TimeUnit.SECONDS);
			second.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		for (var person : List.of(russia, japan, colleague)) {
			mail(person, "meeting changed, " + title);
			awaitSent(person);
			assertThat(mails(person, "meeting changed, " + title)).as(person.account().email()).hasSize(1);
			assertThat(jdbc.sql("select count(*) from notice where account_id = ? and event_key = ?")
					.params(person.account().id(), "meeting-changed:" + id + ":9").query(Integer.class).single()).isEqualTo(1);
		}
	}

	// ---------------------------------------------------------------- unsubscribing

	@Test
	void theUnsubscribeLinkShowsOnGetChangesOnPostAndTheHeadersCarryIt() throws Exception {
		var person = api.coordinator("ntc-unsub-" + unique, "RUS");
		var title = "Notices unsubscribe meeting " + unique;
		meeting(title, "PARTICIPANTS", "[]", clock.today().plusDays(26));
		var mail = mail(person, title);
		var header = MailServer.header(mail, "List-Unsubscribe");
		assertThat(header).matches("<https://kurultai\\.test/unsubscribe/[A-Za-z0-9_-]{43}>");
		assertThat(MailServer.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		var path = header.substring("<https://kurultai.test".length(), header.length() - 1);
		assertThat(MailServer.text(mail)).contains("https://kurultai.test" + path);

		var shown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("Stop these mails").contains("Meeting convened");
		assertThat(setting(person, "MEETING_CONVENED")).as("a GET changes nothing").isEqualTo("IMMEDIATE");

		// the mail client's one click: a POST without session or CSRF token
		var posted = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(posted.body()).contains("no longer receive");
		assertThat(setting(person, "MEETING_CONVENED")).isEqualTo("OFF");
		assertThat(setting(person, "MEETING_CHANGED")).as("only the mail's kind").isEqualTo("IMMEDIATE");

		var unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/unsubscribe/not-a-token"))
				.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("This link does not work");

		// a silence procedure's mail: its link cannot turn those off, and says so
		var statement = "Notices unsubscribe silence " + unique;
		silence(table(statement, "PARTICIPANTS"), LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(3).truncatedTo(ChronoUnit.MINUTES));
		var silenceMail = mail(person, statement);
		var silencePath = MailServer.header(silenceMail, "List-Unsubscribe").replaceAll("^<https://kurultai\\.test|>$", "");
		var kept = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + silencePath))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.body()).contains("cannot be turned off");
		assertThat(setting(person, "SILENCE_OPENED")).isEqualTo("IMMEDIATE");
	}

	@Test
	void anInvitationIsNoSubscriptionAndCarriesNoUnsubscribeLink() {
		var administrator = api.actor("ntc-" + unique + ".admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var email = "ntc-" + unique + ".invited@mfa.example";
		accounts.invite(administrator.account(), email, "Invited Person", "NATIONAL_COORDINATOR", "KAZ", "en");
		var invitation = outbox(email, "");
		assertThat(invitation).hasSize(1);
		assertThat(invitation.get(0).unsubscribeUrl()).isNull();
		await().atMost(Duration.ofSeconds(30)).until(() -> !MailServer.to(email).isEmpty());
		assertThat(MailServer.header(MailServer.to(email).get(0), "List-Unsubscribe")).isNull();
	}

	// ---------------------------------------------------------------- helpers

	String meeting(String title, String access, String named, java.time.LocalDate from) {
		return meeting(title, access, named, from, from, "SOC");
	}

	String meeting(String title, String access, String named, java.time.LocalDate from, java.time.LocalDate until, String body) {
		var recorded = api.post("/api/meetings", officer, """
				{"body": "%s", "title": "%s", "from": "%s", "until": "%s", "place": "Astana", "online": false, "access": "%s", "named": %s}"""
				.formatted(body, title, from, until, access, named));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		return recorded.json().get("id").asString();
	}

	String table(String title, String access) {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "%s", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title, access));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	long silence(String document, LocalDateTime deadline) {
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(document, deadline));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		return proposed.json().get("id").asLong();
	}

	void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	String setting(Actor person, String kind) {
		return api.get("/api/me/notification-settings", person).json().get("kinds").get(kind).asString();
	}

	/** The one mail to the person whose subject or text contains the words, once it has arrived. */
	MimeMessage mail(Actor person, String words) {
		await().atMost(Duration.ofSeconds(30)).until(() -> !mails(person, words).isEmpty());
		var found = mails(person, words);
		assertThat(found).as("mails to %s about %s", person.account().email(), words).hasSize(1);
		return found.get(0);
	}

	List<MimeMessage> mails(Actor person, String words) {
		return MailServer.to(person.account().email()).stream()
				.filter(m -> MailServer.subject(m).contains(words) || MailServer.text(m).contains(words)).toList();
	}

	/** What the outbox holds for the person with these words in the subject (sent or not). */
	List<OutboxMail> outbox(Actor person, String words) {
		return outbox(person.account().email(), words);
	}

	List<OutboxMail> outbox(String email, String words) {
		return notifications.to(email).stream().filter(m -> m.subject().contains(words)).toList();
	}

	/** Until everything written to the person has gone out (so a count of received mails is final). */
	void awaitSent(Actor person) {
		await().atMost(Duration.ofSeconds(30))
				.until(() -> notifications.to(person.account().email()).stream().allMatch(m -> m.sentAt() != null));
	}

	static JsonNode first(JsonNode array) {
		return array.get(0);
	}
}
