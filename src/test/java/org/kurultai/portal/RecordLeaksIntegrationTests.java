package org.kurultai.portal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Paragraph;
import org.kurultai.drafting.ParagraphStatus;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaks of issue 9, items 1–5, each as it was found: a record one may not see showing through
 * another read path (returns, report revisions, a closed meeting behind a public text, an ended
 * accreditation, the public dashboard's overdue list).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordLeaksIntegrationTests {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired Drafting drafting;

	Delegations api;
	Actor secretariat;
	Actor kyrgyzstan;
	Actor tajikistan;
	Actor japan;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("leaks");
		kyrgyzstan = api.coordinator("leaks", "KGZ");
		tajikistan = api.coordinator("leaks", "TJK");
		japan = api.coordinator("leaks", "JPN");
	}

	/** A new annual type, so that the returns of this test are the only ones on it. */
	String exchangeType() {
		var code = "LEAKS-" + unique + "-" + System.nanoTime() % 100000;
		var defined = api.post("/api/exchange/types", secretariat, """
				{"code": "%s", "title": "Leak test %s", "schedule": "ANNUAL", "due": "--03-31",
				 "fields": [{"name": "detail", "label": "Detail", "type": "TEXT", "required": true}],
				 "visibilities": ["PUBLIC", "PARTICIPANTS", "SECRETARIAT"], "defaultVisibility": "SECRETARIAT"}""".formatted(code, code));
		assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
		return code;
	}

	long submit(Actor by, String type, int year, String visibility, String marker) {
		var submitted = api.post("/api/exchange/submissions", by, """
				{"type": "%s", "participant": "%s", "referenceYear": %d, "visibility": "%s", "answers": {"detail": "%s"}}"""
				.formatted(type, by.participant(), year, visibility, marker));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		return submitted.json().get("id").asLong();
	}

	@Test
	void item1_theReturnsStandingShowsOnlyTheReturnsTheViewerMaySee() {
		var type = exchangeType();
		var secret = "SECRET-RETURN-" + unique;
		submit(kyrgyzstan, type, 2025, "SECRETARIAT", secret);
		var path = "/api/exchange/returns?type=" + type + "&year=2025";
		var byObserver = api.get(path, japan);
		assertThat(byObserver.status()).isEqualTo(200);
		assertThat(byObserver.body()).as("an observer reads who has submitted, not a Secretariat-only return").doesNotContain(secret);
		assertThat(api.get(path, tajikistan).body()).as("nor does another member").doesNotContain(secret);
		assertThat(api.get(path, kyrgyzstan).body()).as("the State itself").contains(secret);
		assertThat(api.get(path, secretariat).body()).as("the Secretariat").contains(secret);
		assertThat(api.page("/exchange?type=" + type + "&year=2025", japan).body()).doesNotContain(secret);
	}

	private void optIn(Actor actor, String area, String from) {
		// may already be opted in from an earlier run on the same database: only the outcome matters
		api.post("/api/commitments", actor, """
				{"participant": "%s", "priorityArea": "%s", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(actor.participant(), area, from));
	}

	private void report(Actor by, int year, String area, String text, boolean submit) {
		var saved = api.post("/api/cbm/reports", by, """
				{"participant": "%s", "priorityArea": "%s", "year": %d, "text": "%s", "submit": %s}""".formatted(by.participant(), area, year,
				text, submit));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
	}

	@Test
	void item2_othersReadTheSubmittedTextNotTheDraftsNorWhoSavedThem() {
		optIn(kyrgyzstan, "ECON-TOURISM", "2024-01-10");
		var before = "DRAFT-BEFORE-" + unique;
		var submitted = "SUBMITTED-" + unique;
		var after = "DRAFT-AFTER-" + unique;
		report(kyrgyzstan, 2024, "ECON-TOURISM", before, false);
		report(kyrgyzstan, 2024, "ECON-TOURISM", submitted, true);
		report(kyrgyzstan, 2024, "ECON-TOURISM", after, false);
		for (var other : List.of(tajikistan, japan, secretariat)) {
			var read = api.get("/api/cbm/reports?participant=KGZ&year=2024", other).body();
			assertThat(read).as("%s reads the submission", other.account().email()).contains(submitted);
			assertThat(read).as("%s does not read the drafts", other.account().email()).doesNotContain(before).doesNotContain(after);
			if (other != secretariat) {
				assertThat(read).as("%s does not read who saved it", other.account().email()).doesNotContain(kyrgyzstan.account().email());
			}
			assertThat(api.page("/cbm/reports?year=2024", other).body()).doesNotContain(before).doesNotContain(after);
		}
		var own = api.get("/api/cbm/reports?participant=KGZ&year=2024", kyrgyzstan).body();
		assertThat(own).as("the State reads its own drafts").contains(before).contains(submitted).contains(after);
	}

	@Test
	void item3_aClosedMeetingDoesNotShowThroughAPublicTextAdoptedAtIt() throws Exception {
		var place = "Hiddenville" + unique;
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Closed leak test %s", "from": "%s", "place": "%s", "access": "SECRETARIAT"}"""
				.formatted(unique, forumClock.today(), place));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var meetingId = meeting.json().get("id").asString();

		// a public text of history, adopted at the closed meeting
		var historical = "LEAKS-HIST-" + unique;
		drafting.recordHistorical(new Drafting.HistoricalDocument(historical, DocumentType.STATEMENT, "Leak test statement " + unique, "CMFA",
				meetingId, forumClock.today(), DatePrecision.DAY, "en", Sources.of(List.of("test")), null,
				List.of(new Paragraph("1", ParagraphStatus.AGREED, Map.of("en", "We met."), List.of(), List.of()))));
		// the Secretariat reads the exports first, so that a cache keyed by content alone would serve its variant
		assertThat(pdfText(historical, secretariat)).contains(place);
		assertThat(api.file("/api/documents/" + historical + "/akn", secretariat).body()).contains(place);
		for (var viewer : new Actor[] { null, japan, tajikistan }) {
			var who = viewer == null ? "the public" : viewer.account().email();
			assertThat(api.file("/api/documents/" + historical + "/akn", viewer).body()).as("%s: AKN", who).doesNotContain(place)
					.doesNotContain(meetingId);
			assertThat(pdfText(historical, viewer)).as("%s: PDF", who).doesNotContain(place);
			assertThat(api.get("/api/documents/" + historical, viewer).body()).as("%s: the API", who).doesNotContain(meetingId);
			assertThat(api.page("/documents/" + historical, viewer).body()).as("%s: the page", who).doesNotContain(meetingId);
		}
		assertThat(api.get("/api/documents/" + historical, secretariat).body()).contains(meetingId);

		// a public text adopted by a decision at the closed meeting
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Leak decision %s", "body": "CMFA", "access": "PUBLIC", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(unique));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var document = tabled.json().get("id").asString();
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"]}"""
				.formatted(document, meetingId));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		assertThat(api.post("/api/decisions/" + decision + "/close", secretariat, null).json().get("status").asString()).isEqualTo("ADOPTED");
		assertThat(api.get("/api/decisions/" + decision, secretariat).body()).as("the Secretariat knows the meeting").contains(meetingId);
		assertThat(api.page("/decisions?body=CMFA", secretariat).body()).contains("at " + meetingId);
		for (var viewer : new Actor[] { null, japan, tajikistan }) {
			var who = viewer == null ? "the public" : viewer.account().email();
			assertThat(api.get("/api/decisions/" + decision, viewer).body()).as("%s: the decision", who).doesNotContain(meetingId);
			assertThat(api.get("/api/decisions?body=CMFA", viewer).body()).as("%s: the register", who).doesNotContain(meetingId);
			assertThat(api.page("/decisions/" + decision, viewer).body()).as("%s: the decision page", who).doesNotContain(meetingId);
			assertThat(api.page("/decisions?body=CMFA", viewer).body()).as("%s: the register page", who).doesNotContain(meetingId);
			assertThat(api.get("/api/documents/" + document, viewer).body()).as("%s: the document", who).doesNotContain(meetingId);
			assertThat(api.file("/api/documents/" + document + "/akn", viewer).body()).as("%s: AKN", who).doesNotContain(place);
		}
	}

	private String pdfText(String document, @Nullable Actor viewer) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents/" + document + "/pdf")).header("Accept", "*/*");
		if (viewer != null) {
			request.header("Authorization", "Bearer " + viewer.token());
		}
		var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (var pdf = Loader.loadPDF(new ByteArrayInputStream(response.body()).readAllBytes())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	@Test
	void item4_aDelegateWhoseAccreditationEndedNoLongerReadsTheStatesOwnRecords() {
		var delegate = api.actor("leaks.delegate.kgz." + unique.toLowerCase(Locale.ROOT) + "@mfa.example", Role.DELEGATE, "KGZ");
		var accreditation = accreditations.propose(kyrgyzstan.account(), delegate.account().email());
		accreditations.accredit(accreditation.id(), secretariat.account());
		assertThat(api.get("/api/me", delegate).json().get("capacity").asString()).isEqualTo("MEMBER_DELEGATION");
		var type = exchangeType();
		var secret = "SECRET-OWN-" + unique;
		submit(delegate, type, 2025, "SECRETARIAT", secret);
		optIn(kyrgyzstan, "ECON-IT", "2023-01-10");
		var draft = "OWN-DRAFT-" + unique;
		report(delegate, 2023, "ECON-IT", draft, false);
		assertThat(api.get("/api/exchange/submissions?type=" + type, delegate).body()).contains(secret);
		assertThat(api.get("/api/cbm/reports?participant=KGZ&year=2023", delegate).body()).contains(draft);

		accreditations.end(accreditation.id(), secretariat.account());
		assertThat(api.get("/api/me", delegate).json().get("capacity").asString()).isEqualTo("NONE");
		assertThat(api.get("/api/exchange/submissions?type=" + type, delegate).body()).doesNotContain(secret);
		assertThat(api.page("/exchange?type=" + type, delegate).body()).doesNotContain(secret);
		assertThat(api.get("/api/cbm/reports?participant=KGZ&year=2023", delegate).body()).doesNotContain(draft);
		assertThat(api.page("/cbm/reports?year=2023", delegate).body()).doesNotContain(draft);
		// the coordinator still acts for the State
		assertThat(api.get("/api/cbm/reports?participant=KGZ&year=2023", kyrgyzstan).body()).contains(draft);
	}

	@Test
	void item5_thePublicDashboardShowsNothingDerivedFromReportsThePublicMayNotSee() {
		optIn(tajikistan, "ECON-IT", "2022-01-10");
		var byParticipant = api.get("/api/cbm/dashboard?year=2022", kyrgyzstan).json();
		assertThat(Delegations.strings(byParticipant.at("/overdue/TJK"))).as("participants see who is overdue").contains("ECON-IT");
		var byPublic = api.get("/api/cbm/dashboard?year=2022", null).json();
		assertThat(byPublic.get("overdue").size()).as("the public sees no report, so no one overdue either").isZero();
		for (var trend : byPublic.get("trends")) {
			assertThat(trend.get("reportsSubmitted").asLong()).as("the public counts no report").isZero();
		}
		assertThat(api.page("/cbm?year=2022", null).body()).doesNotContain("id=\"overdue\"").doesNotContain("id=\"no-overdue\"")
				.contains("id=\"overdue-for-participants\"");
		assertThat(api.page("/cbm?year=2022", kyrgyzstan).body()).contains("id=\"overdue\"");
	}
}
