package org.kurultai.meetings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delegations registered for a meeting (who may, whom they may name, until when), the list of participants generated
 * from them on its four paths and at the meeting's access level, and attendance with the decision that takes it as
 * its delegations present.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationRegistrationIntegrationTests {

	static final String PREFIX = "deleg";

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired Registry registry;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kaz;
	Actor aze;
	Actor observer;
	Actor expert;
	String observerCode;
	// accredited people: two of Kazakhstan's delegation, one of Azerbaijan's, one of the observer's
	Actor kazHead;
	Actor kazMember;
	Actor azeHead;
	Actor observerHead;
	final String unique = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat(PREFIX);
		expert = api.actor(PREFIX + ".expert@think-tank.example", Role.EXPERT, null);
		kaz = api.coordinator(PREFIX, "KAZ");
		aze = api.coordinator(PREFIX, "AZE");
		var day = clock.today().plusDays(20);
		observerCode = registry.standingsOn(day, ParticipantStatus.OBSERVER).stream().filter(s -> s.kind() == ParticipantKind.STATE)
				.filter(s -> registry.statusOf(s.code(), clock.today()) == ParticipantStatus.OBSERVER).map(s -> s.code().value())
				.findFirst().orElseThrow();
		observer = api.coordinator(PREFIX, observerCode);
		kazHead = accredited(kaz, "Aigerim Nurlanova " + unique);
		kazMember = accredited(kaz, "Daniyar Seitkali " + unique);
		azeHead = accredited(aze, "Elnur Mammadov " + unique);
		observerHead = accredited(observer, "Observer Head " + unique);
	}

	private Actor accredited(Actor coordinator, String name) {
		var email = PREFIX + "." + name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@mfa.example";
		var account = accounts.open(email, name, Role.DELEGATE, coordinator.participant(), Delegations.PASSWORD, "test", "test");
		accreditations.accredit(accreditations.propose(coordinator.account(), email).id(), secretariat.account());
		return new Actor(account, tokens.issue(account, "test", 1).secret());
	}

	private String meeting(String access, LocalDate from, LocalDate until, @Nullable String named) {
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Registration session %s", "from": "%s", "until": "%s", "place": "Astana", "access": "%s"%s}"""
				.formatted(unique, from, until, access, named == null ? "" : ", \"named\": [" + named + "]"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String meeting() {
		return meeting("PARTICIPANTS", clock.today().plusDays(20), clock.today().plusDays(21), null);
	}

	private void closes(String meeting, java.time.Instant at) {
		jdbc.sql("update meeting set registration_closes = ? where id = ?").params(at.atOffset(ZoneOffset.UTC), meeting).update();
	}

	private Delegations.Response register(String meeting, Actor actor, String body) {
		return api.post("/api/meetings/" + meeting + "/delegations", actor, body);
	}

	private String kazDelegation(String headTitle) {
		return """
				{"participant": "KAZ", "head": {"email": "%s", "name": "Aigerim Nurlanova", "title": "%s", "level": "MINISTER"},
				 "members": [{"name": "%s", "title": "Director"}], "advisers": []}"""
				.formatted(kazHead.account().email(), headTitle, kazMember.account().displayName().toUpperCase(Locale.ROOT));
	}

	private int registered(String meeting) {
		return jdbc.sql("select count(*) from delegation_registration where meeting_id = ?").param(meeting).query(Integer.class).single()
				+ jdbc.sql("select count(*) from registered_delegate where meeting_id = ?").param(meeting).query(Integer.class).single();
	}

	private int audited(String meeting, String action) {
		return jdbc.sql("select count(*) from audit_entry where subject = ? and action = ?").params("meeting:" + meeting, action)
				.query(Integer.class).single();
	}

	// ------------------------------------------------------------------ registration

	@Test
	void aNationalCoordinatorRegistersItsOwnStatesDelegationAndReplacesIt() {
		var meeting = meeting();
		var first = register(meeting, kaz, kazDelegation("Minister for Foreign Affairs"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("head").get("name").asString()).isEqualTo("Aigerim Nurlanova");
		assertThat(first.json().get("head").get("level").asString()).isEqualTo("MINISTER");
		assertThat(first.json().get("members").get(0).get("name").asString()).as("the name as given")
				.isEqualTo(kazMember.account().displayName().toUpperCase(Locale.ROOT));
		assertThat(first.json().get("head").get("email").isNull()).as("a coordinator's answer carries no e-mails").isTrue();
		assertThat(audited(meeting, "meeting.delegation-registered")).isEqualTo(1);

		// registered again: replaced, audited with before and after
		var second = register(meeting, kaz, """
				{"participant": "kaz", "head": {"email": "%s", "title": "Deputy Minister", "level": "deputy minister"}}"""
				.formatted(kazMember.account().email().toUpperCase(Locale.ROOT)));
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.json().get("head").get("name").asString()).as("the account's name when none is given")
				.isEqualTo(kazMember.account().displayName());
		assertThat(second.json().get("members")).isEmpty();
		assertThat(audited(meeting, "meeting.delegation-replaced")).isEqualTo(1);

		// the coordinator sees its own State's registration; the Secretariat every expected participant's, with e-mails
		var own = api.get("/api/meetings/" + meeting + "/delegations", kaz);
		assertThat(own.status()).as(own.toString()).isEqualTo(200);
		assertThat(Delegations.fields(own.json().get("participants"), "code")).containsExactly("KAZ");
		var all = api.get("/api/meetings/" + meeting + "/delegations", secretariat).json();
		assertThat(Delegations.fields(all.get("participants"), "code")).contains("KAZ", "AZE", observerCode).hasSizeGreaterThan(20);
		assertThat(all.get("registered").asLong()).isEqualTo(1);
		var kazEntry = java.util.stream.StreamSupport.stream(all.get("participants").spliterator(), false)
				.filter(p -> p.get("code").asString().equals("KAZ")).findFirst().orElseThrow();
		assertThat(kazEntry.get("registration").get("registeredBy").asString()).isEqualTo(kaz.account().email());
		assertThat(kazEntry.get("registration").get("head").get("email").asString()).isEqualTo(kazMember.account().email());
		assertThat(api.get("/api/meetings/" + meeting + "/delegations", expert).status()).isEqualTo(403);
	}

	@Test
	void aCoordinatorRegistersNoOtherStatesDelegationAndAnObserverRegistersItsOwn() {
		var meeting = meeting();
		var refused = register(meeting, aze, kazDelegation("Minister"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		var delegate = register(meeting, kazHead, kazDelegation("Minister"));
		assertThat(delegate.status()).as("a delegate does not register").isEqualTo(403);
		assertThat(registered(meeting)).isZero();

		var byObserver = register(meeting, observer, """
				{"participant": "%s", "head": {"name": "observer head %s", "title": "Ambassador", "level": "AMBASSADOR"}}"""
				.formatted(observerCode, unique));
		assertThat(byObserver.status()).as(byObserver.toString()).isEqualTo(201);

		// at a meeting for named participants, only the named are expected (and only they may see it)
		var named = meeting("NAMED_PARTICIPANTS", clock.today().plusDays(20), clock.today().plusDays(20), "\"KAZ\"");
		assertThat(register(named, aze, """
				{"participant": "AZE", "head": {"email": "%s", "title": "Minister", "level": "MINISTER"}}"""
				.formatted(azeHead.account().email())).status()).isEqualTo(404);
		assertThat(register(named, secretariat, """
				{"participant": "AZE", "head": {"email": "%s", "title": "Minister", "level": "MINISTER"}}"""
				.formatted(azeHead.account().email())).json().get("type").asString()).endsWith("/registration-refused");
		assertThat(register(named, kaz, kazDelegation("Minister")).status()).isEqualTo(201);
	}

	@Test
	void onlyAccreditedPeopleAreNamedAndBadRequestsWriteNothing() {
		var meeting = meeting();
		record Case(String body, int status, @Nullable String parameter) {
		}
		var head = "\"head\": {\"email\": \"" + kazHead.account().email() + "\", \"title\": \"Minister\", \"level\": \"MINISTER\"}";
		var cases = List.of(
				// a person of another State's delegation, an unknown name, one named twice
				new Case("{\"participant\": \"KAZ\", \"head\": {\"email\": \"" + azeHead.account().email()
						+ "\", \"title\": \"Minister\", \"level\": \"MINISTER\"}}", 400, "head.email"),
				new Case("{\"participant\": \"KAZ\", " + head + ", \"members\": [{\"name\": \"Nobody Known\"}]}", 400, "members[0].name"),
				new Case("{\"participant\": \"KAZ\", " + head + ", \"members\": [{\"email\": \"" + kazMember.account().email()
						+ "\"}], \"advisers\": [{\"email\": \"" + kazHead.account().email() + "\"}]}", 400, "advisers[0].email"),
				new Case("{\"participant\": \"KAZ\", " + head + ", \"members\": [null]}", 400, "members[0]"),
				// the head's title and level
				new Case("{\"participant\": \"KAZ\", \"head\": {\"email\": \"" + kazHead.account().email() + "\", \"level\": \"MINISTER\"}}",
						400, "head.title"),
				new Case("{\"participant\": \"KAZ\", \"head\": {\"email\": \"" + kazHead.account().email()
						+ "\", \"title\": \"Minister\", \"level\": \"EMPEROR\"}}", 400, "head.level"),
				new Case("{\"participant\": \"KAZ\"}", 400, "head"),
				new Case("{\"head\": {\"name\": \"x\"}}", 400, "participant"),
				new Case("{\"participant\": \"K-1\", " + head + "}", 400, "participant"),
				new Case("{\"participant\": \"KAZ\", " + head + ", \"members\": [{\"name\": \"" + "x".repeat(201) + "\"}]}", 400,
						"members[0].name"),
				// not JSON, or not the shape
				new Case("{\"participant\": ", 400, null),
				new Case("{\"participant\": \"KAZ\", " + head + ", \"members\": \"everyone\"}", 400, null),
				// a meeting that does not exist
				new Case("{\"participant\": \"KAZ\", " + head + "}", 404, null));
		for (int i = 0; i < cases.size(); i++) {
			var c = cases.get(i);
			var target = i == cases.size() - 1 ? "NO-SUCH-MEETING" : meeting;
			var response = register(target, kaz, c.body());
			assertThat(response.status()).as("%s → %s", c.body(), response).isEqualTo(c.status());
			assertThat(response.contentType()).startsWith("application/problem+json");
			if (c.parameter() != null) {
				assertThat(response.json().get("parameter").asString()).as(c.body()).isEqualTo(c.parameter());
			}
		}
		assertThat(registered(meeting)).as("nothing written").isZero();
		assertThat(audited(meeting, "meeting.delegation-registered")).isZero();
	}

	@Test
	void afterTheDeadlineOnlyTheSecretariatRegisters() {
		var meeting = meeting();
		closes(meeting, clock.now().minusSeconds(60));
		var late = register(meeting, kaz, kazDelegation("Minister"));
		assertThat(late.status()).as(late.toString()).isEqualTo(409);
		assertThat(late.json().get("type").asString()).endsWith("/registration-closed");
		assertThat(registered(meeting)).isZero();
		var bySecretariat = register(meeting, secretariat, kazDelegation("Minister"));
		assertThat(bySecretariat.status()).as(bySecretariat.toString()).isEqualTo(201);
		assertThat(bySecretariat.json().get("registeredBy").asString()).isEqualTo(secretariat.account().email());

		// without a deadline, registration closes when the first day starts in the forum's zone
		var started = meeting("PARTICIPANTS", clock.today(), clock.today().plusDays(1), null);
		assertThat(register(started, kaz, kazDelegation("Minister")).status()).isEqualTo(409);
		// a deadline ahead: open
		var open = meeting();
		closes(open, clock.now().plus(Duration.ofHours(2)));
		assertThat(register(open, kaz, kazDelegation("Minister")).status()).isEqualTo(201);
		// a cancelled meeting: nobody registers
		jdbc.sql("update meeting set status = 'CANCELLED' where id = ?").param(open).update();
		assertThat(register(open, secretariat, kazDelegation("Minister")).status()).isEqualTo(409);
	}

	@Test
	void theSecretariatsPagesShowWhoHasRegisteredAndTickTheRegisteredForAttendance() {
		var meeting = meeting();
		assertThat(register(meeting, kaz, kazDelegation("Minister")).status()).isEqualTo(201);
		var expected = api.get("/api/meetings/" + meeting + "/delegations", secretariat).json().get("expected").asInt();
		var overview = api.page("/meetings/" + meeting + "/delegations", secretariat);
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("1 of " + expected + " expected delegations registered")
				.contains("data-code=\"KAZ\" data-registered=\"true\"").contains("data-code=\"AZE\" data-registered=\"false\"")
				.contains(kaz.account().email());
		// the coordinator's page: its own form, no overview
		var own = api.page("/meetings/" + meeting + "/delegations", kaz);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("id=\"register\"").contains("Aigerim Nurlanova").doesNotContain("id=\"overview\"");
		assertThat(api.page("/meetings/" + meeting + "/delegations", kazHead).status()).as("a delegate").isEqualTo(403);
		// past the deadline, the coordinator sees why instead of the form
		closes(meeting, clock.now().minusSeconds(1));
		assertThat(api.page("/meetings/" + meeting + "/delegations", kaz).body()).contains("id=\"refusal\"").doesNotContain("id=\"register\"");

		var attendance = api.page("/meetings/" + meeting + "/attendance", secretariat);
		assertThat(attendance.status()).isEqualTo(200);
		var body = attendance.body();
		assertThat(body.indexOf("value=\"KAZ\"")).as("the registered first").isLessThan(body.indexOf("value=\"AZE\""));
		assertThat(body).containsPattern("value=\"KAZ\"\\s+checked").doesNotContainPattern("value=\"AZE\"\\s+checked");
		assertThat(api.page("/meetings/" + meeting + "/attendance", kaz).status()).isEqualTo(403);
	}

	// ------------------------------------------------------------------ the list of participants

	@Test
	void theListOfParticipantsShowsTheRegisteredDelegationsInProtocolOrderWithoutEmails() throws Exception {
		var meeting = meeting();
		assertThat(register(meeting, kaz, kazDelegation("Министр иностранных дел")).status()).isEqualTo(201);
		assertThat(register(meeting, observer, """
				{"participant": "%s", "head": {"email": "%s", "title": "Ambassador", "level": "AMBASSADOR"}}"""
				.formatted(observerCode, observerHead.account().email())).status()).isEqualTo(201);
		assertThat(register(meeting, aze, """
				{"participant": "AZE", "head": {"email": "%s", "title": "Deputy Minister", "level": "DEPUTY_MINISTER"}, "advisers": [{"email": "%s"}]}"""
				.formatted(azeHead.account().email(), azeHead.account().email())).status()).as("a person appears once").isEqualTo(400);
		assertThat(register(meeting, aze, """
				{"participant": "AZE", "head": {"email": "%s", "title": "Deputy Minister", "level": "DEPUTY_MINISTER"}}"""
				.formatted(azeHead.account().email())).status()).isEqualTo(201);

		var list = api.get("/api/meetings/" + meeting + "/participants", kazHead);
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		// members (Azerbaijan before Kazakhstan), then the observer State
		assertThat(Delegations.fields(list.json().get("participants"), "code")).containsExactly("AZE", "KAZ", observerCode);
		assertThat(Delegations.fields(list.json().get("participants"), "group")).containsExactly("MEMBER_STATES", "MEMBER_STATES",
				"OBSERVER_STATES");
		var kazEntry = list.json().get("participants").get(1);
		assertThat(kazEntry.get("head").get("name").asString()).isEqualTo("Aigerim Nurlanova");
		assertThat(kazEntry.get("head").get("title").asString()).isEqualTo("Министр иностранных дел");
		assertThat(kazEntry.get("members").get(0).get("title").asString()).isEqualTo("Director");
		assertThat(list.body()).doesNotContain("@mfa.example");

		var page = api.page("/meetings/" + meeting + "/participants", kazHead);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Aigerim Nurlanova", "Министр иностранных дел", "Elnur Mammadov").doesNotContain("@mfa.example");
		assertThat(page.body().indexOf("data-code=\"AZE\"")).isLessThan(page.body().indexOf("data-code=\"KAZ\""));

		var csv = file("/meetings/" + meeting + "/participants.csv", kazHead, "en");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
		var text = new String(csv.body(), StandardCharsets.UTF_8);
		var rows = text.split("\r\n");
		assertThat(rows[0]).isEqualTo("participant_code,participant,group,role,name,title,level");
		assertThat(rows).contains("KAZ,Kazakhstan,MEMBER_STATES,HEAD,Aigerim Nurlanova,Министр иностранных дел,MINISTER");
		assertThat(rows).hasSize(1 + 4);
		assertThat(text).doesNotContain("@mfa.example");

		var pdf = file("/meetings/" + meeting + "/participants.pdf", kazHead, "ru");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var document = Loader.loadPDF(pdf.body())) {
			var pdfText = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(pdfText).contains("Список участников", "Государства-члены", "Aigerim Nurlanova, Министр иностранных дел (Министр)",
					"Elnur Mammadov").doesNotContain("@mfa.example");
			assertThat(pdfText.indexOf("Elnur Mammadov")).isLessThan(pdfText.indexOf("Aigerim Nurlanova"));
		}
	}

	@Test
	void theListIsSeenOnlyAtTheMeetingsAccessLevelOnEveryPath() {
		var closed = meeting();
		var named = meeting("NAMED_PARTICIPANTS", clock.today().plusDays(20), clock.today().plusDays(20), "\"KAZ\"");
		var open = meeting("PUBLIC", clock.today().plusYears(40), clock.today().plusYears(40), null);
		for (var m : List.of(closed, named, open)) {
			assertThat(register(m, kaz, kazDelegation("Minister")).status()).isEqualTo(201);
		}
		record Seen(String meeting, @Nullable Actor viewer, boolean sees) {
		}
		var cases = List.of(new Seen(closed, null, false), new Seen(closed, expert, false), new Seen(closed, azeHead, true),
				new Seen(closed, secretariat, true), new Seen(named, aze, false), new Seen(named, azeHead, false), new Seen(named, kazMember, true),
				new Seen(named, null, false), new Seen(open, null, true), new Seen(open, expert, true));
		for (var c : cases) {
			for (var path : List.of("/api/meetings/%s/participants", "/meetings/%s/participants", "/meetings/%s/participants.pdf",
					"/meetings/%s/participants.csv", "/api/meetings/%s/attendance")) {
				var url = path.formatted(c.meeting());
				var response = path.startsWith("/api") ? api.get(url, c.viewer()) : api.file(url, c.viewer());
				assertThat(response.status()).as("%s as %s", url, c.viewer() == null ? "the public" : c.viewer().account().email())
						.isEqualTo(c.sees() ? 200 : 404);
			}
		}
	}

	private HttpResponse<byte[]> file(String path, Actor actor, String language) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + actor.token())
				.header("Accept", "*/*").header("Accept-Language", language).GET().build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	// ------------------------------------------------------------------ attendance

	@Test
	void theSecretariatRecordsAttendancePerDayOfTheMeeting() {
		var from = clock.today().plusDays(20);
		var meeting = meeting("PARTICIPANTS", from, from.plusDays(1), null);
		var url = "/api/meetings/" + meeting + "/attendance";
		assertThat(api.post(url, kaz, "{\"day\": \"%s\", \"present\": [\"KAZ\"]}".formatted(from)).status()).isEqualTo(403);
		var notADay = api.post(url, secretariat, "{\"day\": \"%s\", \"present\": [\"KAZ\"]}".formatted(from.plusDays(2)));
		assertThat(notADay.status()).isEqualTo(400);
		assertThat(notADay.json().get("parameter").asString()).isEqualTo("day");
		// a participant of the register that is neither member nor observer that day: not expected
		var notExpected = registry.roster().participants().stream().filter(p -> {
			var status = p.statusOn(from).orElse(null);
			return status != ParticipantStatus.MEMBER && status != ParticipantStatus.OBSERVER;
		}).map(p -> p.code().value()).findFirst().orElseThrow();
		var stranger = api.post(url, secretariat, "{\"day\": \"%s\", \"present\": [\"KAZ\", \"%s\"]}".formatted(from, notExpected));
		assertThat(stranger.status()).isEqualTo(400);
		assertThat(stranger.json().get("parameter").asString()).isEqualTo("present");
		assertThat(api.post(url, secretariat, "{\"day\": \"yesterday\"}").status()).isEqualTo(400);
		assertThat(api.post(url, secretariat, "{\"present\": []}").status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from attendance_day where meeting_id = ?").param(meeting).query(Integer.class).single()).isZero();

		var recorded = api.post(url, secretariat, "{\"day\": \"%s\", \"present\": [\"kaz\", \"AZE\", \"KAZ\"]}".formatted(from));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
		assertThat(Delegations.strings(recorded.json().get("present"))).containsExactly("AZE", "KAZ");
		var replaced = api.post(url, secretariat, "{\"day\": \"%s\", \"present\": [\"KAZ\"]}".formatted(from));
		assertThat(Delegations.strings(replaced.json().get("present"))).containsExactly("KAZ");
		assertThat(audited(meeting, "meeting.attendance-recorded")).isEqualTo(2);

		var days = api.get(url, kazHead).json().get("days");
		assertThat(days).hasSize(2);
		assertThat(days.get(0).get("recorded").asBoolean()).isTrue();
		assertThat(Delegations.strings(days.get(0).get("present"))).containsExactly("KAZ");
		assertThat(days.get(0).get("recordedBy").isNull()).as("who recorded: the Secretariat's own knowledge").isTrue();
		assertThat(days.get(1).get("recorded").asBoolean()).isFalse();
		assertThat(api.get(url, secretariat).json().get("days").get(0).get("recordedBy").asString()).isEqualTo(secretariat.account().email());
	}

	@Test
	void aDecisionAtTheMeetingTakesTheDaysAttendanceAsPresent() {
		var today = clock.today();
		var meeting = meeting("PARTICIPANTS", today, today, null);
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Statement on attendance %s", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We attend."}}]}""".formatted(unique));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var document = tabled.json().get("id").asString();
		var proposal = """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s"}""".formatted(document, meeting);
		// no attendance recorded, none given: refused as before
		var refused = api.post("/api/decisions", secretariat, proposal);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("parameter").asString()).isEqualTo("present");

		assertThat(api.post("/api/meetings/" + meeting + "/attendance", secretariat, "{\"day\": \"%s\", \"present\": [\"KAZ\"]}".formatted(today))
				.status()).isEqualTo(200);
		var proposed = api.post("/api/decisions", secretariat, proposal);
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(Delegations.strings(proposed.json().get("present"))).containsExactly("KAZ");
		long id = proposed.json().get("id").asLong();
		// Azerbaijan, a member absent per the attendance, cannot block
		var objection = api.post("/api/decisions/" + id + "/objections", aze, "{\"reasons\": \"We object.\"}");
		assertThat(objection.status()).as(objection.toString()).isEqualTo(409);
		assertThat(objection.json().get("type").asString()).endsWith("/delegation-not-present");
		var closed = api.post("/api/decisions/" + id + "/close", secretariat, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("ADOPTED");
	}

	static OffsetDateTime utc(java.time.Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
