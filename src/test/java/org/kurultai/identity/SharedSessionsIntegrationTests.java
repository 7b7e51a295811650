package org.kurultai.identity;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.kurultai.KurultaiApplication;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database share their sessions (Spring Session JDBC): a sign-in on one is valid
 * on the other, and signing out everywhere, a deactivation or a change of password on one ends the
 * sessions on both. Also: changing one's own password, the last sign-in, and the account's language.
 * Instance A is the tests' shared application; instance B a second application on A's embedded
 * PostgreSQL, started here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedSessionsIntegrationTests {

	static final String PASSWORD = "a shared passphrase for two instances";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort int port;
	@Autowired ApplicationContext context;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	ConfigurableApplicationContext instanceB;
	int portB;

	@BeforeAll
	void startASecondInstanceOnTheSameDatabase() {
		var arguments = new ArrayList<>(List.of(EmbeddedDatabaseAccess.externalArguments(context)));
		arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		instanceB = new SpringApplicationBuilder(KurultaiApplication.class).run(arguments.toArray(String[]::new));
		portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	void stopTheSecondInstance() {
		if (instanceB != null) {
			instanceB.close();
		}
	}

	/** Failed attempts of these tests come from this machine's address too: leave nothing that throttles other tests. */
	@org.junit.jupiter.api.AfterEach
	void forgetTheFailedAttempts() {
		jdbc.sql("delete from sign_in_attempt where email like 'shared.%'").update();
	}

	private Account person(String email) {
		return person(email, "en");
	}

	private Account person(String email, String language) {
		var account = accounts.byEmail(email).orElseGet(
				() -> accounts.open(email, "Officer " + email, Role.SECRETARIAT_OFFICER, null, PASSWORD, "test@kurultai", "SECRETARIAT"));
		jdbc.sql("update account set language = ? where id = ?").params(language, account.id()).update();
		return accounts.byEmail(email).orElseThrow();
	}

	/** A browser: keeps its cookies (a cookie of localhost goes to both instances, as in a browser), follows no redirect. */
	final class Browser {

		final CookieManager cookies = new CookieManager();
		final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(int on, String path) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(on, path)).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> page(int on, String path) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(on, path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Posts a form of a page (with that page's CSRF token). */
		HttpResponse<String> submit(int on, String pagePath, String action, Map<String, String> fields) throws Exception {
			var form = page(on, pagePath);
			var matcher = CSRF.matcher(form.body());
			assertThat(matcher.find()).as("%s carries a CSRF token", pagePath).isTrue();
			var values = new LinkedHashMap<>(fields);
			values.put("_csrf", matcher.group(1));
			var body = values.entrySet().stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(uri(on, action)).header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Signs in with the form; answers the status and where it sends the browser. */
		String signIn(int on, String email, String password) throws Exception {
			var answer = submit(on, "/login", "/login", Map.of("username", email, "password", password));
			return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
		}

		/** A JSON call of the API from this browser's session, with the CSRF token of its account page. */
		HttpResponse<String> postJson(int on, String path, String json) throws Exception {
			var page = page(on, "/account");
			var matcher = CSRF.matcher(page.body());
			assertThat(matcher.find()).as("the account page carries a CSRF token").isTrue();
			return http.send(HttpRequest.newBuilder(uri(on, path)).header("Content-Type", "application/json")
					.header("Accept", "application/json").header("X-CSRF-TOKEN", matcher.group(1))
					.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		}

		String session() {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION")).map(HttpCookie::getValue)
					.findFirst().orElse("");
		}

		String cookie(String name) {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
					.findFirst().orElse("");
		}
	}

	URI uri(int on, String path) {
		return URI.create("http://localhost:" + on + path);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private int sessionsOf(String email) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(email).query(Integer.class).single();
	}

	private boolean audited(String action, String email) {
		return audit.find(new AuditQuery(email, null, action, null, null, 50)).stream()
				.anyMatch(entry -> entry.subject().equals("account:" + email));
	}

	@Test
	void aSignInOnOneInstanceIsValidOnTheOther() throws Exception {
		var email = "shared.signin@secretariat.example";
		person(email);
		var browser = new Browser();

		assertThat(browser.signIn(port, email, PASSWORD)).startsWith("302").endsWith("/account");

		assertThat(browser.session()).as("the session cookie").isNotEmpty();
		var onB = browser.get(portB, "/api/me");
		assertThat(onB.statusCode()).as("the session made on A is valid on B").isEqualTo(200);
		assertThat(json(onB).get("email").asString()).isEqualTo(email);
		assertThat(browser.page(portB, "/account").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(email)).as("kept in PostgreSQL under the person's name").isEqualTo(1);
		var cookie = browser.http.send(HttpRequest.newBuilder(uri(port, "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(cookie.statusCode()).isEqualTo(200);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSiteLaxAndASignInChangesTheSessionId() throws Exception {
		var email = "shared.cookie@secretariat.example";
		person(email);
		var browser = new Browser();
		var login = browser.page(port, "/login");
		var before = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
		assertThat(before).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		var anonymous = browser.session();

		browser.signIn(port, email, PASSWORD);

		assertThat(browser.session()).as("session fixation: a new id on sign-in").isNotEqualTo(anonymous).isNotEmpty();
	}

	@Test
	void signingOutEverywhereOnOneInstanceEndsTheSessionsOnBothAndTheTokens() throws Exception {
		var email = "shared.everywhere@secretariat.example";
		var account = person(email);
		var onA = new Browser();
		var onB = new Browser();
		onA.signIn(port, email, PASSWORD);
		onB.signIn(portB, email, PASSWORD);
		var token = tokens.issue(account, "machine", 5).secret();
		assertThat(onA.get(port, "/api/me").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(email)).isEqualTo(2);

		var answer = onB.submit(portB, "/account", "/account/sign-out-everywhere", Map.of());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login?signedOutEverywhere");
		assertThat(onA.get(port, "/api/me").statusCode()).as("the session on A ended").isEqualTo(401);
		assertThat(onA.get(portB, "/api/me").statusCode()).isEqualTo(401);
		assertThat(onB.get(portB, "/api/me").statusCode()).as("and the one that asked").isEqualTo(401);
		assertThat(onA.page(port, "/account").headers().firstValue("Location").orElse("")).endsWith("/login");
		var byToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(port, "/api/me")).header("Authorization", "Bearer " + token)
				.GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(byToken.statusCode()).as("tokens are revoked").isEqualTo(401);
		assertThat(sessionsOf(email)).isZero();
		assertThat(audited("account.signed-out-everywhere", email)).isTrue();
		assertThat(onB.page(portB, "/login?signedOutEverywhere").body()).contains("signed out everywhere");
	}

	@Test
	void signingOutEverywhereThroughTheApiEndsThisSessionToo() throws Exception {
		var email = "shared.api.everywhere@secretariat.example";
		person(email);
		var other = new Browser();
		var browser = new Browser();
		other.signIn(port, email, PASSWORD);
		browser.signIn(portB, email, PASSWORD);

		var answer = browser.postJson(portB, "/api/me/sign-out-everywhere", "");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(json(answer).get("sessions").asInt()).isEqualTo(2);
		assertThat(browser.get(portB, "/api/me").statusCode()).isEqualTo(401);
		assertThat(other.get(port, "/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aDeactivationOnOneInstanceEndsALiveSessionOnTheOther() throws Exception {
		var email = "shared.deactivated@secretariat.example";
		var account = person(email);
		var onA = new Browser();
		onA.signIn(port, email, PASSWORD);
		assertThat(onA.get(port, "/api/me").statusCode()).isEqualTo(200);

		// what deactivation does (the administrators' command is built apart): the account inactive, everything it signed in with ended
		instanceB.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			instanceB.getBean(JdbcClient.class).sql("update account set status = 'DEACTIVATED' where id = ?").param(account.id()).update();
			instanceB.getBean(SignOuts.class).everywhere(account.id());
		});

		assertThat(onA.get(port, "/api/me").statusCode()).as("A's live session ended at once").isEqualTo(401);
		assertThat(new Browser().signIn(port, email, PASSWORD)).as("and no new sign-in").endsWith("/login?error");
		assertThat(new Browser().signIn(portB, email, PASSWORD)).endsWith("/login?error");
	}

	@Test
	void aDeactivationThroughTheAdministratorsApiEndsALiveSessionOnTheOtherInstance() throws Exception {
		var email = "shared.deactivated.api@secretariat.example";
		var account = person(email);
		var administrator = "shared.admin@secretariat.example";
		if (accounts.byEmail(administrator).isEmpty()) {
			accounts.open(administrator, "Administrator", Role.SECRETARIAT_ADMINISTRATOR, null, PASSWORD, "test@kurultai", "SECRETARIAT");
		}
		var onA = new Browser();
		onA.signIn(port, email, PASSWORD);
		var admin = new Browser();
		admin.signIn(portB, administrator, PASSWORD);

		var answer = admin.postJson(portB, "/api/admin/accounts/" + account.id() + "/deactivation", "{}");

		assertThat(answer.statusCode()).isLessThan(300);
		assertThat(onA.get(port, "/api/me").statusCode()).isEqualTo(401);
		assertThat(new Browser().signIn(port, email, PASSWORD)).endsWith("/login?error");
	}

	@Test
	void aWrongCurrentPasswordIsSaidBesideItsFieldAndChangesNothing() throws Exception {
		var email = "shared.password.wrong@secretariat.example";
		person(email);
		var browser = new Browser();
		browser.signIn(port, email, PASSWORD);

		var answer = browser.submit(port, "/account", "/account/password",
				Map.of("current", "not my password at all", "new", "a brand new passphrase", "repeat", "a brand new passphrase"));

		assertThat(answer.statusCode()).isEqualTo(400);
		var page = org.jsoup.Jsoup.parse(answer.body());
		assertThat(page.select("#current-error").text()).isEqualTo("This is not your current password.");
		assertThat(page.select("#current").attr("aria-describedby")).isEqualTo("current-error");
		assertThat(page.select("input[type=password]").eachAttr("value")).as("passwords are never sent back").allMatch(String::isEmpty);
		assertThat(new Browser().signIn(port, email, PASSWORD)).as("the password is unchanged").endsWith("/account");

		var tooShort = browser.submit(port, "/account", "/account/password", Map.of("current", PASSWORD, "new", "short", "repeat", "short"));
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(org.jsoup.Jsoup.parse(tooShort.body()).select("#new-error").text()).contains("12");
		var differ = browser.submit(port, "/account", "/account/password",
				Map.of("current", PASSWORD, "new", "a brand new passphrase", "repeat", "another new passphrase"));
		assertThat(org.jsoup.Jsoup.parse(differ.body()).select("#repeat-error").text()).isEqualTo("The two new passwords differ.");
		assertThat(new Browser().signIn(port, email, PASSWORD)).endsWith("/account");
		assertThat(audited("account.password-changed", email)).isFalse();
	}

	@Test
	void theApiRefusesAWrongCurrentPasswordWith403AndABadNewOneWith400NamingTheField() throws Exception {
		var email = "shared.password.api@secretariat.example";
		person(email);
		var browser = new Browser();
		browser.signIn(port, email, PASSWORD);

		var wrong = browser.postJson(port, "/api/me/password", "{\"current\": \"not the password\", \"new\": \"a brand new passphrase\"}");
		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(wrong.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(json(wrong).get("type").asString()).endsWith("/problems/wrong-current-password");
		assertThat(json(wrong).get("parameter").asString()).isEqualTo("current");

		var tooShort = browser.postJson(port, "/api/me/password", "{\"current\": \"" + PASSWORD + "\", \"new\": \"short\"}");
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(json(tooShort).get("parameter").asString()).isEqualTo("new");
		var missing = browser.postJson(port, "/api/me/password", "{\"current\": \"" + PASSWORD + "\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(json(missing).get("parameter").asString()).isEqualTo("new");

		var changed = browser.postJson(port, "/api/me/password", "{\"current\": \"" + PASSWORD + "\", \"new\": \"a brand new passphrase\"}");
		assertThat(changed.statusCode()).isEqualTo(204);
		assertThat(browser.get(port, "/api/me").statusCode()).as("this session stays").isEqualTo(200);
		assertThat(new Browser().signIn(port, email, "a brand new passphrase")).endsWith("/account");
	}

	@Test
	void wrongCurrentPasswordsAreThrottledLikeSignIns() throws Exception {
		var email = "shared.password.throttle@secretariat.example";
		person(email);
		var browser = new Browser();
		browser.signIn(port, email, PASSWORD);
		for (int attempt = 0; attempt < SignInThrottle.PER_ACCOUNT; attempt++) {
			assertThat(browser.postJson(port, "/api/me/password", "{\"current\": \"guess " + attempt + "\", \"new\": \"a brand new passphrase\"}")
					.statusCode()).isEqualTo(403);
		}
		var throttled = browser.postJson(port, "/api/me/password", "{\"current\": \"" + PASSWORD + "\", \"new\": \"a brand new passphrase\"}");
		assertThat(throttled.statusCode()).as("even with the right password").isEqualTo(429);
		assertThat(new Browser().signIn(port, email, PASSWORD)).as("sign-in is throttled too").endsWith("/login?throttled");
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsOnBothInstancesAndKeepsThisOne() throws Exception {
		var email = "shared.password.change@secretariat.example";
		person(email);
		var here = new Browser();
		var elsewhere = new Browser();
		here.signIn(port, email, PASSWORD);
		elsewhere.signIn(portB, email, PASSWORD);
		assertThat(elsewhere.get(portB, "/api/me").statusCode()).isEqualTo(200);

		var answer = here.submit(port, "/account", "/account/password",
				Map.of("current", PASSWORD, "new", "a brand new passphrase", "repeat", "a brand new passphrase"));

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/account?password=changed");
		assertThat(here.get(portB, "/api/me").statusCode()).as("this session stays, on both instances").isEqualTo(200);
		assertThat(elsewhere.get(portB, "/api/me").statusCode()).as("the other one ended").isEqualTo(401);
		assertThat(here.page(port, "/account?password=changed").body()).contains("Your password was changed.");
		assertThat(new Browser().signIn(portB, email, PASSWORD)).endsWith("/login?error");
		assertThat(new Browser().signIn(portB, email, "a brand new passphrase")).endsWith("/account");
		assertThat(audited("account.password-changed", email)).isTrue();
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void everySignInRecordsTheLastSignInFromTheClock() throws Exception {
		var email = "shared.last.signin@secretariat.example";
		var account = person(email);
		var clockB = instanceB.getBean(java.time.Clock.class); // the clock of the instance signed in on
		var before = clockB.instant();

		new Browser().signIn(portB, email, PASSWORD);

		var recorded = jdbc.sql("select last_signed_in_at from account where id = ?").param(account.id()).query(OffsetDateTime.class).single();
		assertThat(recorded.toInstant()).isBetween(before.minusSeconds(1), clockB.instant().plusSeconds(1));
		var failed = new Browser().signIn(port, email, "not the password");
		assertThat(failed).endsWith("/login?error");
		assertThat(jdbc.sql("select last_signed_in_at from account where id = ?").param(account.id()).query(OffsetDateTime.class).single())
				.as("a failed attempt is no sign-in").isEqualTo(recorded);
	}

	@Test
	void aSignInSpeaksTheAccountsLanguageAndTheSwitchUpdatesTheAccount() throws Exception {
		var email = "shared.language@secretariat.example";
		var account = person(email, "ru");
		var browser = new Browser();

		var signIn = browser.submit(port, "/login", "/login", Map.of("username", email, "password", PASSWORD));
		assertThat(signIn.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("kurultai-language=ru"));
		assertThat(browser.cookie("kurultai-language")).isEqualTo("ru");
		var page = browser.page(port, "/account");
		assertThat(page.body()).contains("<html lang=\"ru\"").contains("Сменить пароль");

		var switched = browser.submit(port, "/account", "/language", Map.of("language", "en", "return", "/account"));
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select language from account where id = ?").param(account.id()).query(String.class).single()).isEqualTo("en");
		assertThat(audited("account.language-chosen", email)).isTrue();
		assertThat(new Browser().submit(port, "/login", "/login", Map.of("username", email, "password", PASSWORD)).headers()
				.allValues("Set-Cookie")).as("the next sign-in, anywhere").anyMatch(c -> c.startsWith("kurultai-language=en"));

		var anonymous = new Browser();
		anonymous.submit(port, "/login", "/language", Map.of("language", "ru", "return", "/"));
		assertThat(anonymous.cookie("kurultai-language")).isEqualTo("ru");
		assertThat(jdbc.sql("select language from account where id = ?").param(account.id()).query(String.class).single())
				.as("nobody's account changes when the public switches").isEqualTo("en");
	}
}
