package org.kurultai.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.notifications.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defects found by probing the work on issue 10 (accounts, one-time links, the language switch, the outbox) as an
 * attacker would; each test failed before its fix.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Issue10ProbeIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired ApiTokens tokens;
	@Autowired Notifications notifications;

	Delegations api;
	Actor admin;
	Actor coordinator;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	void setUp() {
		api = new Delegations(port, accounts, tokens);
		admin = api.actor("probe10.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		coordinator = api.coordinator("probe10", "KAZ");
	}

	private HttpResponse<String> language(String back) throws Exception {
		var body = "language=ru&return=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/language"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A {@code return} with braces is taken for a URI template by the redirect view: "Model has no value for key", a 500. */
	@Test
	void theLanguageSwitchReturnsToAnyLocalPathWithoutA500() throws Exception {
		for (var back : new String[] { "/{x}", "/meetings?q={evil}", "/%7Bx%7D", "/é", "/a b" }) {
			var answer = language(back);
			assertThat(answer.statusCode()).as("return=%s: %s", back, answer.body()).isBetween(300, 399);
			var location = answer.headers().firstValue("Location").orElseThrow();
			assertThat(URI.create(location).getHost()).as(location).isIn(null, "localhost");
		}
	}

	/** Never an open redirect, whatever the return address looks like. */
	@Test
	void theLanguageSwitchNeverLeavesTheSite() throws Exception {
		for (var back : new String[] { "//evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example", "javascript:alert(1)",
				"/\r\nSet-Cookie: x=y", "/%0d%0aSet-Cookie:%20x=y", "/\t/evil.example", " //evil.example", "/%2F%2Fevil.example",
				"/\u3000/evil.example", "/\u2215\u2215evil.example" }) {
			var answer = language(back);
			assertThat(answer.statusCode()).as("return=%s", back).isBetween(300, 399);
			assertThat(answer.headers().firstValue("Location")).as("return=%s: %s", back, answer.headers().map()).isPresent();
			var location = answer.headers().firstValue("Location").orElseThrow();
			assertThat(location).as("return=%s", back).doesNotStartWith("//").doesNotContain("\\").doesNotContain("\r").doesNotContain("\n");
			assertThat(URI.create(location.replace(" ", "%20")).getHost()).as(location).isIn(null, "localhost");
			assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("x="));
		}
	}

	/** A NUL in an address reaches PostgreSQL ("invalid byte sequence for encoding UTF8: 0x00"): a 409 "conflicts with the records". */
	@Test
	void anAddressWithANulIsA400NotAConflict() {
		var refused = api.post("/api/password-reset", null, "{\"email\": \"a\\u0000b@mfa.example\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		var proposed = api.post("/api/accreditations", coordinator, "{\"person\": \"a\\u0000b@mfa.example\", \"displayName\": \"A B\", \"language\": \"en\"}");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(400);
	}

	/** A name with a NUL, a line break or another control character is refused (it would reach the database and mail headers). */
	@Test
	void aNameWithControlCharactersIsRefusedWhenOpeningChangingOrProposing() {
		for (var name : new String[] { "Evil\\u0000Name", "Evil\\r\\nBcc: spy@evil.example", "Evil\\u0007" }) {
			var opened = api.post("/api/admin/accounts", admin, """
					{"email": "probe10.ctl.%d@mfa.example", "displayName": "%s", "role": "EXPERT", "participant": null, "language": "en"}"""
					.formatted(Math.abs(name.hashCode()), name));
			assertThat(opened.status()).as(opened.toString()).isEqualTo(400);
			assertThat(opened.contentType()).startsWith("application/problem+json");
			var proposed = api.post("/api/accreditations", coordinator, """
					{"person": "probe10.prop.%d@mfa.example", "displayName": "%s", "language": "en"}""".formatted(Math.abs(name.hashCode()), name));
			assertThat(proposed.status()).as(proposed.toString()).isEqualTo(400);
		}
		var person = api.actor("probe10.renamed@mfa.example", Role.EXPERT, null);
		var changed = api.call("PATCH", "/api/admin/accounts/" + person.account().id(), admin, "{\"displayName\": \"A\\r\\nB\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(400);
		assertThat(accounts.byEmail("probe10.renamed@mfa.example").orElseThrow().displayName()).isEqualTo("probe10.renamed@mfa.example");
	}

	/** Wrong JSON types and shapes for the new account endpoints: 400 problems, never a 5xx. */
	@Test
	void wrongShapesForTheAccountEndpointsAre400() {
		var person = api.actor("probe10.shapes@mfa.example", Role.EXPERT, null);
		var path = "/api/admin/accounts/" + person.account().id();
		for (var body : new String[] { "null", "[]", "\"x\"", "{\"participant\": 5}", "{\"role\": []}", "{\"language\": {}}",
				"{\"displayName\": true}" }) {
			var answer = api.call("PATCH", path, admin, body);
			assertThat(answer.status()).as("%s: %s", body, answer).isEqualTo(400);
		}
		for (var body : new String[] { "null", "[]", "{\"email\": 5}", "{\"email\": {}}", "{\"email\": [\"a@b.cd\"]}" }) {
			var answer = api.post("/api/password-reset", null, body);
			assertThat(answer.status()).as("%s: %s", body, answer).isBetween(400, 499);
		}
	}

	/**
	 * Anyone may ask for a reset link for any address, as often as they like: each request mails the person a new link
	 * (a mail bomb through the forum's own mail server). A few requests an hour are enough for a person.
	 */
	@Test
	void resetRequestsForOneAddressCannotFloodItsInbox() {
		var email = "probe10.flooded@mfa.example";
		api.actor(email, Role.DELEGATE, "KAZ");
		for (var i = 0; i < 20; i++) {
			var answer = api.post("/api/password-reset", null, "{\"email\": \"" + email + "\"}");
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		}
		org.kurultai.identity.ResetRequests.awaitHandled(jdbc);
		assertThat(notifications.to(email)).hasSizeLessThanOrEqualTo(5).isNotEmpty();
	}

	private HttpResponse<String> form(String path, Actor actor, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + actor.token())
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The administration pages' forms with malformed input: a 4xx page, never a 5xx. */
	@Test
	void malformedAdministrationFormsAreRefusedNotA500() throws Exception {
		var unknown = java.util.UUID.randomUUID();
		var answers = new java.util.LinkedHashMap<String, Integer>();
		answers.put("change not-a-uuid", form("/admin/accounts/not-a-uuid", admin, "displayName=x").statusCode());
		answers.put("change unknown", form("/admin/accounts/" + unknown, admin, "displayName=x").statusCode());
		answers.put("deactivate unknown", form("/admin/accounts/" + unknown + "/deactivation", admin, "").statusCode());
		answers.put("reactivate unknown", form("/admin/accounts/" + unknown + "/reactivation", admin, "").statusCode());
		answers.put("invite unknown", form("/admin/accounts/" + unknown + "/invitation", admin, "").statusCode());
		answers.put("open with NUL", form("/admin/accounts", admin,
				"email=a%00b%40mfa.example&displayName=A%00B&role=EXPERT&participant=&language=en").statusCode());
		answers.put("open with NUL in role", form("/admin/accounts", admin,
				"email=probe10.nulrole%40mfa.example&displayName=AB&role=EX%00PERT&participant=&language=e%00n").statusCode());
		answers.put("filter with NUL", http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/admin/accounts?role=%00&participant=K%00Z&status=%00")).header("Authorization", "Bearer " + admin.token())
				.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
		answers.put("API filter with NUL", api.get("/api/admin/accounts?participant=K%00Z", admin).status());
		answers.put("retry huge id", form("/admin/outbox/99999999999999999999/retry", admin, "").statusCode());
		answers.put("retry unknown", form("/admin/outbox/9223372036854775807/retry", admin, "").statusCode());
		answers.put("API retry unknown", api.post("/api/admin/outbox/9223372036854775807/retry", admin, null).status());
		assertThat(answers).as(answers.toString()).allSatisfy((what, status) -> assertThat(status).as(what).isBetween(300, 499));
	}

	private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static java.util.Optional<String> sessionIn(java.net.CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"))
				.map(java.net.HttpCookie::getValue).findFirst();
	}

	/**
	 * With sessions in PostgreSQL, a sign-in still changes the session id (no fixation), and a reset through a link ends a
	 * session signed in before it (held).
	 */
	@Test
	void aSignInChangesTheSessionIdAndAResetEndsTheSessionsBeforeIt() throws Exception {
		var email = "probe10.fixation@mfa.example";
		api.actor(email, Role.DELEGATE, "KAZ");
		var cookies = new java.net.CookieManager();
		var browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		var login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		var token = CSRF.matcher(login.body());
		assertThat(token.find()).isTrue();
		var before = sessionIn(cookies).orElseThrow();
		var signedIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("username="
						+ URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(Delegations.PASSWORD, StandardCharsets.UTF_8)
						+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/account");
		var after = sessionIn(cookies).orElseThrow();
		assertThat(after).as("the session id changes at sign-in").isNotEqualTo(before);
		var account = URI.create("http://localhost:" + port + "/account");
		assertThat(browser.send(HttpRequest.newBuilder(account).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).isEqualTo(200);

		assertThat(api.post("/api/password-reset", null, "{\"email\": \"" + email + "\"}").status()).isEqualTo(202);
		org.kurultai.identity.ResetRequests.awaitHandled(jdbc);
		var mail = notifications.to(email).get(0).textBody();
		var link = java.util.regex.Pattern.compile("/password-reset/([A-Za-z0-9_-]{20,})").matcher(mail);
		assertThat(link.find()).isTrue();
		var other = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		var page = other.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/password-reset/" + link.group(1)))
				.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
		var pageToken = CSRF.matcher(page.body());
		assertThat(pageToken.find()).isTrue();
		var reset = other.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/password-reset/" + link.group(1)))
				.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("password=another+long+passphrase&repeated=another+long+passphrase&_csrf="
						+ URLEncoder.encode(pageToken.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
		assertThat(browser.send(HttpRequest.newBuilder(account).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString())
				.statusCode()).as("the session signed in before the reset has ended").isEqualTo(302);
	}
}
