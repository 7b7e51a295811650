package org.kurultai.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Signing in, what each person may reach, throttling, and the audit of every write — over real HTTP. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityIntegrationTests {

	static final String PASSWORD = "correct horse battery staple";
	static final String ADMIN = "admin.it@secretariat.example";
	static final String KAZ_DELEGATE = "delegate.kaz.it@mfa.example";
	static final String JPN_DELEGATE = "delegate.jpn.it@mfa.example";
	static final String GUESSED = "guessed.it@secretariat.example";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired Accreditations accreditations;
	@Autowired ActingRights rights;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	@BeforeAll
	void openAccounts() {
		open(ADMIN, Role.SECRETARIAT_ADMINISTRATOR, null);
		open(KAZ_DELEGATE, Role.DELEGATE, "KAZ");
		open(JPN_DELEGATE, Role.DELEGATE, "JPN");
		open(GUESSED, Role.SECRETARIAT_OFFICER, null);
		open("coordinator.kaz.it@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ");
		open("coordinator.jpn.it@mfa.example", Role.NATIONAL_COORDINATOR, "JPN");
		var officer = accounts.byEmail(ADMIN).orElseThrow();
		accreditations.accredit(accreditations.propose(accounts.byEmail("coordinator.kaz.it@mfa.example").orElseThrow(), KAZ_DELEGATE)
				.id(), officer);
		accreditations.accredit(accreditations.propose(accounts.byEmail("coordinator.jpn.it@mfa.example").orElseThrow(), JPN_DELEGATE)
				.id(), officer);
	}

	private void open(String email, Role role, String participant) {
		if (accounts.byEmail(email).isEmpty()) {
			accounts.open(email, "Test " + role.label(), role, participant, PASSWORD, "test@kurultai", "SECRETARIAT");
		}
	}

	/** A browser-like client: keeps cookies, does not follow redirects. */
	final class Session {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		/** Posts the sign-in form; returns where it sends the browser. */
		String signIn(String email, String password, boolean withRealToken) throws Exception {
			var form = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
			var matcher = CSRF.matcher(form.body());
			assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
			var token = withRealToken ? matcher.group(1) : "forged-" + UUID.randomUUID();
			var body = Map.of("username", email, "password", password, "_csrf", token).entrySet().stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			var answer = http.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	@Test
	void theApiAnswersTheAnonymousWith401AsAProblem() throws Exception {
		var session = new Session();
		for (var path : new String[] { "/api/me", "/api/admin/audit", "/api/admin/audit/verification" }) {
			var answer = session.get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(401);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(json(answer).get("type").asString()).endsWith("/problems/unauthorized");
		}
	}

	@Test
	void aSignedInDelegateKnowsWhatItsStateMayDoToday() throws Exception {
		var kazakhstan = new Session();
		assertThat(kazakhstan.signIn(KAZ_DELEGATE, PASSWORD, true)).startsWith("302").endsWith("/account");
		var me = json(kazakhstan.get("/api/me"));
		assertThat(me.get("role").asString()).isEqualTo("DELEGATE");
		assertThat(me.get("participant").asString()).isEqualTo("KAZ");
		assertThat(me.get("capacity").asString()).isEqualTo("MEMBER_DELEGATION");
		assertThat(me.get("mayObject").asBoolean()).isTrue();

		var japan = new Session();
		japan.signIn(JPN_DELEGATE, PASSWORD, true);
		var observer = json(japan.get("/api/me"));
		assertThat(observer.get("capacity").asString()).isEqualTo("OBSERVER_DELEGATION");
		assertThat(observer.get("mayObject").asBoolean()).isFalse();
		assertThat(observer.get("maySpeak").asBoolean()).isTrue();
	}

	@Test
	void whatAPersonMayDoFollowsTheirStatesStatusOnTheDayOfTheAct() {
		var thailand = new Account(UUID.randomUUID(), "coordinator@mfa.th.example", "Thai coordinator", Role.NATIONAL_COORDINATOR,
				"THA", true, Instant.now());

		assertThat(rights.of(thailand, LocalDate.parse("2003-06-01")).capacity()).isEqualTo(Capacity.OBSERVER_DELEGATION);
		assertThat(rights.of(thailand, LocalDate.parse("2003-06-01")).mayObject()).isFalse();
		assertThat(rights.of(thailand, LocalDate.parse("2005-06-01")).capacity()).isEqualTo(Capacity.MEMBER_DELEGATION);
		assertThat(rights.of(thailand, LocalDate.parse("2005-06-01")).mayObject()).isTrue();
		assertThat(rights.of(thailand, LocalDate.parse("1995-01-01")).capacity()).as("no status yet").isEqualTo(Capacity.NONE);
	}

	@Test
	void aDelegateIsForbiddenTheAuditLogAndAnAdministratorReadsIt() throws Exception {
		var delegate = new Session();
		delegate.signIn(KAZ_DELEGATE, PASSWORD, true);
		var refused = delegate.get("/api/admin/audit");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(json(refused).get("type").asString()).endsWith("/problems/forbidden");
		assertThat(delegate.get("/admin/audit").statusCode()).isEqualTo(403);

		var administrator = new Session();
		administrator.signIn(ADMIN, PASSWORD, true);
		var entries = json(administrator.get("/api/admin/audit?action=account.opened&limit=500"));
		assertThat(entries).anySatisfy(entry -> {
			assertThat(entry.get("subject").asString()).isEqualTo("account:" + KAZ_DELEGATE);
			assertThat(entry.get("actor").asString()).isEqualTo("test@kurultai");
			assertThat(entry.get("afterDigest").asString()).hasSize(64);
		});
		assertThat(json(administrator.get("/api/admin/audit/verification")).get("intact").asBoolean()).isTrue();
		assertThat(administrator.get("/admin/audit").statusCode()).isEqualTo(200);
		var badDate = administrator.get("/api/admin/audit?from=yesterday");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void theAnonymousAreSentToSignInForAdministrationPages() throws Exception {
		var answer = new Session().http.send(HttpRequest.newBuilder(uri("/admin/accounts")).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void aWrongPasswordDoesNotSignIn() throws Exception {
		var session = new Session();
		assertThat(session.signIn(KAZ_DELEGATE, "not the password at all", true)).endsWith("/login?error");
		assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(session.signIn("nobody.at.all@mfa.example", PASSWORD, true)).endsWith("/login?error");
	}

	@Test
	void aForgedCsrfTokenIsRefusedAndSignsNobodyIn() throws Exception {
		var session = new Session();
		assertThat(session.signIn(KAZ_DELEGATE, PASSWORD, false)).startsWith("403");
		assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
	}

	@Test
	void repeatedFailuresThrottleSignInEvenWithTheRightPassword() throws Exception {
		var session = new Session();
		for (int attempt = 0; attempt < SignInThrottle.PER_ACCOUNT; attempt++) {
			assertThat(session.signIn(GUESSED, "guess number " + attempt, true)).endsWith("/login?error");
		}
		assertThat(session.signIn(GUESSED, PASSWORD, true)).endsWith("/login?throttled");
		assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
		assertThat(new Session().signIn(KAZ_DELEGATE, PASSWORD, true)).as("another account is not throttled").endsWith("/account");
	}

	@Test
	void passwordsAreStoredAsArgon2idHashes() {
		var hash = jdbc.sql("select password_hash from account where email = ?").param(KAZ_DELEGATE).query(String.class).single();
		assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
		assertThat(catchThrowable(() -> accounts.open("short.it@mfa.example", "Short", Role.EXPERT, null, "too short", "t", "t")))
				.isInstanceOf(Accounts.PasswordTooShort.class);
		assertThat(accounts.byEmail("short.it@mfa.example")).isEmpty();
	}

	@Test
	void anAccountForAnUnknownParticipantOrATakenAddressIsRefusedAndNothingIsWritten() {
		var before = audit.find(new AuditQuery(null, null, "account.opened", null, null, 500)).size();
		assertThat(catchThrowable(() -> accounts.open("new.it@mfa.example", "New", Role.DELEGATE, "ATL", PASSWORD, "t", "t")))
				.isInstanceOf(org.kurultai.shared.NotFound.class);
		assertThat(catchThrowable(() -> accounts.open(KAZ_DELEGATE.toUpperCase(), "Twice", Role.DELEGATE, "KAZ", PASSWORD, "t", "t")))
				.isInstanceOf(Accounts.EmailTaken.class);
		assertThat(audit.find(new AuditQuery(null, null, "account.opened", null, null, 500))).hasSize(before);
	}

	@Test
	void theApplicationCannotChangeOrRemoveAnAuditEntry() {
		for (var statement : new String[] { "update audit_entry set actor = 'someone else'", "delete from audit_entry",
				"truncate audit_entry" }) {
			// refused before the triggers: the application's role has no such privilege (V16)
			assertThat(catchThrowable(() -> jdbc.sql(statement).update())).as(statement).rootCause()
					.hasMessageContaining("permission denied for table audit_entry");
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void anActIsAuditedOnlyInsideTheTransactionOfItsWrite() {
		assertThat(catchThrowable(() -> audit.record(new Act("t", "t", "outside", "nothing", null, null))))
				.isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
	}
}
