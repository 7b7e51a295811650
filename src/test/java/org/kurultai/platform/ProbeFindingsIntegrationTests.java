package org.kurultai.platform;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defects found by probing the work on issue 9 as an attacker would, after the fuzzer had passed; each test failed before its fix.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeFindingsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

	Delegations api;
	Actor secretariat;
	Actor chair;

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("probe-findings");
		chair = api.coordinator("probe-findings", "AZE"); // Azerbaijan chairs the forum since 17 December 2024
	}

	private String table(Actor who, String title) {
		var tabled = api.post("/api/documents", who, """
				{"type": "STATEMENT", "title": "%s", "body": "SWG", "access": "PARTICIPANTS", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}"""
				.formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	/** {@code "languages": [null]} is a NullPointerException in Drafting.languages: 500. */
	@Test
	void aNullLanguageIsRefusedNotA500() {
		var refused = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Null language", "body": "SWG", "access": "PUBLIC", "languages": [null],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "x"}}]}""");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	/** {@code "named": [null]} is a NullPointerException in MeetingsAdministration.schedule: 500. */
	@Test
	void aNullNamedParticipantOfAMeetingIsRefusedNotA500() {
		var refused = api.post("/api/meetings", secretariat, """
				{"body": "SWG", "title": "Null named", "from": "2027-03-01", "access": "NAMED_PARTICIPANTS", "named": [null]}""");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	/** A silence deadline at the end of time overflows Duration.toMillis in Decisions.propose: 500. */
	@Test
	void aSilenceDeadlineAtTheEndOfTimeIsRefusedNotA500() {
		var document = table(secretariat, "Silence until the end of time");
		var refused = api.post("/api/decisions", secretariat, """
				{"body": "SWG", "document": "%s", "version": 0, "procedure": "SILENCE",
				 "deadline": "+999999999-12-31T18:00", "timeZone": "Asia/Almaty"}""".formatted(document));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}

	/** The due day of the year after 999999999 does not exist (DueDay.endOf): 500 on the API and the page. */
	@Test
	void exchangeReturnsOfAYearOutOfRangeAreRefusedNotA500() {
		var returns = api.get("/api/exchange/returns?type=ARMS-CONTROL-ACCESSION&year=999999999", secretariat);
		assertThat(returns.status()).as(returns.toString()).isEqualTo(400);
		assertThat(returns.contentType()).startsWith("application/problem+json");
		assertThat(api.page("/exchange?year=2147483647", secretariat).status()).isEqualTo(400);
	}

	/**
	 * A closed meeting answers 404 to the chair's delegation, but proposing a decision at it tells that it exists
	 * and, when it is not in session, its dates (409 meeting-not-in-session), where an unknown id is a 400.
	 */
	@Test
	void aClosedMeetingDoesNotShowThroughAProposalAtIt() {
		var from = clock.today().plusDays(10);
		var recorded = api.post("/api/meetings", secretariat, """
				{"body": "SWG", "title": "Closed probe", "from": "%s", "until": "%s", "place": "Hidden place", "online": false,
				 "access": "SECRETARIAT"}""".formatted(from, from.plusDays(2)));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		var closed = recorded.json().get("id").asString();
		assertThat(api.get("/api/meetings/" + closed, chair).status()).isEqualTo(404);

		var document = table(chair, "At a closed meeting");
		var atUnknown = api.post("/api/decisions", chair, """
				{"body": "SWG", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "SWG-1900-01-01", "present": ["AZE"]}"""
				.formatted(document));
		var atClosed = api.post("/api/decisions", chair, """
				{"body": "SWG", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE"]}"""
				.formatted(document, closed));
		assertThat(atClosed.status()).as(atClosed.toString()).isEqualTo(atUnknown.status());
		assertThat(atClosed.json().get("type").asString()).isEqualTo(atUnknown.json().get("type").asString());
		assertThat(atClosed.body()).doesNotContain(from.toString());
		assertThat(atClosed.body()).doesNotContain(closed); // dates are written per language in a refusal: neither its days nor its id
	}

	/** Who was present at a closed meeting does not show through a public decision taken at it. */
	@Test
	void whoAttendedAClosedMeetingDoesNotShowThroughAPublicDecision() {
		var today = clock.today();
		var recorded = api.post("/api/meetings", secretariat, """
				{"body": "SWG", "title": "Closed attendance probe", "from": "%s", "until": "%s", "place": "Hidden", "online": false,
				 "access": "SECRETARIAT"}""".formatted(today, today));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		var closed = recorded.json().get("id").asString();
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Public text of a closed session", "body": "SWG", "access": "PUBLIC", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Agreed."}}]}""");
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "SWG", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ"]}"""
				.formatted(tabled.json().get("id").asString(), closed));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		assertThat(api.post("/api/decisions/" + decision + "/close", secretariat, null).json().get("status").asString()).isEqualTo("ADOPTED");

		var asSecretariat = api.get("/api/decisions/" + decision, secretariat);
		assertThat(asSecretariat.json().get("present").size()).isEqualTo(2);
		assertThat(asSecretariat.json().get("outcome").asString()).contains("Present: AZE, KAZ");
		for (var viewer : new Actor[] { null, chair }) {
			var answer = api.get("/api/decisions/" + decision, viewer);
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.json().get("present").size()).as("present, to " + viewer).isZero();
			assertThat(answer.body()).doesNotContain(closed).doesNotContain("Present:");
			assertThat(api.get("/api/decisions?body=SWG", viewer).body()).doesNotContain(closed).doesNotContain("Present: AZE, KAZ");
			var page = api.page("/decisions/" + decision, viewer);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).doesNotContain(closed).doesNotContain("id=\"present\"").doesNotContain("Present: AZE, KAZ");
		}
	}

	/** A draft a State tables for named participants is never hidden from that State; codes are read as codes. */
	@Test
	void aStateSeesTheDraftItTablesForNamedParticipantsAndItsSponsorsAreCodes() {
		var kazakhstan = api.coordinator("probe-findings", "KAZ");
		var india = api.coordinator("probe-findings", "IND");
		var china = api.coordinator("probe-findings", "CHN");
		var tabled = api.post("/api/documents", kazakhstan, """
				{"type": "STATEMENT", "title": "For India's eyes", "body": "SWG", "access": "NAMED_PARTICIPANTS", "named": ["ind"],
				 "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "BRACKETED", "text": {"en": "Draft."}, "sponsors": ["kaz", " KAZ", "KAZ"]}]}""");
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var id = tabled.json().get("id").asString();
		var asAuthor = api.get("/api/documents/" + id, kazakhstan);
		assertThat(asAuthor.status()).as("the State that tabled it").isEqualTo(200);
		assertThat(asAuthor.body()).contains("\"sponsors\":[\"KAZ\"]");
		assertThat(api.get("/api/documents/" + id, india).status()).as("the State it names, whatever the case of its code").isEqualTo(200);
		assertThat(api.get("/api/documents/" + id, china).status()).as("a State it does not name").isEqualTo(404);
	}

	/** Who acted for a State (an official's e-mail) is known to the Secretariat and that State, not to the public or other States. */
	@Test
	void whoActedForAStateIsNotShownToThePublicNorToOtherStates() {
		var uzbekistan = api.coordinator("probe-findings", "UZB");
		var india = api.coordinator("probe-findings", "IND");
		var recorded = api.post("/api/commitments", uzbekistan, """
				{"participant": "UZB", "priorityArea": "NCT-EPI", "measure": null, "kind": "OPT_IN", "effectiveOn": "%s"}"""
				.formatted(clock.today()));
		assertThat(recorded.status()).as(recorded.toString()).isIn(200, 201);
		var recorder = uzbekistan.account().email();
		assertThat(api.get("/api/commitments?participant=UZB", secretariat).body()).contains(recorder);
		assertThat(api.get("/api/commitments?participant=UZB", uzbekistan).body()).contains(recorder);
		for (var viewer : new Actor[] { null, india }) {
			assertThat(api.get("/api/commitments?participant=UZB", viewer).body()).doesNotContain(recorder);
			assertThat(api.page("/commitments?participant=UZB", viewer).body()).doesNotContain(recorder);
		}
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "SWG", "title": "Public probe session", "from": "2027-05-03", "place": "Almaty"}""");
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var id = meeting.json().get("id").asString();
		assertThat(api.get("/api/meetings/" + id, null).body()).doesNotContain(secretariat.account().email());
		assertThat(api.page("/meetings/" + id, null).body()).doesNotContain(secretariat.account().email());
	}
}
