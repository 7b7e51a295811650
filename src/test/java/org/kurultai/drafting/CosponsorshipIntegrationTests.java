package org.kurultai.drafting;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kurultai.Delegations.strings;

/**
 * A State co-sponsors an amendment only by its own delegation's act: the proposer invites, the
 * invited delegation accepts or declines; unknown or malformed codes are refused and change nothing;
 * other States cannot be written into a tabled draft as sponsors.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CosponsorshipIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor india;
	Actor turkiye;
	Actor china;
	Actor kazakhstan;
	Actor secretariat;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		india = api.coordinator("cosponsorship", "IND");
		turkiye = api.coordinator("cosponsorship", "TUR");
		china = api.coordinator("cosponsorship", "CHN");
		kazakhstan = api.coordinator("cosponsorship", "KAZ");
		secretariat = api.secretariat("cosponsorship");
	}

	private String table(Actor by, String paragraphs) {
		var response = api.post("/api/documents", by, """
				{"type": "STATEMENT", "title": "Statement on water", "body": "SOC", "access": "PARTICIPANTS",
				 "languages": ["en"], "originalLanguage": "en", "paragraphs": %s}""".formatted(paragraphs));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static final String ONE_BRACKETED = """
			[{"label": "1", "status": "BRACKETED", "text": {"en": "We cooperate on water."}}]""";

	private int amendmentsOn(String document) {
		return jdbc.sql("select count(*) from amendment where document_id = ?").param(document).query(Integer.class).single();
	}

	private int actsBy(Actor actor) {
		return audit.find(new AuditQuery(actor.account().email(), null, null, null, null, 500)).size();
	}

	@Test
	void otherStatesCannotBeNamedWithoutTheirActAndBadCodesChangeNothing() {
		var id = table(kazakhstan, ONE_BRACKETED);
		int amendments = amendmentsOn(id);
		int acts = actsBy(india);
		int invitations = jdbc.sql("select count(*) from cosponsorship").query(Integer.class).single();
		for (var cosponsors : List.of("[\"CHN\", \"ZZZ\"]", "[\"<b>\"]", "[\"IND\", \"CHN\", \"USA\"]", "[\"\"]", "[\"kaz\", \"Q\"]")) {
			var refused = api.post("/api/documents/" + id + "/amendments", india, """
					{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "We cooperate closely on water."},
					 "cosponsors": %s}""".formatted(cosponsors));
			assertThat(refused.status()).as(cosponsors + " " + refused).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString()).endsWith("invalid-parameter");
			assertThat(refused.json().get("parameter").asString()).isEqualTo("cosponsors");
		}
		assertThat(amendmentsOn(id)).as("no amendment written").isEqualTo(amendments);
		assertThat(actsBy(india)).as("no act audited").isEqualTo(acts);
		assertThat(jdbc.sql("select count(*) from cosponsorship").query(Integer.class).single()).isEqualTo(invitations);

		// a tabled draft names no other State as sponsor of its paragraphs or alternatives
		int documents = jdbc.sql("select count(*) from document").query(Integer.class).single();
		int kazakhActs = actsBy(kazakhstan);
		for (var sponsors : List.of("[\"CHN\", \"ZZZ\", \"<b>\"]", "[\"CHN\"]", "[\"KAZ\", \"USA\"]")) {
			var refused = api.post("/api/documents", kazakhstan, """
					{"type": "STATEMENT", "title": "Statement", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"],
					 "paragraphs": [{"label": "1", "status": "BRACKETED", "alternatives": [
					   {"label": "Alt 1", "text": {"en": "One."}, "sponsors": ["KAZ"]},
					   {"label": "Alt 2", "text": {"en": "Two."}, "sponsors": %s}]}]}""".formatted(sponsors));
			assertThat(refused.status()).as(sponsors + " " + refused).isEqualTo(400);
			assertThat(refused.json().get("type").asString()).endsWith("invalid-parameter");
			assertThat(refused.json().get("parameter").asString()).isEqualTo("paragraphs[0].alternatives[1].sponsors");
		}
		var secretariatDraft = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Statement", "body": "SOC", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "BRACKETED", "text": {"en": "One."}, "sponsors": ["KAZ"]}]}""");
		assertThat(secretariatDraft.status()).isEqualTo(400);
		assertThat(secretariatDraft.json().get("parameter").asString()).isEqualTo("paragraphs[0].sponsors");
		assertThat(jdbc.sql("select count(*) from document").query(Integer.class).single()).isEqualTo(documents);
		assertThat(actsBy(kazakhstan)).isEqualTo(kazakhActs);

		// its own State it may name
		table(kazakhstan, """
				[{"label": "1", "status": "BRACKETED", "alternatives": [{"label": "Alt 1", "text": {"en": "One."}, "sponsors": ["KAZ"]},
				  {"label": "Alt 2", "text": {"en": "Two."}}]}]""");
	}

	@Test
	void anInvitedStateCoSponsorsOnlyWhenItsDelegationAccepts() {
		var id = table(kazakhstan, ONE_BRACKETED);
		var proposed = api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "We cooperate closely on water."},
				 "cosponsors": ["tur", "CHN", "TUR"]}""");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long amendment = proposed.json().get("id").asLong();
		assertThat(strings(proposed.json().get("cosponsors"))).isEmpty();
		assertThat(strings(proposed.json().get("invited"))).containsExactly("CHN", "TUR");

		// the page shows them as invited, and offers Türkiye (only) the buttons
		var asTurkiye = api.page("/documents/" + id, turkiye).body();
		assertThat(asTurkiye).contains("invited: ").contains("/amendments/" + amendment + "/cosponsorships/TUR/acceptance")
				.doesNotContain("/cosponsorships/CHN/acceptance");
		assertThat(api.page("/documents/" + id, india).body()).doesNotContain("/cosponsorships/");

		// nobody answers for another State
		var base = "/api/documents/" + id + "/amendments/" + amendment + "/cosponsorships/";
		assertThat(api.post(base + "TUR/acceptance", china, null).status()).isEqualTo(403);
		assertThat(api.post(base + "TUR/acceptance", india, null).status()).isEqualTo(403);
		assertThat(api.post(base + "TUR/acceptance", secretariat, null).status()).isEqualTo(403);
		assertThat(api.post(base + "KAZ/acceptance", kazakhstan, null).status()).as("not invited").isEqualTo(404);

		var accepted = api.post(base + "TUR/acceptance", turkiye, null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(strings(accepted.json().get("cosponsors"))).containsExactly("TUR");
		assertThat(strings(accepted.json().get("invited"))).containsExactly("CHN");
		var again = api.post(base + "TUR/refusal", turkiye, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("cosponsorship-already-answered");
		var declined = api.post(base + "CHN/refusal", china, null);
		assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
		assertThat(strings(declined.json().get("declined"))).containsExactly("CHN");
		assertThat(strings(declined.json().get("cosponsors"))).containsExactly("TUR");
		assertThat(api.page("/documents/" + id, turkiye).body()).doesNotContain("/cosponsorships/TUR/acceptance");

		var acts = audit.find(new AuditQuery(null, null, null, null, null, 500)).stream()
				.filter(entry -> entry.subject().equals("document:" + id)).map(entry -> entry.action()).toList();
		assertThat(acts).contains("amendment.proposed", "cosponsorship.accepted", "cosponsorship.declined");

		// the text taken in is sponsored by the proposer and the State that accepted, no one else
		var chair = api.coordinator("cosponsorship", "AZE");
		var rev1 = api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"takeIn\": [" + amendment + "]}");
		assertThat(rev1.status()).as(rev1.toString()).isEqualTo(201);
		assertThat(strings(rev1.json().at("/paragraphs/0/sponsors"))).containsExactly("IND", "TUR");
	}

	@Test
	void anInvitationLapsesWhenTheAmendmentIsNoLongerProposed() {
		var id = table(kazakhstan, ONE_BRACKETED);
		long lapsing = api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "1", "cosponsors": ["CHN"]}""").json().get("id").asLong();
		long taken = api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "Water."}, "cosponsors": ["TUR"]}""")
				.json().get("id").asLong();
		var chair = api.coordinator("cosponsorship", "AZE");
		assertThat(api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"takeIn\": [" + taken + "]}").status())
				.isEqualTo(201);
		var lapsed = api.post("/api/documents/" + id + "/amendments/" + lapsing + "/cosponsorships/CHN/acceptance", china, null);
		assertThat(lapsed.status()).isEqualTo(409);
		assertThat(lapsed.json().get("type").asString()).endsWith("cosponsorship-invitation-lapsed");
		assertThat(api.page("/documents/" + id, china).body()).doesNotContain("/cosponsorships/CHN/acceptance");
	}
}
