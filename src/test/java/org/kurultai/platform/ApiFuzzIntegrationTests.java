package org.kurultai.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.KurultaiApplication;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.ForumClock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded, deterministic property-based fuzzer driven by the live OpenAPI document: for every
 * operation of the API, a bounded number of requests with malformed and edge values in path
 * parameters, query strings (huge and negative numbers, far dates, bad percent-encoding, empty names,
 * unicode, overlong strings) and JSON bodies (wrong types, missing fields, nulls, blanks, huge arrays,
 * nested junk, unknown codes), as the public and as each role; then a few pages' query strings.
 * <p>
 * Properties: no 5xx anywhere; every 4xx of {@code /api} is an RFC 9457 problem
 * ({@code application/problem+json} with {@code type}, {@code title} and {@code status}).
 * <p>
 * It runs against an application context of its own, on its own database
 * ({@code target/test-postgres/fuzz}), so whatever it manages to write touches no other test.
 * Reproduce or widen a run with {@code -Dfuzz.seed=…} and {@code -Dfuzz.requests=…} (per operation
 * and viewer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIntegrationTests {

	static final long SEED = Long.getLong("fuzz.seed", 20261130L);
	static final int PER_OPERATION = Integer.getInteger("fuzz.requests", 15);
	static final JsonMapper JSON = JsonMapper.builder().build();
	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	ConfigurableApplicationContext context;
	RawHttp http;
	final Map<String, @Nullable String> viewers = new LinkedHashMap<>();
	final List<String> knownIds = new ArrayList<>();
	JsonNode openApi;
	Random random;
	/** The application's own clock: dates near "today" are the forum's today, never the test machine's. */
	ForumClock clock;
	int closedEarly;
	/** How wild this request's body is: one field in {@code chaos} is junk, one in {@code chaos} null, one in {@code chaos} missing. */
	int chaos = 8;

	@BeforeAll
	void start() {
		context = new SpringApplicationBuilder(KurultaiApplication.class).run("--server.port=0",
				"--kurultai.database.embedded.data-directory=target/test-postgres/fuzz", "--kurultai.database.embedded.clean=true",
				"--kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/fuzz/checkpoints-${random.uuid}.log",
				"--kurultai.silence.poll-interval=PT0.25S", "--spring.datasource.url=", "--logging.level.org.kurultai.platform.ApiProblems=OFF");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		http = new RawHttp(port);
		clock = context.getBean(ForumClock.class);
		var accounts = context.getBean(Accounts.class);
		var tokens = context.getBean(ApiTokens.class);
		viewers.put("public", null);
		viewers.put("secretariat-administrator", token(accounts, tokens, "fuzz.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null));
		viewers.put("secretariat-officer", token(accounts, tokens, "fuzz.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null));
		viewers.put("national-coordinator", token(accounts, tokens, "fuzz.coordinator.kaz@mfa.example", Role.NATIONAL_COORDINATOR, "KAZ"));
		viewers.put("member-delegate", token(accounts, tokens, "fuzz.delegate.ind@mfa.example", Role.DELEGATE, "IND"));
		viewers.put("observer-delegate", token(accounts, tokens, "fuzz.delegate.jpn@mfa.example", Role.DELEGATE, "JPN"));
		viewers.put("expert", token(accounts, tokens, "fuzz.expert@think-tank.example", Role.EXPERT, null));
		var docs = http.send("GET", "/v3/api-docs", null, null, null, "application/json");
		assertThat(docs.status()).as(docs.body()).isEqualTo(200);
		openApi = JSON.readTree(docs.body());
		// a few real identifiers, so that some requests reach past "not found"
		for (var list : List.of("/api/documents", "/api/decisions", "/api/meetings", "/api/exchange/submissions", "/api/cbm/plans")) {
			var response = http.send("GET", list, viewers.get("secretariat-administrator"), null, null, "application/json");
			if (response.status() == 200 && response.body().startsWith("[")) {
				int taken = 0;
				for (var item : JSON.readTree(response.body())) {
					for (var field : List.of("id", "code")) {
						if (item.has(field) && taken < 3) {
							knownIds.add(item.get(field).asString());
							taken++;
						}
					}
				}
			}
		}
	}

	private static String token(Accounts accounts, ApiTokens tokens, String email, Role role, @Nullable String participant) {
		var account = accounts.byEmail(email).orElseGet(() -> accounts.open(email, email, role, participant, "a long enough password", "test", "test"));
		return tokens.issue(account, "fuzz", 1).secret();
	}

	@AfterAll
	void stop() {
		if (context != null) {
			context.close();
		}
	}

	record Operation(String method, String path, JsonNode operation) {
	}

	@Test
	void noRequestTheApiDocumentAdmitsEndsInAServerErrorAndEveryApiRefusalIsAProblem() {
		random = new Random(SEED);
		var operations = new ArrayList<Operation>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.get("paths").properties().iterator(); paths.hasNext();) {
			var path = paths.next();
			for (var method : List.of("get", "post", "put", "delete", "patch")) {
				if (path.getValue().has(method)) {
					operations.add(new Operation(method.toUpperCase(), path.getKey(), path.getValue().get(method)));
				}
			}
		}
		assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
		// "sign out everywhere" revokes the caller's tokens: fuzzed last, so that every other operation is fuzzed with working tokens
		operations.sort(java.util.Comparator.comparing(operation -> operation.path().endsWith("/sign-out-everywhere")));
		var failures = new LinkedHashMap<String, List<String>>();
		int sent = 0;
		long started = System.nanoTime();
		for (var operation : operations) {
			for (var viewer : viewers.entrySet()) {
				for (int i = 0; i < PER_OPERATION; i++) {
					var request = request(operation);
					sent++;
					check(operation, request, viewer.getKey(), viewer.getValue(), failures);
				}
			}
		}
		for (var page : PAGES.entrySet()) {
			for (var viewer : List.of("public", "national-coordinator")) {
				for (int i = 0; i < 2 * PER_OPERATION; i++) {
					var target = page.getKey() + "?" + queryString(pageParameters(page.getValue()));
					sent++;
					var response = http.send("GET", target, viewers.get(viewer), null, null, "text/html");
					if (response.status() >= 500) {
						failures.computeIfAbsent("GET " + page.getKey() + " " + response.status(), k -> new ArrayList<>())
								.add("GET %s as %s: %d".formatted(target, viewer, response.status()));
					}
				}
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		int failed = failures.values().stream().mapToInt(List::size).sum();
		System.out.printf("API fuzz (seed %d, %d per operation and viewer): %d requests to %d operations in %.1f s, %d failures"
				+ " (%d refused before the body was sent, answer lost; %d known ids used)%n", SEED, PER_OPERATION, sent, operations.size(),
				seconds, failed, closedEarly, knownIds.size());
		var report = new StringBuilder();
		failures.forEach((kind, examples) -> report.append("\n").append(examples.size()).append(" × ").append(kind).append("\n    e.g. ")
				.append(examples.get(0)));
		assertThat(failed).as("fuzz with -Dfuzz.seed=%d -Dfuzz.requests=%d: %d of %d requests failed, by operation and answer:%s", SEED,
				PER_OPERATION, failed, sent, report).isZero();
	}

	record Request(String method, String target, @Nullable String contentType, @Nullable String body) {
	}

	private void check(Operation operation, Request request, String viewer, @Nullable String bearer, Map<String, List<String>> failures) {
		RawHttp.Response response;
		var kind = operation.method() + " " + operation.path();
		try {
			response = http.send(request.method(), request.target(), bearer, request.contentType(), request.body(), "application/json");
		}
		catch (RuntimeException e) {
			failures.computeIfAbsent(kind + " no response", k -> new ArrayList<>())
					.add("%s %s as %s: no response (%s)".formatted(request.method(), request.target(), viewer, e.getMessage()));
			return;
		}
		var what = "%s %s as %s%s: %d %s".formatted(request.method(), request.target(), viewer,
				request.body() == null ? "" : " with " + abbreviate(request.body()), response.status(), abbreviate(response.body()));
		if (response.status() == RawHttp.CLOSED_EARLY) {
			closedEarly++;
			return;
		}
		kind += " " + response.status();
		if (response.status() >= 500) {
			failures.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
		}
		else if (response.status() >= 400 && request.target().startsWith("/api")) {
			if (!response.contentType().startsWith("application/problem+json")) {
				failures.computeIfAbsent(kind + " Content-Type " + response.contentType(), k -> new ArrayList<>()).add(what);
				return;
			}
			try {
				var problem = JSON.readTree(response.body());
				if (!problem.path("type").isString() || !problem.path("title").isString() || problem.path("status").asInt() != response.status()) {
					failures.computeIfAbsent(kind + " not a problem document", k -> new ArrayList<>()).add(what);
				}
			}
			catch (RuntimeException unreadable) {
				failures.computeIfAbsent(kind + " not JSON", k -> new ArrayList<>()).add(what);
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	// ---- requests from the OpenAPI document ----

	private Request request(Operation operation) {
		var path = operation.path();
		var query = new LinkedHashMap<String, String>();
		for (var parameter : operation.operation().path("parameters")) {
			var name = parameter.path("name").asString();
			var schema = resolve(parameter.path("schema"));
			switch (parameter.path("in").asString()) {
				case "path" -> path = path.replace("{" + name + "}", pathValue(schema));
				case "query" -> {
					if (random.nextInt(3) > 0) {
						query.put(encode(name), queryValue(schema));
					}
				}
				default -> {
				}
			}
		}
		var target = path + (query.isEmpty() && random.nextInt(4) > 0 ? "" : "?" + queryString(query));
		if (!operation.operation().has("requestBody")) {
			return new Request(operation.method(), target, null, null);
		}
		var content = operation.operation().path("requestBody").path("content");
		var mediaType = content.properties().iterator().hasNext() ? content.properties().iterator().next().getKey() : "application/json";
		var schema = resolve(content.path(mediaType).path("schema"));
		// half the bodies are nearly right (so that they reach the domain), half are wild
		chaos = random.nextBoolean() ? 40 : 8;
		return switch (random.nextInt(12)) {
			case 0 -> new Request(operation.method(), target, "application/json", pick("", "{", "null", "[]", "\"x\"", "{\"a\":", "[[[[[[[[]]]]]]]]", "1e999999"));
			case 1 -> new Request(operation.method(), target, pick("text/plain", "application/xml", "application/json; charset=latin1"), "{}");
			default -> new Request(operation.method(), target, "application/json", JSON.writeValueAsString(value(schema, 0)));
		};
	}

	private JsonNode resolve(JsonNode schema) {
		var ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	private static String type(JsonNode schema) {
		var type = schema.path("type");
		if (type.isArray()) {
			for (var each : type) {
				if (!each.asString().equals("null")) {
					return each.asString();
				}
			}
		}
		return type.asString("");
	}

	private String pathValue(JsonNode schema) {
		if (!knownIds.isEmpty() && random.nextInt(4) == 0) {
			return encode(knownIds.get(random.nextInt(knownIds.size())));
		}
		return switch (random.nextInt(6)) {
			case 0 -> pick("%zz", "%", "%ED%A0%80", "%C0%AF", "%00", "..%2F..%2Fetc", "%2e%2e");
			case 1 -> encode(number());
			default -> encode(junkString());
		};
	}

	private String queryValue(JsonNode schema) {
		return switch (random.nextInt(8)) {
			case 0 -> pick("%zz", "%", "%ED%A0%80", "%C0%AF", "%FF%FE", "%E0%80");
			case 1 -> encode(date());
			case 2 -> encode(number());
			default -> {
				if (schema.has("enum") && random.nextBoolean()) {
					var values = schema.get("enum");
					yield encode(values.get(random.nextInt(values.size())).asString());
				}
				yield encode(switch (type(schema)) {
					case "integer", "number" -> number();
					case "boolean" -> pick("true", "false", "yes", "");
					default -> "date".equals(schema.path("format").asString()) ? date() : junkString();
				});
			}
		};
	}

	/** Pages and the query parameters they read. */
	static final Map<String, List<String>> PAGES = new LinkedHashMap<>();
	static {
		PAGES.put("/", List.of("asOf"));
		PAGES.put("/participants", List.of("asOf", "status"));
		PAGES.put("/changes", List.of("from", "to"));
		PAGES.put("/bodies", List.of("asOf"));
		PAGES.put("/chairmanship", List.of("asOf"));
		PAGES.put("/meetings", List.of("body", "from", "to"));
		PAGES.put("/timeline", List.of("from", "to", "kind"));
		PAGES.put("/catalogue", List.of("edition"));
		PAGES.put("/commitments", List.of("participant", "asOf"));
		PAGES.put("/cbm", List.of("year"));
		PAGES.put("/cbm/reports", List.of("year"));
		PAGES.put("/exchange", List.of("type", "year"));
		PAGES.put("/documents", List.of("type", "status"));
		PAGES.put("/decisions", List.of("body", "year", "document", "status"));
	}

	private Map<String, String> pageParameters(List<String> names) {
		var parameters = new LinkedHashMap<String, String>();
		for (var name : names) {
			if (random.nextBoolean()) {
				var value = random.nextInt(5) == 0 ? queryValue(NODES.objectNode())
						: switch (name) {
							case "from", "to", "asOf" -> encode(date());
							case "year" -> encode(number());
							default -> encode(code(NODES.objectNode()));
						};
				parameters.put(encode(name), value);
			}
		}
		return parameters;
	}

	private String queryString(Map<String, String> parameters) {
		var parts = new ArrayList<String>();
		parameters.forEach((name, value) -> parts.add(name + "=" + value));
		switch (random.nextInt(6)) {
			case 0 -> parts.add(pick("=x", "&", "a", "=", "%zz=1", "a=%", "%ED%A0%80=1", encode(junkString()) + "=" + encode(junkString())));
			case 1 -> parts.add(encode("status") + "=" + encode(junkString()));
			default -> {
			}
		}
		return String.join("&", parts);
	}

	// ---- values ----

	private JsonNode value(JsonNode schema, int depth) {
		schema = resolve(schema);
		if (depth > 4 || random.nextInt(chaos) == 0) {
			return junk(depth);
		}
		if (schema.has("enum")) {
			var values = schema.get("enum");
			return random.nextInt(chaos) == 0 ? NODES.stringNode(junkString()) : values.get(random.nextInt(values.size()));
		}
		for (var combinator : List.of("oneOf", "anyOf", "allOf")) {
			if (schema.has(combinator) && schema.get(combinator).size() > 0) {
				return value(schema.get(combinator).get(random.nextInt(schema.get(combinator).size())), depth + 1);
			}
		}
		return switch (type(schema)) {
			case "object" -> object(schema, depth);
			case "array" -> {
				var array = NODES.arrayNode();
				int size = random.nextInt(chaos) == 0 ? 300 : random.nextInt(4);
				for (int i = 0; i < size; i++) {
					array.add(random.nextInt(chaos) == 1 ? NODES.nullNode() : value(schema.path("items"), depth + 1)); // [null] too
				}
				yield array;
			}
			case "integer", "number" -> {
				var number = number();
				yield random.nextInt(chaos) == 0 ? NODES.stringNode(number) : jsonNumber(number);
			}
			case "boolean" -> random.nextInt(chaos) == 0 ? NODES.stringNode("yes") : NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode("date".equals(schema.path("format").asString())
					? (chaos > 10 && random.nextInt(4) > 0 ? clock.today().plusDays(random.nextInt(120) - 60).toString() : date())
					: "date-time".equals(schema.path("format").asString()) ? dateTime() : code(schema));
		};
	}

	private ObjectNode object(JsonNode schema, int depth) {
		var object = NODES.objectNode();
		Set<String> names = new LinkedHashSet<>();
		schema.path("properties").properties().forEach(property -> names.add(property.getKey()));
		for (var name : names) {
			int roll = random.nextInt(chaos);
			if (roll == 0) {
				continue; // missing
			}
			object.set(name, roll == 1 ? NODES.nullNode() : value(schema.path("properties").path(name), depth + 1));
		}
		var additional = schema.path("additionalProperties");
		if (additional.isObject()) {
			for (int i = random.nextInt(3); i > 0; i--) {
				object.set(pick("en", "ru", "zh", "xx", "", " ", "EN", "a".repeat(300)), value(additional, depth + 1));
			}
		}
		if (random.nextInt(chaos) == 0) {
			object.set(junkString(), junk(depth + 1));
		}
		return object;
	}

	private JsonNode junk(int depth) {
		return switch (random.nextInt(9)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.stringNode("");
			case 2 -> NODES.stringNode("   ");
			case 3 -> jsonNumber(number());
			case 4 -> NODES.arrayNode();
			case 5 -> NODES.objectNode();
			case 6 -> {
				ArrayNode nested = NODES.arrayNode();
				nested.addArray().addObject().putArray("a").add(NODES.nullNode());
				yield nested;
			}
			case 7 -> NODES.booleanNode(true);
			default -> NODES.stringNode(junkString());
		};
	}

	/** A string a field of this schema might hold, often wrong: unknown codes, nearly-right codes, junk. */
	private String code(JsonNode schema) {
		return switch (chaos > 10 ? random.nextInt(3) : random.nextInt(5)) {
			case 0 -> pick("KAZ", "IND", "JPN", "USA", "CHN", "ZZZ", "kaz", "SOC", "CHSG", "CMFA", "MILPOL-GENERAL", "ECON-GENERAL", "en", "Alt 1",
					"1", "PP1", "Asia/Almaty", "Mars/Olympus", "SILENCE", "MEETING");
			case 1 -> knownIds.isEmpty() ? "x" : knownIds.get(random.nextInt(knownIds.size()));
			default -> junkString();
		};
	}

	private String junkString() {
		return switch (random.nextInt(14)) {
			case 0 -> "";
			case 1 -> " ";
			case 2 -> "<b>";
			case 3 -> "x".repeat(5000 + random.nextInt(70_000));
			case 4 -> "\u0000";
			case 5 -> "Қазақстан 中国 ﷽ \uD83D\uDE00";
			case 6 -> "\uD800";
			case 7 -> "' or 1=1 --";
			case 8 -> "../../etc/passwd";
			case 9 -> "%s%n%x";
			case 10 -> "ZZZ";
			case 11 -> "\t\r\n";
			case 12 -> "null";
			default -> Long.toString(random.nextLong(), 36);
		};
	}

	private String number() {
		return pick("0", "-1", "1", "2147483647", "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808",
				"99999999999999999999999", "1e308", "-0", "0.5", "1E400", "NaN", "007");
	}

	/** The number as JSON has it, or as a string where JSON has no such number (NaN, 007). */
	private static JsonNode jsonNumber(String number) {
		try {
			return JSON.readTree(number);
		}
		catch (RuntimeException notJson) {
			return NODES.stringNode(number);
		}
	}

	private String date() {
		return pick("1990-01-01", "0001-01-01", "0000-01-01", "-999999999-01-01", "+999999999-12-31", "9999-12-31", "2026-02-30",
				"2026-13-01", "2024-02-29", "1999-09-14", "2026-1-1", "today", "", "20260101", "2026-11-30T10:00:00");
	}

	/** A local date and time: well formed at the ends of time (to reach the domain), near now, or malformed. */
	private String dateTime() {
		return switch (random.nextInt(4)) {
			case 0 -> date() + "T18:00";
			case 1 -> java.time.LocalDateTime.ofInstant(clock.now(), clock.zone()).plusHours(random.nextInt(2000) - 200).withNano(0).toString();
			case 2 -> pick("+999999999-12-31T23:59:59", "-999999999-01-01T00:00", "0001-01-01T00:00", "9999-12-31T23:59");
			default -> date() + "T25:61:00";
		};
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}

	private static String encode(String value) {
		// URLEncoder cannot encode a lone surrogate; send it as the bytes a careless client would
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%3F", "%ED%A0%80");
	}
}
