package org.kurultai.decisions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.StatementCounter;
import org.kurultai.TestClock;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.platform.DataVersions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two acts a thousand delegations may do at once on one silence procedure (issue 13) make at most a fixed number
 * of SQL statements each, through the API as a machine client does it (a bearer token): filing a statement and breaking
 * silence. Counted on the request's own thread ({@link StatementCounter}), for a token already used this minute (its
 * last use is noted at most once a minute), after another State's same act (the caches warm). As in bench/run, a break
 * of silence does not end the procedure ({@code broken-ends-procedure=false}): under CICA's rule the first one closes
 * it, and what the closing tells the members' people depends on how many accounts there are. On a database of its own
 * (so that what other test classes record does not move the counts). The budgets are today's counts: a change that
 * makes an act read or write more fails here, with the statements it made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kurultai.forum.silence.broken-ends-procedure=false",
		"kurultai.database.embedded.data-directory=target/test-postgres/act-budget", "kurultai.database.embedded.clean=true",
		"kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/act-budget/checkpoints-${random.uuid}.log",
		"spring.datasource.url=" })
@Import({ TestClock.Configuration.class, StatementCounter.Configuration.class })
class ActStatementBudgetIntegrationTests {

	/** A request may read the data versions again (one statement) if they are older than their maximum age. */
	static final int DATA_VERSIONS = 1;

	/**
	 * Filing a statement: the token with its owner; the State's status that day; the decision and its document (may the
	 * viewer see it); the statement, inserted and answered as stored; its audit entry (the chain's lock, its head, the
	 * entry). Before issue 13's third pass: 15 (the token and the account apart, the State's status read twice with its
	 * whole history, three statements each, the statement read back).
	 */
	static final int STATEMENT = 8;

	/**
	 * Breaking silence without ending the procedure: as a statement's first four, then the document's lock (drafting reads
	 * the document under it), the decision's lock, the round's objections; the objection, its audit entry (three) and the
	 * objection read back. Before issue 13's third pass: 23 (the same as a statement's, and the decision read twice more
	 * after the change, the votes read under a consensus rule).
	 */
	static final int OBJECTION = 13;

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired TestClock time;
	@Autowired DataVersions versions;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void filingAStatementAndBreakingSilenceEachMakeAtMostTheirBudget() throws Exception {
		var api = new Delegations(port, accounts, tokens);
		var secretariat = api.secretariat("actbudget");
		var kazakhstan = api.coordinator("actbudget", "KAZ");
		var china = api.coordinator("actbudget", "CHN");
		// each token used once (its last use noted), as a delegation's client that has been at work this minute
		assertThat(api.get("/api/me", kazakhstan).status()).isEqualTo(200);
		assertThat(api.get("/api/me", china).status()).isEqualTo(200);

		long statementsOn = propose(api, secretariat, "statements");
		// China first (the first act of the kind warms what every later one shares), then Kazakhstan's, counted
		assertThat(act("/api/decisions/" + statementsOn + "/statements", china, statement("CHN")).status()).isEqualTo(201);
		var filing = act("/api/decisions/" + statementsOn + "/statements", kazakhstan, statement("KAZ"));
		assertThat(filing.status()).as(filing.body()).isEqualTo(201);

		long objectionsOn = propose(api, secretariat, "objections");
		assertThat(act("/api/decisions/" + objectionsOn + "/objections", china, objection("CHN")).status()).isEqualTo(201);
		var breaking = act("/api/decisions/" + objectionsOn + "/objections", kazakhstan, objection("KAZ"));
		assertThat(breaking.status()).as(breaking.body()).isEqualTo(201);

		// each act answers what was recorded, as the decision shows it afterwards
		var statements = api.get("/api/decisions/" + statementsOn, secretariat).json().get("statements");
		assertThat(java.util.stream.StreamSupport.stream(statements.spliterator(), false)
				.filter(s -> s.get("id").asLong() == Delegations.JSON.readTree(filing.body()).get("id").asLong()).toList())
				.containsExactly(Delegations.JSON.readTree(filing.body()));
		var objections = api.get("/api/decisions/" + objectionsOn, secretariat).json().get("objections");
		assertThat(java.util.stream.StreamSupport.stream(objections.spliterator(), false)
				.filter(o -> "KAZ".equals(o.get("participant").asString())).toList())
				.containsExactly(Delegations.JSON.readTree(breaking.body()));

		System.out.printf("SQL statements: filing a statement %d %s%nbreaking silence %d %s%n", filing.statements(),
				StatementCounter.statements(filing.id()), breaking.statements(), StatementCounter.statements(breaking.id()));
		assertThat(filing.statements()).as("statements are counted at all").isPositive();
		assertThat(filing.statements()).as("SQL statements of filing a statement: %s", StatementCounter.statements(filing.id()))
				.isLessThanOrEqualTo(STATEMENT + DATA_VERSIONS);
		assertThat(breaking.statements()).as("SQL statements of breaking silence: %s", StatementCounter.statements(breaking.id()))
				.isLessThanOrEqualTo(OBJECTION + DATA_VERSIONS);
	}

	record Counted(int status, String body, String id) {

		int statements() {
			return StatementCounter.of(id);
		}
	}

	private long propose(Delegations api, Delegations.Actor secretariat, String title) {
		var deadline = LocalDateTime.ofInstant(time.instant().plus(Duration.ofDays(3)), ALMATY).truncatedTo(ChronoUnit.MINUTES);
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "SOC", "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty",
				 "title": "Statement budget: %s", "text": {"en": "The Committee approves the budget (%s)."}, "access": "PARTICIPANTS"}"""
				.formatted(deadline, title, title));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		return proposed.json().get("id").asLong();
	}

	private static String statement(String code) {
		return "{\"kind\": \"RESERVATION\", \"text\": \"Reservation of " + code + ", statement budget.\"}";
	}

	private static String objection(String code) {
		return "{\"reasons\": \"Silence broken by " + code + ", statement budget.\"}";
	}

	private Counted act(String path, Delegations.Actor actor, String body) throws Exception {
		// the data versions read just before (if older than their maximum age), so the act seldom reads them
		versions.stamp();
		var id = "act-budget-" + UUID.randomUUID();
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Request-Id", id)
				.header("Authorization", "Bearer " + actor.token()).header("Content-Type", "application/json")
				.header("Accept", "application/json").timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Counted(response.statusCode(), response.body(), id);
	}
}
