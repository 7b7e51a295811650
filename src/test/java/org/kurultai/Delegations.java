package org.kurultai;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test support: people acting for States and for the Secretariat, each with an API token, and
 * calls to the running application's API as one of them.
 */
public final class Delegations {

	public static final String PASSWORD = "a long enough password";
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;
	private final Accounts accounts;
	private final ApiTokens tokens;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	/** Plain HTTP/1.1 (no h2c upgrade headers): the request carries exactly what a test gives it. */
	private final HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

	public Delegations(int port, Accounts accounts, ApiTokens tokens) {
		this.port = port;
		this.accounts = accounts;
		this.tokens = tokens;
	}

	/** A person's account (opened once) and a fresh token for it. */
	public Actor actor(String email, Role role, @Nullable String participant) {
		var account = accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, PASSWORD, "test", "test"));
		return new Actor(account, tokens.issue(account, "test", 1).secret());
	}

	/** The national coordinator of a State (prefix keeps test classes apart). */
	public Actor coordinator(String prefix, String participant) {
		return actor(prefix + ".coordinator." + participant.toLowerCase(java.util.Locale.ROOT) + "@mfa.example", Role.NATIONAL_COORDINATOR,
				participant);
	}

	public Actor secretariat(String prefix) {
		return actor(prefix + ".officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
	}

	public Response call(String method, String path, @Nullable Actor actor, @Nullable String body) {
		return call(method, path, actor, body, "application/json");
	}

	/** A file (an export) as a browser would fetch it, accepting anything. */
	public Response file(String path, @Nullable Actor actor) {
		return call("GET", path, actor, null, "*/*");
	}

	/** A page as a browser would ask for it (HTML), as the actor. */
	public Response page(String path, @Nullable Actor actor) {
		return call("GET", path, actor, null, "text/html");
	}

	private Response call(String method, String path, @Nullable Actor actor, @Nullable String body, String accept) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
				.header("Accept", accept);
		if (actor != null) {
			request.header("Authorization", "Bearer " + actor.token());
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A GET with exactly these headers (name, value pairs; a name may come more than once, each sent as its own line) and
	 * nothing else: no token, no Accept unless given; redirects are not followed. The whole response, its headers too.
	 */
	public HttpResponse<String> getWithHeaders(String path, String... headers) throws java.io.IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http11.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	public Response get(String path, @Nullable Actor actor) {
		return call("GET", path, actor, null);
	}

	public Response post(String path, @Nullable Actor actor, @Nullable String body) {
		return call("POST", path, actor, body);
	}

	/** The string values of a JSON array. */
	public static java.util.List<String> strings(JsonNode array) {
		var values = new java.util.ArrayList<String>();
		array.forEach(node -> values.add(node.asString()));
		return values;
	}

	/** One field of each object of a JSON array. */
	public static java.util.List<String> fields(JsonNode array, String field) {
		var values = new java.util.ArrayList<String>();
		array.forEach(node -> values.add(node.get(field).asString()));
		return values;
	}

	public record Actor(Account account, String token) {

		public String participant() {
			return account.participant();
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
