package org.kurultai.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.kurultai.KurultaiApplication;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.identity.SignOuts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person signed in in a browser on instance A; through instance B (a second application on the
 * same database, as behind a load balancer) they sign out everywhere, or are deactivated: the next
 * page the browser loads on A finds them signed out.
 */
@IntegrationTest
class SharedSessionsBrowserTests extends BrowserTestSupport {

	static final String PASSWORD = "a passphrase for two instances";
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@Autowired ApplicationContext application;
	@Autowired Accounts accounts;
	@Autowired JdbcClient jdbc;

	ConfigurableApplicationContext instanceB;
	int portB;

	@BeforeAll
	void startInstanceB() {
		var arguments = new ArrayList<>(List.of(EmbeddedDatabaseAccess.externalArguments(application)));
		arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		instanceB = new SpringApplicationBuilder(KurultaiApplication.class).run(arguments.toArray(String[]::new));
		portB = Integer.parseInt(instanceB.getEnvironment().getRequiredProperty("local.server.port"));
	}

	@AfterAll
	void stopInstanceB() {
		if (instanceB != null) {
			instanceB.close();
		}
		jdbc.sql("delete from sign_in_attempt where email like '%.two.instances@secretariat.example'").update();
	}

	private Account person(String email) {
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, "Officer on two instances", Role.SECRETARIAT_OFFICER, null,
				PASSWORD, "test@kurultai", "SECRETARIAT"));
	}

	private void signInOnA(String email) {
		visit("/login");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(page).hasURL(Pattern.compile(".*/account$"));
		assertHeading("Officer on two instances");
	}

	/** The same person, in another browser, signs in on B and presses "sign out everywhere" there. */
	private void signOutEverywhereThroughB(String email) throws Exception {
		var other = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();
		post(other, "/login", "/login", "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
		var answer = post(other, "/account", "/account/sign-out-everywhere", "");
		org.assertj.core.api.Assertions.assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/login?signedOutEverywhere");
	}

	private HttpResponse<String> post(HttpClient client, String pageOnB, String actionOnB, String form) throws Exception {
		var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + pageOnB)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		var csrf = CSRF.matcher(page.body());
		org.assertj.core.api.Assertions.assertThat(csrf.find()).isTrue();
		var body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + portB + actionOnB))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signingOutEverywhereOnTheOtherInstanceSignsTheBrowserOutOnThisOne() throws Exception {
		var email = "everywhere.two.instances@secretariat.example";
		person(email);
		signInOnA(email);

		signOutEverywhereThroughB(email);

		visit("/account");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		assertHeading("Sign in");
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
				.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sign in"))).isVisible();
	}

	@Test
	void aDeactivationThroughTheOtherInstanceSignsTheBrowserOutOnThisOne() {
		var email = "deactivated.two.instances@secretariat.example";
		var account = person(email);
		signInOnA(email);
		open("/documents");

		instanceB.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
			instanceB.getBean(JdbcClient.class).sql("update account set status = 'DEACTIVATED' where id = ?").param(account.id()).update();
			instanceB.getBean(SignOuts.class).everywhere(account.id());
		});

		visit("/account");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		visit("/login");
		page.getByLabel("E-mail address").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click());
		assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
		assertThat(page.getByLabel("E-mail address")).hasValue(email);
	}

	@Test
	void theSignOutEverywhereButtonSignsOutEveryBrowserOfThePerson() {
		var email = "button.two.instances@secretariat.example";
		person(email);
		signInOnA(email);

		follow(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End every session")).click());

		assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOutEverywhere$"));
		assertThat(page.locator("#signed-out-everywhere")).isVisible();
		org.junit.jupiter.api.Assertions.assertEquals(401, visit("/api/me").status());
	}
}
