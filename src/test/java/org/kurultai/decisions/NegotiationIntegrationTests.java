package org.kurultai.decisions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A text negotiated and decided through the API, as delegations, the chair (Azerbaijan, chairing
 * since December 2024) and the Secretariat would: tabling, amendments, revisions, brackets,
 * decisions at a meeting and under silence, statements, referral, the register, and refusals.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegotiationIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;
	@Autowired TestClock clock;
	@Autowired SilenceProcedures silenceProcedures;

	/** How far ahead a silence deadline is set: the acts before it never race it; the test then moves time past it. */
	static final Duration LEAD = Duration.ofMinutes(5);

	Delegations api;
	Actor secretariat;
	Actor chair;
	Actor kazakhstan;
	Actor india;
	Actor turkiye;
	Actor japan;
	Actor expert;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("negotiation");
		chair = api.coordinator("negotiation", "AZE");
		kazakhstan = api.coordinator("negotiation", "KAZ");
		india = api.coordinator("negotiation", "IND");
		turkiye = api.coordinator("negotiation", "TUR");
		japan = api.coordinator("negotiation", "JPN");
		expert = api.actor("negotiation.expert@think-tank.example", Role.EXPERT, null);
	}

	String table(Actor by, String body, String access, String paragraphs) {
		var response = api.post("/api/documents", by, """
				{"type": "STATEMENT", "title": "Statement on connectivity in Asia", "body": "%s", "access": "%s",
				 "languages": ["en", "ru"], "originalLanguage": "en", "paragraphs": %s}""".formatted(body, access, paragraphs));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	static final String TWO_AGREED = """
			[{"label": "PP1", "status": "AGREED", "text": {"en": "Recalling the Almaty Act,", "ru": "Ссылаясь на Алматинский акт,"}},
			 {"label": "1", "status": "AGREED", "text": {"en": "We support connectivity.", "ru": "Мы поддерживаем взаимосвязанность."}}]""";

	@Test
	void aDraftIsNegotiatedRevisedAndAdoptedUnderSilenceWithAReservation() {
		var id = table(kazakhstan, "SOC", "PARTICIPANTS", """
				[{"label": "PP1", "status": "AGREED", "text": {"en": "Recalling the Almaty Act,"}},
				 {"label": "1", "status": "BRACKETED", "text": {"en": "We decide to meet every two years."}},
				 {"label": "2", "status": "AGREED_AD_REFERENDUM", "text": {"en": "We thank Kazakhstan."}}]""");
		assertThat(id).startsWith("CICA-SOC-STAT-");
		var document = api.get("/api/documents/" + id, kazakhstan).json();
		assertThat(document.at("/document/symbol").asString()).matches("CICA/SOC/STAT/\\d{4}/\\d+");
		assertThat(document.at("/document/status").asString()).isEqualTo("DRAFT");
		assertThat(document.at("/current/name").asString()).isEqualTo("draft");

		// who may see a draft for participants: not the public, not an expert; an observer may
		assertThat(api.get("/api/documents/" + id, null).status()).isEqualTo(404);
		assertThat(api.get("/api/documents/" + id, expert).status()).isEqualTo(404);
		assertThat(api.get("/api/documents", null).body()).doesNotContain(id);
		assertThat(api.get("/api/documents/" + id, japan).status()).isEqualTo(200);

		// amendments: India against the draft; Japan (observer) proposes an alternative; an expert may not
		var replace = api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We thank Kazakhstan warmly."}, "cosponsors": ["TUR"]}""");
		assertThat(replace.status()).as(replace.toString()).isEqualTo(201);
		var alternative = api.post("/api/documents/" + id + "/amendments", japan, """
				{"againstVersion": 0, "kind": "ALTERNATIVE", "paragraph": "1", "text": {"en": "We decide to meet every four years."}}""");
		assertThat(alternative.status()).as(alternative.toString()).isEqualTo(201);
		var leftOut = api.post("/api/documents/" + id + "/amendments", turkiye, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "2"}""");
		assertThat(leftOut.status()).isEqualTo(201);
		assertThat(api.post("/api/documents/" + id + "/amendments", expert, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "2"}""").status()).isEqualTo(403);
		assertThat(api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "9", "text": {"en": "x"}}""").json().get("type").asString())
				.endsWith("unknown-paragraph");

		// only the chair or the Secretariat revises
		var takeIn = "[%d, %d]".formatted(replace.json().get("id").asLong(), alternative.json().get("id").asLong());
		assertThat(api.post("/api/documents/" + id + "/revisions", kazakhstan, "{\"basedOn\": 0, \"takeIn\": " + takeIn + "}").status())
				.isEqualTo(403);
		var rev1 = api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"takeIn\": " + takeIn + "}");
		assertThat(rev1.status()).as(rev1.toString()).isEqualTo(201);
		assertThat(rev1.json().get("name").asString()).isEqualTo("Rev.1");
		assertThat(rev1.json().at("/paragraphs/1/alternatives/1/sponsors/0").asString()).isEqualTo("JPN");
		assertThat(rev1.json().at("/paragraphs/2/status").asString()).isEqualTo("BRACKETED");

		// the amendment left out is outdated; a new one against the draft is refused
		var amendments = api.get("/api/documents/" + id + "/amendments", india).json();
		assertThat(statusOf(amendments, leftOut.json().get("id").asLong())).isEqualTo("OUTDATED");
		var outdated = api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "2"}""");
		assertThat(outdated.status()).isEqualTo(409);
		assertThat(outdated.json().get("type").asString()).endsWith("amendment-against-outdated-version");

		// positions on the alternatives
		var position = api.post("/api/documents/" + id + "/positions", turkiye, """
				{"paragraph": "1", "alternative": "Alt 2", "stance": "SUPPORTS"}""");
		assertThat(position.status()).as(position.toString()).isEqualTo(200);
		assertThat(api.get("/api/documents/" + id + "/positions", india).body()).contains("\"participant\":\"TUR\"");

		// nothing is agreed until everything is agreed
		var bracketed = api.post("/api/decisions", chair, silence("SOC", id, 1, "Asia/Almaty"));
		assertThat(bracketed.status()).isEqualTo(409);
		assertThat(bracketed.json().get("type").asString()).endsWith("nothing-agreed-until-everything-agreed");

		// Alt 2 chosen, everything agreed: Rev.2
		var choose = api.post("/api/documents/" + id + "/amendments", turkiye, """
				{"againstVersion": 1, "kind": "CHOOSE_ALTERNATIVE", "paragraph": "1", "alternative": "Alt 2"}""");
		assertThat(choose.status()).as(choose.toString()).isEqualTo(201);
		var rev2 = api.post("/api/documents/" + id + "/revisions", secretariat, """
				{"basedOn": 1, "takeIn": [%d], "marks": {"2": "AGREED"}}""".formatted(choose.json().get("id").asLong()));
		assertThat(rev2.status()).as(rev2.toString()).isEqualTo(201);
		assertThat(rev2.json().get("hasBrackets").asBoolean()).isFalse();

		// compare draft and Rev.2
		var compare = api.get("/api/documents/" + id + "/compare?from=0&to=2", india).json();
		assertThat(compare.at("/changes/1/change").asString()).isEqualTo("CHANGED");
		assertThat(compare.at("/changes/1/segments").toString()).contains("four").contains("two");

		// circulated under silence, deadline in Tokyo time; an observer cannot break silence; a reservation does not block
		var circulated = api.post("/api/decisions", chair, silence("SOC", id, 2, "Asia/Tokyo"));
		assertThat(circulated.status()).as(circulated.toString()).isEqualTo(201);
		var decision = circulated.json();
		assertThat(decision.get("deadline").asString()).endsWith("+09:00");
		assertThat(decision.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(decision.get("rule").asString()).isEqualTo("CONSENSUS");
		long decisionId = decision.get("id").asLong();
		var observer = api.post("/api/decisions/" + decisionId + "/objections", japan, "{\"reasons\": \"We disagree.\"}");
		assertThat(observer.status()).isEqualTo(403);
		assertThat(observer.json().get("detail").asString()).contains("member");
		var reservation = api.post("/api/decisions/" + decisionId + "/statements", india, """
				{"kind": "RESERVATION", "paragraph": "1", "text": "India does not consider itself bound by paragraph 1."}""");
		assertThat(reservation.status()).as(reservation.toString()).isEqualTo(201);
		var explanation = api.post("/api/decisions/" + decisionId + "/statements", japan, """
				{"kind": "EXPLANATION_OF_POSITION", "text": "Japan welcomes the text."}""");
		assertThat(explanation.status()).isEqualTo(201);
		assertThat(api.post("/api/decisions/" + decisionId + "/statements", japan, """
				{"kind": "RESERVATION", "text": "An observer has nothing to reserve."}""").status()).isEqualTo(403);
		assertThat(api.post("/api/decisions/" + decisionId + "/close", chair, null).json().get("type").asString())
				.endsWith("silence-closes-at-deadline");

		passDeadlineOf(decision);
		var closed = awaitClosed(decisionId, kazakhstan);
		assertThat(closed.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(closed.get("register").asString()).matches("SOC/\\d{4}/\\d+");
		assertThat(closed.get("statements")).hasSize(2);
		assertThat(closed.get("objectionCount").asInt()).isZero();
		assertThat(api.get("/api/documents/" + id, kazakhstan).json().at("/document/status").asString()).isEqualTo("ADOPTED");
		// once adopted the text is final
		assertThat(api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 2, "kind": "DELETE", "paragraph": "2"}""").json().get("type").asString()).endsWith("document-adopted");

		// the pages show the same, to whoever may see it
		var page = api.page("/documents/" + id, india);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Rev.2").contains("Decisions on this document").doesNotContain("Put this text for decision");
		assertThat(api.page("/documents/" + id + "/versions/1", india).body()).contains("Alt 2").contains("sponsored by Japan")
				.contains("supported by Türkiye");
		assertThat(api.page("/documents/" + id + "/compare?from=0&to=2", india).body()).contains("<ins>").contains("<del>");
		var decisionPage = api.page("/decisions/" + decisionId, india);
		assertThat(decisionPage.body()).contains("Reservation").contains("India does not consider itself bound").contains("Asia/Tokyo").contains(closed.get("register").asString());
		assertThat(api.page("/decisions/" + decisionId + "/status", japan).body()).contains("adopted");
		assertThat(api.page("/documents/" + id, null).status()).isEqualTo(404);
		assertThat(api.page("/decisions/" + decisionId, null).status()).isEqualTo(404);
		assertThat(api.page("/decisions", null).body()).doesNotContain(">" + closed.get("register").asString() + "<");

		// the adopted text exports with its register entry and the statements published with it
		var akn = api.file("/api/documents/" + id + "/akn", india);
		assertThat(akn.status()).isEqualTo(200);
		assertThat(akn.contentType()).startsWith("application/akn+xml");
		assertThat(akn.body()).contains(closed.get("register").asString()).contains("India does not consider itself bound")
				.contains("We decide to meet every four years.");
		assertThat(api.file("/api/documents/" + id + "/pdf", india).body()).startsWith("%PDF");
		assertThat(api.file("/api/documents/" + id + "/akn", null).status()).isEqualTo(404);

		var acts = audit.find(new AuditQuery(null, null, null, null, null, 1000)).stream()
				.filter(entry -> entry.subject().equals("decision:" + decisionId)).map(entry -> entry.action()).toList();
		assertThat(acts).containsExactlyInAnyOrder("silence.circulated", "statement.filed", "statement.filed", "silence.closed");
	}

	@Test
	void aMemberBreaksSilenceInWritingAndTheProcedureEndsAtOnce() {
		var id = table(secretariat, "SOC", "MEMBERS", TWO_AGREED);
		var decision = api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Asia/Almaty")).json();
		long decisionId = decision.get("id").asLong();
		assertThat(tasksOf(turkiye)).as("Türkiye may break silence: it awaits Türkiye").contains("decision:" + decisionId);
		assertThat(api.post("/api/decisions/" + decisionId + "/objections", india, "{\"reasons\": \"  \"}").status()).isEqualTo(400);
		var broken = api.post("/api/decisions/" + decisionId + "/objections", india, "{\"reasons\": \"Paragraph 1 needs consultation.\"}");
		assertThat(broken.status()).as(broken.toString()).isEqualTo(201);

		// no waiting for the deadline: the break ended the procedure in the same request
		var closed = api.get("/api/decisions/" + decisionId, india).json();
		assertThat(closed.get("status").asString()).isEqualTo("SILENCE_BROKEN");
		assertThat(Instant.parse(closed.get("closedAt").asString())).isBefore(deadlineOf(decision));
		assertThat(closed.get("outcome").asString()).contains("IND");
		assertThat(closed.get("objections")).hasSize(1);
		assertThat(closed.get("register").isNull()).isTrue();
		assertThat(closed.get("decidedOn").isNull()).isTrue();
		assertThat(api.get("/api/documents/" + id, india).json().at("/document/status").asString()).isEqualTo("DRAFT");
		assertThat(tasksOf(turkiye)).as("a broken procedure no longer awaits anyone").doesNotContain("decision:" + decisionId);
		assertThat(tasksOf(secretariat)).doesNotContain("decision:" + decisionId);
		var page = api.page("/decisions/" + decisionId, turkiye);
		assertThat(page.body()).contains("id=\"ended-by-break\"").doesNotContain("id=\"object-form\"");

		var again = api.post("/api/decisions/" + decisionId + "/objections", india, "{\"reasons\": \"Again.\"}");
		assertThat(again.json().get("type").asString()).endsWith("decision-closed");
		var late = api.post("/api/decisions/" + decisionId + "/objections", turkiye, "{\"reasons\": \"Too late.\"}");
		assertThat(late.json().get("type").asString()).endsWith("decision-closed");

		// the deadline passing changes nothing more
		passDeadlineOf(decision);
		silenceProcedures.closeDue();
		assertThat(api.get("/api/decisions/" + decisionId, india).json().get("status").asString()).isEqualTo("SILENCE_BROKEN");
		var acts = audit.find(new AuditQuery(null, null, null, null, null, 1000)).stream()
				.filter(entry -> entry.subject().equals("decision:" + decisionId)).map(entry -> entry.action()).toList();
		assertThat(acts).containsExactlyInAnyOrder("silence.circulated", "silence.broken", "silence.closed");
	}

	@Test
	void theChairWithdrawsAProposalAndOnlyTheChair() {
		var id = table(secretariat, "SOC", "PARTICIPANTS", TWO_AGREED);
		long decisionId = api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Asia/Almaty")).json().get("id").asLong();
		assertThat(api.post("/api/decisions/" + decisionId + "/withdrawal", india, "{\"reason\": \"Ours.\"}").status()).isEqualTo(403);
		assertThat(api.post("/api/decisions/" + decisionId + "/withdrawal", chair, "{\"reason\": \"%s\"}".formatted("x".repeat(2001)))
				.status()).isEqualTo(400);
		assertThat(api.get("/api/decisions/" + decisionId, chair).json().get("status").asString()).isEqualTo("OPEN");
		// the page offers the act to whom the policy allows it, and to nobody else
		assertThat(api.page("/decisions/" + decisionId, chair).body()).contains("id=\"withdraw-form\"");
		assertThat(api.page("/decisions/" + decisionId, india).body()).doesNotContain("id=\"withdraw-form\"").contains("id=\"object-form\"");
		var withdrawn = api.post("/api/decisions/" + decisionId + "/withdrawal", chair, "{\"reason\": \"Consultations continue.\"}");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.json().get("outcome").asString()).contains("Consultations continue.");
		assertThat(api.page("/decisions/" + decisionId, chair).body()).doesNotContain("id=\"withdraw-form\"");
		var twice = api.post("/api/decisions/" + decisionId + "/withdrawal", chair, null);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("type").asString()).endsWith("decision-closed");
		// a new proposal on the same text may follow
		assertThat(api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Asia/Almaty")).status()).isEqualTo(201);
	}

	/** The subjects of what awaits the person now. */
	private java.util.List<String> tasksOf(Actor actor) {
		var response = api.get("/api/me/tasks", actor);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var subjects = new java.util.ArrayList<String>();
		// what awaits an act: a broken procedure is then only told (kind SILENCE_BROKEN, "action": false)
		response.json().forEach(task -> {
			if (task.get("action").asBoolean()) {
				subjects.add(task.get("record").asString());
			}
		});
		return subjects;
	}

	@Test
	void aNewRevisionRestartsTheSilenceClock() {
		var id = table(secretariat, "SOC", "PARTICIPANTS", TWO_AGREED);
		var decision = api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Asia/Almaty")).json();
		long decisionId = decision.get("id").asLong();
		var firstDeadline = deadlineOf(decision);
		// an explanation of position (it breaks nothing) on the draft, then a revision the chair issues on Türkiye's amendment
		assertThat(api.post("/api/decisions/" + decisionId + "/statements", japan,
				"{\"kind\": \"EXPLANATION_OF_POSITION\", \"text\": \"We welcome a paragraph on transport.\"}").status()).isEqualTo(201);
		clock.advance(Duration.ofMinutes(1));
		var amendment = api.post("/api/documents/" + id + "/amendments", turkiye, """
				{"againstVersion": 0, "kind": "INSERT", "paragraph": "1", "text": {"en": "We promote transport corridors."}}""").json();
		var rev1 = api.post("/api/documents/" + id + "/revisions", chair, """
				{"basedOn": 0, "takeIn": [%d], "marks": {"1bis": "AGREED"}}""".formatted(amendment.get("id").asLong()));
		assertThat(rev1.status()).as(rev1.toString()).isEqualTo(201);

		var restarted = api.get("/api/decisions/" + decisionId, kazakhstan).json();
		assertThat(restarted.get("status").asString()).isEqualTo("OPEN");
		assertThat(restarted.get("round").asInt()).isEqualTo(2);
		assertThat(restarted.get("versionName").asString()).isEqualTo("Rev.1");
		var newDeadline = deadlineOf(restarted);
		assertThat(newDeadline).as("the clock restarts for the same period").isAfterOrEqualTo(firstDeadline.plus(Duration.ofMinutes(1)));

		// the first deadline passing closes nothing (the poll asked directly: whatever it does, it does now)
		clock.advanceTo(firstDeadline.plusSeconds(1));
		silenceProcedures.closeDue();
		assertThat(api.get("/api/decisions/" + decisionId, kazakhstan).json().get("status").asString()).isEqualTo("OPEN");

		// nobody breaks silence on the new text: adopted at the new deadline
		passDeadlineOf(restarted);
		var closed = awaitClosed(decisionId, kazakhstan);
		assertThat(closed.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(closed.get("versionName").asString()).isEqualTo("Rev.1");
		assertThat(closed.get("objectionCount").asInt()).isZero();
		assertThat(closed.get("statements")).hasSize(1);
	}

	@Test
	void aRevisionThatReopensBracketsWithdrawsTheProcedure() {
		var id = table(secretariat, "SOC", "PARTICIPANTS", TWO_AGREED);
		long decisionId = api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Asia/Almaty")).json().get("id").asLong();
		var rev1 = api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"marks\": {\"1\": \"BRACKETED\"}}");
		assertThat(rev1.status()).isEqualTo(201);
		var withdrawn = api.get("/api/decisions/" + decisionId, kazakhstan).json();
		assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.get("outcome").asString()).contains("Rev.1");
	}

	@Test
	void atAMeetingMembersPresentMayObjectAndTheOutcomeRecordsWhoWasPresent() {
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Meeting of the Committee of Senior Officials", "from": "%s", "place": "Baku"}"""
				.formatted(today())).json().get("id").asString();
		var id = table(secretariat, "SOC", "PUBLIC", TWO_AGREED);
		var proposal = """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s",
				 "present": ["AZE", "KAZ", "IND", "JPN"]}""".formatted(id, meeting);
		assertThat(api.post("/api/decisions", kazakhstan, proposal).status()).as("not the chair").isEqualTo(403);
		var first = api.post("/api/decisions", chair, proposal);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		long decisionId = first.json().get("id").asLong();
		assertThat(api.post("/api/decisions", chair, proposal).json().get("type").asString()).endsWith("decision-already-pending");

		assertThat(api.post("/api/decisions/" + decisionId + "/objections", turkiye, "{\"reasons\": \"Not here.\"}").json().get("type")
				.asString()).endsWith("delegation-not-present");
		assertThat(api.post("/api/decisions/" + decisionId + "/objections", japan, "{\"reasons\": \"Observer.\"}").status()).isEqualTo(403);
		assertThat(api.post("/api/decisions/" + decisionId + "/votes", india, "{\"vote\": \"AGAINST\"}").json().get("type").asString())
				.endsWith("no-vote-under-consensus");
		assertThat(api.post("/api/decisions/" + decisionId + "/objections", india, "{\"reasons\": \"We object.\"}").status()).isEqualTo(201);
		assertThat(api.post("/api/decisions/" + decisionId + "/close", india, null).status()).isEqualTo(403);
		var closed = api.post("/api/decisions/" + decisionId + "/close", chair, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("NOT_ADOPTED");
		assertThat(closed.json().get("outcome").asString()).contains("Objection by IND").contains("Present: AZE, KAZ, IND, JPN");
		// the public sees the outcome and the count, not who objected
		var publicView = api.get("/api/decisions/" + decisionId, null).json();
		assertThat(publicView.get("objectionCount").asInt()).isEqualTo(1);
		assertThat(publicView.get("objections").isNull()).isTrue();

		var second = api.post("/api/decisions", secretariat, proposal).json().get("id").asLong();
		var adopted = api.post("/api/decisions/" + second + "/close", secretariat, null).json();
		assertThat(adopted.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(api.get("/api/documents/" + id, null).json().at("/document/status").asString()).isEqualTo("ADOPTED");
		assertThat(api.get("/api/decisions?body=SOC", null).body()).contains("\"id\":" + second);
	}

	@Test
	void aRecommendationCarriesItsExactVersionUpward() {
		var meetingSwg = meeting("SWG");
		var meetingSoc = meeting("SOC");
		var id = table(secretariat, "SWG", "PARTICIPANTS", TWO_AGREED);
		var recommendation = api.post("/api/decisions", secretariat, """
				{"body": "SWG", "kind": "RECOMMENDATION", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s",
				 "present": ["KAZ"]}""".formatted(id, meetingSwg)).json().get("id").asLong();
		assertThat(api.post("/api/decisions/" + recommendation + "/close", secretariat, null).json().get("status").asString())
				.isEqualTo("ADOPTED");
		assertThat(api.get("/api/documents/" + id, kazakhstan).json().at("/document/status").asString()).isEqualTo("RECOMMENDED");

		var wrongBody = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "refersTo": %d}""".formatted(id, ahead("Asia/Almaty"), recommendation));
		assertThat(wrongBody.json().get("type").asString()).endsWith("referral-invalid");
		var referred = api.post("/api/decisions", secretariat, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"],
				 "refersTo": %d}""".formatted(id, meetingSoc, recommendation));
		assertThat(referred.status()).as(referred.toString()).isEqualTo(201);
		assertThat(referred.json().get("refersTo").asLong()).isEqualTo(recommendation);
		assertThat(referred.json().get("versionName").asString()).isEqualTo("draft");
	}

	@Test
	void badInputIsAProblemAndChangesNothing() {
		var before = api.get("/api/documents", secretariat).json().size();
		var malformed = api.post("/api/documents", secretariat, "{\"type\": \"STATEMENT\", ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "MEMO", "title": "x", "body": "SOC", "paragraphs": [{"label": "1", "text": {"en": "x"}}]}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "NOPE", "paragraphs": [{"label": "1", "text": {"en": "x"}}]}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "languages": ["en", "xx"], "paragraphs": [{"label": "1", "text": {"en": "x"}}]}""")
				.status()).isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [{"label": "1", "text": {"ru": "только по-русски"}}]}""")
				.status()).as("no text in the original language").isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [{"label": "1", "text": {"en": "a"}}, {"label": "1", "text": {"en": "b"}}]}""")
				.status()).isEqualTo(409);
		assertThat(api.post("/api/documents", japan, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [{"label": "1", "text": {"en": "x"}}]}""")
				.status()).as("an observer tables nothing").isEqualTo(403);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [{"label": "1", "text": {"en": null}}]}""")
				.status()).isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [null]}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "x", "body": "SOC", "paragraphs": [{"label": "a b", "text": {"en": "x"}}]}""")
				.status()).isBetween(400, 409);
		assertThat(api.get("/api/documents", secretariat).json().size()).isEqualTo(before);

		var id = table(secretariat, "SOC", "PARTICIPANTS", TWO_AGREED);
		assertThat(api.post("/api/decisions", secretariat, silence("SOC", id, 0, "Mars/Olympus")).status()).isEqualTo(400);
		assertThat(api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "y"}, "cosponsors": [null]}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "y"}, "cosponsors": ["ZZZ"]}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents/" + id + "/revisions", chair, """
				{"basedOn": 0, "marks": {"1": null}}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents/" + id + "/revisions", chair, """
				{"basedOn": 0, "marks": {"1": "MAYBE"}}""").status()).isEqualTo(400);
		assertThat(api.post("/api/documents/" + id + "/revisions", chair, """
				{"basedOn": 0, "takeIn": [424242]}""").status()).isEqualTo(404);
		assertThat(api.get("/api/documents/" + id + "/amendments", india).json().size()).as("nothing written").isZero();
		assertThat(api.get("/api/documents/" + id, india).json().get("versions").size()).isEqualTo(1);
		assertThat(api.post("/api/decisions", secretariat, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "31.12.2030 18:00", "timeZone": "Asia/Almaty"}"""
				.formatted(id)).status()).isEqualTo(400);
		assertThat(api.post("/api/decisions", secretariat, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "2020-01-01T12:00", "timeZone": "Asia/Almaty"}"""
				.formatted(id)).status()).as("deadline passed").isEqualTo(400);
		assertThat(api.post("/api/decisions", secretariat, silence("SOC", "NO-SUCH-DOCUMENT", 0, "Asia/Almaty")).status()).isEqualTo(404);
		assertThat(api.post("/api/decisions", secretariat, silence("SOC", id, 7, "Asia/Almaty")).status()).isEqualTo(404);
		assertThat(api.get("/api/decisions/999999999", secretariat).status()).isEqualTo(404);
		assertThat(api.get("/api/decisions/not-a-number", secretariat).status()).isEqualTo(400);
		assertThat(api.get("/api/documents/" + id + "/compare?from=0&to=5", secretariat).status()).isEqualTo(404);
		assertThat(api.get("/api/documents?type=MEMO", null).status()).isEqualTo(400);
		assertThat(api.get("/api/decisions?body=SOC", secretariat).body()).doesNotContain("\"document\":\"" + id + "\"");
	}

	@Test
	void theMajorityRuleIsRefusedWhereTheForumDecidesByConsensus() {
		// CICA's configuration: procedural matters too are decided by consensus, so a vote is refused
		var id = table(secretariat, "SOC", "PARTICIPANTS", TWO_AGREED);
		var decision = api.post("/api/decisions", secretariat, """
				{"body": "SOC", "document": "%s", "version": 0, "matter": "PROCEDURAL", "procedure": "SILENCE", "deadline": "%s",
				 "timeZone": "Asia/Almaty"}""".formatted(id, ahead("Asia/Almaty"))).json();
		assertThat(decision.get("rule").asString()).isEqualTo("CONSENSUS");
	}

	private String meeting(String body) {
		var response = api.post("/api/meetings", secretariat, """
				{"body": "%s", "title": "Session", "from": "%s", "place": "Astana"}""".formatted(body, today()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** A silence proposal, its deadline {@link #LEAD} ahead of the application's clock. */
	String silence(String body, String document, int version, String zone) {
		return """
				{"body": "%s", "document": "%s", "version": %d, "procedure": "SILENCE", "deadline": "%s", "timeZone": "%s"}"""
				.formatted(body, document, version, zone.contains("/") && !zone.startsWith("Mars") ? ahead(zone) : ahead("UTC"), zone);
	}

	/** The local date and time {@link #LEAD} ahead of the application's clock, in the given zone. */
	String ahead(String zone) {
		return LocalDateTime.ofInstant(clock.instant().plus(LEAD), ZoneId.of(zone)).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	/** The forum's today, from the application's clock. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Almaty"));
	}

	/** Moves time just past the decision's deadline. */
	private void passDeadlineOf(JsonNode decision) {
		clock.advanceTo(deadlineOf(decision).plusSeconds(1));
	}

	private static Instant deadlineOf(JsonNode decision) {
		return OffsetDateTime.parse(decision.get("deadline").asString()).toInstant();
	}

	/** Waits (on the condition, with a generous timeout) until the silence poller has closed the decision. */
	private JsonNode awaitClosed(long decisionId, Actor viewer) {
		return await("decision " + decisionId + " closed by the poller").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("/api/decisions/" + decisionId, viewer).json(), decision -> !decision.get("status").asString().equals("OPEN"));
	}

	private static String statusOf(JsonNode amendments, long id) {
		for (var amendment : amendments) {
			if (amendment.get("id").asLong() == id) {
				return amendment.get("status").asString();
			}
		}
		throw new AssertionError("no amendment " + id);
	}

}
