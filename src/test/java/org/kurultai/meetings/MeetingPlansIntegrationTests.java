package org.kurultai.meetings;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Convening a meeting and changing its plan through the API: every plan kept with its reason, the meeting row following the
 * current one, refusals that write nothing, the events published in the acting transaction, and who may act
 * (the Secretariat; the chairing State's coordinator — Azerbaijan's, chairing since 17 December 2024 — for the governing
 * bodies only). CICA's Seventh Ministerial Council is one meeting with two plans.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@RecordApplicationEvents
class MeetingPlansIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;
	@Autowired Meetings meetings;
	@Autowired ApplicationEvents events;

	Delegations api;
	Actor secretariat;
	Actor chair;
	Actor member;

	@BeforeAll
	void actors() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("mplan");
		chair = api.coordinator("mplan", "AZE");
		member = api.coordinator("mplan", "KAZ");
	}

	String convene(Actor actor, String body, LocalDate from, String extra) {
		var response = api.post("/api/meetings", actor, """
				{"body": "%s", "title": "Plan test session", "from": "%s", "place": "Astana", "access": "PARTICIPANTS"%s}"""
				.formatted(body, from, extra));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	int plans(String id) {
		return jdbc.sql("select count(*) from meeting_plan where meeting_id = ?").param(id).query(Integer.class).single();
	}

	Delegations.Response patch(Actor actor, String id, String body) {
		return api.call("PATCH", "/api/meetings/" + id, actor, body);
	}

	@Test
	void aMeetingConvenedAheadClosesRegistrationAtTheEndOfTheDaySevenDaysBeforeUnlessToldOtherwise() {
		var from = clock.today().plusDays(60);
		var id = convene(secretariat, "SOC", from, "");
		var expected = from.minusDays(6).atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant();
		assertThat(meetings.meeting(id).registrationCloses()).isEqualTo(expected);
		var given = from.minusDays(3).atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant();
		var other = convene(secretariat, "SOC", from, ", \"registrationCloses\": \"" + given + "\"");
		assertThat(meetings.meeting(other).registrationCloses()).isEqualTo(given);
		var late = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Late", "from": "%s", "access": "PARTICIPANTS", "registrationCloses": "%s"}"""
				.formatted(from, from.plusDays(2).atStartOfDay(ZoneId.of("Asia/Almaty")).toInstant()));
		assertThat(late.status()).as(late.toString()).isEqualTo(400);
		assertThat(late.body()).contains("registrationCloses");
	}

	@Test
	void aNewPlanIsKeptBesideTheEarlierOneWithItsReason() {
		var from = clock.today().plusDays(40);
		var id = convene(secretariat, "SOC", from, "");
		var moved = patch(secretariat, id, """
				{"from": "%s", "place": "Baku", "reason": "The host asked for a later date"}""".formatted(from.plusDays(14)));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("plan").asInt()).isEqualTo(2);
		assertThat(moved.json().get("plans").size()).isEqualTo(2);
		var meeting = meetings.meeting(id);
		assertThat(meeting.plan()).isEqualTo(2);
		assertThat(meeting.from()).isEqualTo(from.plusDays(14));
		assertThat(meeting.place()).isEqualTo("Baku");
		assertThat(meeting.status()).isEqualTo(MeetingStatus.PLANNED);

		var detail = api.get("/api/meetings/" + id, secretariat);
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		var plans = detail.json().get("plans");
		assertThat(plans.size()).isEqualTo(2);
		assertThat(plans.get(0).get("from").asString()).isEqualTo(from.toString());
		assertThat(plans.get(0).get("place").asString()).isEqualTo("Astana");
		assertThat(plans.get(1).get("reason").asString()).isEqualTo("The host asked for a later date");
		assertThat(plans.get(1).get("recordedBy").asString()).isEqualTo(secretariat.account().email());
		// who acted is the Secretariat's to know
		var seenByMember = api.get("/api/meetings/" + id, member);
		assertThat(seenByMember.status()).isEqualTo(200);
		assertThat(seenByMember.json().get("plans").get(1).get("recordedBy").isNull()).isTrue();
		// a meeting for participants does not exist for the public
		assertThat(api.get("/api/meetings/" + id, null).status()).isEqualTo(404);
		assertThat(api.call("PATCH", "/api/meetings/" + id, null, "{\"reason\": \"x\"}").status()).isIn(401, 403);
	}

	@Test
	void aChangeWithoutReasonOrWithBadInputIsRefusedAndWritesNothing() {
		var from = clock.today().plusDays(45);
		var id = convene(secretariat, "SOC", from, "");
		for (var bad : new String[] { "{\"from\": \"" + from.plusDays(1) + "\"}", "{\"from\": \"" + from.plusDays(1) + "\", \"reason\": \"  \"}",
				"{\"from\": \"" + from.plusDays(3) + "\", \"until\": \"" + from.plusDays(2) + "\", \"reason\": \"r\"}",
				"{\"host\": \"ZZQ\", \"reason\": \"r\"}", "{\"from\": \"not a day\", \"reason\": \"r\"}", "{\"online\": \"perhaps\", \"reason\": \"r\"}",
				"[]" }) {
			var refused = patch(secretariat, id, bad);
			assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
			assertThat(refused.contentType()).contains("application/problem+json");
		}
		var same = patch(secretariat, id, "{\"from\": \"" + from + "\", \"reason\": \"Nothing new\"}");
		assertThat(same.status()).as(same.toString()).isEqualTo(409);
		assertThat(plans(id)).isEqualTo(1);
		assertThat(meetings.meeting(id).plan()).isEqualTo(1);
		assertThat(patch(secretariat, "SOC-1900-01-01", "{\"reason\": \"r\", \"online\": true}").status()).isEqualTo(404);
	}

	@Test
	void aCancelledMeetingStaysCancelledAndAHeldOneIsHistory() {
		var id = convene(secretariat, "SOC", clock.today().plusDays(50), "");
		var cancelled = patch(secretariat, id, "{\"cancelled\": true, \"reason\": \"The host withdrew its invitation\"}");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		var again = patch(secretariat, id, "{\"cancelled\": false, \"online\": true, \"reason\": \"Back on\"}");
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(plans(id)).isEqualTo(2);

		var held = patch(secretariat, "CMFA-7", "{\"online\": false, \"place\": \"Baku\", \"reason\": \"Rewrite history\"}");
		assertThat(held.status()).as(held.toString()).isEqualTo(409);
		assertThat(plans("CMFA-7")).isEqualTo(2);
	}

	@Test
	void aChangeAndACancellationArePublishedInTheActingTransaction() {
		var from = clock.today().plusDays(55);
		var id = convene(secretariat, "SOC", from, "");
		meetings.changePlan(id, new PlanChange(from.plusDays(7), null, null, null, null, null, null, "Postponed a week"), secretariat.account());
		meetings.changePlan(id, new PlanChange(null, null, null, null, null, null, true, "Called off"), secretariat.account());
		assertThat(events.stream(MeetingChanged.class).filter(event -> event.meeting().equals(id)))
				.containsExactly(new MeetingChanged(id, 2, "Postponed a week"));
		assertThat(events.stream(MeetingCancelled.class).filter(event -> event.meeting().equals(id)))
				.containsExactly(new MeetingCancelled(id, 3, "Called off"));
		var audited = jdbc.sql("select count(*) from audit_entry where subject = ? and action in ('meeting.changed', 'meeting.cancelled')")
				.param("meeting:" + id).query(Integer.class).single();
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void theChairingStatesCoordinatorConvenesAndChangesTheGoverningBodiesMeetingsOnly() {
		var from = clock.today().plusDays(70);
		var id = convene(chair, "CMFA", from, "");
		var changed = patch(chair, id, "{\"online\": true, \"reason\": \"Held by video conference\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("plans").get(1).get("recordedBy").isNull()).as("who acted is the Secretariat's to know").isTrue();

		var notChaired = api.post("/api/meetings", chair, """
				{"body": "SME", "title": "Experts", "from": "%s", "access": "PARTICIPANTS"}""".formatted(from));
		assertThat(notChaired.status()).as(notChaired.toString()).isEqualTo(403);
		var notTheChair = api.post("/api/meetings", member, """
				{"body": "CMFA", "title": "Ministers", "from": "%s", "access": "PARTICIPANTS"}""".formatted(from));
		assertThat(notTheChair.status()).as(notTheChair.toString()).isEqualTo(403);
		assertThat(patch(member, id, "{\"online\": false, \"reason\": \"Not mine to change\"}").status()).isEqualTo(403);
		assertThat(plans(id)).isEqualTo(2);
		var swg = convene(secretariat, "SWG", from, "");
		assertThat(patch(chair, swg, "{\"online\": true, \"reason\": \"Not a governing body\"}").status()).isEqualTo(403);
	}

	@Test
	void theSeventhMinisterialCouncilWasPlannedInBakuAndHeldOnline() {
		var detail = api.get("/api/meetings/CMFA-7", null);
		assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
		var plans = detail.json().get("plans");
		assertThat(plans.size()).isEqualTo(2);
		assertThat(plans.get(0).get("from").asString()).isEqualTo("2024-11-11");
		assertThat(plans.get(0).get("place").asString()).isEqualTo("Baku");
		assertThat(plans.get(0).get("status").asString()).isEqualTo("PLANNED");
		assertThat(plans.get(0).get("online").asBoolean()).isFalse();
		assertThat(plans.get(1).get("from").asString()).isEqualTo("2024-12-17");
		assertThat(plans.get(1).get("online").asBoolean()).isTrue();
		assertThat(plans.get(1).get("status").asString()).isEqualTo("HELD");
		assertThat(plans.get(1).get("reason").asString()).contains("Baku");
		assertThat(plans.get(1).get("recordedBy").isNull()).isTrue();
		assertThat(detail.json().get("meeting").get("from").asString()).isEqualTo("2024-12-17");
		assertThat(detail.json().get("meeting").get("status").asString()).isEqualTo("HELD");
		assertThat(detail.json().get("plan").asInt()).isEqualTo(2);

		var page = api.page("/meetings/CMFA-7", null);
		assertThat(page.status()).isEqualTo(200);
		var html = org.jsoup.Jsoup.parse(page.body());
		assertThat(html.select("#plans li")).hasSize(1);
		assertThat(html.select("#plans li").text()).contains("Baku").contains("11 November 2024");
	}

	@Test
	void theHistoricalMeetingsLinkTheirOutcomeDocuments() {
		var page = org.jsoup.Jsoup.parse(api.page("/meetings/CHSG-2", null).body());
		assertThat(page.select("#outcomes a").eachAttr("href")).contains("/documents/DECLARATION-2006");
		// every outcome of every historical meeting is a document of that meeting with its very title
		for (var meeting : meetings.find(null, null, null)) {
			if (meeting.outcomes().isEmpty()) {
				continue;
			}
			var shown = org.jsoup.Jsoup.parse(api.page("/meetings/" + meeting.id(), null).body());
			assertThat(shown.select("#outcomes a")).as(meeting.id()).hasSize(meeting.outcomes().size());
		}
	}

	@Test
	void theMeetingPageOffersToChangeThePlanOnlyToThoseThePolicyLets() {
		var id = convene(secretariat, "SOC", clock.today().plusDays(65), "");
		var bySecretariat = org.jsoup.Jsoup.parse(api.page("/meetings/" + id, secretariat).body());
		assertThat(bySecretariat.select("#change-plan")).hasSize(1);
		assertThat(bySecretariat.select("#edit-agenda")).hasSize(1);
		assertThat(bySecretariat.select("#delegations-link")).hasSize(1);
		var byMember = org.jsoup.Jsoup.parse(api.page("/meetings/" + id, member).body());
		assertThat(byMember.select("#change-plan")).isEmpty();
		assertThat(byMember.select("#edit-agenda")).isEmpty();
		assertThat(api.page("/meetings/" + id + "/plan", member).status()).isEqualTo(403);
		assertThat(api.page("/meetings/" + id + "/plan", secretariat).status()).isEqualTo(200);
		assertThat(org.jsoup.Jsoup.parse(api.page("/meetings", secretariat).body()).select("#convene")).hasSize(1);
		assertThat(org.jsoup.Jsoup.parse(api.page("/meetings", member).body()).select("#convene")).isEmpty();
		assertThat(org.jsoup.Jsoup.parse(api.page("/meetings", chair).body()).select("#convene")).hasSize(1);
		assertThat(api.page("/meetings/new", member).status()).isEqualTo(403);
	}
}
