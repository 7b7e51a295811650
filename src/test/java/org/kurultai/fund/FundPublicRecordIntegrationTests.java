package org.kurultai.fund;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.cbm.Catalogue;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Fund's projects in the public record, like every other kind: found by the search (title, purpose, priority area,
 * State, in English and Russian) as the project's state lets each viewer see it — a draft by its State and the
 * Secretariat, a submitted project by the participants, an approved one by everyone — in results and totals alike; the
 * approved projects and the Fund's yearly totals as open data (the totals the Fund's page shows, moving with the
 * books); an Atom entry and a sitemap address for each approval, never for a draft or a submitted project.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundPublicRecordIntegrationTests {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Catalogue catalogue;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor china;
	Actor japan;
	/** A word of this run's own (letters only: the search's stemmers keep it whole). */
	final String unique = "fpub" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).replaceAll("[0-9]", "x");
	/** The same word in Cyrillic letters, for the Russian titles (so that a word is found in one language's entry only). */
	final String uniqueRu = cyrillic(unique);
	String areaCode;
	String areaName;
	long draft;
	long submitted;
	long approved;

	@BeforeAll
	void projectsInThreeStates() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("fundpub");
		kazakhstan = api.coordinator("fundpub", "KAZ");
		china = api.coordinator("fundpub", "CHN");
		japan = api.coordinator("fundpub", "JPN");
		var area = catalogue.inForce(clock.today()).priorityAreas().get(0);
		areaCode = area.code();
		areaName = area.name();
		draft = draft("Draft", "Seminar");
		submitted = draft("Submitted", "Seminar");
		assertThat(api.post("/api/fund/projects/" + submitted + "/submission", kazakhstan, null).status()).isEqualTo(200);
		approved = draft("Approved", "Watershed diplomacy, the " + unique + "purpose workshop");
		approve(approved);
	}

	static String cyrillic(String latin) {
		var letters = "абвгдежзиклмнопрстуфхцчшщэюяйыь";
		var out = new StringBuilder();
		latin.chars().forEach(c -> out.append(letters.charAt((c - 'a' + 26) % letters.length())));
		return out.toString();
	}

	long draft(String which, String purpose) {
		return draft(which, purpose, unique);
	}

	long draft(String which, String purpose, String word) {
		var start = clock.today().plusDays(10);
		var drafted = api.post("/api/fund/projects", kazakhstan, """
				{"titleEn": "%s %s project", "titleRu": "Проект %s %s", "purpose": "%s, as the Almaty Act provides.", "area": "%s",
				 "implementingStates": ["KAZ", "KGZ"], "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue", "amount": "1,000"}], "requested": "1000.00"}"""
				.formatted(which, word, russian(which), cyrillic(word), purpose, areaCode, start, start.plusMonths(6)));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		return drafted.json().get("id").asLong();
	}

	static String russian(String which) {
		return switch (which) {
			case "Draft" -> "вариант";
			case "Submitted" -> "представленный";
			case "Approved" -> "одобренный";
			default -> "выделенный";
		};
	}

	/** Submitted, eligible, put to the PRC at a meeting in session and adopted there: approved, its amount allocated. */
	void approve(long id) {
		assertThat(api.post("/api/fund/projects/" + id + "/submission", kazakhstan, null).status()).isEqualTo(200);
		var checklist = java.util.Arrays.stream(EligibilityCriterion.values())
				.map(criterion -> "{\"criterion\": \"" + criterion + "\", \"met\": true}").toList();
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", secretariat, "{\"checklist\": " + checklist + "}").status()).isEqualTo(200);
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "PRC", "title": "Fundpub PRC %s", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var put = api.post("/api/fund/projects/" + id + "/decision", secretariat, """
				{"procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "amount": "1000",
				 "tranches": [{"amount": "1000", "plannedOn": "%s"}]}""".formatted(meeting.json().get("id").asString(), clock.today().plusDays(20)));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		var closed = api.post("/api/decisions/" + put.json().at("/decision/id").asLong() + "/close", secretariat, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, null).json().get("state").asString()).isEqualTo("APPROVED");
	}

	// ---------------------------------------------------------------- search

	/** The ids of the projects a search finds for the viewer, and its total. */
	record Found(Set<Long> ids, long total) {
	}

	Found search(String q, Actor viewer) {
		var response = api.get("/api/search?kind=project&size=50&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), viewer);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var ids = new TreeSet<Long>();
		for (var hit : response.json().get("results")) {
			assertThat(hit.get("kind").asString()).isEqualTo("project");
			assertThat(hit.get("url").asString()).isEqualTo("/fund/projects/" + hit.get("id").asString());
			ids.add(Long.parseLong(hit.get("id").asString()));
		}
		return new Found(ids, response.json().get("total").asLong());
	}

	@Test
	void eachViewerFindsTheProjectsTheProjectsStateLetsThemSeeInResultsAndTotals() {
		Map<String, Actor> viewers = new LinkedHashMap<>();
		viewers.put("the public", null);
		viewers.put("an observer's coordinator (JPN)", japan);
		viewers.put("another member's coordinator (CHN)", china);
		viewers.put("its own State's coordinator (KAZ)", kazakhstan);
		viewers.put("the Secretariat", secretariat);
		Map<String, Set<Long>> expected = Map.of("the public", Set.of(approved), "an observer's coordinator (JPN)", Set.of(submitted, approved),
				"another member's coordinator (CHN)", Set.of(submitted, approved), "its own State's coordinator (KAZ)", Set.of(draft, submitted, approved),
				"the Secretariat", Set.of(draft, submitted, approved));
		viewers.forEach((who, viewer) -> {
			var found = search(unique, viewer);
			assertThat(found.ids()).as(who).isEqualTo(expected.get(who));
			// the total counts what the viewer may see, nothing more
			assertThat(found.total()).as(who + ": total").isEqualTo(expected.get(who).size());
			// the page: the same results, the same count, no title of a project the viewer may not see
			var page = api.page("/search?kind=project&q=" + unique, viewer);
			assertThat(page.status()).as(who).isEqualTo(200);
			var html = Jsoup.parse(page.body());
			assertThat(html.getElementById("search-total").attr("data-total")).as(who).isEqualTo(String.valueOf(expected.get(who).size()));
			var shown = new TreeSet<Long>();
			html.select("li.result[data-kind=project]").forEach(li -> shown.add(Long.parseLong(li.attr("data-id"))));
			assertThat(shown).as(who + " (page)").isEqualTo(expected.get(who));
			if (!expected.get(who).contains(draft)) {
				assertThat(page.body()).as(who).doesNotContain("Draft " + unique);
			}
			if (!expected.get(who).contains(submitted)) {
				assertThat(page.body()).as(who).doesNotContain("Submitted " + unique);
			}
			// without the kind filter, the same projects among everything found (the PRC's meeting and decisions too, as the viewer
			// may see them)
			var all = api.get("/api/search?size=50&q=" + unique, viewer).json();
			var projects = new TreeSet<Long>();
			all.get("results").forEach(hit -> {
				if (hit.get("kind").asString().equals("project")) {
					projects.add(Long.parseLong(hit.get("id").asString()));
				}
			});
			assertThat(projects).as(who + ": all kinds").isEqualTo(expected.get(who));
			assertThat(all.toString()).as(who).doesNotContain(expected.get(who).contains(draft) ? "\u0000" : "Draft " + unique);
		});
		// the kind's label on the page
		assertThat(api.page("/search?kind=project&q=" + unique, null).body()).contains("Fund project");
	}

	@Test
	void aProjectIsFoundByItsPurposeItsPriorityAreaItsStatesAndItsRussianTitle() {
		// the purpose (the summary)
		assertThat(search(unique + "purpose", null).ids()).containsExactly(approved);
		// the priority area, by its name in the Catalogue, and by its code
		assertThat(search(areaName + " " + unique, null).ids()).containsExactly(approved);
		// the States: the submitting one and the others implementing it; not a State that is not in it
		assertThat(search("Kazakhstan " + unique, null).ids()).containsExactly(approved);
		assertThat(search("Kyrgyzstan " + unique, null).ids()).containsExactly(approved);
		assertThat(search("Mongolia " + unique, null).ids()).isEmpty();
		// in Russian: its Russian title and its States' Russian names
		assertThat(search("одобренный " + uniqueRu, null).ids()).containsExactly(approved);
		assertThat(search("Казахстан " + uniqueRu, null).ids()).containsExactly(approved);
		assertThat(search(uniqueRu, null).total()).isEqualTo(1);
		assertThat(search(uniqueRu, kazakhstan).ids()).containsExactlyInAnyOrder(draft, submitted, approved);
		// a filter by the PRC (its decision's body) keeps it; by another body, not
		assertThat(api.get("/api/search?kind=project&body=PRC&q=" + unique, null).json().get("total").asLong()).isEqualTo(1);
		assertThat(api.get("/api/search?kind=project&body=SOC&q=" + unique, null).json().get("total").asLong()).isZero();
	}

	@Test
	void theIndexCarriesTheAccessTheProjectsStateGivesIt() {
		// the where-clause reads the index's access columns: for every project, they say what ProjectState.access says
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			search(unique, secretariat);
			var mismatches = new ArrayList<String>();
			var states = new TreeSet<String>();
			jdbc.sql("""
					select p.id, p.state, p.owner_code, e.access_level, e.access_named, e.access_owner, e.owner_only
					  from search_entry e join fund_project p on e.record_id = p.id::text where e.kind = 'PROJECT'""").query((rs, row) -> {
				var access = ProjectState.valueOf(rs.getString("state")).access(rs.getString("owner_code"));
				states.add(rs.getString("state"));
				var named = new TreeSet<>(List.of((String[]) rs.getArray("access_named").getArray()));
				if (!access.level().name().equals(rs.getString("access_level")) || !new TreeSet<>(access.named()).equals(named)
						|| !java.util.Objects.equals(access.owner(), rs.getString("access_owner")) || access.ownerOnly() != rs.getBoolean("owner_only")) {
					mismatches.add(rs.getLong("id") + " " + rs.getString("state") + ": " + rs.getString("access_level") + " " + named);
				}
				return null;
			}).list();
			assertThat(states).contains("DRAFT", "SUBMITTED", "APPROVED");
			assertThat(mismatches).isEmpty();
		});
	}

	// ---------------------------------------------------------------- open data

	List<Map<String, String>> table(String file) {
		var response = api.file("/data/" + file, null);
		assertThat(response.status()).as(file).isEqualTo(200);
		var rows = new ArrayList<Map<String, String>>();
		if (file.endsWith(".json")) {
			for (var object : Delegations.JSON.readTree(response.body())) {
				var row = new LinkedHashMap<String, String>();
				object.properties().forEach(e -> row.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().isString() ? e.getValue().asString()
						: e.getValue().isNumber() ? e.getValue().decimalValue().toPlainString() : e.getValue().toString()));
				rows.add(row);
			}
			return rows;
		}
		try (var lines = CSV.readerFor(String[].class).with(CsvSchema.emptySchema()).<String[]>readValues(response.body())) {
			var all = lines.readAll();
			var header = all.get(0);
			for (var line : all.subList(1, all.size())) {
				var row = new LinkedHashMap<String, String>();
				for (int i = 0; i < header.length; i++) {
					row.put(header[i], line[i].isEmpty() ? null : line[i]);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	@Test
	void theOpenDataHoldsTheApprovedProjectsOnly() {
		for (var file : List.of("fund-projects.csv", "fund-projects.json")) {
			var rows = table(file);
			var ids = rows.stream().map(row -> Long.parseLong(row.get("id"))).toList();
			assertThat(ids).as(file).contains(approved).doesNotContain(draft, submitted);
			assertThat(rows).as(file).allMatch(row -> Set.of("APPROVED", "IMPLEMENTING", "CLOSED").contains(row.get("status")));
			// the same projects as the public's list of the API
			var listed = new TreeSet<Long>();
			api.get("/api/fund/projects", null).json().forEach(project -> listed.add(project.get("id").asLong()));
			assertThat(new TreeSet<>(ids)).as(file).isEqualTo(listed);
			var row = rows.stream().filter(r -> r.get("id").equals(String.valueOf(approved))).findFirst().orElseThrow();
			assertThat(row.get("title_en")).isEqualTo("Approved " + unique + " project");
			assertThat(row.get("title_ru")).isEqualTo("Проект одобренный " + uniqueRu);
			assertThat(row.get("participant")).isEqualTo("KAZ");
			assertThat(row.get("implementing_states")).isEqualTo("KAZ KGZ");
			assertThat(row.get("priority_area")).isEqualTo(areaCode);
			assertThat(row.get("currency")).isEqualTo("USD");
			assertThat(new BigDecimal(row.get("approved"))).isEqualByComparingTo("1000");
			assertThat(new BigDecimal(row.get("requested"))).isEqualByComparingTo("1000");
			assertThat(row.get("decided_on")).isEqualTo(clock.today().toString());
		}
		var csv = api.file("/data/fund-projects.csv", null).body();
		assertThat(csv).doesNotContain("Draft " + unique).doesNotContain("Submitted " + unique);
		// whoever downloads it: the public's
		assertThat(api.file("/data/fund-projects.json", secretariat).body()).doesNotContain("Draft " + unique);
	}

	/** The Fund page's yearly totals as the public sees them: year → received, allocated, disbursed. */
	Map<Integer, List<BigDecimal>> fundPage() {
		var page = Jsoup.parse(api.page("/fund", null).body());
		var years = new TreeMap<Integer, List<BigDecimal>>();
		for (var row : page.select("#fund-yearly-totals tbody tr[data-year]")) {
			years.put(Integer.parseInt(row.attr("data-year")), List.of(amount(row.selectFirst("td[data-column=received]").text()),
					amount(row.selectFirst("td[data-column=allocated]").text()), amount(row.selectFirst("td[data-column=disbursed]").text())));
		}
		return years;
	}

	static BigDecimal amount(String shown) {
		return new BigDecimal(shown.replace(",", "").replace("\u00a0", "").replace(" ", "")).setScale(2);
	}

	Map<Integer, List<BigDecimal>> openData(String file) {
		var years = new TreeMap<Integer, List<BigDecimal>>();
		for (var row : table(file)) {
			assertThat(row.get("currency")).isEqualTo("USD");
			years.put(Integer.parseInt(row.get("year")), List.of(new BigDecimal(row.get("received")).setScale(2),
					new BigDecimal(row.get("allocated")).setScale(2), new BigDecimal(row.get("disbursed")).setScale(2)));
		}
		return years;
	}

	void sameTotalsEverywhere() {
		var page = fundPage();
		assertThat(page).isNotEmpty();
		assertThat(openData("fund-years.csv")).isEqualTo(page);
		assertThat(openData("fund-years.json")).isEqualTo(page);
		// money as exact decimals with their cents, in both files
		assertThat(api.file("/data/fund-years.json", null).body()).containsPattern("\"allocated\":\\d+\\.\\d\\d[,}]");
		assertThat(api.file("/data/fund-years.csv", null).body()).containsPattern(",\\d+\\.\\d\\d\r\n");
		// and the API's public totals
		var api = new TreeMap<Integer, List<BigDecimal>>();
		for (var year : this.api.get("/api/fund/totals", null).json().get("years")) {
			api.put(year.get("year").asInt(), List.of(year.get("received").decimalValue(), year.get("allocated").decimalValue(),
					year.get("disbursed").decimalValue()));
		}
		assertThat(api.keySet()).isEqualTo(page.keySet());
		api.forEach((year, sums) -> {
			for (int i = 0; i < 3; i++) {
				assertThat(sums.get(i)).as(year + " " + i).isEqualByComparingTo(page.get(year).get(i));
			}
		});
	}

	@Test
	void theYearlyTotalsAreTheFundPagesAndMoveWithTheBooks() {
		sameTotalsEverywhere();
		int year = clock.today().getYear();
		var before = openData("fund-years.csv").get(year);
		// a contribution received today: the year's received moves by it, in the file as on the page
		var received = api.post("/api/fund/contributions", secretariat, """
				{"kind": "CONTRIBUTION", "participant": "KAZ", "amount": "123.45", "valueDate": "%s", "reference": "Fundpub advice %s"}"""
				.formatted(clock.today(), unique));
		assertThat(received.status()).as(received.toString()).isEqualTo(201);
		var after = openData("fund-years.csv").get(year);
		assertThat(after.get(0).subtract(before.get(0))).isEqualByComparingTo("123.45");
		assertThat(after.get(1)).isEqualByComparingTo(before.get(1));
		sameTotalsEverywhere();
		// what only the Secretariat sees is in no public file
		var files = api.file("/data/fund-years.csv", null).body() + api.file("/data/fund-years.json", null).body();
		assertThat(files).doesNotContain("Fundpub advice").doesNotContain("BANK").doesNotContain("CASH");
	}

	@Test
	void anApprovalAddsTheYearsAllocation() {
		int year = clock.today().getYear();
		var before = openData("fund-years.json").getOrDefault(year, List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
		// a word of its own: the other tests count this run's projects by theirs
		var word = unique + "alloc";
		long another = draft("Allocated", "Seminar", word);
		// the search follows the project (its index rebuilt when the Fund's tables move): a draft for its State only, then public
		assertThat(search(word, null).ids()).isEmpty();
		assertThat(search(word, kazakhstan).ids()).containsExactly(another);
		approve(another);
		assertThat(search(word, null).ids()).containsExactly(another);
		assertThat(search(word, japan).ids()).containsExactly(another);
		var after = openData("fund-years.json").get(year);
		assertThat(after.get(1).subtract(before.get(1))).isEqualByComparingTo("1000");
		sameTotalsEverywhere();
	}

	// ---------------------------------------------------------------- feed and sitemap

	@Test
	void theFeedAndTheSitemapHoldTheApprovalNotTheDraftNorTheSubmittedProject() throws Exception {
		for (var who : new Actor[] { null, secretariat, kazakhstan }) {
			var body = api.page("/feeds/fund-projects.atom", who).body();
			var feed = (Feed) new WireFeedInput().build(new StringReader(body));
			var ids = feed.getEntries().stream().map(entry -> entry.getId()).toList();
			assertThat(ids).anyMatch(id -> id.endsWith(":fund-project:" + approved));
			assertThat(ids).noneMatch(id -> id.endsWith(":fund-project:" + draft) || id.endsWith(":fund-project:" + submitted));
			assertThat(body).doesNotContain("Draft " + unique).doesNotContain("Submitted " + unique);
			var sitemap = api.page("/sitemap.xml", who).body();
			assertThat(sitemap).contains("/fund/projects/" + approved + "</loc>").doesNotContain("/fund/projects/" + draft + "</loc>")
					.doesNotContain("/fund/projects/" + submitted + "</loc>");
		}
		// the project pages name the feed
		assertThat(api.page("/fund/projects/" + approved, null).body()).contains("/feeds/fund-projects.atom?lang=en");
	}

	// ---------------------------------------------------------------- the currency

	@Test
	void theProjectsPagesWriteAmountsInTheFundsCurrency() {
		var page = Jsoup.parse(api.page("/fund/projects/" + approved, null).body());
		assertThat(page.getElementById("project-approved").text()).isEqualTo("USD 1,000.00");
		assertThat(api.get("/api/fund/projects/" + approved, null).json().get("currency").asString()).isEqualTo("USD");
		// the decision's text names the amount in the currency it is given (a unit test of the text itself)
		assertThat(FundProjects.decisionText("T", "Kazakhstan", new BigDecimal("1000.00"),
				List.of(new FundProject.PlannedTranche(new BigDecimal("1000.00"), clock.today())), "EUR", java.util.Locale.ENGLISH))
				.contains("EUR 1,000.00").doesNotContain("USD");
		assertThat(FundProjects.decisionText("T", "Казахстан", new BigDecimal("1000.00"),
				List.of(new FundProject.PlannedTranche(new BigDecimal("1000.00"), clock.today())), "EUR", java.util.Locale.forLanguageTag("ru")))
				.contains("евро").doesNotContain("долл.");
		// a refused amount: 400, the message beside the field, nothing written
		var refused = api.post("/api/fund/projects", kazakhstan, """
				{"titleEn": "Refused %s", "purpose": "P.", "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue", "amount": "1000.001"}], "requested": "1000"}"""
				.formatted(unique, clock.today().plusDays(10), clock.today().plusDays(40)));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("budget[0].amount").contains("more than two decimals");
		assertThat(jdbc.sql("select count(*) from fund_project_revision where content ->> 'titleEn' = ?").param("Refused " + unique)
				.query(Long.class).single()).isZero();
	}
}
