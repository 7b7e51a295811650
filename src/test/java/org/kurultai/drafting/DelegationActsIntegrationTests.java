package org.kurultai.drafting;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kurultai.Delegations.strings;

/**
 * What a delegation does with its own acts on a draft: it withdraws its amendment while proposed (the
 * amendment stays, withdrawn, and the invitations on it lapse) and its stance on an alternative; it
 * cannot propose the same amendment twice, even by two requests at once; it picks the alternative it
 * chooses among the paragraph's; and the explanation it gives is shown beside its amendment.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationActsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;

	Delegations api;
	Actor india;
	Actor turkiye;
	Actor china;
	Actor kazakhstan;
	Actor chair;
	Actor secretariat;
	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		india = api.coordinator("acts", "IND");
		turkiye = api.coordinator("acts", "TUR");
		china = api.coordinator("acts", "CHN");
		kazakhstan = api.coordinator("acts", "KAZ");
		chair = api.coordinator("acts", "AZE");
		secretariat = api.secretariat("acts");
	}

	@AfterAll
	void stopThreads() {
		threads.shutdownNow();
	}

	/** Kazakhstan's draft: 1 bracketed with two alternatives (Alt 1, Alt 2), 2 bracketed, 3 agreed. */
	private String table() {
		var response = api.post("/api/documents", kazakhstan, """
				{"type": "STATEMENT", "title": "Statement on energy", "body": "SOC", "access": "PARTICIPANTS",
				 "languages": ["en", "ru"], "originalLanguage": "en", "paragraphs": [
				   {"label": "1", "status": "BRACKETED", "alternatives": [{"label": "Alt 1", "text": {"en": "We meet yearly."}},
				     {"label": "Alt 2", "text": {"en": "We meet every two years."}}]},
				   {"label": "2", "status": "BRACKETED", "text": {"en": "We cooperate on energy."}},
				   {"label": "3", "status": "AGREED", "text": {"en": "We thank the Secretariat."}}]}""");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private Delegations.Response propose(Actor by, String id, String amendment) {
		return api.post("/api/documents/" + id + "/amendments", by, amendment);
	}

	private long proposed(Actor by, String id, String amendment) {
		var response = propose(by, id, amendment);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private JsonNode amendment(String id, long amendment) {
		for (var node : api.get("/api/documents/" + id + "/amendments", india).json()) {
			if (node.get("id").asLong() == amendment) {
				return node;
			}
		}
		throw new AssertionError("no amendment " + amendment);
	}

	private int amendmentsOn(String id) {
		return jdbc.sql("select count(*) from amendment where document_id = ?").param(id).query(Integer.class).single();
	}

	private int acts(Actor actor, String action) {
		return audit.find(new AuditQuery(actor.account().email(), null, action, null, null, 500)).size();
	}

	private Delegations.Response withdraw(Actor by, String id, long amendment) {
		return api.post("/api/documents/" + id + "/amendments/" + amendment + "/withdrawal", by, null);
	}

	private static String withdrawal(String id, long amendment) {
		return "/documents/" + id + "/amendments/" + amendment + "/withdrawal";
	}

	@Test
	void theProposingDelegationWithdrawsItsAmendmentWhichStaysOnTheRecordAndItsInvitationsLapse() {
		var id = table();
		long amendment = proposed(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate closely on energy."},
				 "cosponsors": ["TUR", "CHN"]}""");
		assertThat(api.post("/api/documents/" + id + "/amendments/" + amendment + "/cosponsorships/CHN/acceptance", china, null).status())
				.isEqualTo(200);

		// the page offers the button to the proposer's delegation only
		assertThat(api.page("/documents/" + id, india).body()).contains(withdrawal(id, amendment));
		for (var other : List.of(turkiye, china, kazakhstan, secretariat)) {
			assertThat(api.page("/documents/" + id, other).body()).doesNotContain(withdrawal(id, amendment));
		}

		// nobody withdraws another State's amendment, not even a co-sponsor or the Secretariat
		int withdrawals = acts(india, "amendment.withdrawn");
		for (var other : List.of(turkiye, china, secretariat)) {
			var refused = withdraw(other, id, amendment);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(withdraw(india, id, 999_999_999L).status()).isEqualTo(404);
		assertThat(amendment(id, amendment).get("status").asString()).isEqualTo("PROPOSED");

		var withdrawn = withdraw(india, id, amendment);
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.json().get("withdrawnAt").isNull()).isFalse();
		assertThat(strings(withdrawn.json().get("invited"))).as("Türkiye's unanswered invitation lapsed").isEmpty();
		assertThat(strings(withdrawn.json().get("cosponsors"))).containsExactly("CHN");
		assertThat(jdbc.sql("select status from cosponsorship where amendment_id = ? and participant = 'TUR'").param(amendment)
				.query(String.class).single()).isEqualTo("LAPSED");
		assertThat(acts(india, "amendment.withdrawn")).isEqualTo(withdrawals + 1);

		// it stays on the record, withdrawn, and nothing more can happen to it
		assertThat(amendment(id, amendment).get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(amendment(id, amendment).at("/text/en").asString()).isEqualTo("We cooperate closely on energy.");
		var again = withdraw(india, id, amendment);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).endsWith("amendment-not-proposed");
		var lapsed = api.post("/api/documents/" + id + "/amendments/" + amendment + "/cosponsorships/TUR/acceptance", turkiye, null);
		assertThat(lapsed.status()).as(lapsed.toString()).isEqualTo(409);
		assertThat(lapsed.json().get("type").asString()).endsWith("cosponsorship-invitation-lapsed");
		var takeIn = api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"takeIn\": [" + amendment + "]}");
		assertThat(takeIn.status()).as(takeIn.toString()).isEqualTo(409);
		assertThat(takeIn.json().get("type").asString()).endsWith("amendment-not-open");
		var page = api.page("/documents/" + id, india).body();
		assertThat(page).contains("data-status=\"WITHDRAWN\"").contains(">withdrawn<").doesNotContain(withdrawal(id, amendment));

		// withdrawn, it may be proposed again
		proposed(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate closely on energy."}}""");
	}

	@Test
	void anAmendmentTakenInOrOutdatedIsNoLongerWithdrawn() {
		var id = table();
		long taken = proposed(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate on clean energy."}}""");
		long leftOut = proposed(india, id, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "3"}""");
		assertThat(api.post("/api/documents/" + id + "/revisions", chair, "{\"basedOn\": 0, \"takeIn\": [" + taken + "]}").status())
				.isEqualTo(201);
		for (var amendment : List.of(taken, leftOut)) {
			var refused = withdraw(india, id, amendment);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.json().get("type").asString()).endsWith("amendment-not-proposed");
			assertThat(api.page("/documents/" + id, india).body()).doesNotContain(withdrawal(id, amendment));
		}
		assertThat(amendment(id, taken).get("status").asString()).isEqualTo("TAKEN_IN");
		assertThat(amendment(id, leftOut).get("status").asString()).isEqualTo("OUTDATED");
	}

	@Test
	void aDelegationWithdrawsItsStanceOnAnAlternative() {
		var id = table();
		var stated = api.post("/api/documents/" + id + "/positions", turkiye, """
				{"paragraph": "1", "alternative": "alt 2", "stance": "OPPOSES"}""");
		assertThat(stated.status()).as(stated.toString()).isEqualTo(200);
		assertThat(stated.json().get("alternative").asString()).as("as the text labels it").isEqualTo("Alt 2");
		var positions = "/documents/" + id + "/positions/withdrawal";
		assertThat(api.page("/documents/" + id, turkiye).body()).contains(positions).contains("Withdraw opposition");
		assertThat(api.page("/documents/" + id, india).body()).doesNotContain(positions);

		// India has no stance of its own there to withdraw, and cannot withdraw Türkiye's
		var none = api.post("/api/documents/" + id + "/positions/withdrawal", india, """
				{"paragraph": "1", "alternative": "Alt 2"}""");
		assertThat(none.status()).as(none.toString()).isEqualTo(404);
		assertThat(api.post("/api/documents/" + id + "/positions/withdrawal", secretariat, """
				{"paragraph": "1", "alternative": "Alt 2"}""").status()).isEqualTo(403);
		assertThat(api.get("/api/documents/" + id + "/positions", india).body()).contains("\"participant\":\"TUR\"");

		int withdrawals = acts(turkiye, "alternative.position-withdrawn");
		var withdrawn = api.post("/api/documents/" + id + "/positions/withdrawal", turkiye, """
				{"paragraph": "1", "alternative": "ALT 2"}""");
		assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
		assertThat(api.get("/api/documents/" + id + "/positions", india).json()).isEmpty();
		assertThat(acts(turkiye, "alternative.position-withdrawn")).isEqualTo(withdrawals + 1);
		var page = api.page("/documents/" + id, turkiye).body();
		assertThat(page).doesNotContain(positions).doesNotContain("opposed by");
		var again = api.post("/api/documents/" + id + "/positions/withdrawal", turkiye, """
				{"paragraph": "1", "alternative": "Alt 2"}""");
		assertThat(again.status()).isEqualTo(404);
		assertThat(acts(turkiye, "alternative.position-withdrawn")).isEqualTo(withdrawals + 1);
	}

	@Test
	void theSameAmendmentBySameDelegationAgainstTheSameVersionIsADuplicate() {
		var id = table();
		proposed(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate on energy security."},
				 "explanation": "Security matters."}""");
		int before = amendmentsOn(id);
		int proposals = acts(india, "amendment.proposed");
		// the same, whatever the blanks around the text, the explanation or the invitations
		var duplicate = propose(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "  We cooperate on energy security. ", "ru": " "},
				 "cosponsors": ["TUR"], "explanation": "Once more."}""");
		assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.json().get("type").asString()).endsWith("duplicate-amendment");
		assertThat(duplicate.json().get("detail").asString()).contains("IND has already proposed this amendment against draft");
		var russian = call("POST", "/api/documents/" + id + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate on energy security."}}""");
		assertThat(russian.statusCode()).isEqualTo(409);
		assertThat(Delegations.JSON.readTree(russian.body()).get("detail").asString()).contains("уже предложила такую же поправку");
		assertThat(amendmentsOn(id)).isEqualTo(before);
		assertThat(acts(india, "amendment.proposed")).isEqualTo(proposals);
		assertThat(jdbc.sql("select count(*) from cosponsorship c join amendment a on a.id = c.amendment_id where a.document_id = ?")
				.param(id).query(Integer.class).single()).as("no invitation sent").isZero();

		// another text, another kind, another State: not duplicates
		proposed(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate on energy transition."}}""");
		proposed(india, id, """
				{"againstVersion": 0, "kind": "ALTERNATIVE", "paragraph": "2", "text": {"en": "We cooperate on energy security."}}""");
		proposed(turkiye, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "text": {"en": "We cooperate on energy security."}}""");
		// choosing the same alternative twice, however it is spelt, is a duplicate
		proposed(china, id, """
				{"againstVersion": 0, "kind": "CHOOSE_ALTERNATIVE", "paragraph": "1", "alternative": "Alt 1"}""");
		var chosenAgain = propose(china, id, """
				{"againstVersion": 0, "kind": "CHOOSE_ALTERNATIVE", "paragraph": "1", "alternative": "alt 1 "}""");
		assertThat(chosenAgain.status()).as(chosenAgain.toString()).isEqualTo(409);
		assertThat(chosenAgain.json().get("type").asString()).endsWith("duplicate-amendment");
	}

	@Test
	void twoIdenticalRequestsAtOnceWriteOneAmendmentAndTheOtherIsADuplicate() throws Exception {
		var id = table();
		for (int round = 0; round < 4; round++) {
			var body = """
					{"againstVersion": 0, "kind": "INSERT", "paragraph": "2", "text": {"en": "We meet %d times."}}""".formatted(round);
			var barrier = new CyclicBarrier(2);
			var answers = new ArrayList<Future<Delegations.Response>>();
			for (int request = 0; request < 2; request++) {
				answers.add(threads.submit(() -> {
					barrier.await();
					return propose(india, id, body);
				}));
			}
			var statuses = new ArrayList<Integer>();
			for (var answer : answers) {
				var response = answer.get();
				statuses.add(response.status());
				if (response.status() == 409) {
					assertThat(response.json().get("type").asString()).as(response.toString()).endsWith("duplicate-amendment");
				}
			}
			assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 409);
		}
		assertThat(amendmentsOn(id)).isEqualTo(4);
	}

	@Test
	void theDatabaseRefusesTheDuplicateWrittenMeanwhileAndTheAnswerIsTheSame409() throws Exception {
		var id = table();
		int before = amendmentsOn(id);
		// another request of India's has written the same amendment and not yet committed: the check sees nothing
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (var insert = other.prepareStatement("""
					insert into amendment (document_id, against_version, kind, paragraph, alternative, text, proposed_by,
					  proposed_by_account, proposed_at, status)
					values (?, 0, 'DELETE', '3', null, '{}'::jsonb, 'IND', ?, now(), 'PROPOSED')""")) {
				insert.setString(1, id);
				insert.setString(2, india.account().email());
				insert.executeUpdate();
			}
			var answer = CompletableFuture.supplyAsync(() -> propose(india, id, """
					{"againstVersion": 0, "kind": "DELETE", "paragraph": "3"}"""), threads);
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into amendment%'""")
					.query(Integer.class).single() > 0);
			other.commit();
			var response = answer.get();
			assertThat(response.status()).as(response.toString()).isEqualTo(409);
			assertThat(response.json().get("type").asString()).endsWith("duplicate-amendment");
			assertThat(response.json().get("detail").asString()).contains("IND has already proposed this amendment");
		}
		assertThat(amendmentsOn(id)).as("only the one written first").isEqualTo(before + 1);
	}

	@Test
	void anAlternativeIsPickedAmongTheParagraphsAlternatives() {
		var id = table();
		int before = amendmentsOn(id);
		for (var refusal : List.of(
				"{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\", \"alternative\": \"Alt 9\"}",
				"{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\", \"alternative\": \"1|Alt 1\"}",
				"{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\"}",
				"{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\", \"alternative\": \" \"}",
				"{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"2\", \"alternative\": \"Alt 1\"}")) {
			var refused = propose(india, id, refusal);
			assertThat(refused.status()).as(refusal + " " + refused).isEqualTo(400);
			assertThat(refused.json().get("type").asString()).endsWith("invalid-parameter");
			assertThat(refused.json().get("parameter").asString()).isEqualTo("alternative");
		}
		assertThat(propose(india, id, "{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\", \"alternative\": \"Alt 9\"}")
				.json().get("detail").asString()).contains("Alt 1").contains("Alt 2");
		assertThat(amendmentsOn(id)).isEqualTo(before);
		var chosen = propose(india, id, "{\"againstVersion\": 0, \"kind\": \"CHOOSE_ALTERNATIVE\", \"paragraph\": \"1\", \"alternative\": \"alt 2\"}");
		assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
		assertThat(chosen.json().get("alternative").asString()).isEqualTo("Alt 2");
		// an alternative named with another kind of amendment means nothing and is not kept
		var replace = propose(india, id, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "2", "alternative": "Alt 7", "text": {"en": "We cooperate."}}""");
		assertThat(replace.status()).as(replace.toString()).isEqualTo(201);
		assertThat(replace.json().get("alternative").isNull()).isTrue();

		// supporting or opposing is a pick too
		for (var position : List.of("{\"paragraph\": \"1\", \"alternative\": \"Alt 3\", \"stance\": \"SUPPORTS\"}",
				"{\"paragraph\": \"2\", \"alternative\": \"Alt 1\", \"stance\": \"SUPPORTS\"}")) {
			var refused = api.post("/api/documents/" + id + "/positions", turkiye, position);
			assertThat(refused.status()).as(position + " " + refused).isEqualTo(400);
			assertThat(refused.json().get("parameter").asString()).isEqualTo("alternative");
		}
		var noParagraph = api.post("/api/documents/" + id + "/positions", turkiye,
				"{\"paragraph\": \"9\", \"alternative\": \"Alt 1\", \"stance\": \"SUPPORTS\"}");
		assertThat(noParagraph.status()).isEqualTo(400);
		assertThat(noParagraph.json().get("parameter").asString()).isEqualTo("paragraph");
		assertThat(api.get("/api/documents/" + id + "/positions", india).json()).isEmpty();

		// the page offers the version's alternatives to pick from, by paragraph
		var page = api.page("/documents/" + id, india).body();
		assertThat(page).contains("<select name=\"alternative\"").contains("<optgroup label=\"Paragraph 1\">")
				.contains("value=\"1|Alt 1\"").contains("value=\"1|Alt 2\"").doesNotContain("value=\"2|");
	}

	@Test
	void theExplanationIsShownBesideTheAmendment() {
		var id = table();
		long amendment = proposed(india, id, """
				{"againstVersion": 0, "kind": "DELETE", "paragraph": "2",
				 "explanation": "Energy is covered by the <b>Astana</b> Statement."}""");
		assertThat(amendment(id, amendment).get("explanation").asString()).isEqualTo("Energy is covered by the <b>Astana</b> Statement.");
		var page = api.page("/documents/" + id, turkiye).body();
		var row = page.substring(page.indexOf("data-amendment=\"" + amendment + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("class=\"explanation note\"").contains("Explanation:")
				.contains("Energy is covered by the &lt;b&gt;Astana&lt;/b&gt; Statement.");
	}

	/** A call with the Russian language asked for. */
	private HttpResponse<String> call(String method, String path, Actor actor, String body) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json").header("Accept-Language", "ru").header("Authorization", "Bearer " + actor.token())
				.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
