package org.kurultai.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through a ministry's OpenID Connect provider, against a real OIDC server (the in-process
 * mock OAuth2 server): the whole authorization-code flow over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kurultai.database.embedded.data-directory=target/test-postgres/oidc", "kurultai.database.embedded.clean=true",
		"kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/oidc/checkpoints-${random.uuid}.log", "spring.datasource.url=", "kurultai.reference.dataset=none" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIntegrationTests {

	static final MockOAuth2Server ministry = new MockOAuth2Server();
	static final String OFFICER = "oidc.officer@secretariat.example";

	static {
		ministry.start();
	}

	@DynamicPropertySource
	static void ministryProvider(DynamicPropertyRegistry properties) {
		var prefix = "spring.security.oauth2.client.registration.ministry.";
		properties.add(prefix + "client-id", () -> "kurultai");
		properties.add(prefix + "client-secret", () -> "kurultai-secret");
		properties.add(prefix + "scope", () -> "openid,email");
		properties.add(prefix + "client-name", () -> "the Ministry of Foreign Affairs");
		properties.add("spring.security.oauth2.client.provider.ministry.issuer-uri", () -> ministry.issuerUrl("ministry").toString());
	}

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@BeforeAll
	void openTheAccount() {
		accounts.open(OFFICER, "Officer signing in through the ministry", Role.SECRETARIAT_OFFICER, null, null, "test", "test");
	}

	@AfterAll
	void stopTheProvider() {
		ministry.shutdown();
	}

	/** Follows the browser's redirects from the app to the provider and back; returns where it ends. */
	String signInThroughTheMinistry(HttpClient browser) throws Exception {
		var location = "http://localhost:" + port + "/oauth2/authorization/ministry";
		for (int hop = 0; hop < 6; hop++) {
			var response = browser.send(HttpRequest.newBuilder(URI.create(location)).GET().build(), HttpResponse.BodyHandlers.discarding());
			var next = response.headers().firstValue("Location");
			if (response.statusCode() != 302 || next.isEmpty()) {
				return response.statusCode() + " " + location;
			}
			location = URI.create(location).resolve(next.get()).toString();
			if (location.endsWith("/account") || location.contains("/login?")) {
				return location;
			}
		}
		return location;
	}

	static HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();
	}

	int me(HttpClient browser) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me")).header("Accept", "application/json")
				.GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void aPersonWithAnAccountSignsInThroughTheirMinistry() throws Exception {
		ministry.enqueueCallback(new DefaultOAuth2TokenCallback("ministry", "officer-1", "JWT", List.of("kurultai"),
				Map.of("email", OFFICER, "email_verified", true), 3600));
		var browser = browser();

		assertThat(signInThroughTheMinistry(browser)).endsWith("/account");

		var answer = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
				.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains(OFFICER).contains("SECRETARIAT_OFFICER");
		assertThat(jdbc.sql("select last_signed_in_at from account where email = ?").param(OFFICER).query(java.time.OffsetDateTime.class)
				.optional()).as("the last sign-in is recorded").isPresent();
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?").param(OFFICER).query(Integer.class).single())
				.as("the session is found by the person's e-mail, so that signing out everywhere ends it").isEqualTo(1);
	}

	@Test
	void aMinistryIdentityWithoutAKurultaiAccountIsNotSignedIn() throws Exception {
		ministry.enqueueCallback(new DefaultOAuth2TokenCallback("ministry", "stranger", "JWT", List.of("kurultai"),
				Map.of("email", "stranger@mfa.example", "email_verified", true), 3600));
		var browser = browser();

		assertThat(signInThroughTheMinistry(browser)).endsWith("/login?unknown");
		assertThat(me(browser)).isEqualTo(401);
		assertThat(accounts.byEmail("stranger@mfa.example")).as("no account is made by signing in").isEmpty();
	}

	@Test
	void anAddressTheProviderDoesNotVouchForIsNotEnough() throws Exception {
		ministry.enqueueCallback(new DefaultOAuth2TokenCallback("ministry", "officer-unverified", "JWT", List.of("kurultai"),
				Map.of("email", OFFICER, "email_verified", false), 3600));
		var browser = browser();

		assertThat(signInThroughTheMinistry(browser)).endsWith("/login?unknown");
		assertThat(me(browser)).isEqualTo(401);
	}

	@Test
	void theSignInPageOffersTheMinistry() throws Exception {
		var page = browser().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("Sign in with the Ministry of Foreign Affairs").contains("/oauth2/authorization/ministry");
	}
}
