package org.kurultai.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A delegation is made of people its coordinator proposes and the Secretariat accredits; either ends them. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccreditationIntegrationTests {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String PASSWORD = "a long enough password";

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ActingRights rights;
	@Autowired AuditLog audit;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	String kazCoordinator;
	String pakCoordinator;
	String officer;
	String kazDelegateToken;

	@BeforeAll
	void openAccounts() {
		kazCoordinator = token("coord.kaz.acc@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ");
		pakCoordinator = token("coord.pak.acc@mfa.example", Role.NATIONAL_COORDINATOR, "PAK");
		officer = token("officer.acc@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		kazDelegateToken = token("first.kaz.acc@mfa.example", Role.DELEGATE, "KAZ");
		token("second.kaz.acc@mfa.example", Role.DELEGATE, "KAZ");
		token("third.kaz.acc@mfa.example", Role.DELEGATE, "KAZ");
	}

	private String token(String email, Role role, String participant) {
		var account = accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, PASSWORD, "test", "test"));
		return tokens.issue(account, "accreditation tests", 1).secret();
	}

	record Answer(int status, JsonNode body) {
	}

	Answer call(String method, String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json").header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
	}

	@Test
	void aDelegateActsForItsStateFromAccreditationUntilTheEnd() throws Exception {
		var delegate = accounts.byEmail("first.kaz.acc@mfa.example").orElseThrow();
		var today = forumClock.today();
		assertThat(rights.of(delegate, today).capacity()).as("proposed is not yet accredited").isEqualTo(Capacity.NONE);

		var proposed = call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"first.kaz.acc@mfa.example\"}");
		assertThat(proposed.status()).isEqualTo(201);
		assertThat(proposed.body().get("stage").asString()).isEqualTo("PROPOSED");
		var id = proposed.body().get("id").asString();
		assertThat(rights.of(delegate, today).capacity()).isEqualTo(Capacity.NONE);
		assertThat(call("GET", "/api/me", kazDelegateToken, null).body().get("mayObject").asBoolean()).isFalse();

		var accredited = call("POST", "/api/accreditations/" + id + "/accredit", officer, null);
		assertThat(accredited.status()).isEqualTo(200);
		assertThat(accredited.body().get("stage").asString()).isEqualTo("ACCREDITED");
		assertThat(rights.of(delegate, today).capacity()).isEqualTo(Capacity.MEMBER_DELEGATION);
		assertThat(call("GET", "/api/me", kazDelegateToken, null).body().get("mayObject").asBoolean()).isTrue();

		var ended = call("POST", "/api/accreditations/" + id + "/end", kazCoordinator, null);
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.body().get("stage").asString()).isEqualTo("ENDED");
		assertThat(rights.of(delegate, today).capacity()).isEqualTo(Capacity.NONE);

		assertThat(audit.find(new AuditQuery(null, null, "accreditation.", null, null, 500)))
				.filteredOn(entry -> entry.subject().equals("accreditation:" + id)).extracting(entry -> entry.action())
				.containsExactlyInAnyOrder("accreditation.proposed", "accreditation.accredited", "accreditation.ended");
	}

	@Test
	void aCoordinatorProposesOnlyForTheirOwnStateAndNobodyButTheSecretariatAccredits() throws Exception {
		var foreign = call("POST", "/api/accreditations", pakCoordinator, "{\"person\": \"second.kaz.acc@mfa.example\"}");
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.body().get("type").asString()).endsWith("/problems/forbidden");

		var byDelegate = call("POST", "/api/accreditations", kazDelegateToken, "{\"person\": \"second.kaz.acc@mfa.example\"}");
		assertThat(byDelegate.status()).isEqualTo(403);

		var proposed = call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"second.kaz.acc@mfa.example\"}");
		var id = proposed.body().get("id").asString();
		assertThat(call("POST", "/api/accreditations/" + id + "/accredit", kazCoordinator, null).status()).isEqualTo(403);
		assertThat(call("POST", "/api/accreditations/" + id + "/end", pakCoordinator, null).status()).isEqualTo(403);
		assertThat(call("GET", "/api/accreditations", kazCoordinator, null).body().get(0).get("stage").asString())
				.as("still only proposed").isNotNull();
		assertThat(call("GET", "/api/accreditations", kazDelegateToken, null).status()).isEqualTo(403);
		assertThat(call("GET", "/api/accreditations", pakCoordinator, null).body())
				.noneSatisfy(accreditation -> assertThat(accreditation.get("participant").asString()).isEqualTo("KAZ"));
	}

	@Test
	void aPersonIsInADelegationOnceAndEachStepHappensOnce() throws Exception {
		var proposed = call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"third.kaz.acc@mfa.example\"}");
		var id = proposed.body().get("id").asString();

		var twice = call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"third.kaz.acc@mfa.example\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body().get("type").asString()).endsWith("/problems/already-in-delegation");

		assertThat(call("POST", "/api/accreditations/" + id + "/end", officer, null).status()).isEqualTo(200);
		var afterEnd = call("POST", "/api/accreditations/" + id + "/accredit", officer, null);
		assertThat(afterEnd.status()).isEqualTo(409);
		assertThat(afterEnd.body().get("type").asString()).endsWith("/problems/accreditation-stage");
	}

	@Test
	void badRequestsAboutAccreditationsAreProblemsAndChangeNothing() throws Exception {
		var before = call("GET", "/api/accreditations", officer, null).body().size();

		// a person without an account is proposed with a name and a language: without them, a 400 naming the field
		var nameless = call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"nobody.at.all@mfa.example\"}");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.body().get("parameter").asString()).isEqualTo("displayName");
		assertThat(call("POST", "/api/accreditations", kazCoordinator, "{\"person\": \"not an address\"}").status()).isEqualTo(400);
		assertThat(call("POST", "/api/accreditations", kazCoordinator, "{\"person\": ").status()).isEqualTo(400);
		assertThat(call("POST", "/api/accreditations/not-a-uuid/accredit", officer, null).status()).isEqualTo(400);
		assertThat(call("POST", "/api/accreditations/00000000-0000-0000-0000-000000000000/accredit", officer, null).status())
				.isEqualTo(404);

		assertThat(call("GET", "/api/accreditations", officer, null).body().size()).isEqualTo(before);
	}
}
