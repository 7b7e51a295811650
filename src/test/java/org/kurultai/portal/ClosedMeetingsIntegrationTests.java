package org.kurultai.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.AuditLog;
import org.kurultai.audit.AuditQuery;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records with access levels, end to end: the Secretariat records one meeting at each level, and
 * every kind of viewer reads the API list, the API record, the pages, the meeting count and the
 * timeline feed. A meeting someone may not see shows nowhere, not even in a count, and its own
 * address answers 404 as if it did not exist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedMeetingsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	static final String PASSWORD = "a long enough password";
	static final String[] LEVELS = { "PUBLIC", "PARTICIPANTS", "MEMBERS", "NAMED_PARTICIPANTS", "SECRETARIAT" };

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired Accreditations accreditations;
	@Autowired ApiTokens tokens;
	@Autowired AuditLog audit;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final Map<String, @Nullable String> viewers = new LinkedHashMap<>();
	private final Map<String, Set<String>> expected = new LinkedHashMap<>();
	private final Map<String, String> ids = new LinkedHashMap<>();

	@BeforeAll
	void recordOneClosedMeetingPerLevel() throws Exception {
		var admin = open("closed.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var officer = open("closed.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		var kazCoordinator = open("closed.coord.kaz@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ");
		var kazDelegate = open("closed.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		var jpnCoordinator = open("closed.coord.jpn@mfa.example", Role.NATIONAL_COORDINATOR, "JPN");
		var jpnDelegate = open("closed.delegate.jpn@mfa.example", Role.DELEGATE, "JPN");
		var expert = open("closed.expert@think-tank.example", Role.EXPERT, null);
		accreditations.accredit(accreditations.propose(kazCoordinator, kazDelegate.email()).id(), officer);
		accreditations.accredit(accreditations.propose(jpnCoordinator, jpnDelegate.email()).id(), officer);

		var all = Set.of(LEVELS);
		var member = Set.of("PUBLIC", "PARTICIPANTS", "MEMBERS", "NAMED_PARTICIPANTS");
		var observer = Set.of("PUBLIC", "PARTICIPANTS");
		see("the public", null, Set.of("PUBLIC"));
		see("a Secretariat administrator", token(admin), all);
		see("a Secretariat officer", token(officer), all);
		see("Kazakhstan's coordinator (member)", token(kazCoordinator), member);
		see("Kazakhstan's delegate (member)", token(kazDelegate), member);
		see("Japan's coordinator (observer)", token(jpnCoordinator), observer);
		see("Japan's delegate (observer)", token(jpnDelegate), observer);
		see("an expert", token(expert), Set.of("PUBLIC"));

		var secretariat = token(officer);
		for (var level : LEVELS) {
			var named = level.equals("NAMED_PARTICIPANTS") ? ", \"named\": [\"KAZ\"]" : "";
			var answer = call("POST", "/api/meetings", secretariat, """
					{"body": "SOC", "title": "Closed test %s", "from": "2031-03-0%d", "place": "Astana",
					 "access": "%s"%s}""".formatted(level, ids.size() + 1, level, named));
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			ids.put(level, JSON.readTree(answer.body()).get("id").asString());
		}
	}

	private Account open(String email, Role role, @Nullable String participant) {
		return accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, PASSWORD, "test", "test"));
	}

	private String token(Account account) {
		return tokens.issue(account, "closed meetings", 1).secret();
	}

	private void see(String who, @Nullable String token, Set<String> levels) {
		viewers.put(who, token);
		expected.put(who, levels);
	}

	HttpResponse<String> call(String method, String path, @Nullable String token, @Nullable String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Which of the test meetings a text mentions, by level. */
	static Set<String> mentioned(String text) {
		var levels = new HashSet<String>();
		for (var level : LEVELS) {
			if (text.contains("Closed test " + level + "\"") || text.contains("Closed test " + level + "<")
					|| text.contains("Closed test " + level + ",")) {
				levels.add(level);
			}
		}
		return levels;
	}

	@Test
	void everyViewerSeesExactlyTheMeetingsItsLevelAdmitsInTheApiListAndRecord() throws Exception {
		for (var viewer : viewers.entrySet()) {
			var wanted = expected.get(viewer.getKey());
			var list = call("GET", "/api/meetings?body=SOC&from=2031-01-01&to=2031-12-31", viewer.getValue(), null);
			assertThat(mentioned(list.body())).as("%s: the API list", viewer.getKey()).isEqualTo(wanted);
			assertThat(JSON.readTree(list.body()).size()).as("%s: the API count", viewer.getKey()).isEqualTo(wanted.size());
			for (var level : LEVELS) {
				var record = call("GET", "/api/meetings/" + ids.get(level), viewer.getValue(), null);
				assertThat(record.statusCode()).as("%s: the %s meeting's record", viewer.getKey(), level)
						.isEqualTo(wanted.contains(level) ? 200 : 404);
			}
		}
	}

	@Test
	void everyViewerSeesExactlyTheMeetingsItsLevelAdmitsInThePagesCountsAndTimeline() throws Exception {
		for (var viewer : viewers.entrySet()) {
			var wanted = expected.get(viewer.getKey());
			var page = call("GET", "/meetings?body=SOC", viewer.getValue(), null).body();
			assertThat(mentioned(page)).as("%s: the meetings page", viewer.getKey()).isEqualTo(wanted);
			// the count is of the meetings the viewer may see, as the read API lists them (other test classes record closed
			// meetings of the same body in the shared database, so the count is compared with the list, not with a constant)
			var listed = JSON.readTree(call("GET", "/api/meetings?body=SOC", viewer.getValue(), null).body()).size();
			assertThat(count(page)).as("%s: the meetings count", viewer.getKey()).isEqualTo(listed);
			for (var level : LEVELS) {
				assertThat(call("GET", "/meetings/" + ids.get(level), viewer.getValue(), null).statusCode())
						.as("%s: the %s meeting's page", viewer.getKey(), level).isEqualTo(wanted.contains(level) ? 200 : 404);
			}
			var feed = call("GET", "/api/timeline?from=2031-01-01&to=2031-12-31", viewer.getValue(), null).body();
			assertThat(mentioned(feed)).as("%s: the timeline feed", viewer.getKey()).isEqualTo(wanted);
			var timeline = call("GET", "/timeline?from=2031-01-01&to=2031-12-31", viewer.getValue(), null).body();
			assertThat(mentioned(timeline)).as("%s: the timeline page", viewer.getKey()).isEqualTo(wanted);
		}
	}

	private static int count(String page) {
		var matcher = Pattern.compile("id=\"meeting-count\">(\\d+)<").matcher(page);
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	@Test
	void recordingAMeetingIsTheSecretariatsAndIsAudited() throws Exception {
		var delegate = token(open("closed.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ"));
		var refused = call("POST", "/api/meetings", delegate, "{\"body\": \"SOC\", \"title\": \"Not mine\", \"from\": \"2031-05-01\"}");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(audit.find(new AuditQuery("closed.officer@secretariat.example", null, "meeting.scheduled", null, null, 50)))
				.hasSize(LEVELS.length);
	}

	@Test
	void aBadMeetingIsRefusedAndNothingIsRecorded() throws Exception {
		var officer = token(open("closed.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null));
		var before = JSON.readTree(call("GET", "/api/meetings?from=2032-01-01", officer, null).body()).size();
		var bad = new String[] {
				"{\"body\": \"NOPE\", \"title\": \"x\", \"from\": \"2032-01-01\"}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": \"2032-01-05\", \"until\": \"2032-01-01\"}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": \"2032-02-30\"}",
				"{\"body\": \"SOC\", \"title\": \"\", \"from\": \"2032-01-01\"}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": \"2032-01-01\", \"access\": \"NAMED_PARTICIPANTS\", \"named\": [\"ATL\"]}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": \"2032-01-01\", \"access\": \"WHISPERED\"}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": \"2032-01-01\", \"access\": \"NAMED_PARTICIPANTS\"}",
				"{\"body\": \"SOC\", \"title\": \"x\", \"from\": " };
		for (var body : bad) {
			var answer = call("POST", "/api/meetings", officer, body);
			assertThat(answer.statusCode()).as(body).isBetween(400, 499);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(body).startsWith("application/problem+json");
		}
		assertThat(JSON.readTree(call("GET", "/api/meetings?from=2032-01-01", officer, null).body()).size()).isEqualTo(before);
	}
}
