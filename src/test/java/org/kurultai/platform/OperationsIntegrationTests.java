package org.kurultai.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator reads: the Prometheus metrics (for the Secretariat or a scraper's token only), the liveness and
 * readiness probes, and the request id that ties a person's error to the log lines of their request.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

	static final String SCRAPER_TOKEN = "test-metrics-token-for-the-scraper";

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	final HttpClient http = HttpClient.newHttpClient();
	Delegations api;
	Delegations.Actor officer;
	Delegations.Actor coordinator;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("operations");
		coordinator = api.coordinator("operations", "KAZ");
	}

	HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theMetricsAreTheSecretariatsAndTheScrapersOnly() throws Exception {
		// a request, so that its histogram exists
		assertThat(get("/api/participants", Map.of()).statusCode()).isEqualTo(200);

		var anonymous = get("/actuator/prometheus", Map.of());
		assertThat(anonymous.statusCode()).as("the public").isIn(302, 401, 403);
		assertThat(anonymous.body()).doesNotContain("kurultai_");
		if (anonymous.statusCode() == 302) {
			assertThat(anonymous.headers().firstValue("Location").orElse("")).as("sent to sign in").endsWith("/login");
		}
		assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer " + coordinator.token())).statusCode())
				.as("a national coordinator").isEqualTo(403);
		assertThat(get("/actuator/prometheus", Map.of("Authorization", "Bearer not-the-scrapers-token")).statusCode())
				.as("a wrong token").isEqualTo(401);
		// the scraper's token opens the metrics and nothing else
		assertThat(get("/api/me", Map.of("Authorization", "Bearer " + SCRAPER_TOKEN)).statusCode()).as("the scraper elsewhere")
				.isEqualTo(401);

		for (var who : Map.of("the Secretariat", officer.token(), "the scraper", SCRAPER_TOKEN).entrySet()) {
			var metrics = get("/actuator/prometheus", Map.of("Authorization", "Bearer " + who.getValue()));
			assertThat(metrics.statusCode()).as(who.getKey()).isEqualTo(200);
			assertThat(metrics.body()).as(who.getKey())
					.contains("http_server_requests_seconds_bucket{")
					.contains("hikaricp_connections_active")
					.contains("kurultai_outbox_queue ")
					.contains("kurultai_outbox_failed ")
					.contains("kurultai_decisions_open{procedure=\"SILENCE\"}")
					.contains("kurultai_decisions_open{procedure=\"MEETING\"}")
					.contains("kurultai_silence_closings_total ");
		}
	}

	@Test
	void livenessAndReadinessAnswerTheOrchestrator() throws Exception {
		for (var probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness", "/livez", "/readyz" }) {
			var answer = get(probe, Map.of());
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void everyProblemAndEveryLogLineOfARequestCarryItsId(CapturedOutput output) throws Exception {
		// an id the caller gives is kept
		var given = get("/api/participants/NOPE", Map.of("X-Request-Id", "support-ticket-4711"));
		assertThat(given.statusCode()).isEqualTo(404);
		assertThat(given.headers().firstValue("X-Request-Id")).contains("support-ticket-4711");
		assertThat(given.body()).contains("\"requestId\":\"support-ticket-4711\"");

		// one that is not a plain token is replaced by a new one
		var made = get("/api/participants/NOPE", Map.of("X-Request-Id", "a b<script>"));
		var id = made.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f]{32}");
		assertThat(made.body()).contains("\"requestId\":\"" + id + "\"");

		// a person's error page shows it, to be quoted when they report the problem
		var page = get("/participants/NOPE", Map.of("X-Request-Id", "page-ref-42", "Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("id=\"request-id\"").contains("page-ref-42");

		// a problem written by a security filter carries it too
		var refused = get("/api/me", Map.of("Authorization", "Bearer no-such-token", "X-Request-Id", "refused-token-1"));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("\"requestId\":\"refused-token-1\"");

		// and so does what is logged while the request is handled (a request Spring refuses logs a warning)
		var unsupported = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/meetings"))
				.header("Content-Type", "text/plain").header("X-Request-Id", "logged-request-7")
				.header("Authorization", "Bearer " + officer.token()).POST(HttpRequest.BodyPublishers.ofString("x")).build();
		assertThat(http.send(unsupported, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
		assertThat(Pattern.compile("\\[logged-request-7\\] .*HttpMediaTypeNotSupportedException").matcher(output.getAll()).find())
				.as("the warning's log line names the request").isTrue();
	}
}
