package org.kurultai.meetings;

import java.time.LocalDate;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A meeting's agenda: each save a kept version (items added, deferred, reordered), adopted at the opening and changed
 * afterwards only with a reason; seen at the meeting's access level, with under each item only the documents the reader
 * may see; documents and decisions it names must exist for its editor.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingAgendaIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor member;

	@BeforeAll
	void actors() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("magenda");
		member = api.coordinator("magenda", "KAZ");
	}

	String convene(LocalDate from, String access) {
		var response = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Agenda test session", "from": "%s", "until": "%s", "place": "Astana", "access": "%s"}"""
				.formatted(from, from.plusDays(1), access));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	Delegations.Response put(Actor actor, String id, String body) {
		return api.call("PUT", "/api/meetings/" + id + "/agenda", actor, body);
	}

	int versions(String id) {
		return jdbc.sql("select count(*) from agenda_version where meeting_id = ?").param(id).query(Integer.class).single();
	}

	String secretDocument() {
		var response = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Secretariat note on the agenda", "body": "SOC", "access": "SECRETARIAT", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Internal."}}]}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	@Test
	void everySavedAgendaIsAVersionAndAnAdoptedOneChangesOnlyWithAReason() {
		var id = convene(clock.today(), "PARTICIPANTS");
		assertThat(api.get("/api/meetings/" + id + "/agenda", secretariat).json().get("version").asInt()).isZero();
		var first = put(secretariat, id, """
				{"items": [{"title": "Opening"}, {"title": "The Second Summit Declaration", "documents": ["declaration-2006"]},
				 {"title": "Any other business"}]}""");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("version").asInt()).isEqualTo(1);
		assertThat(first.json().get("adopted").asBoolean()).isFalse();
		assertThat(first.json().get("items").get(1).get("documents").get(0).asString()).isEqualTo("DECLARATION-2006");
		assertThat(first.json().get("items").get(1).get("number").asInt()).isEqualTo(2);

		// the same agenda again is nothing to save
		assertThat(put(secretariat, id, """
				{"items": [{"title": "Opening"}, {"title": "The Second Summit Declaration", "documents": ["DECLARATION-2006"]},
				 {"title": "Any other business"}]}""").status()).isEqualTo(409);

		// adopted at the opening (today is the first day), reordered and one item deferred
		var adopted = put(secretariat, id, """
				{"items": [{"title": "Opening", "status": "TAKEN"}, {"title": "Any other business"},
				 {"title": "The Second Summit Declaration", "documents": ["DECLARATION-2006"], "status": "DEFERRED"}], "adopted": true}""");
		assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
		assertThat(adopted.json().get("version").asInt()).isEqualTo(2);
		var withoutReason = put(secretariat, id, """
				{"items": [{"title": "Opening", "status": "TAKEN"}, {"title": "Any other business", "status": "TAKEN"}], "adopted": true}""");
		assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
		var unadopted = put(secretariat, id, """
				{"items": [{"title": "Opening"}], "adopted": false, "reason": "Start again"}""");
		assertThat(unadopted.status()).as(unadopted.toString()).isEqualTo(409);
		var changed = put(secretariat, id, """
				{"items": [{"title": "Opening", "status": "TAKEN"}, {"title": "Any other business", "status": "TAKEN"},
				 {"title": "Date of the next session"}], "adopted": true, "reason": "The chair added an item at the request of Kazakhstan"}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(versions(id)).isEqualTo(3);

		var current = api.get("/api/meetings/" + id + "/agenda", secretariat).json();
		assertThat(current.get("version").asInt()).isEqualTo(3);
		assertThat(current.get("versions").size()).isEqualTo(3);
		assertThat(current.get("versions").get(2).get("reason").asString()).contains("Kazakhstan");
		assertThat(current.get("versions").get(2).get("recordedBy").asString()).isEqualTo(secretariat.account().email());
		var earlier = api.get("/api/meetings/" + id + "/agenda?version=1", member);
		assertThat(earlier.status()).as(earlier.toString()).isEqualTo(200);
		assertThat(earlier.json().get("items").size()).isEqualTo(3);
		assertThat(earlier.json().get("items").get(2).get("title").asString()).isEqualTo("Any other business");
		assertThat(earlier.json().get("versions").get(0).get("recordedBy").isNull()).as("who saved it is the Secretariat's to know").isTrue();
		assertThat(api.get("/api/meetings/" + id + "/agenda?version=9", member).status()).isEqualTo(404);

		// the page shows the agenda and its versions
		var page = org.jsoup.Jsoup.parse(api.page("/meetings/" + id + "/agenda", member).body());
		assertThat(page.select("#agenda-versions li")).hasSize(3);
		assertThat(page.select("#agenda-edit")).as("only those who may change the meeting edit its agenda").isEmpty();
		assertThat(org.jsoup.Jsoup.parse(api.page("/meetings/" + id + "/agenda", secretariat).body()).select("#agenda-edit")).hasSize(1);
	}

	@Test
	void anAgendaIsSeenAtItsMeetingsLevelAndItsDocumentsAsTheReaderMaySee() {
		var id = convene(clock.today().plusDays(30), "PARTICIPANTS");
		var secret = secretDocument();
		var saved = put(secretariat, id, """
				{"items": [{"title": "Budget", "documents": ["%s", "DECLARATION-2006"]}]}""".formatted(secret));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(api.get("/api/meetings/" + id + "/agenda", null).status()).isEqualTo(404);
		assertThat(api.page("/meetings/" + id + "/agenda", null).status()).isEqualTo(404);
		var seenByMember = api.get("/api/meetings/" + id + "/agenda", member);
		assertThat(seenByMember.status()).isEqualTo(200);
		assertThat(Delegations.strings(seenByMember.json().get("items").get(0).get("documents"))).containsExactly("DECLARATION-2006");
		assertThat(Delegations.strings(api.get("/api/meetings/" + id + "/agenda", secretariat).json().get("items").get(0).get("documents")))
				.containsExactly(secret, "DECLARATION-2006");
		// a member's coordinator (not the chair's) may not edit it; the public may not at all
		assertThat(put(member, id, "{\"items\": [{\"title\": \"Mine\"}]}").status()).isEqualTo(403);
		assertThat(put(null, id, "{\"items\": [{\"title\": \"Mine\"}]}").status()).isIn(401, 403);
		assertThat(versions(id)).isEqualTo(1);
	}

	@Test
	void aBadAgendaIsRefusedAndWritesNothing() {
		var id = convene(clock.today().plusDays(31), "PARTICIPANTS");
		for (var bad : new String[] { "{\"items\": []}", "{}", "{\"items\": [{\"title\": \" \"}]}",
				"{\"items\": [{\"title\": \"A\", \"documents\": [\"NO-SUCH-DOCUMENT\"]}]}",
				"{\"items\": [{\"title\": \"A\", \"decisions\": [999999999]}]}", "{\"items\": [{\"title\": \"A\", \"status\": \"SOMETIME\"}]}",
				"{\"items\": [{\"title\": \"A\"}], \"adopted\": \"maybe\"}", "{\"items\": [null]}" }) {
			var refused = put(secretariat, id, bad);
			assertThat(refused.status()).as(bad + " → " + refused).isEqualTo(400);
		}
		var early = put(secretariat, id, "{\"items\": [{\"title\": \"Opening\"}], \"adopted\": true}");
		assertThat(early.status()).as("adopted at the opening, not before: " + early).isEqualTo(409);
		assertThat(versions(id)).isZero();
		var cancelled = api.call("PATCH", "/api/meetings/" + id, secretariat, "{\"cancelled\": true, \"reason\": \"No agenda\"}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(put(secretariat, id, "{\"items\": [{\"title\": \"Opening\"}]}").status()).isEqualTo(409);
		assertThat(versions(id)).isZero();
	}

	/** A form posted as the actor (with their token, so without a session's CSRF token); a redirect is not followed. */
	java.net.http.HttpResponse<String> form(Actor actor, String path, java.util.List<String[]> fields) throws Exception {
		var body = String.join("&", fields.stream().map(field -> java.net.URLEncoder.encode(field[0], java.nio.charset.StandardCharsets.UTF_8)
				+ "=" + java.net.URLEncoder.encode(field[1], java.nio.charset.StandardCharsets.UTF_8)).toList());
		return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + actor.token()).header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	static String[] field(String name, String value) {
		return new String[] { name, value };
	}

	@Test
	void theAgendaPageAddsMovesAndSavesItemsAndShowsARefusalBesideItsField() throws Exception {
		var id = convene(clock.today().plusDays(32), "PARTICIPANTS");
		var path = "/meetings/" + id + "/agenda";
		var rows = java.util.List.of(field("title", "Opening"), field("status", "PROPOSED"), field("documents", ""), field("decisions", ""),
				field("title", "Budget"), field("status", "PROPOSED"), field("documents", ""), field("decisions", ""));
		var added = form(secretariat, path, concat(rows, field("op", "add")));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(org.jsoup.Jsoup.parse(added.body()).select("#agenda fieldset")).hasSize(3);
		var moved = org.jsoup.Jsoup.parse(form(secretariat, path, concat(rows, field("op", "down:0"))).body());
		assertThat(moved.select("#item-title-1").val()).isEqualTo("Budget");
		assertThat(moved.select("#item-title-2").val()).isEqualTo("Opening");
		assertThat(versions(id)).as("rearranging the form saves nothing").isZero();

		var refused = form(secretariat, path, concat(java.util.List.of(field("title", "Opening"), field("status", "PROPOSED"),
				field("documents", ""), field("decisions", ""), field("title", "Budget"), field("status", "DEFERRED"),
				field("documents", "NO-SUCH-PAPER"), field("decisions", "")), field("op", "save")));
		assertThat(refused.statusCode()).isEqualTo(400);
		var page = org.jsoup.Jsoup.parse(refused.body());
		assertThat(page.select("[id='error-agenda-items[2].documents']")).hasSize(1);
		assertThat(page.select("#item-documents-2").val()).isEqualTo("NO-SUCH-PAPER");
		assertThat(page.select("#item-status-2 option[selected]").val()).isEqualTo("DEFERRED");
		assertThat(versions(id)).isZero();

		var saved = form(secretariat, path, concat(java.util.List.of(field("title", "Opening"), field("status", "PROPOSED"),
				field("documents", ""), field("decisions", ""), field("title", "Budget"), field("status", "DEFERRED"),
				field("documents", "DECLARATION-2006"), field("decisions", ""), field("title", ""), field("status", "PROPOSED"),
				field("documents", ""), field("decisions", "")), field("op", "save")));
		assertThat(saved.statusCode()).isEqualTo(302);
		var agenda = api.get("/api/meetings/" + id + "/agenda", secretariat).json();
		assertThat(agenda.get("items").size()).as("the blank row is no item").isEqualTo(2);
		assertThat(agenda.get("items").get(1).get("status").asString()).isEqualTo("DEFERRED");
		var meetingPage = org.jsoup.Jsoup.parse(api.page("/meetings/" + id, secretariat).body());
		assertThat(meetingPage.select("#agenda .agenda-items > li")).hasSize(2);
		assertThat(meetingPage.select("#agenda a[href='/documents/DECLARATION-2006']")).hasSize(1);
		assertThat(form(member, path, concat(rows, field("op", "save"))).statusCode()).isEqualTo(403);
	}

	static java.util.List<String[]> concat(java.util.List<String[]> fields, String[] more) {
		var all = new java.util.ArrayList<>(fields);
		all.add(more);
		return all;
	}
}
