package org.kurultai.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal API tokens: stored hashed, revocable, expiring; bad tokens and bad bodies are refused. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenIntegrationTests {

	static final String OWNER = "machine.owner.it@mfa.example";
	static final String OTHER = "other.owner.it@mfa.example";
	static final String ADMIN = "token.admin.it@secretariat.example";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private Account owner;
	private Account other;
	private Account admin;

	@BeforeAll
	void openAccounts() {
		owner = accounts.byEmail(OWNER).orElseGet(() -> accounts.open(OWNER, "Owner", Role.NATIONAL_COORDINATOR, "KAZ",
				"a long enough password", "test@kurultai", "SECRETARIAT"));
		other = accounts.byEmail(OTHER).orElseGet(() -> accounts.open(OTHER, "Other", Role.DELEGATE, "JPN",
				"a long enough password", "test@kurultai", "SECRETARIAT"));
		admin = accounts.byEmail(ADMIN).orElseGet(() -> accounts.open(ADMIN, "Admin", Role.SECRETARIAT_ADMINISTRATOR, null,
				"a long enough password", "test@kurultai", "SECRETARIAT"));
	}

	record Answer(int status, String contentType, JsonNode body) {
	}

	Answer call(String method, String path, String token, String body, String contentType) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
	}

	@Test
	void aTokenSignsAMachineClientInAsItsOwner() throws Exception {
		var issued = tokens.issue(owner, "statistics office", 30);

		var me = call("GET", "/api/me", issued.secret(), null, null);

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.body().get("email").asString()).isEqualTo(OWNER);
		assertThat(me.body().get("role").asString()).isEqualTo("NATIONAL_COORDINATOR");
	}

	@Test
	void aTokensLastUseIsNotedToTheMinuteOnTheDatabasesClock() throws Exception {
		var issued = tokens.issue(owner, "last use", 1);
		var id = issued.token().id();
		java.util.function.Supplier<java.time.OffsetDateTime> lastUsed = () -> jdbc.sql("select last_used_at from api_token where id = ?")
				.param(id).query(java.time.OffsetDateTime.class).optional().orElse(null);
		java.util.function.Supplier<Boolean> usedJustNow = () -> jdbc
				.sql("select last_used_at > now() - interval '10 seconds' from api_token where id = ?").param(id).query(Boolean.class).single();
		assertThat(lastUsed.get()).as("never used").isNull();

		assertThat(call("GET", "/api/me", issued.secret(), null, null).status()).isEqualTo(200);
		assertThat(lastUsed.get()).as("noted at the first use").isNotNull();
		assertThat(usedJustNow.get()).isTrue();

		// used again within the minute: not written again (a busy client's requests do not each write)
		jdbc.sql("update api_token set last_used_at = now() - interval '30 seconds' where id = ?").param(id).update();
		var halfAMinuteAgo = lastUsed.get();
		assertThat(call("GET", "/api/me", issued.secret(), null, null).status()).isEqualTo(200);
		assertThat(lastUsed.get()).as("within the minute").isEqualTo(halfAMinuteAgo);

		// used again once the minute is over: noted again
		jdbc.sql("update api_token set last_used_at = now() - interval '61 seconds' where id = ?").param(id).update();
		assertThat(call("GET", "/api/me", issued.secret(), null, null).status()).isEqualTo(200);
		assertThat(usedJustNow.get()).as("noted again after the minute").isTrue();
		// and what identity answers for the token is its owner, as read with it
		assertThat(call("GET", "/api/me", issued.secret(), null, null).body().get("email").asString()).isEqualTo(OWNER);
	}

	@Test
	void onlyAHashOfTheSecretIsStored() {
		var issued = tokens.issue(owner, "hash check", 1);

		var stored = jdbc.sql("select secret_hash from api_token where id = ?").param(issued.token().id()).query(String.class).single();
		assertThat(stored).isEqualTo(ApiTokens.hash(issued.secret())).hasSize(64).isNotEqualTo(issued.secret());
		assertThat(jdbc.sql("select count(*) from api_token where secret_hash = ? or prefix = ?").params(issued.secret(), issued.secret())
				.query(Integer.class).single()).isZero();
	}

	@Test
	void aTokenMakesAndRevokesTokensOverTheApi() throws Exception {
		var first = tokens.issue(owner, "bootstrap", 7).secret();

		var made = call("POST", "/api/me/tokens", first, "{\"name\": \"nightly export\", \"expiresInDays\": 90}", "application/json");
		assertThat(made.status()).isEqualTo(201);
		var secret = made.body().get("secret").asString();
		assertThat(secret).startsWith("kt_");
		assertThat(call("GET", "/api/me", secret, null, null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/me/tokens", first, null, null).body())
				.anySatisfy(token -> assertThat(token.get("name").asString()).isEqualTo("nightly export"))
				.allSatisfy(token -> assertThat(token.has("secret")).isFalse());

		var id = made.body().get("token").get("id").asString();
		var revoked = call("DELETE", "/api/me/tokens/" + id, first, null, null);
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.body().get("active").asBoolean()).isFalse();

		var refused = call("GET", "/api/me", secret, null, null);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.body().get("type").asString()).endsWith("/problems/invalid-token");
	}

	@Test
	void anExpiredOrUnknownTokenIsRefusedNotTreatedAsAnonymous() throws Exception {
		var issued = tokens.issue(owner, "short-lived", 1);
		jdbc.sql("update api_token set created_at = now() - interval '3 days', expires_at = now() - interval '1 second' where id = ?")
				.param(issued.token().id()).update();

		for (var secret : new String[] { issued.secret(), "kt_unknown", "not-even-a-token" }) {
			var answer = call("GET", "/api/participants/counts", secret, null, null);
			assertThat(answer.status()).as(secret).isEqualTo(401);
			assertThat(answer.body().get("type").asString()).endsWith("/problems/invalid-token");
		}
	}

	@Test
	void nobodyRevokesAnotherPersonsTokenButTheAdministrator() throws Exception {
		var owners = tokens.issue(owner, "owner's", 5);
		var others = tokens.issue(other, "other's", 5).secret();

		var refused = call("DELETE", "/api/me/tokens/" + owners.token().id(), others, null, null);
		assertThat(refused.status()).as("does not even say it exists").isEqualTo(404);
		assertThat(call("GET", "/api/me", owners.secret(), null, null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/admin/tokens", others, null, null).status()).isEqualTo(403);

		var administrator = tokens.issue(admin, "admin's", 1).secret();
		assertThat(call("GET", "/api/admin/tokens", administrator, null, null).body())
				.anySatisfy(token -> assertThat(token.get("id").asString()).isEqualTo(owners.token().id().toString()));
		assertThat(call("DELETE", "/api/admin/tokens/" + owners.token().id(), administrator, null, null).status()).isEqualTo(200);
		assertThat(call("GET", "/api/me", owners.secret(), null, null).status()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"x\", \"expiresInDays\": ", "[]", "{\"name\": \"\", \"expiresInDays\": 5}",
			"{\"name\": \"x\", \"expiresInDays\": 0}", "{\"name\": \"x\", \"expiresInDays\": 1000}", "{\"expiresInDays\": 5}",
			"{\"name\": \"x\", \"expiresInDays\": \"soon\"}" })
	void aMalformedOrInvalidRequestForATokenIsRefusedAndMakesNone(String body) throws Exception {
		var secret = tokens.issue(other, "for bad requests", 1).secret();
		var before = tokens.of(other).size();

		var answer = call("POST", "/api/me/tokens", secret, body, "application/json");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(tokens.of(other)).hasSize(before);
	}

	@Test
	void anOversizedOrWronglyTypedBodyIsRefused() throws Exception {
		var secret = tokens.issue(other, "for big bodies", 1).secret();
		var before = tokens.of(other).size();

		var big = call("POST", "/api/me/tokens", secret, "{\"name\": \"" + "x".repeat(100_000) + "\", \"expiresInDays\": 5}",
				"application/json");
		assertThat(big.status()).isEqualTo(413);
		assertThat(big.contentType()).startsWith("application/problem+json");
		var chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/tokens"))
				.header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
						("{\"name\": \"padded\", \"expiresInDays\": 5, \"padding\": \"" + "y".repeat(200_000) + "\"}").getBytes())))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as("a chunked body of unknown length past the limit").isBetween(400, 413);
		assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		var text = call("POST", "/api/me/tokens", secret, "name=x", "text/plain");
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.contentType()).startsWith("application/problem+json");
		assertThat(tokens.of(other)).hasSize(before);
	}
}
