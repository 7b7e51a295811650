package org.kurultai;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations.Actor;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.meetings.Meetings;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12 probed as an attacker and a careless user would: who learns what through the new paths (registrations,
 * notices, feeds), acts by the wrong person, bad input on the meetings' writes, and exactly-once under concurrency.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Issue12ProbeIntegrationTests {

	static final String PREFIX = "probe12";

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired Meetings meetings;

	Delegations api;
	Actor secretariat;
	Actor kaz;
	Actor aze;
	Actor kazHead;
	final String unique = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat(PREFIX);
		kaz = api.coordinator(PREFIX, "KAZ");
		aze = api.coordinator(PREFIX, "AZE");
		var email = PREFIX + ".head." + unique + "@mfa.example";
		var account = accounts.open(email, "Probe Head " + unique, Role.DELEGATE, "KAZ", Delegations.PASSWORD, "test", "test");
		accreditations.accredit(accreditations.propose(kaz.account(), email).id(), secretariat.account());
		kazHead = new Actor(account, tokens.issue(account, "test", 1).secret());
	}

	private String meeting(String extra) {
		var from = clock.today().plusDays(40);
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe session %s", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"%s}"""
				.formatted(unique, from, from.plusDays(1), extra));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	private static String json(String text) {
		return Delegations.JSON.writeValueAsString(text);
	}

	/** A meeting the Secretariat records after it was held convenes no one; a planned one is told. */
	@Test
	void aMeetingRecordedAfterTheFactConvenesNoOne() {
		var past = "Probe held session " + unique;
		var recorded = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "%s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(past, clock.today().minusDays(3)));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		var planned = "Probe planned session " + unique;
		var convened = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "%s", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(planned, clock.today().plusDays(30)));
		assertThat(convened.status()).as(convened.toString()).isEqualTo(201);
		var told = api.get("/api/me/notifications?size=100", kaz).body();
		assertThat(told).contains(planned).doesNotContain(past);
	}

	// ------------------------------------------------------------------ who learns what

	/**
	 * Who registered a delegation is who acted: the Secretariat's officer who registered a State's delegation (late, or as a
	 * correction) is known to the Secretariat, not to the State (as who recorded a plan or an agenda, or attendance).
	 */
	@Test
	void aStateDoesNotLearnWhichOfficerRegisteredItsDelegation() {
		var meeting = meeting("");
		var registered = api.post("/api/meetings/" + meeting + "/delegations", secretariat, """
				{"participant": "KAZ", "head": {"email": "%s", "title": "Deputy Minister", "level": "DEPUTY_MINISTER"}}"""
				.formatted(kazHead.account().email()));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().get("registeredBy").asString()).as("the Secretariat knows").isEqualTo(secretariat.account().email());

		var seenByTheState = api.get("/api/meetings/" + meeting + "/delegations", kaz);
		assertThat(seenByTheState.status()).as(seenByTheState.toString()).isEqualTo(200);
		assertThat(seenByTheState.json().get("participants").get(0).get("registered").asBoolean()).isTrue();
		assertThat(seenByTheState.body()).as("the officer's e-mail").doesNotContain(secretariat.account().email());

		// replaced by the State's coordinator, the registration was still first registered by the officer
		var replaced = api.post("/api/meetings/" + meeting + "/delegations", kaz, """
				{"participant": "KAZ", "head": {"email": "%s", "title": "Minister", "level": "MINISTER"}}""".formatted(kazHead.account().email()));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(replaced.body()).doesNotContain(secretariat.account().email());
		assertThat(api.get("/api/meetings/" + meeting + "/delegations", kaz).body()).doesNotContain(secretariat.account().email());

		// the State's own coordinator registering: the State knows who acted for it
		var other = meeting("");
		var own = api.post("/api/meetings/" + other + "/delegations", kaz, """
				{"participant": "KAZ", "head": {"email": "%s", "title": "Minister", "level": "MINISTER"}}""".formatted(kazHead.account().email()));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		assertThat(own.json().get("registeredBy").asString()).isEqualTo(kaz.account().email());
		var again = api.get("/api/meetings/" + other + "/delegations", kaz).json();
		assertThat(again.get("participants").get(0).get("registration").get("registeredBy").asString()).isEqualTo(kaz.account().email());
	}

	/** One person's notice is not another's: marking it read answers 404 and changes nothing. */
	@Test
	void nobodyMarksAnotherPersonsNoticeRead() {
		var meeting = meeting("");
		var id = jdbc.sql("select id from notice where account_id = ? and event_key = ?").params(kaz.account().id(), "meeting-convened:" + meeting)
				.query(Long.class).single();
		var refused = api.post("/api/me/notifications/" + id + "/read", aze, null);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
		assertThat(count("select count(*) from notice where id = ? and read_at is null", id)).isEqualTo(1);
		assertThat(api.post("/api/me/notifications/" + id + "/read", kaz, null).status()).isEqualTo(200);
	}

	/** A meeting of named participants tells only their people (and the Secretariat's officers) that it was convened. */
	@Test
	void aNamedMeetingIsToldOnlyToThoseItNames() {
		var from = clock.today().plusDays(41);
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe restricted %s", "from": "%s", "place": "Astana", "access": "NAMED_PARTICIPANTS", "named": ["AZE"]}"""
				.formatted(unique, from));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var id = response.json().get("id").asString();
		var told = jdbc.sql("""
				select distinct coalesce(a.participant_code, 'SECRETARIAT') from notice n join account a on a.id = n.account_id
				where n.event_key = ?""").param("meeting-convened:" + id).query(String.class).list();
		assertThat(told).contains("AZE").doesNotContain("KAZ");
		assertThat(api.get("/api/me/notifications?size=100", kaz).body()).doesNotContain("Probe restricted " + unique);
	}

	/**
	 * The chairing State convenes meetings of the bodies it chairs: meetings ahead. A meeting on a day gone by (or today) is
	 * recorded as held and its plan never changes again, so a State would write the forum's history unchecked: that is for
	 * the Secretariat.
	 */
	@Test
	void theChairConvenesMeetingsAheadAndRecordsNoHistory() {
		var before = count("select count(*) from meeting");
		for (var from : List.of(clock.today().minusDays(400), clock.today())) {
			var refused = api.post("/api/meetings", aze, """
					{"body": "CMFA", "title": "Probe history %s", "from": "%s", "place": "Baku", "access": "PUBLIC"}""".formatted(unique, from));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().get("parameter").asString()).isEqualTo("from");
		}
		assertThat(count("select count(*) from meeting")).as("nothing written").isEqualTo(before);
		var ahead = api.post("/api/meetings", aze, """
				{"body": "CMFA", "title": "Probe ahead %s", "from": "%s", "place": "Baku", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today().plusDays(46)));
		assertThat(ahead.status()).as(ahead.toString()).isEqualTo(201);
		// nor does the chair move a meeting into the past (held, its plan closed)
		var id = ahead.json().get("id").asString();
		var moved = api.call("PATCH", "/api/meetings/" + id, aze, "{\"from\": \"%s\", \"reason\": \"held early\"}"
				.formatted(clock.today().minusDays(1)));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
		assertThat(moved.json().get("parameter").asString()).isEqualTo("from");
		assertThat(count("select count(*) from meeting_plan where meeting_id = ?", id)).isEqualTo(1);
		assertThat(api.call("PATCH", "/api/meetings/" + id, aze, "{\"cancelled\": true, \"reason\": \"called off\"}").status())
				.as("calling it off stays the chair's").isEqualTo(200);
		var recorded = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Probe history %s", "from": "%s", "place": "Baku", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today().minusDays(400)));
		assertThat(recorded.status()).as("the Secretariat records history: " + recorded).isEqualTo(201);
	}

	/**
	 * The chair's coordinator edits an agenda under which the Secretariat put a paper above the coordinator's level: the
	 * coordinator neither sees it nor drops it by saving the agenda as they see it.
	 */
	@Test
	void anEditorKeepsThePapersTheyMayNotSeeUnderTheirItems() {
		var meeting = meeting("");
		var secret = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Probe note %s", "body": "SOC", "access": "SECRETARIAT", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Internal."}}]}""".formatted(unique));
		assertThat(secret.status()).as(secret.toString()).isEqualTo(201);
		var secretId = secret.json().get("id").asString();
		var first = api.call("PUT", "/api/meetings/" + meeting + "/agenda", secretariat, """
				{"items": [{"title": "Opening"}, {"title": "Budget", "documents": ["%s", "DECLARATION-2006"]}]}""".formatted(secretId));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);

		var seen = api.get("/api/meetings/" + meeting + "/agenda", aze);
		assertThat(Delegations.strings(seen.json().get("items").get(1).get("documents"))).containsExactly("DECLARATION-2006");
		var edited = api.call("PUT", "/api/meetings/" + meeting + "/agenda", aze, """
				{"items": [{"title": "Opening"}, {"title": "budget", "documents": ["DECLARATION-2006"], "status": "DEFERRED"},
				 {"title": "Any other business"}]}""");
		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.body()).as("nothing the chair may not see").doesNotContain(secretId);
		var kept = api.get("/api/meetings/" + meeting + "/agenda", secretariat).json();
		assertThat(kept.get("version").asInt()).isEqualTo(2);
		assertThat(Delegations.strings(kept.get("items").get(1).get("documents"))).containsExactlyInAnyOrder("DECLARATION-2006", secretId);
		assertThat(kept.get("items").get(1).get("status").asString()).isEqualTo("DEFERRED");
		// saying again what they see says nothing new
		var again = api.call("PUT", "/api/meetings/" + meeting + "/agenda", aze, """
				{"items": [{"title": "Opening"}, {"title": "budget", "documents": ["DECLARATION-2006"], "status": "DEFERRED"},
				 {"title": "Any other business"}]}""");
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
	}

	// ------------------------------------------------------------------ bad input

	/**
	 * A title, a place or an agenda item's title holding control characters (a NUL the database cannot store, a line
	 * break that would reach mails' subjects and calendar lines) is refused beside its field, and nothing is written.
	 */
	@Test
	void controlCharactersInAMeetingAreRefusedBesideTheirField() {
		var before = count("select count(*) from meeting");
		for (var title : List.of("Probe \u0000 session", "Probe\rBEGIN:VEVENT", "Probe\nsession")) {
			var refused = api.post("/api/meetings", secretariat, """
					{"body": "SOC", "title": %s, "from": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
					.formatted(json(title), clock.today().plusDays(42)));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().get("parameter").asString()).isEqualTo("title");
		}
		var badPlace = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe session", "from": "%s", "place": "Astana\\u0000", "access": "PARTICIPANTS"}"""
				.formatted(clock.today().plusDays(42)));
		assertThat(badPlace.status()).as(badPlace.toString()).isEqualTo(400);
		assertThat(badPlace.json().get("parameter").asString()).isEqualTo("place");
		assertThat(count("select count(*) from meeting")).as("nothing written").isEqualTo(before);

		var meeting = meeting("");
		var patch = api.call("PATCH", "/api/meetings/" + meeting, secretariat, """
				{"place": "Baku\\u0000", "reason": "moved"}""");
		assertThat(patch.status()).as(patch.toString()).isEqualTo(400);
		assertThat(patch.json().get("parameter").asString()).isEqualTo("place");
		var nulInReason = api.call("PATCH", "/api/meetings/" + meeting, secretariat, """
				{"place": "Baku", "reason": "moved\\u0000"}""");
		assertThat(nulInReason.status()).as(nulInReason.toString()).isEqualTo(400);
		assertThat(nulInReason.json().get("parameter").asString()).isEqualTo("reason");
		assertThat(count("select count(*) from meeting_plan where meeting_id = ?", meeting)).as("no plan written").isEqualTo(1);
		// a reason may run over lines
		var multiline = api.call("PATCH", "/api/meetings/" + meeting, secretariat, """
				{"place": "Baku", "reason": "moved:\\r\\nthe host asked"}""");
		assertThat(multiline.status()).as(multiline.toString()).isEqualTo(200);

		var agenda = api.call("PUT", "/api/meetings/" + meeting + "/agenda", secretariat, """
				{"items": [{"title": "Opening"}, {"title": "Item\\u0000two"}]}""");
		assertThat(agenda.status()).as(agenda.toString()).isEqualTo(400);
		assertThat(agenda.json().get("parameter").asString()).isEqualTo("items[2].title");
		assertThat(count("select count(*) from agenda_version where meeting_id = ?", meeting)).isZero();
	}

	/** A host or a named participant that cannot be a code ("../../etc") is a bad request, not a missing resource. */
	@Test
	void aMalformedParticipantCodeIsABadRequest() {
		var host = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe session", "from": "%s", "host": "../../etc", "access": "PARTICIPANTS"}"""
				.formatted(clock.today().plusDays(43)));
		assertThat(host.status()).as(host.toString()).isEqualTo(400);
		assertThat(host.json().get("parameter").asString()).isEqualTo("host");
		var named = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Probe session", "from": "%s", "access": "NAMED_PARTICIPANTS", "named": ["K4Z"]}"""
				.formatted(clock.today().plusDays(43)));
		assertThat(named.status()).as(named.toString()).isEqualTo(400);
		assertThat(named.json().get("parameter").asString()).isEqualTo("named");
		var meeting = meeting("");
		var patch = api.call("PATCH", "/api/meetings/" + meeting, secretariat, """
				{"host": "../../etc", "reason": "new host"}""");
		assertThat(patch.status()).as(patch.toString()).isEqualTo(400);
		assertThat(patch.json().get("parameter").asString()).isEqualTo("host");
		assertThat(count("select count(*) from meeting_plan where meeting_id = ?", meeting)).isEqualTo(1);
	}

	/**
	 * The rule, not only the API's request, keeps a title and a place as long as the API allows: the convening page and the
	 * plan page reach the rule without the API's limits.
	 */
	@Test
	void theRuleBoundsTitlesAndPlacesWhateverPathReachesIt() {
		var from = clock.today().plusDays(44);
		assertThatThrownBy(() -> meetings.convene(secretariat.account(), new Meetings.Convening("SOC", "T".repeat(301), from, null, "Astana",
				false, null, new Access(AccessLevel.PARTICIPANTS, java.util.Set.of()), null)))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("title"));
		assertThatThrownBy(() -> meetings.convene(secretariat.account(), new Meetings.Convening("SOC", "Probe session", from, null,
				"P".repeat(201), false, null, new Access(AccessLevel.PARTICIPANTS, java.util.Set.of()), null)))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("place"));
		var meeting = meeting("");
		assertThatThrownBy(() -> meetings.changePlan(meeting, new org.kurultai.meetings.PlanChange(null, null, "P".repeat(201), null, null,
				null, null, "moved"), secretariat.account()))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("place"));
	}

	/** Settings refused as a whole: a zone that is a path, an unknown mode, a silence procedure put off; nothing written. */
	@Test
	void notificationSettingsRefuseWhatTheyCannotMean() {
		var before = api.get("/api/me/notification-settings", kaz).body();
		for (var body : List.of("{\"timeZone\": \"../../etc/passwd\"}", "{\"kinds\": {\"MEETING_CONVENED\": \"SOMETIMES\"}}",
				"{\"timeZone\": \"Asia/Tokyo\", \"kinds\": {\"MEETING_CHANGED\": \"DAILY\", \"SILENCE_OPENED\": \"OFF\"}}",
				"{\"kinds\": {\"NO_SUCH_KIND\": \"OFF\"}}")) {
			var refused = api.call("PUT", "/api/me/notification-settings", kaz, body);
			assertThat(refused.status()).as(body + " " + refused).isEqualTo(400);
		}
		assertThat(api.get("/api/me/notification-settings", kaz).body()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ exactly once

	/**
	 * Two plan changes at once: the meeting's row lock orders them, so each gets its own plan number (or, asking the same,
	 * the second is refused as saying nothing new), never a 500, and each plan is told once per person.
	 */
	@Test
	void concurrentPlanChangesNumberTheirPlansApartAndAreToldOnce() throws Exception {
		var meeting = meeting("");
		var day = clock.today().plusDays(50);
		var same = run(List.of(() -> api.call("PATCH", "/api/meetings/" + meeting, secretariat,
				"{\"from\": \"%s\", \"reason\": \"postponed\"}".formatted(day)), () -> api.call("PATCH", "/api/meetings/" + meeting, secretariat,
				"{\"from\": \"%s\", \"reason\": \"postponed\"}".formatted(day))));
		assertThat(same.stream().map(Delegations.Response::status).sorted().toList()).as(same.toString()).containsExactly(200, 409);
		var apart = run(List.of(() -> api.call("PATCH", "/api/meetings/" + meeting, secretariat, "{\"place\": \"Baku\", \"reason\": \"moved\"}"),
				() -> api.call("PATCH", "/api/meetings/" + meeting, secretariat, "{\"host\": \"KAZ\", \"reason\": \"a host\"}")));
		assertThat(apart.stream().map(Delegations.Response::status).toList()).as(apart.toString()).containsExactly(200, 200);
		assertThat(apart.stream().map(r -> r.json().get("plan").asInt()).sorted().toList()).containsExactly(3, 4);
		assertThat(jdbc.sql("select plan_number from meeting_plan where meeting_id = ? order by 1").param(meeting).query(Integer.class).list())
				.containsExactly(1, 2, 3, 4);
		for (var plan : List.of(2, 3, 4)) {
			assertThat(count("select count(*) from notice where account_id = ? and event_key = ?", kaz.account().id(),
					"meeting-changed:" + meeting + ":" + plan)).as("plan " + plan).isEqualTo(1);
		}
	}

	private static List<Delegations.Response> run(List<Callable<Delegations.Response>> calls) throws Exception {
		var pool = Executors.newFixedThreadPool(calls.size());
		try {
			var start = new CountDownLatch(1);
			var futures = new ArrayList<java.util.concurrent.Future<Delegations.Response>>();
			for (var call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			var responses = new ArrayList<Delegations.Response>();
			for (var future : futures) {
				responses.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ------------------------------------------------------------------ calendars

	/** A personal feed shows no meeting of named participants that leaves the person's State out, nor its deadline. */
	@Test
	void aPersonalFeedLeavesOutAMeetingThePersonMayNotSee() {
		var from = clock.today().plusDays(45);
		var title = "Probe feed " + unique;
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "%s", "from": "%s", "place": "Astana", "access": "NAMED_PARTICIPANTS", "named": ["AZE"]}"""
				.formatted(title, from));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var kazFeed = feed(kaz);
		var azeFeed = feed(aze);
		assertThat(azeFeed.replace("\r\n ", "")).contains(title);
		assertThat(kazFeed.replace("\r\n ", "")).doesNotContain(title);
		assertThat(api.get("/calendar.ics", null).body().replace("\r\n ", "")).doesNotContain(title);
	}

	private String feed(Actor actor) {
		var url = api.post("/api/me/calendar-token", actor, null).json().get("url").asString();
		var path = url.substring(url.indexOf("/api/"));
		var response = api.call("GET", path, null, null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.body();
	}

	/** A day far outside the records' years on a plan is refused (400), not a 500. */
	@Test
	void aPlanOutsideTheRecordsYearsIsABadRequest() {
		var meeting = meeting("");
		var far = api.call("PATCH", "/api/meetings/" + meeting, secretariat, "{\"until\": \"+10000-01-01\", \"reason\": \"far\"}");
		assertThat(far.status()).as(far.toString()).isBetween(400, 499);
		var unknown = api.call("PATCH", "/api/meetings/" + meeting, secretariat, "{\"status\": \"HELD\", \"cancelled\": \"maybe\", \"reason\": \"x\"}");
		assertThat(unknown.status()).as(unknown.toString()).isBetween(400, 499);
		assertThat(count("select count(*) from meeting_plan where meeting_id = ?", meeting)).isEqualTo(1);
	}
}
