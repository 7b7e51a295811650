package org.kurultai.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.IntegrationTest;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the application's actual route table: every route has a rule in {@link RouteRules}
 * (a new endpoint without one fails here), and every route is called by the public and by a person
 * in every role, each answer checked against the rule. Then every role against every access level.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTests {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	record Route(HttpMethod method, String pattern) {
	}

	@LocalServerPort int port;
	@Autowired ApplicationContext context;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired AccessPolicy policy;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final Map<Role, Account> people = new EnumMap<>(Role.class);
	private final Map<Role, String> secrets = new EnumMap<>(Role.class);

	@BeforeAll
	void onePersonPerRole() {
		people.put(Role.SECRETARIAT_ADMINISTRATOR, open("matrix.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null));
		people.put(Role.SECRETARIAT_OFFICER, open("matrix.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null));
		people.put(Role.NATIONAL_COORDINATOR, open("matrix.coordinator@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ"));
		people.put(Role.DELEGATE, open("matrix.delegate@mfa.example", Role.DELEGATE, "KAZ"));
		people.put(Role.EXPERT, open("matrix.expert@think-tank.example", Role.EXPERT, null));
		people.forEach((role, account) -> secrets.put(role, tokens.issue(account, "matrix", 1).secret()));
		accreditations.accredit(accreditations.propose(people.get(Role.NATIONAL_COORDINATOR), "matrix.delegate@mfa.example").id(),
				people.get(Role.SECRETARIAT_OFFICER));
	}

	private Account open(String email, Role role, @Nullable String participant) {
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, "a long enough password", "test",
				"test"));
	}

	/** Every handler method the application serves, as (method, pattern). */
	List<Route> routeTable() {
		var routes = new ArrayList<Route>();
		for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			for (var info : mapping.getHandlerMethods().keySet()) {
				var methods = info.getMethodsCondition().getMethods();
				for (var pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						routes.add(new Route(null, pattern));
					}
					for (var method : methods) {
						routes.add(new Route(HttpMethod.valueOf(method.name()), pattern));
					}
				}
			}
		}
		return routes;
	}

	static @Nullable RouteRule ruleFor(Route route) {
		for (var rule : RouteRules.ALL) {
			var methodMatches = rule.method() == null || rule.method().equals(route.method());
			var patternMatches = rule.pattern().equals(route.pattern())
					|| PathPatternParser.defaultInstance.parse(rule.pattern()).matches(PathContainer.parsePath(route.pattern()));
			if (methodMatches && patternMatches) {
				return rule;
			}
		}
		return null;
	}

	@Test
	void everyRouteOfTheApplicationHasAnAccessRule() {
		var routes = routeTable();
		assertThat(routes).hasSizeGreaterThan(40);
		assertThat(routes).filteredOn(route -> ruleFor(route) == null).as("routes without a rule in RouteRules").isEmpty();
	}

	@Test
	void everyRouteAnswersEveryRoleAsItsRuleSays() throws Exception {
		var mismatches = new ArrayList<String>();
		var calls = 0;
		for (var route : routeTable()) {
			var rule = ruleFor(route);
			var principals = new LinkedHashMap<String, @Nullable Role>();
			principals.put("public", null);
			for (var role : Role.values()) {
				principals.put(role.name(), role);
			}
			for (var principal : principals.entrySet()) {
				var role = principal.getValue();
				var status = call(route, role == null ? null : secrets.get(role));
				calls++;
				if (role != null && route.pattern().endsWith("/sign-out-everywhere")) {
					// signing out everywhere revoked the person's tokens: a new one for the routes still to call
					secrets.put(role, tokens.issue(people.get(role), "matrix", 1).secret());
				}
				var denied = status.code == 401 || status.code == 403 || (status.code == 302 && status.location.endsWith("/login"));
				var refusedByPolicy = rule != null && rule.allows(role) && status.code == 403
						&& DECIDED_BY_A_POLICY.contains(route.method() + " " + route.pattern());
				if (rule == null || (rule.allows(role) == denied && !refusedByPolicy) || status.code >= 500) {
					mismatches.add("%s %s as %s: %d (rule allows: %s)".formatted(route.method(), route.pattern(), principal.getKey(),
							status.code, rule == null ? "no rule" : rule.allows(role)));
				}
			}
		}
		assertThat(calls).isGreaterThan(250);
		assertThat(mismatches).isEmpty();
	}

	/**
	 * Routes open to a role whose one policy then decides per person (meetings.MeetingPolicy: only the chairing State's
	 * coordinator convenes, and only for the bodies the chairmanship chairs): a 403 there, for a role the rule lets in, is the
	 * policy's answer (the matrix's coordinator is Kazakhstan's, which does not chair).
	 */
	private static final Set<String> DECIDED_BY_A_POLICY = Set.of("GET /meetings/new", "POST /meetings/new", "GET /meetings/{id}/plan",
			"POST /meetings/{id}/plan", "POST /meetings/{id}/agenda");

	record Status(int code, String location) {
	}

	private Status call(Route route, @Nullable String secret) throws Exception {
		var method = route.method() == null ? HttpMethod.GET : route.method();
		var path = concrete(route.pattern());
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		var body = HttpRequest.BodyPublishers.noBody();
		if (method == HttpMethod.POST && path.startsWith("/api/")) {
			request.header("Content-Type", "application/json");
			body = HttpRequest.BodyPublishers.ofString(path.equals("/api/me/tokens") ? "{\"name\": \"matrix\", \"expiresInDays\": 1}"
					: "{\"person\": \"nobody@matrix.example\"}");
		}
		else if (method == HttpMethod.POST) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
			body = HttpRequest.BodyPublishers.ofString("person=nobody%40matrix.example");
		}
		request.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
		var client = http;
		if (secret == null && method == HttpMethod.POST && !path.startsWith("/api/")) {
			// the public posts a page's form as a browser does: with the session's CSRF token, as the form carries it
			client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
					.connectTimeout(Duration.ofSeconds(5)).build();
			var form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			var token = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
			if (token.find()) {
				body = HttpRequest.BodyPublishers.ofString("person=nobody%40matrix.example&_csrf=" + token.group(1));
			}
		}
		var response = client.send(request.method(method.name(), body).build(), HttpResponse.BodyHandlers.discarding());
		return new Status(response.statusCode(), response.headers().firstValue("Location").orElse(""));
	}

	private static String concrete(String pattern) {
		var path = pattern.replace("/meetings/{id}", "/meetings/CHSG-2").replace("{code}", "KAZ").replace("{group}", "default")
				.replace("/**", "/swagger-config");
		return path.replaceAll("\\{[^}]+\\}", UUID.randomUUID().toString());
	}

	@Test
	void everyRoleAgainstEveryAccessLevel() {
		var today = forumClock.today();
		var levels = Map.of(
				"public", Access.PUBLIC,
				"participants", Access.of(AccessLevel.PARTICIPANTS),
				"members", Access.of(AccessLevel.MEMBERS),
				"named KAZ", Access.namedParticipants("KAZ"),
				"named JPN", Access.namedParticipants("JPN"),
				"secretariat", Access.of(AccessLevel.SECRETARIAT));
		var expected = Map.<String, Set<String>>of(
				"public", Set.of("public"),
				SECRETARIAT_ADMINISTRATOR, Set.of("public", "participants", "members", "named KAZ", "named JPN", "secretariat"),
				SECRETARIAT_OFFICER, Set.of("public", "participants", "members", "named KAZ", "named JPN", "secretariat"),
				NATIONAL_COORDINATOR, Set.of("public", "participants", "members", "named KAZ"),
				DELEGATE, Set.of("public", "participants", "members", "named KAZ"),
				EXPERT, Set.of("public"));
		var viewers = new LinkedHashMap<String, Viewer>();
		viewers.put("public", policy.viewer(null, today));
		people.forEach((role, account) -> viewers.put(role.name(), policy.viewer(account, today)));

		viewers.forEach((who, viewer) -> levels.forEach((level, access) -> assertThat(policy.maySee(viewer, access))
				.as("%s may see %s", who, level).isEqualTo(expected.get(who).contains(level))));
	}

	private static final String SECRETARIAT_ADMINISTRATOR = Role.SECRETARIAT_ADMINISTRATOR.name();
	private static final String SECRETARIAT_OFFICER = Role.SECRETARIAT_OFFICER.name();
	private static final String NATIONAL_COORDINATOR = Role.NATIONAL_COORDINATOR.name();
	private static final String DELEGATE = Role.DELEGATE.name();
	private static final String EXPERT = Role.EXPERT.name();
}
