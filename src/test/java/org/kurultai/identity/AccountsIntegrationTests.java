package org.kurultai.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.notifications.Notifications;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts end to end over real HTTP on PostgreSQL: the administrator opens an account, the invitation (in the person's
 * language) sets the password, the person signs in; links are single-use, expire and are replaced; password resets
 * answer the same for every address; changes, deactivation and reactivation; a coordinator's proposal of a person
 * without an account; and every act in the audit log.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIntegrationTests {

	static final String NEW_PASSWORD = "a brand new passphrase";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
	private static final Pattern INVITATION = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");
	private static final Pattern RESET = Pattern.compile("/password-reset/([A-Za-z0-9_-]{20,})");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired Notifications notifications;
	@Autowired AuditLog audit;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Delegations.Actor admin;

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		admin = api.actor("accounts.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
	}

	/** A browser-like client: keeps cookies, does not follow redirects, posts forms with the page's CSRF token. */
	final class Browser {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Opens the page with the form, then posts the form to {@code action} with its CSRF token. */
		HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
			var form = get(page);
			var matcher = CSRF.matcher(form.body());
			assertThat(matcher.find()).as("%s carries a CSRF token: %s", page, form.statusCode()).isTrue();
			var values = new LinkedHashMap<>(fields);
			values.put("_csrf", matcher.group(1));
			var body = values.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
			return http.send(HttpRequest.newBuilder(uri(action)).header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		}

		/** Signs in with the sign-in form; answers where it sends the browser. */
		String signIn(String email, String password) throws Exception {
			var answer = submit("/login", "/login", Map.of("username", email, "password", password));
			return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
		}
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private Delegations.Response open(String email, String name, String role, String participant, String language) {
		return api.post("/api/admin/accounts", admin, "{\"email\": \"%s\", \"displayName\": \"%s\", \"role\": \"%s\", \"participant\": %s, \"language\": \"%s\"}"
				.formatted(email, name, role, participant == null ? "null" : "\"" + participant + "\"", language));
	}

	private String linkIn(String email, Pattern pattern) {
		var mails = notifications.to(email);
		assertThat(mails).as("mails to %s", email).isNotEmpty();
		var matcher = pattern.matcher(mails.get(0).textBody());
		assertThat(matcher.find()).as("a link in %s", mails.get(0).textBody()).isTrue();
		assertThat(mails.get(0).htmlBody()).contains(matcher.group(1));
		return matcher.group(1);
	}

	private String status(String email) {
		return accounts.byEmail(email).orElseThrow().status().name();
	}

	private boolean audited(String action, String email) {
		return audit.find(new AuditQuery(null, null, action, null, null, 5000)).stream()
				.anyMatch(entry -> entry.subject().equals("account:" + email));
	}

	@Test
	void theAdministratorOpensAnAccountTheInvitationInTheirLanguageSetsThePasswordAndThePersonSignsIn() throws Exception {
		var email = "invited.ru@mfa.example";
		var opened = open(email, "Айгерим Сейтказы", "DELEGATE", "KAZ", "ru");

		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		var id = opened.json().get("id").asString();
		assertThat(opened.json().get("status").asString()).isEqualTo("INVITED");
		assertThat(status(email)).isEqualTo("INVITED");
		var mails = notifications.to(email);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).kind()).isEqualTo("invitation");
		assertThat(mails.get(0).language()).isEqualTo("ru");
		assertThat(mails.get(0).subject()).contains("Совещание по взаимодействию и мерам доверия в Азии");
		assertThat(mails.get(0).textBody()).contains("Айгерим Сейтказы").contains("Делегат").contains("Казахстан").contains("72");
		// in the forum's common frame: its name in Russian, a greeting by name, the closing line
		assertThat(mails.get(0).textBody()).startsWith("Совещание по взаимодействию и мерам доверия в Азии")
				.contains("Здравствуйте, Айгерим Сейтказы!");
		assertThat(mails.get(0).htmlBody()).contains("lang=\"ru\"").contains("Здравствуйте, Айгерим Сейтказы!")
				.contains("Совещание по взаимодействию и мерам доверия в Азии");
		var secret = linkIn(email, INVITATION);
		assertThat(jdbc.sql("select secret_hash from one_time_link where account_id = ?").param(UUID.fromString(id)).query(String.class)
				.single()).as("only the hash is kept").isEqualTo(ApiTokens.hash(secret)).doesNotContain(secret);
		var validity = jdbc.sql("select extract(epoch from expires_at - created_at) from one_time_link where secret_hash = ?")
				.param(ApiTokens.hash(secret)).query(Double.class).single();
		assertThat(validity).as("72 hours").isEqualTo(72 * 3600.0);

		var person = new Browser();
		assertThat(person.signIn(email, NEW_PASSWORD)).as("no credential yet").endsWith("/login?error");
		assertThat(person.get("/invitations/" + secret).statusCode()).isEqualTo(200);
		var tooShort = person.submit("/invitations/" + secret, "/invitations/" + secret, Map.of("password", "short", "repeated", "short"));
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(tooShort.body()).contains("id=\"password-error\"");
		assertThat(status(email)).as("nothing changed").isEqualTo("INVITED");
		var set = person.submit("/invitations/" + secret, "/invitations/" + secret, Map.of("password", NEW_PASSWORD, "repeated", NEW_PASSWORD));
		assertThat(set.statusCode()).isEqualTo(200);
		assertThat(set.body()).contains("id=\"link-done\"");
		assertThat(status(email)).isEqualTo("ACTIVE");
		assertThat(jdbc.sql("select password_hash from account where email = ?").param(email).query(String.class).single())
				.startsWith("$argon2id$");

		assertThat(new Browser().signIn(email, NEW_PASSWORD)).endsWith("/account");
		assertThat(new Browser().get("/invitations/" + secret).statusCode()).as("used once").isEqualTo(410);
		var again = new Browser().http.send(HttpRequest.newBuilder(uri("/invitations/" + secret)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(410);
		assertThat(new Browser().get("/invitations/" + "x".repeat(43)).statusCode()).as("unknown").isEqualTo(404);
		assertThat(audited("account.opened", email)).isTrue();
		assertThat(audited("account.invitation-sent", email)).isTrue();
		assertThat(audited("account.invitation-accepted", email)).isTrue();
		assertThat(api.get("/api/admin/accounts/" + id, admin).json().get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aUsedOrReplacedLinkChangesNothingAndASecondUseIsRefused() throws Exception {
		var email = "invited.twice@mfa.example";
		var id = open(email, "Invited Twice", "SECRETARIAT_OFFICER", null, "en").json().get("id").asString();
		var first = linkIn(email, INVITATION);

		var resent = api.post("/api/admin/accounts/" + id + "/invitation", admin, null);
		assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
		var second = linkIn(email, INVITATION);
		assertThat(second).isNotEqualTo(first);
		assertThat(notifications.to(email)).hasSize(2);

		var browser = new Browser();
		assertThat(browser.get("/invitations/" + first).statusCode()).as("replaced by the new invitation").isEqualTo(410);
		assertThat(browser.get("/invitations/" + second).statusCode()).isEqualTo(200);
		assertThat(browser.submit("/invitations/" + second, "/invitations/" + second,
				Map.of("password", NEW_PASSWORD, "repeated", "something else entirely")).statusCode()).isEqualTo(400);
		assertThat(status(email)).isEqualTo("INVITED");
		assertThat(browser.submit("/invitations/" + second, "/invitations/" + second, Map.of("password", NEW_PASSWORD, "repeated", NEW_PASSWORD))
				.statusCode()).isEqualTo(200);
		assertThat(api.post("/api/admin/accounts/" + id + "/invitation", admin, null).status()).as("active: nothing to re-send")
				.isEqualTo(409);
		assertThat(audited("account.invitation-resent", email)).isTrue();
	}

	@Test
	void anExpiredInvitationAnswers410AndChangesNothing() throws Exception {
		var email = "invited.late@mfa.example";
		open(email, "Invited Late", "EXPERT", null, "en");
		var secret = linkIn(email, INVITATION);
		// the shared clock cannot move: the link is made as if issued 73 hours ago
		jdbc.sql("update one_time_link set created_at = created_at - interval '73 hours', expires_at = expires_at - interval '73 hours' where secret_hash = ?")
				.param(ApiTokens.hash(secret)).update();

		var browser = new Browser();
		var page = browser.get("/invitations/" + secret);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("id=\"link-problem\"");
		var csrfFrom = browser.get("/password-reset");
		assertThat(csrfFrom.statusCode()).isEqualTo(200);
		assertThat(browser.submit("/password-reset", "/invitations/" + secret, Map.of("password", NEW_PASSWORD, "repeated", NEW_PASSWORD))
				.statusCode()).isEqualTo(410);
		assertThat(status(email)).isEqualTo("INVITED");
	}

	@Test
	void openingRefusesEachWrongFieldByNameAndATakenAddressAndWritesNothing() {
		var before = audit.find(new AuditQuery(null, null, "account.opened", null, null, 5000)).size();
		var cases = Map.of("email", open("not an address", "X", "DELEGATE", "KAZ", "en"), "displayName",
				open("noname@mfa.example", " ", "DELEGATE", "KAZ", "en"), "role", open("badrole@mfa.example", "X", "KING", null, "en"),
				"participant", open("noparticipant@mfa.example", "X", "DELEGATE", null, "en"), "language",
				open("german@mfa.example", "X", "EXPERT", null, "de"));
		cases.forEach((field, answer) -> {
			assertThat(answer.status()).as(field + ": " + answer).isEqualTo(400);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().get("parameter").asString()).isEqualTo(field);
		});
		assertThat(open("officer.kaz@mfa.example", "X", "SECRETARIAT_OFFICER", "KAZ", "en").json().get("parameter").asString())
				.isEqualTo("participant");
		assertThat(open("atlantis@mfa.example", "X", "DELEGATE", "ATL", "en").json().get("parameter").asString()).isEqualTo("participant");
		assertThat(api.post("/api/admin/accounts", admin, "[]").status()).isEqualTo(400);

		var taken = open("ACCOUNTS.ADMIN@secretariat.example", "Twice", "EXPERT", null, "en");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("type").asString()).endsWith("/email-taken");
		assertThat(audit.find(new AuditQuery(null, null, "account.opened", null, null, 5000))).hasSize(before);
		assertThat(notifications.to("noname@mfa.example")).isEmpty();
		assertThat(accounts.byEmail("german@mfa.example")).isEmpty();

		var delegate = api.actor("accounts.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		assertThat(api.post("/api/admin/accounts", delegate, "{}").status()).as("administrators only").isEqualTo(403);
	}

	@Test
	void theListFiltersByRoleParticipantAndStatus() {
		open("listed.jpn@mfa.example", "Listed Japan", "DELEGATE", "JPN", "en");
		var listed = api.get("/api/admin/accounts?role=DELEGATE&participant=JPN&status=INVITED", admin);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(Delegations.fields(listed.json(), "email")).contains("listed.jpn@mfa.example");
		listed.json().forEach(account -> {
			assertThat(account.get("role").asString()).isEqualTo("DELEGATE");
			assertThat(account.get("participant").asString()).isEqualTo("JPN");
			assertThat(account.get("status").asString()).isEqualTo("INVITED");
		});
		assertThat(Delegations.fields(api.get("/api/admin/accounts?status=ACTIVE", admin).json(), "email"))
				.doesNotContain("listed.jpn@mfa.example");
		assertThat(api.get("/api/admin/accounts?status=SLEEPING", admin).json().get("parameter").asString()).isEqualTo("status");
		assertThat(api.get("/api/admin/accounts?role=KING", admin).status()).isEqualTo(400);
	}

	@Autowired PasswordResets resets;
	@Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;

	/**
	 * No account enumeration by timing: while the requester waits, a reset request for an active account does exactly
	 * what one for an unknown address does — it writes the request down — and nothing that depends on the account.
	 */
	@Test
	void aResetRequestDoesTheSameWorkWhetherOrNotTheAddressHasAnAccount() {
		api.actor("reset.same@mfa.example", Role.DELEGATE, "KAZ");
		for (var email : new String[] { "reset.same@mfa.example", "reset.same.nobody@mfa.example" }) {
			new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(status -> {
				var mails = jdbc.sql("select count(*) from outbox_mail").query(Integer.class).single();
				var links = jdbc.sql("select count(*) from one_time_link").query(Integer.class).single();
				var entries = jdbc.sql("select count(*) from audit_entry").query(Integer.class).single();
				accounts.requestPasswordReset(email);
				assertThat(jdbc.sql("select count(*) from password_reset_request where email = ?").param(email).query(Integer.class).single())
						.as("written down").isEqualTo(1);
				assertThat(jdbc.sql("select count(*) from outbox_mail").query(Integer.class).single()).as(email).isEqualTo(mails);
				assertThat(jdbc.sql("select count(*) from one_time_link").query(Integer.class).single()).as(email).isEqualTo(links);
				assertThat(jdbc.sql("select count(*) from audit_entry").query(Integer.class).single()).as(email).isEqualTo(entries);
				status.setRollbackOnly();
			});
		}
	}

	/** A request left waiting (the process died before its worker ran) is handled by the next pass, once. */
	@Test
	void aResetRequestLeftWaitingIsHandledOnceByTheNextPass() {
		api.actor("reset.left@mfa.example", Role.DELEGATE, "KAZ");
		ResetRequests.awaitHandled(jdbc);
		jdbc.sql("insert into password_reset_request (email, requested_at) values ('reset.left@mfa.example', now())").update();
		ResetRequests.awaitHandled(jdbc); // the scheduler's pass, or this one
		resets.handleWaiting();
		assertThat(notifications.to("reset.left@mfa.example")).filteredOn(mail -> mail.kind().equals("password-reset")).hasSize(1);
	}

	@Test
	void aPasswordResetAnswersTheSameForEveryAddressAndMailsOnlyAnActiveAccount() throws Exception {
		var active = api.actor("reset.active@mfa.example", Role.DELEGATE, "KAZ");
		open("reset.invited@mfa.example", "Reset Invited", "EXPERT", null, "en");
		var answers = new java.util.ArrayList<Delegations.Response>();
		for (var email : new String[] { "reset.active@mfa.example", "reset.nobody@mfa.example", "reset.invited@mfa.example" }) {
			answers.add(api.post("/api/password-reset", null, "{\"email\": \"" + email + "\"}"));
		}
		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(202));
		assertThat(answers.stream().map(Delegations.Response::body).distinct()).as("the same body").hasSize(1);
		ResetRequests.awaitHandled(jdbc); // looked up and mailed after the answer, by the worker
		assertThat(notifications.to("reset.active@mfa.example")).hasSize(1);
		assertThat(notifications.to("reset.nobody@mfa.example")).isEmpty();
		assertThat(notifications.to("reset.invited@mfa.example")).as("only the invitation").hasSize(1)
				.allSatisfy(mail -> assertThat(mail.kind()).isEqualTo("invitation"));
		assertThat(api.post("/api/password-reset", null, "{\"email\": \"not an address\"}").status()).isEqualTo(400);

		var first = linkIn("reset.active@mfa.example", RESET);
		var validity = jdbc.sql("select extract(epoch from expires_at - created_at) from one_time_link where secret_hash = ?")
				.param(ApiTokens.hash(first)).query(Double.class).single();
		assertThat(validity).as("1 hour").isEqualTo(3600.0);
		// a second request replaces the first link; the person asks through the page this time
		var page = new Browser().submit("/password-reset", "/password-reset", Map.of("email", "reset.active@mfa.example"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"asked\"");
		var unknownPage = new Browser().submit("/password-reset", "/password-reset", Map.of("email", "reset.nobody@mfa.example"));
		assertThat(unknownPage.body()).contains("id=\"asked\"");
		ResetRequests.awaitHandled(jdbc);
		var second = linkIn("reset.active@mfa.example", RESET);
		assertThat(second).isNotEqualTo(first);
		assertThat(new Browser().get("/password-reset/" + first).statusCode()).isEqualTo(410);

		var browser = new Browser();
		assertThat(browser.get("/password-reset/" + second).statusCode()).isEqualTo(200);
		var done = browser.submit("/password-reset/" + second, "/password-reset/" + second,
				Map.of("password", NEW_PASSWORD, "repeated", NEW_PASSWORD));
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(api.get("/api/me", active).status()).as("the old token ended").isEqualTo(401);
		assertThat(new Browser().signIn("reset.active@mfa.example", NEW_PASSWORD)).endsWith("/account");
		assertThat(new Browser().signIn("reset.active@mfa.example", Delegations.PASSWORD)).endsWith("/login?error");
		assertThat(new Browser().get("/password-reset/" + second).statusCode()).as("used").isEqualTo(410);

		// a reset link older than an hour no longer works
		api.post("/api/password-reset", null, "{\"email\": \"reset.active@mfa.example\"}");
		ResetRequests.awaitHandled(jdbc);
		var late = linkIn("reset.active@mfa.example", RESET);
		jdbc.sql("update one_time_link set created_at = created_at - interval '61 minutes', expires_at = expires_at - interval '61 minutes' where secret_hash = ?")
				.param(ApiTokens.hash(late)).update();
		assertThat(new Browser().get("/password-reset/" + late).statusCode()).isEqualTo(410);
		assertThat(audited("account.password-reset-requested", "reset.active@mfa.example")).isTrue();
		assertThat(audited("account.password-reset", "reset.active@mfa.example")).isTrue();
	}

	@Test
	void theAdministratorChangesRoleParticipantNameAndLanguageWithinTheRules() {
		var person = api.actor("changed.person@mfa.example", Role.DELEGATE, "KAZ");
		var id = person.account().id();

		var moved = api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"participant\": \"JPN\", \"language\": \"ru\"}");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().get("participant").asString()).isEqualTo("JPN");
		assertThat(moved.json().get("language").asString()).isEqualTo("ru");
		assertThat(api.get("/api/me", person).status()).as("a new State signs the person out everywhere").isEqualTo(401);

		var officer = api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"role\": \"SECRETARIAT_OFFICER\"}");
		assertThat(officer.status()).isEqualTo(200);
		assertThat(officer.json().get("participant").isNull()).as("an officer acts for no participant").isTrue();
		var noState = api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"role\": \"NATIONAL_COORDINATOR\"}");
		assertThat(noState.status()).isEqualTo(400);
		assertThat(noState.json().get("parameter").asString()).isEqualTo("participant");
		var both = api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"role\": \"SECRETARIAT_OFFICER\", \"participant\": \"KAZ\"}");
		assertThat(both.json().get("parameter").asString()).isEqualTo("participant");
		assertThat(api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"email\": \"x@y.example\"}").json().get("parameter").asString())
				.isEqualTo("email");
		assertThat(api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"displayName\": \"\"}").status()).isEqualTo(400);
		assertThat(api.call("PATCH", "/api/admin/accounts/" + id, admin, "{\"language\": 7}").status()).isEqualTo(400);
		assertThat(api.call("PATCH", "/api/admin/accounts/" + UUID.randomUUID(), admin, "{\"language\": \"en\"}").status()).isEqualTo(404);
		assertThat(accounts.byId(id).orElseThrow().role()).isEqualTo(Role.SECRETARIAT_OFFICER);

		var own = api.call("PATCH", "/api/admin/accounts/" + admin.account().id(), admin, "{\"role\": \"EXPERT\"}");
		assertThat(own.status()).isEqualTo(409);
		assertThat(own.json().get("type").asString()).endsWith("/own-account");
		assertThat(audited("account.changed", "changed.person@mfa.example")).isTrue();
	}

	@Test
	void deactivationEndsTokensAndRefusesSignInAndReactivationLetsThePersonBackIn() throws Exception {
		var person = api.actor("deactivated.person@mfa.example", Role.EXPERT, null);
		var id = person.account().id();
		assertThat(api.get("/api/me", person).status()).isEqualTo(200);
		var browser = new Browser();
		assertThat(browser.signIn("deactivated.person@mfa.example", Delegations.PASSWORD)).endsWith("/account");

		var closed = api.post("/api/admin/accounts/" + id + "/deactivation", admin, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(closed.json().get("status").asString()).isEqualTo("DEACTIVATED");
		assertThat(api.get("/api/me", person).status()).as("the old bearer token").isEqualTo(401);
		assertThat(new Browser().signIn("deactivated.person@mfa.example", Delegations.PASSWORD)).endsWith("/login?error");
		assertThat(api.post("/api/admin/accounts/" + id + "/deactivation", admin, null).status()).isEqualTo(409);
		api.post("/api/password-reset", null, "{\"email\": \"deactivated.person@mfa.example\"}");
		ResetRequests.awaitHandled(jdbc);
		assertThat(notifications.to("deactivated.person@mfa.example")).as("no reset for a deactivated account").isEmpty();

		var self = api.post("/api/admin/accounts/" + admin.account().id() + "/deactivation", admin, null);
		assertThat(self.status()).isEqualTo(409);
		assertThat(self.json().get("type").asString()).endsWith("/own-account");
		assertThat(accounts.byId(admin.account().id()).orElseThrow().active()).isTrue();

		var reopened = api.post("/api/admin/accounts/" + id + "/reactivation", admin, null);
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(reopened.json().get("status").asString()).as("it was active before").isEqualTo("ACTIVE");
		assertThat(api.get("/api/me", person).status()).as("the revoked token stays revoked").isEqualTo(401);
		assertThat(new Browser().signIn("deactivated.person@mfa.example", Delegations.PASSWORD)).endsWith("/account");
		assertThat(api.post("/api/admin/accounts/" + id + "/reactivation", admin, null).status()).isEqualTo(409);
		assertThat(audited("account.deactivated", "deactivated.person@mfa.example")).isTrue();
		assertThat(audited("account.reactivated", "deactivated.person@mfa.example")).isTrue();

		// an account never used comes back invited, with a new invitation
		open("never.used@mfa.example", "Never Used", "EXPERT", null, "en");
		var neverUsed = accounts.byEmail("never.used@mfa.example").orElseThrow().id();
		var firstLink = linkIn("never.used@mfa.example", INVITATION);
		api.post("/api/admin/accounts/" + neverUsed + "/deactivation", admin, null);
		assertThat(new Browser().get("/invitations/" + firstLink).statusCode()).as("deactivation ends the links").isEqualTo(410);
		assertThat(api.post("/api/admin/accounts/" + neverUsed + "/reactivation", admin, null).json().get("status").asString())
				.isEqualTo("INVITED");
		assertThat(new Browser().get("/invitations/" + linkIn("never.used@mfa.example", INVITATION)).statusCode()).isEqualTo(200);
	}

	@Test
	void anAdministratorDeactivatedMeanwhileCannotActWithTheAccountTheyHeld() {
		var first = api.actor("accounts.first.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var second = api.actor("accounts.second.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		assertThat(api.post("/api/admin/accounts/" + second.account().id() + "/deactivation", first, null).status()).isEqualTo(200);

		// the second still holds their account as it was when they signed in: the act is checked against the database
		var stale = second.account();
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> accounts.deactivate(first.account().id(), stale)))
				.isInstanceOf(org.kurultai.shared.NotAllowed.class);
		assertThat(accounts.byId(first.account().id()).orElseThrow().active()).isTrue();
	}

	@Test
	void aCoordinatorProposesAPersonWithoutAnAccountAndTheSecretariatsAccreditationInvitesThem() throws Exception {
		var coordinator = api.coordinator("accounts", "KAZ");
		var officer = api.secretariat("accounts");
		var email = "proposed.kaz@mfa.example";

		var nameless = api.post("/api/accreditations", coordinator, "{\"person\": \"" + email + "\"}");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.json().get("parameter").asString()).isEqualTo("displayName");
		assertThat(accounts.byEmail(email)).isEmpty();

		var proposed = api.post("/api/accreditations", coordinator,
				"{\"person\": \"" + email + "\", \"displayName\": \"Daniyar Proposed\", \"language\": \"ru\"}");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.json().get("stage").asString()).isEqualTo("PROPOSED");
		assertThat(proposed.json().get("account").asString()).isEqualTo("PROPOSED");
		var account = accounts.byEmail(email).orElseThrow();
		assertThat(account.status()).isEqualTo(Account.Status.PROPOSED);
		assertThat(account.role()).isEqualTo(Role.DELEGATE);
		assertThat(account.participant()).isEqualTo("KAZ");
		assertThat(notifications.to(email)).as("no invitation before the Secretariat confirms").isEmpty();
		assertThat(new Browser().signIn(email, NEW_PASSWORD)).endsWith("/login?error");

		var accredited = api.post("/api/accreditations/" + proposed.json().get("id").asString() + "/accredit", officer, null);
		assertThat(accredited.status()).as(accredited.toString()).isEqualTo(200);
		assertThat(status(email)).isEqualTo("INVITED");
		assertThat(notifications.to(email)).hasSize(1).allSatisfy(mail -> {
			assertThat(mail.kind()).isEqualTo("invitation");
			assertThat(mail.language()).isEqualTo("ru");
		});
		var secret = linkIn(email, INVITATION);
		var browser = new Browser();
		assertThat(browser.submit("/invitations/" + secret, "/invitations/" + secret, Map.of("password", NEW_PASSWORD, "repeated", NEW_PASSWORD))
				.statusCode()).isEqualTo(200);
		assertThat(new Browser().signIn(email, NEW_PASSWORD)).endsWith("/account");
		assertThat(audited("account.proposed", email)).isTrue();
		assertThat(audited("account.confirmed", email)).isTrue();

		// not for another State: the coordinator of Kazakhstan cannot propose Japan's delegate
		var japanese = api.actor("accounts.delegate.jpn@mfa.example", Role.DELEGATE, "JPN");
		assertThat(api.post("/api/accreditations", coordinator, "{\"person\": \"" + japanese.account().email() + "\"}").status())
				.isEqualTo(403);
		// a proposal withdrawn before accreditation closes the account opened for it
		var withdrawn = api.post("/api/accreditations", coordinator,
				"{\"person\": \"withdrawn.kaz@mfa.example\", \"displayName\": \"Withdrawn\", \"language\": \"en\"}");
		assertThat(api.post("/api/accreditations/" + withdrawn.json().get("id").asString() + "/end", coordinator, null).status())
				.isEqualTo(200);
		assertThat(status("withdrawn.kaz@mfa.example")).isEqualTo("DEACTIVATED");
		assertThat(notifications.to("withdrawn.kaz@mfa.example")).isEmpty();
	}

	@Test
	void theAccountsPageShowsStatusAndLastSignInAndKeepsWhatWasTypedBesideTheError() throws Exception {
		var browser = new Browser();
		var password = "the admin page passphrase";
		if (accounts.byEmail("accounts.page.admin@secretariat.example").isEmpty()) {
			accounts.open("accounts.page.admin@secretariat.example", "Page Admin", Role.SECRETARIAT_ADMINISTRATOR, null, password, "test",
					"test");
		}
		assertThat(browser.signIn("accounts.page.admin@secretariat.example", password)).endsWith("/account");
		var page = browser.get("/admin/accounts?role=SECRETARIAT_ADMINISTRATOR&status=ACTIVE");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("accounts.page.admin@secretariat.example").doesNotContain("invited.twice@mfa.example");

		var refused = browser.submit("/admin/accounts", "/admin/accounts",
				Map.of("email", "typed.kept@mfa.example", "displayName", "Typed Kept", "role", "DELEGATE", "participant", "", "language", "ru"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"open-participant-error\"").contains("value=\"typed.kept@mfa.example\"")
				.contains("value=\"Typed Kept\"");
		assertThat(accounts.byEmail("typed.kept@mfa.example")).isEmpty();

		var opened = browser.submit("/admin/accounts", "/admin/accounts",
				Map.of("email", "typed.kept@mfa.example", "displayName", "Typed Kept", "role", "DELEGATE", "participant", "KAZ", "language", "ru"));
		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(status("typed.kept@mfa.example")).isEqualTo("INVITED");
		assertThat(notifications.to("typed.kept@mfa.example")).hasSize(1);
	}
}
