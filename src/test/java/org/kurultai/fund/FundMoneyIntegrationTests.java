package org.kurultai.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Fund's money on real PostgreSQL: the database refuses an unbalanced entry and any change to the books; racing
 * disbursements are serialized by the ledger's lock (exactly the allowed ones pass, nothing goes below zero); an
 * observer State's contribution is accepted like a member's; pledges, partial receipts in a foreign currency with
 * their exchange difference, statements and the trial balance add up; bad input is refused with a 400 and writes
 * nothing; who sees what, through the API.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundMoneyIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Registry registry;
	@Autowired Ledger ledger;
	@Autowired JdbcClient jdbc;
	@Autowired TransactionTemplate transactions;

	Delegations api;
	Actor secretariat;
	Actor observer;
	Actor member;
	Actor expert;
	String observerCode;
	String memberCode;
	final ExecutorService pool = Executors.newFixedThreadPool(6);

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("fundmoney");
		var today = clock.today();
		observerCode = registry.holding(ParticipantStatus.OBSERVER, today).stream().map(c -> c.value())
				.filter(c -> c.length() == 3 && !List.of("QZA", "QZB", "QZD", "QAT", "QRS", "XYZ").contains(c)).findFirst().orElseThrow();
		memberCode = registry.holding(ParticipantStatus.MEMBER, today).stream().map(c -> c.value())
				.filter(c -> !List.of("QZA", "QZB", "QZD", "QAT", "QRS", "XYZ", "KAZ").contains(c)).findFirst().orElseThrow();
		observer = api.coordinator("fundmoney", observerCode);
		member = api.coordinator("fundmoney", memberCode);
		expert = api.actor("fundmoney.expert@think-tank.example", Role.EXPERT, null);
	}

	@AfterAll
	void stop() {
		pool.shutdownNow();
	}

	private long entries() {
		return jdbc.sql("select count(*) from fund_entry").query(Long.class).single();
	}

	private Delegations.Response contribute(String json) {
		return api.post("/api/fund/contributions", secretariat, json);
	}

	/** A currency code no other test uses (rates are recorded once per currency and day). */
	private static String currency() {
		var random = ThreadLocalRandom.current();
		return "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
	}

	private static long project() {
		return 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
	}

	@Test
	void theDatabaseRefusesAnUnbalancedEntryAndAnyChangeToTheBooks() {
		var recorded = contribute("""
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "10.00", "valueDate": "%s", "reference": "FM trigger"}"""
				.formatted(clock.today()));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		long before = entries();
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			long id = jdbc.sql("insert into fund_entry (kind, value_date, reference, recorded_at, recorded_by) values ('BANK_CHARGE', ?, 'x', now(), 'test') "
					+ "returning id").param(clock.today()).query(Long.class).single();
			jdbc.sql("insert into fund_line (entry_id, account, amount, currency, original_amount, rate) values (?, 'BANK_CHARGES', 2.00, 'USD', 2.00, 1)")
					.param(id).update();
			jdbc.sql("insert into fund_line (entry_id, account, amount, currency, original_amount, rate) values (?, 'CASH', -1.99, 'USD', -1.99, 1)")
					.param(id).update();
		})).hasStackTraceContaining("does not balance");
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.sql(
				"insert into fund_entry (kind, value_date, reference, recorded_at, recorded_by) values ('BANK_CHARGE', ?, 'x', now(), 'test')")
				.param(clock.today()).update())).hasStackTraceContaining("two at least");
		assertThat(entries()).isEqualTo(before);
		long entry = recorded.json().get("entry").asLong();
		assertThatThrownBy(() -> jdbc.sql("update fund_line set amount = amount * 2 where entry_id = ?").param(entry).update())
				.hasStackTraceContaining("kept as recorded");
		assertThatThrownBy(() -> jdbc.sql("delete from fund_line where entry_id = ?").param(entry).update()).hasStackTraceContaining("kept as recorded");
		assertThatThrownBy(() -> jdbc.sql("update fund_entry set reference = 'changed' where id = ?").param(entry).update())
				.hasStackTraceContaining("kept as recorded");
		assertThatThrownBy(() -> jdbc.sql("delete from fund_entry where id = ?").param(entry).update()).hasStackTraceContaining("kept as recorded");
		assertThat(jdbc.sql("select coalesce(sum(amount), 0) from fund_line").query(BigDecimal.class).single()).isEqualByComparingTo("0");
	}

	/** Six tranches of 200 race against an allocation of 500 (money is there): exactly two pass. */
	@Test
	void racingDisbursementsNeverExceedTheAllocation() throws Exception {
		long project = project();
		// general money (not earmarked: the project exists only in the ledger, and money is earmarked for real projects only)
		var received = contribute("""
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "1000.00", "valueDate": "%s", "reference": "FM race %d"}"""
				.formatted(clock.today(), project));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
		var earmarked = contribute("""
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "1000.00", "valueDate": "%s", "reference": "FM race %d",
				 "earmarkProject": %d}""".formatted(clock.today(), project, project));
		assertThat(earmarked.status()).as(earmarked.toString()).isEqualTo(400);
		transactions.executeWithoutResult(status -> ledger.allocate(project, new BigDecimal("500.00"), 1, clock.today()));
		// a second allocation of the same project writes nothing
		var again = transactions.execute(status -> ledger.allocate(project, new BigDecimal("900.00"), 2, clock.today()));
		assertThat(ledger.project(project).allocated()).isEqualByComparingTo("500.00");
		assertThat(again).isNotNull();
		var passed = race(project, null, new BigDecimal("200.00"), 6);
		assertThat(passed).isEqualTo(2);
		var money = ledger.project(project);
		assertThat(money.disbursed()).isEqualByComparingTo("400.00");
		assertThat(money.undisbursed()).isEqualByComparingTo("100.00");
		assertThat(ledger.books().cash(Earmark.project(project))).isEqualByComparingTo("0.00");
		assertThat(ledger.books().violations()).isEmpty();
		// a return beyond what was disbursed is refused; within it, it goes back to the Fund
		assertThatThrownBy(() -> transactions.executeWithoutResult(
				status -> ledger.returnUnspent(project, new BigDecimal("400.01"), clock.today(), "FM return"))).isInstanceOf(FundRefused.class);
		transactions.executeWithoutResult(status -> ledger.returnUnspent(project, new BigDecimal("50.00"), clock.today(), "FM return"));
		assertThat(ledger.project(project).returned()).isEqualByComparingTo("50.00");
	}

	/** Five tranches race for the money available (the allocation is larger): exactly two pass, cash never below zero. */
	@Test
	void racingDisbursementsNeverExceedTheMoneyAvailable() throws Exception {
		var general = contribute("""
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "300.00", "valueDate": "%s", "reference": "FM general"}"""
				.formatted(clock.today()));
		assertThat(general.status()).as(general.toString()).isEqualTo(201);
		long project = project();
		var available = ledger.books().availableTo(project, "FM-AREA");
		assertThat(available).isGreaterThanOrEqualTo(new BigDecimal("300.00"));
		transactions.executeWithoutResult(status -> ledger.allocate(project, available.add(new BigDecimal("1000.00")), 3, clock.today()));
		// a third of what is available, and a cent: two fit, three do not
		var tranche = available.divide(BigDecimal.valueOf(3), 2, RoundingMode.UP).add(new BigDecimal("0.01"));
		var before = entries();
		var passed = race(project, "FM-AREA", tranche, 5);
		assertThat(passed).isEqualTo(2);
		assertThat(entries()).isEqualTo(before + 2);
		var books = ledger.books();
		assertThat(books.cash(Earmark.GENERAL)).isGreaterThanOrEqualTo(BigDecimal.ZERO);
		assertThat(books.violations()).isEmpty();
		assertThat(books.trialBalance(clock.today(), "USD").balanced()).isTrue();
		// the two tranches reversed: the Fund's general cash is as it was, for the other tests
		for (var entry : ledger.entries().stream().filter(e -> Long.valueOf(project).equals(e.project()) && e.kind() == EntryKind.DISBURSEMENT).toList()) {
			ledger.reverse(secretariat.account(), entry.id(), null, "FM race undone");
		}
		assertThat(ledger.books().availableTo(project, "FM-AREA")).isEqualByComparingTo(available);
		assertThat(ledger.project(project).disbursed()).isEqualByComparingTo("0.00");
	}

	private int race(long project, String area, BigDecimal tranche, int threads) throws Exception {
		var barrier = new CyclicBarrier(threads);
		var futures = new ArrayList<Future<Boolean>>();
		for (int i = 0; i < threads; i++) {
			long trancheId = i + 1;
			futures.add(pool.submit(() -> {
				barrier.await(30, TimeUnit.SECONDS);
				try {
					transactions.executeWithoutResult(status -> ledger.disburse(project, area, trancheId, tranche, clock.today(), "FM tranche " + trancheId));
					return true;
				}
				catch (FundRefused refused) {
					return false;
				}
			}));
		}
		int passed = 0;
		for (var future : futures) {
			if (future.get(60, TimeUnit.SECONDS)) {
				passed++;
			}
		}
		return passed;
	}

	@Test
	void anObserverStatesContributionIsAcceptedLikeAMembers() {
		var recorded = contribute("""
				{"kind": "CONTRIBUTION", "participant": "%s", "amount": "2500.00", "bankCharges": "12.50", "valueDate": "%s",
				 "reference": "FM observer"}""".formatted(observerCode.toLowerCase(Locale.ROOT), clock.today()));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		var memberRecorded = contribute("""
				{"kind": "CONTRIBUTION", "participant": "%s", "amount": "2500.00", "valueDate": "%s", "reference": "FM member"}"""
				.formatted(memberCode, clock.today()));
		assertThat(memberRecorded.status()).as(memberRecorded.toString()).isEqualTo(201);
		long id = recorded.json().get("contributor").asLong();
		var statement = api.get("/api/fund/contributors/" + id + "/statement", observer);
		assertThat(statement.status()).as(statement.toString()).isEqualTo(200);
		assertThat(statement.json().get("contributor").get("kind").asString()).isEqualTo("OBSERVER");
		assertThat(statement.json().get("contributor").get("participant").asString()).isEqualTo(observerCode);
		assertThat(statement.json().get("received").decimalValue()).isEqualByComparingTo("2500.00");
		var memberStatement = api.get("/api/fund/contributors/" + memberRecorded.json().get("contributor").asLong() + "/statement", member);
		assertThat(memberStatement.json().get("contributor").get("kind").asString()).isEqualTo("MEMBER");
		// the same lines, whatever the status: cash net of charges, the charges, the contribution
		var observerEntry = ledger.entry(recorded.json().get("entry").asLong()).orElseThrow();
		assertThat(observerEntry.lines()).extracting(LedgerLine::account).containsExactly(LedgerAccount.CASH, LedgerAccount.BANK_CHARGES,
				LedgerAccount.CONTRIBUTIONS);
		assertThat(observerEntry.lines().get(0).amount()).isEqualByComparingTo("2487.50");
	}

	@Test
	void aPledgeReceivedInPartsInAForeignCurrencyPostsItsExchangeDifferenceAndTheStatementAddsUp() {
		var code = currency();
		var day = clock.today();
		assertThat(api.post("/api/fund/exchange-rates", secretariat, """
				{"currency": "%s", "day": "%s", "rate": 1.10, "source": "FM central bank"}""".formatted(code, day.minusDays(2))).status()).isEqualTo(201);
		assertThat(api.post("/api/fund/exchange-rates", secretariat, """
				{"currency": "%s", "day": "%s", "rate": 1.05, "source": "FM central bank"}""".formatted(code, day)).status()).isEqualTo(201);
		// once per currency and day
		assertThat(api.post("/api/fund/exchange-rates", secretariat, """
				{"currency": "%s", "day": "%s", "rate": 1.07, "source": "FM central bank"}""".formatted(code, day)).status()).isEqualTo(409);
		var name = "FM Foundation " + code;
		var pledge = contribute("""
				{"kind": "PLEDGE", "contributorKind": "LEGAL_ENTITY", "contributorName": "%s", "contributorCountry": "CH", "currency": "%s",
				 "amount": "1000.00", "valueDate": "%s", "reference": "FM pledge letter"}""".formatted(name, code, day.minusDays(2)));
		assertThat(pledge.status()).as(pledge.toString()).isEqualTo(201);
		long pledgeId = pledge.json().get("pledge").asLong();
		long contributor = pledge.json().get("contributor").asLong();
		var receipt = contribute("""
				{"kind": "RECEIPT", "pledge": %d, "amount": "400.00", "valueDate": "%s", "reference": "FM bank advice 1"}""".formatted(pledgeId, day));
		assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
		var lines = ledger.entry(receipt.json().get("entry").asLong()).orElseThrow().lines();
		assertThat(lines).filteredOn(l -> l.account() == LedgerAccount.CASH).singleElement()
				.satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("420.00"));
		assertThat(lines).filteredOn(l -> l.account() == LedgerAccount.EXCHANGE_DIFFERENCES).singleElement()
				.satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("20.00"));
		// more than is outstanding: refused, nothing written
		long before = entries();
		var over = contribute("""
				{"kind": "RECEIPT", "pledge": %d, "amount": "600.01", "valueDate": "%s", "reference": "FM bank advice 2"}""".formatted(pledgeId, day));
		assertThat(over.status()).as(over.toString()).isEqualTo(409);
		assertThat(entries()).isEqualTo(before);
		var statement = api.get("/api/fund/contributors/" + contributor + "/statement", secretariat).json();
		assertThat(statement.get("pledged").decimalValue()).isEqualByComparingTo("1100.00");
		assertThat(statement.get("received").decimalValue()).isEqualByComparingTo("420.00");
		assertThat(statement.get("outstanding").decimalValue()).isEqualByComparingTo("660.00");
		assertThat(statement.get("pledges").get(0).get("outstanding").decimalValue()).isEqualByComparingTo("600.00");
		assertThat(statement.get("movements")).hasSize(2);
		// the rest received: the pledge is cleared to the cent in the Fund's currency
		var rest = contribute("""
				{"kind": "RECEIPT", "pledge": %d, "amount": "600.00", "currency": "%s", "valueDate": "%s", "reference": "FM bank advice 3"}"""
				.formatted(pledgeId, code, day));
		assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
		assertThat(ledger.books().receivable(pledgeId)).isEqualByComparingTo("0");
		// a reversal restores the pledge's outstanding amount, once
		var reversal = api.post("/api/fund/entries/" + rest.json().get("entry").asLong() + "/reversal", secretariat,
				"{\"reference\": \"FM wrong advice\"}");
		assertThat(reversal.status()).as(reversal.toString()).isEqualTo(201);
		assertThat(ledger.books().outstanding(pledgeId)).isEqualByComparingTo("600.00");
		assertThat(api.post("/api/fund/entries/" + rest.json().get("entry").asLong() + "/reversal", secretariat, "{\"reference\": \"again\"}").status())
				.isEqualTo(409);
		// the pledge cannot be reversed while receipts stand against it
		assertThat(api.post("/api/fund/entries/" + pledge.json().get("entry").asLong() + "/reversal", secretariat, "{\"reference\": \"FM\"}").status())
				.isEqualTo(409);
		var trial = api.get("/api/fund/trial-balance?asOf=" + day, secretariat).json();
		assertThat(trial.get("debits").decimalValue()).isEqualByComparingTo(trial.get("credits").decimalValue());
		assertThat(trial.get("debits").decimalValue()).isPositive();
	}

	@Test
	void badInputIsRefusedWithA400AndWritesNothing() {
		long before = entries();
		var day = clock.today();
		// ZQX: a currency with no rate recorded (the tests' random currencies, with rates, all begin with Q: QQQ was one of them)
		for (var body : List.of(
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"12.345\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"-5\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"valueDate\": \"%s\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"ZZZ\", \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"GIFT\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"currency\": \"ZQX\", \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"contributorName\": \"Both\", \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"RECEIPT\", \"pledge\": 999999999, \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"bankCharges\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"valueDate\": \"not-a-day-%s\", \"reference\": \"FM\"}",
				"{\"kind\": \"CONTRIBUTION\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"earmarkProject\": 1, \"earmarkArea\": \"A1\", \"valueDate\": \"%s\", \"reference\": \"FM\"}")) {
			var response = contribute(body.formatted(day));
			assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		var future = contribute("{\"kind\": \"PLEDGE\", \"participant\": \"KAZ\", \"amount\": \"5.00\", \"valueDate\": \"%s\", \"reference\": \"FM\"}"
				.formatted(day.plusDays(1)));
		assertThat(future.status()).isEqualTo(400);
		assertThat(api.get("/api/fund/trial-balance?asOf=2026-13-01", secretariat).status()).isEqualTo(400);
		assertThat(api.post("/api/fund/entries/999999999/reversal", secretariat, "{\"reference\": \"FM\"}").status()).isEqualTo(404);
		assertThat(entries()).isEqualTo(before);
		// only the Secretariat records money
		assertThat(api.post("/api/fund/contributions", member, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "5.00", "valueDate": "%s", "reference": "FM"}""".formatted(day)).status())
				.isEqualTo(403);
		assertThat(entries()).isEqualTo(before);
	}

	/** Who sees what: the statement (its contributor's delegation, the Secretariat), totals (participants), the ledger (the Secretariat). */
	@Test
	void accessByRecordKindAndViewer() {
		var recorded = contribute("""
				{"kind": "PLEDGE", "participant": "%s", "amount": "75.00", "valueDate": "%s", "reference": "FM access %s"}"""
				.formatted(observerCode, clock.today(), observerCode));
		assertThat(recorded.status()).isEqualTo(201);
		long id = recorded.json().get("contributor").asLong();
		var outsider = contribute("""
				{"kind": "CONTRIBUTION", "contributorKind": "INDIVIDUAL", "contributorName": "FM Individual %d", "amount": "5.00", "valueDate": "%s",
				 "reference": "FM individual"}""".formatted(id, clock.today()));
		assertThat(outsider.status()).isEqualTo(201);
		long other = outsider.json().get("contributor").asLong();
		var statement = "/api/fund/contributors/" + id + "/statement";
		var page = "/fund/contributors/" + id;
		assertThat(api.get(statement, null).status()).isEqualTo(401);
		assertThat(api.get(statement, observer).status()).isEqualTo(200);
		assertThat(api.get(statement, secretariat).status()).isEqualTo(200);
		assertThat(api.get(statement, member).status()).isEqualTo(404);
		assertThat(api.get(statement, expert).status()).isEqualTo(404);
		assertThat(api.page(page, observer).status()).isEqualTo(200);
		assertThat(api.page(page, observer).body()).contains("data-testid=\"statement-movement\"");
		assertThat(api.page(page, member).status()).isEqualTo(404);
		assertThat(api.page(page, null).status()).isIn(302, 401);
		// a non-participant's statement: the Secretariat's only
		assertThat(api.get("/api/fund/contributors/" + other + "/statement", observer).status()).isEqualTo(404);
		assertThat(api.get("/api/fund/contributors/" + other + "/statement", member).status()).isEqualTo(404);
		assertThat(api.get("/api/fund/contributors/" + other + "/statement", secretariat).status()).isEqualTo(200);
		// the lists: each sees its own
		assertThat(api.get("/api/fund/contributions", observer).body()).contains("FM access " + observerCode).doesNotContain("FM individual");
		assertThat(api.get("/api/fund/contributions", member).body()).doesNotContain("FM access " + observerCode);
		assertThat(api.get("/api/fund/contributions", secretariat).body()).contains("FM access " + observerCode, "FM individual");
		// totals: participants and the Secretariat; the public sees the yearly totals only
		assertThat(api.get("/api/fund/balance", member).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/balance", observer).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/balance", expert).status()).isEqualTo(404);
		assertThat(api.get("/api/fund/balance", null).status()).isEqualTo(401);
		assertThat(api.get("/api/fund/totals", null).status()).isEqualTo(200);
		var overview = api.page("/fund", null);
		assertThat(overview.status()).isEqualTo(200);
		assertThat(overview.body()).contains("fund-yearly-totals").doesNotContain("fund-balance-cash");
		assertThat(api.page("/fund", member).body()).contains("fund-balance-cash");
		var year = clock.today().getYear();
		assertThat(api.page("/fund/report/" + year, member).status()).isEqualTo(200);
		assertThat(api.page("/fund/report/" + year, expert).status()).isEqualTo(404);
		assertThat(api.file("/fund/report/" + year + ".csv", member).body()).contains("closing,net_assets,");
		assertThat(api.file("/fund/report/" + year + ".pdf", observer).body()).startsWith("%PDF");
		// its exports go through the same rule: not for an expert nor the public
		for (var export : List.of(".csv", ".pdf")) {
			assertThat(api.file("/fund/report/" + year + export, expert).status()).as(export).isEqualTo(404);
			var unsigned = api.file("/fund/report/" + year + export, null);
			assertThat(unsigned.status()).as(export).isNotEqualTo(200);
			assertThat(unsigned.body()).as(export).doesNotContain("net_assets").doesNotStartWith("%PDF");
		}
		// the ledger: the Secretariat's
		assertThat(api.get("/api/fund/trial-balance", secretariat).status()).isEqualTo(200);
		assertThat(api.get("/api/fund/trial-balance", member).status()).isEqualTo(403);
		assertThat(api.get("/api/fund/entries", observer).status()).isEqualTo(403);
		assertThat(api.page("/fund/trial-balance", secretariat).status()).isEqualTo(200);
		assertThat(api.page("/fund/trial-balance", member).status()).isEqualTo(403);
	}
}
