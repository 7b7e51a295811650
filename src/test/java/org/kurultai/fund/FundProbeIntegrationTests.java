package org.kurultai.fund;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.TestClock;
import org.kurultai.cbm.Catalogue;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Fund probed as an attacker would: who may see a draft or a submitted project through every read path, who may act
 * on another State's project, and money that should never be accepted (malformed amounts, rates, days; a closing dated
 * before the money it returns was paid). Never a 500, nothing half written, the trial balance always balanced.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundProbeIntegrationTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired TestClock testClock;
	@Autowired Catalogue catalogue;
	@Autowired Registry registry;
	@Autowired FundLedger ledger;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor china;
	Actor kazakhDelegate;
	Actor observer;
	Actor expert;
	String area;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("fprobe");
		kazakhstan = api.coordinator("fundprj", "KAZ");
		china = api.coordinator("fundprj", "CHN");
		kazakhDelegate = api.actor("fprobe.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		var observerCode = registry.holding(ParticipantStatus.OBSERVER, clock.today()).stream().map(c -> c.value())
				.filter(c -> c.length() == 3 && !List.of("QZA", "QZB", "QZD", "QAT", "QRS", "XYZ").contains(c)).findFirst().orElseThrow();
		observer = api.coordinator("fundmoney", observerCode);
		expert = api.actor("fprobe.expert@think-tank.example", Role.EXPERT, null);
		area = catalogue.inForce(clock.today()).priorityAreas().get(0).code();
	}

	String draftBody(String title, LocalDate start, LocalDate end) {
		return """
				{"titleEn": "%s", "titleRu": "Проект %s", "purpose": "Confidence-building through a regional workshop, as the Almaty Act provides.",
				 "area": "%s", "implementingStates": ["KAZ"], "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue", "amount": "1000.00"}], "requested": "1000"}""".formatted(title, title, area, start, end);
	}

	long draft(String title) {
		var start = clock.today().minusDays(10);
		var drafted = api.post("/api/fund/projects", kazakhstan, draftBody(title, start, start.plusMonths(6)));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json().get("id").asLong();
	}

	String checklist() {
		var items = new ArrayList<String>();
		for (var criterion : EligibilityCriterion.values()) {
			items.add("{\"criterion\": \"%s\", \"met\": true}".formatted(criterion));
		}
		return "{\"checklist\": [" + String.join(", ", items) + "]}";
	}

	/** Submitted, eligible, put to the PRC by silence and approved when the deadline passes: one tranche of 1000 planned today. */
	long approved(long id) {
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist()).status()).isEqualTo(200);
		var deadline = LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), ALMATY).truncatedTo(ChronoUnit.MINUTES);
		var put = api.post("/api/fund/projects/" + id + "/decision", secretariat, """
				{"procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty", "amount": "1000",
				 "tranches": [{"amount": "1000", "plannedOn": "%s"}]}""".formatted(deadline, clock.today()));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		long decision = put.json().at("/decision/id").asLong();
		var due = OffsetDateTime.parse(api.get("/api/decisions/" + decision, secretariat).json().get("deadline").asString()).toInstant();
		testClock.advanceTo(due.plusSeconds(1));
		await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(api.get("/api/fund/projects/" + id, secretariat).json().get("state")
				.asString()));
		var funded = api.post("/api/fund/contributions", secretariat, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "1000", "valueDate": "%s", "reference": "Probe funds %d", "earmarkProject": %d}"""
				.formatted(clock.today(), id, id));
		assertThat(funded.status()).as(funded.toString()).isEqualTo(201);
		return id;
	}

	long entries() {
		return jdbc.sql("select count(*) from fund_entry").query(Long.class).single();
	}

	void balanced() {
		var trial = api.get("/api/fund/trial-balance", secretariat);
		assertThat(trial.status()).isEqualTo(200);
		assertThat(trial.json().get("debits").decimalValue()).isEqualByComparingTo(trial.json().get("credits").decimalValue());
		assertThat(ledger instanceof Ledger l ? l.books().total() : null).isEqualByComparingTo("0");
	}

	@Test
	void aDraftIsItsStatesAndTheSecretariatsThroughEveryReadPath() {
		var title = "Probe secret draft " + System.nanoTime();
		long id = draft(title);
		var query = "/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
		for (var outsider : new Actor[] { null, china, observer, expert }) {
			var who = outsider == null ? "the public" : outsider.account().email();
			assertThat(api.get("/api/fund/projects/" + id, outsider).status()).as(who).isIn(401, 404);
			assertThat(api.get("/api/fund/projects", outsider).body()).as(who).doesNotContain(title);
			assertThat(api.get("/api/fund/projects?state=DRAFT", outsider).body()).as(who).doesNotContain(title);
			assertThat(api.page("/fund/projects/" + id, outsider).status()).as(who).isIn(302, 401, 404);
			assertThat(api.page("/fund/projects", outsider).body()).as(who).doesNotContain(title).doesNotContain("/fund/projects/" + id + "\"");
			assertThat(api.page("/fund/projects?state=DRAFT", outsider).body()).as(who).doesNotContain(title);
			assertThat(api.page("/fund", outsider).body()).as(who).doesNotContain(title);
			// the search page repeats what was asked: it must find nothing of the project
			assertThat(api.page(query, outsider).body()).as(who).doesNotContain("/fund/projects/" + id + "\"");
			assertThat(api.get("/api/search?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8), outsider).body()).as(who)
					.doesNotContain("/fund/projects/" + id + "\"");
		}
		assertThat(api.file("/sitemap.xml", null).body()).doesNotContain("/fund/projects/" + id + "<");
		assertThat(api.file("/feeds/decisions.atom", null).body()).doesNotContain(title);
		// its State's acting delegation and the Secretariat see it (a delegate of the State not accredited today does not act for it)
		assertThat(api.get("/api/fund/projects/" + id, kazakhstan).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, secretariat).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, kazakhDelegate).status()).isEqualTo(404);
		// nobody but its coordinator acts on it: another State's coordinator finds nothing, a delegate and an observer are refused
		assertThat(api.post("/api/fund/projects/" + id + "/submission", china, null).status()).isEqualTo(404);
		var start = clock.today();
		assertThat(api.post("/api/fund/projects/" + id + "/revisions", china, draftBody("Hijacked", start, start.plusMonths(3))).status()).isEqualTo(404);
		assertThat(api.page("/fund/projects/" + id + "/revision", china).status()).isEqualTo(404);
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhDelegate, null).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects/" + id + "/submission", secretariat, null).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects", observer, draftBody("Observer's", start, start.plusMonths(3))).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects", kazakhDelegate, draftBody("Delegate's", start, start.plusMonths(3))).status()).isEqualTo(403);
		// the Secretariat cannot check or put a draft to the PRC
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist()).status()).isEqualTo(409);
		assertThat(api.get("/api/fund/projects/" + id, kazakhstan).json().get("state").asString()).isEqualTo("DRAFT");

		// submitted: the participants' (an observer too), never the public's or an expert's
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, observer).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, china).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, expert).status()).isEqualTo(404);
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isIn(401, 404);
		assertThat(api.page("/fund/projects", null).body()).doesNotContain(title);
		assertThat(api.page(query, null).body()).doesNotContain("/fund/projects/" + id + "\"");
		// a submitted project is not another State's to revise, nor submitted twice
		assertThat(api.post("/api/fund/projects/" + id + "/revisions", china, draftBody("Hijacked", start, start.plusMonths(3))).status()).isEqualTo(403);
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(409);
	}

	@Test
	void malformedMoneyIsA400AndWritesNothing() {
		long before = entries();
		var day = clock.today();
		for (var amount : List.of("1e3", "NaN", "Infinity", "-Infinity", "0", "0.00", "-0", "1.001", "99999999999999999999", "1 000", "0x10",
				"１２", "")) {
			var body = """
					{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "%s", "valueDate": "%s", "reference": "Probe bad amount"}"""
					.formatted(amount, day);
			var response = api.post("/api/fund/contributions", secretariat, body);
			assertThat(response.status()).as(amount + " → " + response).isEqualTo(400);
		}
		for (var body : List.of(
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": 5, \"currency\": \"us\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"currency\": \"€\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"bankCharges\": \"NaN\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"valueDate\": \"2021-12-31\", \"reference\": \"P%s\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"valueDate\": \"+99999-01-01\", \"reference\": \"P%s\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"earmarkProject\": \"abc\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"earmarkProject\": -4, \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"earmarkArea\": \"<script>\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"PLEDGE\", \"participant\": \"KAZ\", \"amount\": \"5\", \"earmarkProject\": 8999999999, \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"earmarkArea\": \"NO-SUCH-AREA\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5\", \"valueDate\": \"%s\", \"reference\": \"" + "x".repeat(201) + "\"}",
				"{\"kind\": \"RECEIPT\", \"pledge\": 1e400, \"amount\": \"5\", \"valueDate\": \"%s\", \"reference\": \"P\"}",
				"{\"kind\": \"CONTRIBUTION\", \"contributorKind\": \"MEMBER\", \"contributorName\": \"Not by name\", \"amount\": \"5\", \"valueDate\": \"%s\", \"reference\": \"P\"}")) {
			var response = api.post("/api/fund/contributions", secretariat, body.formatted(day));
			assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
		}
		for (var rate : List.of("0", "-1", "\"NaN\"", "\"Infinity\"", "1e-11", "1e20", "\"1,5\"", "true")) {
			var response = api.post("/api/fund/exchange-rates", secretariat, """
					{"currency": "QPR", "day": "%s", "rate": %s, "source": "Probe"}""".formatted(day, rate));
			assertThat(response.status()).as(rate + " → " + response).isEqualTo(400);
		}
		for (var asOf : List.of("2026-02-30", "yesterday", "2026-1-1", "%00")) {
			assertThat(api.get("/api/fund/trial-balance?asOf=" + asOf, secretariat).status()).as(asOf).isEqualTo(400);
		}
		assertThat(api.get("/api/fund/trial-balance?asOf=1900-01-01", secretariat).status()).isEqualTo(200);
		assertThat(api.post("/api/fund/bank-charges", secretariat, "{\"amount\": \"1e2\", \"valueDate\": \"%s\", \"reference\": \"P\"}".formatted(day))
				.status()).isEqualTo(400);
		assertThat(entries()).isEqualTo(before);
		// an amount that fits as typed but not once converted at a huge rate: refused whole (no pledge, no contributor left behind)
		var random = java.util.concurrent.ThreadLocalRandom.current();
		var currency = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
		var rate = api.post("/api/fund/exchange-rates", secretariat, """
				{"currency": "%s", "day": "%s", "rate": 999999999.9999999999, "source": "Probe"}""".formatted(currency, day));
		assertThat(rate.status()).as(rate.toString()).isIn(201, 409);
		long pledges = jdbc.sql("select count(*) from fund_pledge").query(Long.class).single();
		long contributors = jdbc.sql("select count(*) from fund_contributor").query(Long.class).single();
		var huge = api.post("/api/fund/contributions", secretariat, """
				{"kind": "PLEDGE", "contributorKind": "INDIVIDUAL", "contributorName": "Probe Croesus %d", "currency": "%s",
				 "amount": "999999999999999.99", "valueDate": "%s", "reference": "Probe huge"}""".formatted(random.nextLong(1_000_000), currency, day));
		assertThat(huge.status()).as(huge.toString()).isEqualTo(rate.status() == 201 ? 400 : huge.status());
		assertThat(jdbc.sql("select count(*) from fund_pledge").query(Long.class).single()).isEqualTo(pledges);
		assertThat(jdbc.sql("select count(*) from fund_contributor").query(Long.class).single()).isEqualTo(contributors);
		assertThat(entries()).isEqualTo(before);
		// a reversal of a reversal, and a reversal twice
		var contribution = api.post("/api/fund/contributions", secretariat, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "3.00", "valueDate": "%s", "reference": "Probe reversed",
				 "earmarkArea": "%s"}""".formatted(day, area));
		assertThat(contribution.status()).as(contribution.toString()).isEqualTo(201);
		var reversal = api.post("/api/fund/entries/" + contribution.json().get("entry").asLong() + "/reversal", secretariat, "{\"reference\": \"P\"}");
		assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
		assertThat(api.post("/api/fund/entries/" + reversal.json().get("entry").asLong() + "/reversal", secretariat, "{\"reference\": \"P\"}").status())
				.isEqualTo(409);
		assertThat(api.post("/api/fund/entries/" + contribution.json().get("entry").asLong() + "/reversal", secretariat, "{\"reference\": \"P\"}")
				.status()).isEqualTo(409);
		assertThat(api.post("/api/fund/entries/" + contribution.json().get("entry").asLong() + "/reversal", kazakhstan, "{\"reference\": \"P\"}")
				.status()).isEqualTo(403);
		balanced();
	}

	/**
	 * Closing returns the unspent money on a day: never before the tranche it returns was paid (the books would show more
	 * returned than disbursed on the days between), nor before the Fund existed (the public yearly totals would list every
	 * year since). Closing twice, a disbursement after closing, a return beyond what was paid: refused.
	 */
	@Test
	void aClosingIsNeverDatedBeforeTheMoneyItReturnsWasPaid() {
		long id = approved(draft("Probe closing " + System.nanoTime()));
		// the Secretariat only disburses, accepts, closes
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", kazakhstan, "{\"tranche\": 1, \"reference\": \"PAY\"}").status())
				.isEqualTo(403);
		var paid = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"Probe PAY-1\"}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		var report = api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 1, \"text\": \"Done.\"}");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(api.post("/api/fund/projects/" + id + "/reports", china, "{\"tranche\": 1, \"text\": \"Not mine.\"}").status()).isIn(403, 404);
		assertThat(api.post("/api/fund/projects/" + id + "/reports/" + report.json().get("id").asLong() + "/acceptance", kazakhstan, null).status())
				.isEqualTo(403);
		assertThat(api.post("/api/fund/projects/" + id + "/reports/" + report.json().get("id").asLong() + "/acceptance", secretariat, null).status())
				.isEqualTo(200);
		long before = entries();
		var years = api.get("/api/fund/totals", null).json().get("years").size();
		for (var on : List.of("0001-01-01", "2021-12-31", clock.today().minusDays(1).toString())) {
			var early = api.post("/api/fund/projects/" + id + "/closing", secretariat,
					"{\"unspent\": \"100\", \"on\": \"%s\", \"reference\": \"Probe RET\"}".formatted(on));
			assertThat(early.status()).as(on + " → " + early).isEqualTo(400);
		}
		assertThat(api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"1000.01\", \"reference\": \"Probe RET\"}").status())
				.isEqualTo(409);
		assertThat(entries()).isEqualTo(before);
		assertThat(api.get("/api/fund/totals", null).json().get("years").size()).isEqualTo(years);
		assertThat(api.get("/api/fund/projects/" + id, secretariat).json().get("state").asString()).isEqualTo("IMPLEMENTING");
		var closed = api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"100\", \"reference\": \"Probe RET\"}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"100\", \"reference\": \"Probe RET\"}").status())
				.isEqualTo(409);
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"PAY\"}").status())
				.isEqualTo(409);
		assertThat(ledger.project(id).returned()).isEqualByComparingTo("100.00");
		balanced();
	}

	/**
	 * An allocation is the PRC's decision: the Secretariat cannot reverse it through the ledger (an approved project would be
	 * left with nothing to disburse and no way to close); its tranche is disbursed as decided.
	 */
	@Test
	void anAllocationIsNotReversedByTheSecretariat() {
		long id = approved(draft("Probe reversed allocation " + System.nanoTime()));
		long allocation = jdbc.sql("select id from fund_entry where kind = 'ALLOCATION' and project_id = ?").param(id).query(Long.class).single();
		long before = entries();
		var reversed = api.post("/api/fund/entries/" + allocation + "/reversal", secretariat, "{\"reference\": \"Probe undo\"}");
		assertThat(reversed.status()).as(reversed.toString()).isEqualTo(409);
		assertThat(entries()).isEqualTo(before);
		assertThat(ledger.project(id).undisbursed()).isEqualByComparingTo("1000.00");
		var paid = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"Probe PAY\"}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		balanced();
	}

	/**
	 * The PRC's decision withdrawn by the Secretariat: not approved, nothing allocated, and not put to the PRC again (the
	 * state is final); an approved project is not put twice, nor allocated twice.
	 */
	@Test
	void aWithdrawnDecisionAllocatesNothingAndAnApprovedProjectIsNotPutTwice() {
		long id = draft("Probe withdrawn " + System.nanoTime());
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist()).status()).isEqualTo(200);
		var deadline = LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), ALMATY).truncatedTo(ChronoUnit.MINUTES);
		var body = """
				{"procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty", "amount": "1000",
				 "tranches": [{"amount": "1000", "plannedOn": "%s"}]}""".formatted(deadline, clock.today());
		assertThat(api.post("/api/fund/projects/" + id + "/decision", kazakhstan, body).status()).isEqualTo(403);
		var put = api.post("/api/fund/projects/" + id + "/decision", secretariat, body);
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(api.post("/api/fund/projects/" + id + "/decision", secretariat, body).status()).isEqualTo(409);
		long decision = put.json().at("/decision/id").asLong();
		var withdrawn = api.post("/api/decisions/" + decision + "/withdrawal", secretariat, "{\"reason\": \"Probe\"}");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, secretariat).json().get("state").asString()).isEqualTo("NOT_APPROVED");
		assertThat(ledger.project(id).allocated()).isEqualByComparingTo("0");
		assertThat(api.post("/api/fund/projects/" + id + "/decision", secretariat, body).status()).isEqualTo(409);
		assertThat(api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"P\"}").status())
				.isIn(400, 409);

		long approved = approved(draft("Probe approved once " + System.nanoTime()));
		assertThat(api.post("/api/fund/projects/" + approved + "/decision", secretariat, body).status()).isEqualTo(409);
		assertThat(jdbc.sql("select count(*) from fund_entry where kind = 'ALLOCATION' and project_id = ?").param(approved).query(Long.class).single())
				.isEqualTo(1L);
		balanced();
	}

	/**
	 * A tranche's payment reversed by the Secretariat (a wrong payment order): the ledger and the project agree that it is
	 * unpaid, and it is paid again; the books balanced.
	 */
	@Test
	void aReversedDisbursementLeavesTheTrancheUnpaidAndPayableAgain() {
		long id = approved(draft("Probe reversed tranche " + System.nanoTime()));
		var paid = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"Probe PAY-1\"}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		long entry = jdbc.sql("select id from fund_entry where kind = 'DISBURSEMENT' and project_id = ?").param(id).query(Long.class).single();
		var reversed = api.post("/api/fund/entries/" + entry + "/reversal", secretariat, "{\"reference\": \"Probe wrong order\"}");
		assertThat(reversed.status()).as(reversed.toString()).isEqualTo(201);
		assertThat(ledger.project(id).disbursed()).isEqualByComparingTo("0");
		assertThat(api.get("/api/fund/projects/" + id, secretariat).json().at("/tranches/0/disbursed").asBoolean()).isFalse();
		var again = api.post("/api/fund/projects/" + id + "/disbursements", secretariat, "{\"tranche\": 1, \"reference\": \"Probe PAY-1 again\"}");
		assertThat(again.status()).as(again.toString()).isEqualTo(201);
		assertThat(ledger.project(id).disbursed()).isEqualByComparingTo("1000.00");
		assertThat(api.get("/api/fund/projects/" + id, secretariat).json().at("/tranches/0/reference").asString()).isEqualTo("Probe PAY-1 again");
		balanced();
	}

	/** Putting a project to the PRC with bad terms: a 400 or 409, never a 500; no decision proposed, the project still eligible. */
	@Test
	void badTermsForThePrcAreRefusedAndProposeNothing() {
		long id = draft("Probe bad terms " + System.nanoTime());
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, checklist()).status()).isEqualTo(200);
		long decisions = jdbc.sql("select count(*) from decision").query(Long.class).single();
		var deadline = LocalDateTime.ofInstant(clock.now().plus(Duration.ofMinutes(30)), ALMATY).truncatedTo(ChronoUnit.MINUTES).toString();
		var today = clock.today().toString();
		var template = """
				{"procedure": "%s", "deadline": "%s", "timeZone": "%s", "amount": "%s", "meeting": %s,
				 "tranches": [{"amount": "%s", "plannedOn": "%s"}]}""";
		for (var terms : List.of(
				new String[] { "SILENCE", "2020-01-01T00:00", "Asia/Almaty", "1000", "null", "1000", today },
				new String[] { "SILENCE", deadline, "Mars/Olympus", "1000", "null", "1000", today },
				new String[] { "VOTE", deadline, "Asia/Almaty", "1000", "null", "1000", today },
				new String[] { "MEETING", deadline, "Asia/Almaty", "1000", "\"no-such-meeting\"", "1000", today },
				new String[] { "MEETING", deadline, "Asia/Almaty", "1000", "null", "1000", today },
				new String[] { "SILENCE", deadline, "Asia/Almaty", "1000.01", "null", "1000.01", today },
				new String[] { "SILENCE", deadline, "Asia/Almaty", "1e3", "null", "999", today },
				new String[] { "SILENCE", deadline, "Asia/Almaty", "1000", "null", "1000", "1999-01-01" },
				new String[] { "SILENCE", deadline, "Asia/Almaty", "NaN", "null", "1000", today },
				new String[] { "SILENCE", "+999999999-12-31T23:59", "Asia/Almaty", "1000", "null", "1000", today })) {
			var body = template.formatted((Object[]) terms);
			var response = api.post("/api/fund/projects/" + id + "/decision", secretariat, body);
			assertThat(response.status()).as(body + " → " + response).isIn(400, 409);
		}
		assertThat(jdbc.sql("select count(*) from decision").query(Long.class).single()).isEqualTo(decisions);
		assertThat(api.get("/api/fund/projects/" + id, secretariat).json().get("state").asString()).isEqualTo("ELIGIBLE");
	}

	/**
	 * A tranche paid for less than planned, then the project closed: what of the allocation was never disbursed goes back
	 * to the Fund's unallocated balance (a closed project holds no money), and the books stay balanced.
	 */
	@Test
	void aClosedProjectHoldsNoAllocation() {
		long id = approved(draft("Probe partly paid " + System.nanoTime()));
		var paid = api.post("/api/fund/projects/" + id + "/disbursements", secretariat,
				"{\"tranche\": 1, \"amount\": \"600\", \"reference\": \"Probe PAY-600\"}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		var report = api.post("/api/fund/projects/" + id + "/reports", kazakhstan, "{\"tranche\": 1, \"text\": \"Done for less.\"}");
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(api.post("/api/fund/projects/" + id + "/reports/" + report.json().get("id").asLong() + "/acceptance", secretariat, null).status())
				.isEqualTo(200);
		var unallocated = api.get("/api/fund/balance", secretariat).json().get("unallocated").decimalValue();
		var closed = api.post("/api/fund/projects/" + id + "/closing", secretariat, "{\"unspent\": \"100\", \"reference\": \"Probe RET-100\"}");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		var money = ledger.project(id);
		assertThat(money.allocated()).isEqualByComparingTo("1000.00");
		assertThat(money.disbursed()).isEqualByComparingTo("600.00");
		assertThat(money.returned()).isEqualByComparingTo("100.00");
		assertThat(money.undisbursed()).isEqualByComparingTo("0");
		// the 400 never paid and the 100 paid back are the Fund's to allocate again
		assertThat(api.get("/api/fund/balance", secretariat).json().get("unallocated").decimalValue())
				.isEqualByComparingTo(unallocated.add(new java.math.BigDecimal("500.00")));
		// the closing's return is final: reversed, the closed project would show money returned that the books no longer hold
		long entries = entries();
		for (long entry : jdbc.sql("select id from fund_entry where kind = 'RETURN' and project_id = ?").param(id).query(Long.class).list()) {
			var reversal = api.post("/api/fund/entries/" + entry + "/reversal", secretariat, "{\"reference\": \"Probe undo the return\"}");
			assertThat(reversal.status()).as(reversal.toString()).isEqualTo(409);
		}
		assertThat(entries()).isEqualTo(entries);
		assertThat(ledger.project(id).returned()).isEqualByComparingTo("100.00");
		// the project's statement: allocation, the payment, the return and the release of what was never paid
		var movements = api.get("/api/fund/projects/" + id, secretariat).json().get("movements");
		assertThat(movements.findValuesAsString("kind")).as(movements.toString()).containsExactly("ALLOCATION", "DISBURSEMENT", "RETURN", "RETURN");
		assertThat(movements.get(movements.size() - 1).get("undisbursedAfter").decimalValue()).isEqualByComparingTo("0");
		balanced();
	}
}
