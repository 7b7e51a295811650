package org.kurultai.fund;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.cbm.Catalogue;
import org.kurultai.decisions.Decisions;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Fund project through the API as the State's national coordinator, the Secretariat and the delegations use it:
 * drafted (seen by its State and the Secretariat only), submitted, questioned and revised (revisions kept), checked,
 * put to the PRC by silence procedure; an observer's objection is refused and cannot block; the deadline passes and
 * the project is approved and allocated exactly once; one member's objection and it is not approved, nothing
 * allocated. Then tranches (once each; beyond the allocation refused by the ledger; racing requests: only what fits),
 * reports (late marked), acceptance and closing with the unspent balance returned. Bad input writes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundProjectsIntegrationTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired TestClock testClock;
	@Autowired Decisions decisions;
	@Autowired Catalogue catalogue;
	@Autowired FundLedger ledger;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor china;
	Actor azerbaijan;
	Actor japan;
	String area;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("fundprj");
		kazakhstan = api.coordinator("fundprj", "KAZ");
		china = api.coordinator("fundprj", "CHN");
		azerbaijan = api.coordinator("fundprj", "AZE");
		japan = api.coordinator("fundprj", "JPN");
		area = catalogue.inForce(clock.today()).priorityAreas().get(0).code();
	}

	String draftBody(String title) {
		var start = clock.today().plusDays(10);
		return draftBody(title, start, start.plusMonths(12));
	}

	String draftBody(String title, LocalDate start, LocalDate end) {
		return """
				{"titleEn": "%s", "titleRu": "Проект %s", "purpose": "Confidence-building through a regional workshop, as the Almaty Act provides.",
				 "area": "%s", "implementingStates": ["KAZ", "KGZ"], "partners": "UNDP", "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue and interpretation", "amount": "60000.00"}, {"description": "Travel", "amount": "40000"}],
				 "requested": "90000", "cofinancing": "10000.00"}""".formatted(title, title, area, start, end);
	}

	long draft(Actor coordinator, String title) {
		var drafted = api.post("/api/fund/projects", coordinator, draftBody(title));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json().get("id").asLong();
	}

	JsonNode project(long id) {
		var read = api.get("/api/fund/projects/" + id, secretariat);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		return read.json();
	}

	String checklist(boolean allMet) {
		var items = new ArrayList<String>();
		for (var criterion : EligibilityCriterion.values()) {
			boolean met = allMet || criterion != EligibilityCriterion.NO_DUPLICATION;
			items.add("{\"criterion\": \"%s\", \"met\": %s%s}".formatted(criterion, met, met ? "" : ", \"reason\": \"Duplicates a 2024 workshop.\""));
		}
		return "{\"checklist\": [" + String.join(", ", items) + "]}";
	}

	String deadline() {
		return LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), ALMATY).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/** Drafted, submitted, eligible and put to the PRC by silence procedure: the decision's id. */
	long underDecision(long id, String amount, String... tranches) {
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		var checked = api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist(true));
		assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
		assertThat(checked.json().get("state").asString()).isEqualTo("ELIGIBLE");
		var put = api.post("/api/fund/projects/" + id + "/decision", secretariat, """
				{"procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty", "amount": "%s", "tranches": [%s]}"""
				.formatted(deadline(), amount, String.join(", ", tranches)));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().get("state").asString()).isEqualTo("UNDER_DECISION");
		return put.json().at("/decision/id").asLong();
	}

	String tranche(String amount, int days) {
		return "{\"amount\": \"%s\", \"plannedOn\": \"%s\"}".formatted(amount, clock.today().plusDays(10 + days));
	}

	/** Moves the clock past the procedure's deadline and waits for the worker (or closes it as the worker does). */
	void passDeadline(long decision) {
		var deadline = OffsetDateTime.parse(api.get("/api/decisions/" + decision, secretariat).json().get("deadline").asString()).toInstant();
		testClock.advanceTo(deadline.plusSeconds(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> !"OPEN".equals(api.get("/api/decisions/" + decision, secretariat).json().get("status").asString()));
	}

	long approved(String title, String amount, String... tranches) {
		return approved(draft(kazakhstan, title), amount, tranches);
	}

	long approved(long id, String amount, String... tranches) {
		long decision = underDecision(id, amount, tranches);
		passDeadline(decision);
		await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(project(id).get("state").asString()));
		return id;
	}

	/** Money received for the project (earmarked for it), so that only the allocation limits what is disbursed. */
	void fund(long project, String amount) {
		var received = api.post("/api/fund/contributions", secretariat, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "%s", "valueDate": "%s", "reference": "Bank advice for project %d",
				 "earmarkProject": %d}"""
				.formatted(amount, clock.today(), project, project));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
	}

	int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	@Test
	void aStateSubmitsTheSecretariatAsksChecksAndPutsItToThePrcWhichApprovesItBySilence() {
		long id = draft(kazakhstan, "Workshop on food security " + System.nanoTime());
		var drafted = project(id);
		assertThat(drafted.get("state").asString()).isEqualTo("DRAFT");
		assertThat(drafted.get("owner").asString()).isEqualTo("KAZ");
		assertThat(drafted.at("/content/implementingStates").toString()).isEqualTo("[\"KAZ\",\"KGZ\"]");
		assertThat(drafted.get("budgetTotal").decimalValue()).isEqualByComparingTo("100000");

		// a draft: its State and the Secretariat only, on the record and in the lists
		for (var unseen : new Actor[] { null, china, japan }) {
			assertThat(api.get("/api/fund/projects/" + id, unseen).status()).isEqualTo(404);
			assertThat(api.get("/api/fund/projects", unseen).body()).doesNotContain("\"id\":" + id + ",");
			assertThat(api.page("/fund/projects/" + id, unseen).status()).isEqualTo(404);
			assertThat(api.page("/fund/projects", unseen).body()).doesNotContain("data-id=\"" + id + "\"");
		}
		assertThat(api.get("/api/fund/projects/" + id, kazakhstan).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects", kazakhstan).body()).contains("\"id\":" + id + ",");
		assertThat(api.page("/fund/projects", secretariat).body()).contains("data-id=\"" + id + "\"");
		// another State's coordinator cannot submit it (to them it does not exist); the Secretariat cannot submit it
		assertThat(api.post("/api/fund/projects/" + id + "/submission", china, null).status()).isEqualTo(404);
		assertThat(api.post("/api/fund/projects/" + id + "/submission", secretariat, null).status()).isEqualTo(403);
		// the Secretariat cannot check a draft
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist(true)).status()).isEqualTo(409);

		var submitted = api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null);
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		assertThat(submitted.json().get("state").asString()).isEqualTo("SUBMITTED");
		// submitted: participants (members and observers) and the Secretariat; not the public
		assertThat(api.get("/api/fund/projects/" + id, japan).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, china).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isEqualTo(404);
		assertThat(api.get("/api/fund/projects?state=SUBMITTED", null).body()).doesNotContain("\"id\":" + id + ",");
		assertThat(api.get("/api/fund/projects?state=SUBMITTED", japan).body()).contains("\"id\":" + id + ",");

		// questions, a revision (kept), resubmitted
		var asked = api.post("/api/fund/projects/" + id + "/questions", secretariat, "{\"text\": \"Please detail the travel line.\"}");
		assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
		assertThat(asked.json().get("state").asString()).isEqualTo("QUESTIONS");
		var revised = api.post("/api/fund/projects/" + id + "/revisions", kazakhstan,
				draftBody("Workshop on food security, revised").replace("\"Travel\"", "\"Travel of 40 experts\""));
		assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
		assertThat(revised.json().get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(revised.json().get("revision").asInt()).isEqualTo(2);
		assertThat(revised.json().get("revisions")).hasSize(2);
		assertThat(revised.json().at("/revisions/0/content/budget/1/description").asString()).isEqualTo("Travel");
		assertThat(revised.json().at("/revisions/1/content/budget/1/description").asString()).isEqualTo("Travel of 40 experts");
		assertThat(revised.json().at("/questions/0/revision").asInt()).isEqualTo(1);

		var checked = api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist(true));
		assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
		assertThat(checked.json().get("state").asString()).isEqualTo("ELIGIBLE");
		assertThat(checked.json().get("eligibility")).hasSize(EligibilityCriterion.values().length);

		var put = api.post("/api/fund/projects/" + id + "/decision", secretariat, """
				{"procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty", "amount": "90000", "tranches": [%s, %s]}"""
				.formatted(deadline(), tranche("50000", 1), tranche("40000", 100)));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().get("state").asString()).isEqualTo("UNDER_DECISION");
		long decision = put.json().at("/decision/id").asLong();
		var proposed = api.get("/api/decisions/" + decision, secretariat).json();
		assertThat(proposed.get("body").asString()).isEqualTo("PRC");
		assertThat(proposed.get("status").asString()).isEqualTo("OPEN");
		var text = api.get("/api/documents/" + proposed.get("document").asString(), secretariat);
		assertThat(text.body()).as(text.toString()).contains("USD 90,000.00").contains("долл. США");

		// an observer cannot break the silence: refused by the decisions module (403), the procedure still open
		var observer = api.post("/api/decisions/" + decision + "/objections", japan, "{\"reasons\": \"We object.\"}");
		assertThat(observer.status()).as(observer.toString()).isEqualTo(403);
		assertThat(api.get("/api/decisions/" + decision, secretariat).json().get("status").asString()).isEqualTo("OPEN");
		assertThat(project(id).get("state").asString()).isEqualTo("UNDER_DECISION");

		passDeadline(decision);
		await().atMost(Duration.ofSeconds(10)).until(() -> "APPROVED".equals(project(id).get("state").asString()));
		// closing again does nothing: allocated exactly once
		assertThat(decisions.closeIfDue(decision, clock.now())).isFalse();
		var approved = project(id);
		assertThat(approved.get("approvedAmount").decimalValue()).isEqualByComparingTo("90000");
		assertThat(approved.get("tranches")).hasSize(2);
		assertThat(approved.at("/money/allocated").decimalValue()).isEqualByComparingTo("90000");
		assertThat(ledger.project(id).allocated()).isEqualByComparingTo("90000");
		assertThat(count("select count(*) from audit_entry where subject = ? and action = 'fund-project.approved'", "fund-project:" + id)).isEqualTo(1);
		// approved: public
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects", null).body()).contains("\"id\":" + id + ",");
		assertThat(api.page("/fund/projects/" + id, null).body()).contains("id=\"project-state\"").contains("data-state=\"APPROVED\"");
		// every act audited
		assertThat(jdbc.sql("select action from audit_entry where subject = ? order by id").param("fund-project:" + id).query(String.class).list())
				.containsExactly("fund-project.drafted", "fund-project.submitted", "fund-project.questions-asked", "fund-project.revised",
						"fund-project.eligibility-checked", "fund-project.put-to-prc", "fund-project.approved");
	}

	@Test
	void atAMeetingOfThePrcInSessionTheChairClosesTheItemAndOnePresentMembersObjectionBlocks() {
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "PRC", "title": "PRC session %s", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(System.nanoTime(), clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var put = """
				{"procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "CHN", "AZE"], "amount": "90000", "tranches": [%s]}"""
				.formatted(meeting.json().get("id").asString(), tranche("90000", 5));
		long adopted = draft(kazakhstan, "Adopted at the session " + System.nanoTime());
		long blocked = draft(kazakhstan, "Blocked at the session " + System.nanoTime());
		long[] decisionOf = new long[2];
		int i = 0;
		for (long id : new long[] { adopted, blocked }) {
			assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
			assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist(true)).status()).isEqualTo(200);
			var proposed = api.post("/api/fund/projects/" + id + "/decision", secretariat, put);
			assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
			decisionOf[i++] = proposed.json().at("/decision/id").asLong();
		}
		var objection = api.post("/api/decisions/" + decisionOf[1] + "/objections", azerbaijan, "{\"reasons\": \"We cannot join consensus.\"}");
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		for (long decision : decisionOf) {
			var closed = api.post("/api/decisions/" + decision + "/close", secretariat, null);
			assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		}
		assertThat(project(adopted).get("state").asString()).isEqualTo("APPROVED");
		assertThat(ledger.project(adopted).allocated()).isEqualByComparingTo("90000");
		assertThat(project(blocked).get("state").asString()).isEqualTo("NOT_APPROVED");
		assertThat(ledger.project(blocked).allocated()).isEqualByComparingTo("0");
	}

	@Test
	void oneMembersObjectionAndTheProjectIsNotApprovedNothingAllocated() {
		long id = draft(kazakhstan, "Disputed project " + System.nanoTime());
		long decision = underDecision(id, "90000", tranche("90000", 5));
		var objection = api.post("/api/decisions/" + decision + "/objections", china, "{\"reasons\": \"Not a priority for the forum.\"}");
		assertThat(objection.status()).as(objection.toString()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> "NOT_APPROVED".equals(project(id).get("state").asString()));
		assertThat(api.get("/api/decisions/" + decision, secretariat).json().get("status").asString()).isNotEqualTo("ADOPTED");
		var notApproved = project(id);
		assertThat(notApproved.get("approvedAmount").isNull()).isTrue();
		assertThat(notApproved.get("tranches")).isEmpty();
		assertThat(ledger.project(id).allocated()).isEqualByComparingTo("0");
		// not approved: participants see it, the public does not
		assertThat(api.get("/api/fund/projects/" + id, japan).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isEqualTo(404);
		// nothing to disburse
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"X\"}").status())
				.isEqualTo(409);
	}

	@Test
	void tranchesAreDisbursedOnceReportedAcceptedAndTheProjectClosedWithTheUnspentReturned() {
		// under way since 100 days, for 200 days: the second tranche was planned 10 days ago (the first report is late)
		var today = clock.today();
		var drafted = api.post("/api/fund/projects", kazakhstan, draftBody("Implemented project " + System.nanoTime(), today.minusDays(100),
				today.plusDays(100)));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		long id = approved(drafted.json().get("id").asLong(), "90000", "{\"amount\": \"50000\", \"plannedOn\": \"%s\"}".formatted(today.minusDays(90)),
				"{\"amount\": \"40000\", \"plannedOn\": \"%s\"}".formatted(today.minusDays(10)));
		fund(id, "100000");
		var first = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"PAY-1\"}");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("disbursedAmount").decimalValue()).isEqualByComparingTo("50000");
		assertThat(project(id).get("state").asString()).isEqualTo("IMPLEMENTING");
		var twice = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"PAY-1b\"}");
		assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
		// beyond what is left of the allocation: refused by the ledger, nothing written
		var beyond = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 2, \"amount\": \"40000.01\", \"reference\": \"PAY-2\"}");
		assertThat(beyond.status()).as(beyond.toString()).isEqualTo(409);
		assertThat(project(id).at("/tranches/1/disbursed").asBoolean()).isFalse();
		// only the Secretariat disburses; bad input is a 400
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", kazakhstan, "{\"tranche\": 2, \"reference\": \"PAY-2\"}").status())
				.isEqualTo(403);
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 2, \"amount\": \"-5\", \"reference\": \"P\"}")
				.status()).isEqualTo(400);
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 7, \"reference\": \"P\"}").status()).isEqualTo(400);

		// the progress report on tranche 1 (due on tranche 2's planned day, 10 days ago: late), accepted
		assertThat(api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 2, \"text\": \"Too early.\"}").status()).isEqualTo(409);
		var report = api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 1, \"text\": \"The venue is booked.\"}");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(report.json().get("kind").asString()).isEqualTo("PROGRESS");
		assertThat(report.json().get("dueOn").asString()).isEqualTo(today.minusDays(10).toString());
		assertThat(report.json().get("late").asBoolean()).isTrue();
		var accepted = api.post("/api/fund/projects/" + id + "/reports/" + report.json().get("id").asLong() + "/acceptance", secretariat, null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("accepted").asBoolean()).isTrue();

		var second = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 2, \"reference\": \"PAY-2\"}");
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		// closing before the final report is accepted: refused
		assertThat(api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"0\"}").status()).isEqualTo(409);
		// the final report, due 60 days after the project's end: on time
		var last = api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 2, \"text\": \"The workshop was held.\"}");
		assertThat(last.status()).as(last.toString()).isEqualTo(201);
		assertThat(last.json().get("kind").asString()).isEqualTo("FINAL");
		assertThat(last.json().get("dueOn").asString()).isEqualTo(today.plusDays(100 + FundProjects.FINAL_REPORT_DAYS).toString());
		assertThat(last.json().get("late").asBoolean()).isFalse();
		// a second submission of an accepted report: refused
		assertThat(api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 1, \"text\": \"Again.\"}").status()).isEqualTo(409);
		assertThat(api.post("/api/fund/projects/" + id + "/reports/" + last.json().get("id").asLong() + "/acceptance", secretariat, null).status())
				.isEqualTo(200);

		var closed = api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"1250.50\", \"reference\": \"RET-1\"}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().get("returnedAmount").decimalValue()).isEqualByComparingTo("1250.50");
		assertThat(ledger.project(id).returned()).isEqualByComparingTo("1250.50");
		// the project's statement: each movement of its money, what is left after it; the payments' documents for the Secretariat only
		var movements = project(id).get("movements");
		assertThat(movements.size()).as(movements.toString()).isEqualTo(4);
		assertThat(movements.findValuesAsString("kind")).containsExactly("ALLOCATION", "DISBURSEMENT", "DISBURSEMENT", "RETURN");
		assertThat(movements.get(0).get("allocated").decimalValue()).isEqualByComparingTo("90000");
		assertThat(movements.get(0).get("undisbursedAfter").decimalValue()).isEqualByComparingTo("90000");
		assertThat(movements.get(1).get("tranche").asLong()).isEqualTo(1);
		assertThat(movements.get(1).get("disbursed").decimalValue()).isEqualByComparingTo("50000");
		assertThat(movements.get(1).get("undisbursedAfter").decimalValue()).isEqualByComparingTo("40000");
		assertThat(movements.get(1).get("reference").asString()).isEqualTo("PAY-1");
		assertThat(movements.get(2).get("disbursed").decimalValue()).isEqualByComparingTo("40000");
		assertThat(movements.get(2).get("undisbursedAfter").decimalValue()).isEqualByComparingTo("0");
		assertThat(movements.get(3).get("disbursed").decimalValue()).isEqualByComparingTo("-1250.50");
		var seenByTheState = api.get("/api/fund/projects/" + id, kazakhstan).json().get("movements");
		assertThat(seenByTheState.size()).isEqualTo(4);
		assertThat(seenByTheState.findValuesAsString("reference")).containsOnly("");
		var page = api.page("/fund/projects/" + id, null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"project-movement\"").doesNotContain("PAY-1");
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isEqualTo(200);
		assertThat(count("select count(*) from audit_entry where subject = ? and action = 'fund-project.tranche-disbursed'", "fund-project:" + id))
				.isEqualTo(2);
	}

	@Test
	void racingDisbursementsOfOneProjectOnlyWhatFitsSucceeds() throws Exception {
		long id = approved("Raced project " + System.nanoTime(), "90000", tranche("45000", 1), tranche("45000", 2));
		fund(id, "120000");
		// the same tranche twice at once: one pays
		var sameTranche = race(List.of("{\"tranche\": 1, \"reference\": \"RACE-A\"}", "{\"tranche\": 1, \"reference\": \"RACE-B\"}"), id);
		assertThat(sameTranche).containsExactlyInAnyOrder(201, 409);
		// two tranches at once, together beyond the allocation (60000 + 60000 > 90000): the ledger serializes them, one pays
		long other = approved("Raced project two " + System.nanoTime(), "90000", tranche("45000", 1), tranche("45000", 2));
		fund(other, "120000");
		var twoTranches = race(List.of("{\"tranche\": 1, \"amount\": \"60000\", \"reference\": \"RACE-C\"}",
				"{\"tranche\": 2, \"amount\": \"60000\", \"reference\": \"RACE-D\"}"), other);
		assertThat(twoTranches).containsExactlyInAnyOrder(201, 409);
		assertThat(ledger.project(other).disbursed()).isEqualByComparingTo("60000");
		assertThat(count("select count(*) from fund_tranche where project = ? and disbursed_on is not null", other)).isEqualTo(1);
	}

	private List<Integer> race(List<String> bodies, long id) throws Exception {
		var barrier = new CyclicBarrier(bodies.size());
		var pool = Executors.newFixedThreadPool(bodies.size());
		try {
			var futures = new ArrayList<Future<Integer>>();
			for (var body : bodies) {
				futures.add(pool.submit(() -> {
					barrier.await();
					return api.post("/api/fund/projects/" + id + "/disbursements", secretariat, body).status();
				}));
			}
			var statuses = new ArrayList<Integer>();
			for (var future : futures) {
				statuses.add(future.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void badInputIsA400AndWritesNothing() {
		int before = count("select count(*) from fund_project");
		var title = "Bad project " + System.nanoTime();
		var cases = List.of(
				draftBody(title).replace("\"requested\": \"90000\"", "\"requested\": \"200000\""),
				draftBody(title).replace("\"requested\": \"90000\"", "\"requested\": \"80000\""),
				draftBody(title).replace("\"requested\": \"90000\"", "\"requested\": \"9.999\""),
				draftBody(title).replace("\"requested\": \"90000\"", "\"requested\": \"lots\""),
				draftBody(title).replace("\"area\": \"" + area + "\"", "\"area\": \"NO-SUCH-AREA\""),
				draftBody(title).replace("[\"KAZ\", \"KGZ\"]", "[\"KAZ\", \"QQQ\"]"),
				draftBody(title).replace("\"titleEn\": \"" + title + "\"", "\"titleEn\": \"  \""),
				draftBody(title).replace("\"budget\": [", "\"budget\": [{\"description\": \"x\", \"amount\": \"0\"}, "),
				"{}", "{\"start\": \"yesterday\"}");
		var parameters = new ArrayList<String>();
		for (var body : cases) {
			var refused = api.post("/api/fund/projects", kazakhstan, body);
			assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
			parameters.add(refused.json().get("parameter").asString());
		}
		assertThat(parameters).startsWith("requested", "explanation", "requested", "requested", "area", "implementingStates", "titleEn",
				"budget[0].amount");
		// the rule stated: a difference explained is accepted
		var explained = api.post("/api/fund/projects", kazakhstan, draftBody(title).replace("\"requested\": \"90000\"", "\"requested\": \"80000\"")
				.replace("\"partners\"", "\"explanation\": \"Part of the venue is offered by the host city.\", \"partners\""));
		assertThat(explained.status()).as(explained.toString()).isEqualTo(201);
		assertThat(count("select count(*) from fund_project")).isEqualTo(before + 1);
		// an observer's coordinator, the Secretariat and the public do not draft
		assertThat(api.post("/api/fund/projects", japan, draftBody(title)).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects", secretariat, draftBody(title)).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects", null, draftBody(title)).status()).isIn(401, 403);
		assertThat(api.get("/api/fund/projects?state=NOPE", null).status()).isEqualTo(400);
		assertThat(count("select count(*) from fund_project")).isEqualTo(before + 1);

		// putting to the PRC: the tranches must make the amount, nothing proposed otherwise
		long id = draft(kazakhstan, title + " b");
		api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null);
		var ineligible = api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist(false));
		assertThat(ineligible.json().get("state").asString()).isEqualTo("INELIGIBLE");
		assertThat(api.post("/api/fund/projects/" + id + "/decision", secretariat, "{\"amount\": \"1\", \"tranches\": []}").status()).isEqualTo(409);
		long eligible = draft(kazakhstan, title + " c");
		api.post("/api/fund/projects/" + eligible + "/submission", kazakhstan, null);
		var noReason = api.post("/api/fund/projects/" + eligible + "/eligibility", secretariat, checklist(false).replace(", \"reason\": \"Duplicates a 2024 workshop.\"", ""));
		assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
		assertThat(noReason.json().get("parameter").asString()).isEqualTo("checklist.NO_DUPLICATION");
		api.post("/api/fund/projects/" + eligible + "/eligibility", secretariat, checklist(true));
		int decisionsBefore = count("select count(*) from decision");
		var wrongTotal = api.post("/api/fund/projects/" + eligible + "/decision", secretariat, """
				{"deadline": "%s", "amount": "90000", "tranches": [%s]}""".formatted(deadline(), tranche("80000", 3)));
		assertThat(wrongTotal.status()).as(wrongTotal.toString()).isEqualTo(400);
		assertThat(wrongTotal.json().get("parameter").asString()).isEqualTo("tranches");
		var tooMuch = api.post("/api/fund/projects/" + eligible + "/decision", secretariat, """
				{"deadline": "%s", "amount": "95000", "tranches": [%s]}""".formatted(deadline(), tranche("95000", 3)));
		assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
		assertThat(count("select count(*) from decision")).isEqualTo(decisionsBefore);
		assertThat(project(eligible).get("state").asString()).isEqualTo("ELIGIBLE");
	}
}
