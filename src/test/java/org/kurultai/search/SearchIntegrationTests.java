package org.kurultai.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search, through the API and the page: stemming in English and Russian, the access filter for every level and
 * viewer (results, totals and snippets), the aliases of bodies, typos in names, filters, paging and sorting, snippets
 * escaped, and bad parameters refused with a problem (API) or beside the field (page).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired AccessPolicy policy;
	@Autowired ForumClock clock;
	@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
	@Autowired org.kurultai.platform.DataVersions versions;
	@Autowired Search searching;

	Delegations api;
	Actor secretariat;
	Actor officer;
	Actor member;
	Actor otherMember;
	Actor observer;
	Actor expert;
	/** A word of letters only, made for this run, that no other text has. */
	final String unique = word(new Random());
	/** A word of each level's document that no other document of this test has. */
	static final Map<AccessLevel, String> CODEWORDS = Map.of(AccessLevel.PUBLIC, "alpha", AccessLevel.PARTICIPANTS, "bravo",
			AccessLevel.MEMBERS, "charlie", AccessLevel.NAMED_PARTICIPANTS, "delta", AccessLevel.SECRETARIAT, "echo");
	/** The documents made at each access level, by level. */
	final Map<AccessLevel, String> byLevel = new LinkedHashMap<>();

	static String word(Random random) {
		var word = new StringBuilder("zyx");
		for (int i = 0; i < 8; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	@BeforeAll
	void records() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("srch");
		officer = api.actor("srch.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		member = api.coordinator("srch", "KAZ");
		otherMember = api.coordinator("srch", "CHN");
		observer = api.coordinator("srch", "JPN");
		expert = api.actor("srch.expert@think-tank.example", Role.EXPERT, null);
		for (var level : AccessLevel.values()) {
			byLevel.put(level, document("Draft on levels " + unique, level, "en",
					"The parties negotiate confidence in the record %s %s.".formatted(unique, CODEWORDS.get(level))));
		}
	}

	private String document(String title, AccessLevel level, String language, String text) {
		var named = level == AccessLevel.NAMED_PARTICIPANTS ? ", \"named\": [\"KAZ\"]" : "";
		var response = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "%s"%s, "languages": ["%s"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"%s": %s}}]}"""
				.formatted(title, level, named, language, language, Delegations.JSON.writeValueAsString(text)));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private JsonNode search(String query, @Nullable Actor actor) {
		var response = api.get("/api/search?" + query, actor);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static String q(String text) {
		return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<String> ids(JsonNode found, String kind) {
		var ids = new ArrayList<String>();
		found.get("results").forEach(result -> {
			if (result.get("kind").asString().equals(kind)) {
				ids.add(result.get("id").asString());
			}
		});
		return ids;
	}

	@Test
	void englishIsStemmed() {
		var id = document("Statement on trust " + unique + "en", AccessLevel.PUBLIC, "en",
				"Member States shall strengthen mutual confidence through dialogue " + unique + "en.");
		var found = search(q("confidences " + unique + "en"), null);
		assertThat(found.get("total").asLong()).isEqualTo(1); // the paragraph (the document's title does not say confidence)
		assertThat(ids(found, "document")).contains(id);
		var paragraph = found.get("results").get(0);
		assertThat(paragraph.get("url").asString()).isEqualTo("/documents/" + id + "#p-1");
		assertThat(paragraph.get("snippet").asString()).contains("<mark>confidence</mark>");
		assertThat(paragraph.get("title").asString()).contains("Statement on trust");
		// the same words in Russian find nothing in English
		assertThat(search(q("доверие " + unique + "en"), null).get("total").asLong()).isZero();
	}

	@Test
	void russianIsStemmed() {
		var id = document("Заявление о доверии " + unique + "ru", AccessLevel.PUBLIC, "ru",
				"Государства-члены применяют меры доверия в военно-политической области " + unique + "ru.");
		var found = search(q("мерами доверия " + unique + "ru"), null);
		assertThat(ids(found, "document")).contains(id);
		assertThat(found.get("results").get(0).get("snippet").asString()).contains("<mark>меры</mark>").contains("<mark>доверия</mark>");
		// the language filter: in Russian it is found, in English not
		assertThat(ids(search(q("мерами доверия " + unique + "ru") + "&lang=ru", null), "document")).contains(id);
		assertThat(search(q("мерами доверия " + unique + "ru") + "&lang=en", null).get("total").asLong()).isZero();
	}

	@Test
	void everyViewerFindsWhatThePolicyLetsThemSeeAndNothingElse() {
		var viewers = new LinkedHashMap<String, @Nullable Actor>();
		viewers.put("the public", null);
		viewers.put("Secretariat administrator", secretariat);
		viewers.put("Secretariat officer", officer);
		viewers.put("expert", expert);
		viewers.put("member delegation (named)", member);
		viewers.put("member delegation (not named)", otherMember);
		viewers.put("observer delegation", observer);
		int shown = 0;
		int hidden = 0;
		for (var viewer : viewers.entrySet()) {
			var actor = viewer.getValue();
			var seer = policy.viewer(actor == null ? null : actor.account(), clock.today());
			var expected = new TreeSet<String>();
			byLevel.forEach((level, id) -> {
				var access = level == AccessLevel.NAMED_PARTICIPANTS ? Access.namedParticipants("KAZ") : Access.of(level);
				if (policy.maySee(seer, access)) {
					expected.add(id);
				}
			});
			var found = search(q("confidence " + unique), actor);
			assertThat(new TreeSet<>(ids(found, "document"))).as(viewer.getKey()).isEqualTo(expected);
			// the title entry and the paragraph of each document it may see: nothing else is counted
			assertThat(found.get("total").asLong()).as(viewer.getKey()).isEqualTo(expected.size());
			var titles = search(q("draft levels " + unique), actor);
			// the title: the document's own entry and its paragraph's (which carries the document's title)
			assertThat(titles.get("total").asLong()).as(viewer.getKey()).isEqualTo(2L * expected.size());
			for (var level : AccessLevel.values()) {
				var word = CODEWORDS.get(level);
				var one = search(q(unique + " " + word) + "&kind=document", actor);
				boolean sees = expected.contains(byLevel.get(level));
				assertThat(one.get("total").asLong()).as("%s, %s", viewer.getKey(), level).isEqualTo(sees ? 1 : 0);
				if (!sees) {
					assertThat(one.toString()).as("%s, %s: not even in a snippet", viewer.getKey(), level).doesNotContain(word)
							.doesNotContain(byLevel.get(level));
					hidden++;
				}
				else {
					assertThat(one.toString()).as("%s, %s", viewer.getKey(), level).contains("<mark>" + word + "</mark>");
					shown++;
				}
			}
			// the page says the same
			var page = api.page("/search?" + q("confidence " + unique), actor);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("data-total=\"" + expected.size() + "\"");
			byLevel.forEach((level, id) -> assertThat(page.body().contains("/documents/" + id + "#p-1")).as("%s, %s (page)", viewer.getKey(), level)
					.isEqualTo(expected.contains(id)));
		}
		assertThat(shown).isPositive();
		assertThat(hidden).isPositive();
		// a draft open to participants never appears for the public, and does for a delegation
		assertThat(search(q(unique + " bravo"), null).get("total").asLong()).isZero();
		assertThat(search(q(unique + " bravo"), observer).get("total").asLong()).isEqualTo(1);
	}

	@Test
	void aBodyIsFoundByTheAliasesTheSourcesUse() {
		var found = search(q("Council of Wise Men") + "&kind=body", null);
		assertThat(ids(found, "body")).first().isEqualTo("CEP");
		assertThat(ids(search(q("Council of Sages"), null), "body")).contains("CEP");
		// and by its name in Russian where the data has one, or in English
		assertThat(ids(search(q("Eminent Persons"), null), "body")).contains("CEP");
	}

	@Test
	void namesTolerateTypos() {
		assertThat(ids(search(q("Kazakstan"), null), "participant")).first().isEqualTo("KAZ");
		assertThat(ids(search(q("Ouzbekistan"), null), "participant")).first().isEqualTo("UZB");
		assertThat(ids(search(q("Казахтан"), null), "participant")).contains("KAZ");
		// a correct name in Russian too
		assertThat(ids(search(q("Узбекистан") + "&lang=ru", null), "participant")).first().isEqualTo("UZB");
	}

	@Test
	void filtersNarrowAndPagesDoNotOverlap() {
		var byKind = search(q("Kazakhstan") + "&kind=participant", null);
		found(byKind).forEach(result -> assertThat(result.get("kind").asString()).isEqualTo("participant"));
		assertThat(byKind.get("total").asLong()).isPositive();
		var meetings = search(q("Ministers") + "&kind=meeting&body=CMFA", null);
		assertThat(meetings.get("total").asLong()).isPositive();
		found(meetings).forEach(result -> assertThat(result.get("url").asString()).startsWith("/meetings/"));
		var ru = search(q("Казахстан") + "&lang=ru", null);
		assertThat(ru.get("total").asLong()).isPositive();
		var year = search(q("CICA") + "&kind=meeting&year=2014", null);
		assertThat(year.get("total").asLong()).isPositive();
		found(year).forEach(result -> assertThat(result.get("date").asString()).startsWith("2014-"));
		// newest first
		var byDate = search(q("CICA") + "&kind=meeting&sort=date&size=10", null);
		var dates = new ArrayList<String>();
		found(byDate).forEach(result -> dates.add(result.get("date").asString()));
		assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		// pages: the same total, different results, nothing past the last
		var first = search(q("CICA") + "&size=3&page=1", null);
		var second = search(q("CICA") + "&size=3&page=2", null);
		assertThat(first.get("total").asLong()).isEqualTo(second.get("total").asLong()).isGreaterThan(6);
		var seen = new TreeSet<String>();
		found(first).forEach(result -> seen.add(result.get("url").asString()));
		found(second).forEach(result -> assertThat(seen.add(result.get("url").asString())).isTrue());
		assertThat(seen).hasSize(6);
		var beyond = search(q("CICA") + "&size=50&page=500", null);
		assertThat(beyond.get("results").size()).isZero();
		assertThat(beyond.get("total").asLong()).isEqualTo(first.get("total").asLong());
	}

	@Test
	void beyondTheCapTheFirstFoundAreRankedAndTheTotalSaysMoreThan() {
		var word = unique + "cap";
		var visible = new TreeSet<String>();
		for (int i = 0; i < 4; i++) {
			visible.add(document("Capped draft " + i, AccessLevel.PARTICIPANTS, "en", "The parties note " + word + " number " + i + "."));
		}
		var hidden = new TreeSet<String>();
		for (int i = 0; i < 3; i++) {
			hidden.add(document("Capped note " + i, AccessLevel.SECRETARIAT, "en", "The Secretariat notes " + word + " number " + i + "."));
		}
		var viewer = policy.viewer(member.account(), clock.today());
		var query = searching.query(word, null, null, null, null, null, null, "2");
		// under the cap: exact (the Secretariat's three entries are filtered out before the cap, not counted against it)
		var all = searching.search(query, viewer, 4);
		assertThat(all.total()).isEqualTo(4);
		assertThat(all.totalExact()).isTrue();
		// over it: the total is the cap, a lower bound, and only the first found are ranked and paged
		var capped = searching.search(query, viewer, 3);
		assertThat(capped.total()).isEqualTo(3);
		assertThat(capped.totalExact()).isFalse();
		assertThat(capped.results()).hasSize(2);
		var second = searching.search(searching.query(word, null, null, null, null, null, "2", "2"), viewer, 3);
		assertThat(second.results()).hasSize(1);
		assertThat(second.total()).isEqualTo(3);
		assertThat(second.totalExact()).isFalse();
		var seen = new TreeSet<String>();
		capped.results().forEach(hit -> seen.add(hit.id()));
		second.results().forEach(hit -> assertThat(seen.add(hit.id())).isTrue());
		assertThat(visible).containsAll(seen);
		assertThat(seen).hasSize(3).doesNotContainAnyElementsOf(hidden);
		// past the last page: nothing, and the same lower bound
		var beyond = searching.search(searching.query(word, null, null, null, null, null, "3", "2"), viewer, 3);
		assertThat(beyond.results()).isEmpty();
		assertThat(beyond.total()).isEqualTo(3);
		assertThat(beyond.totalExact()).isFalse();
		// a cap of exactly what is visible is still exact; the Secretariat sees all seven, so the same cap is exceeded
		assertThat(searching.search(query, policy.viewer(secretariat.account(), clock.today()), 7).totalExact()).isTrue();
		assertThat(searching.search(query, policy.viewer(secretariat.account(), clock.today()), 6).totalExact()).isFalse();
		// through the API (the application's cap, far above): exact
		var answer = search(q(word), member);
		assertThat(answer.get("total").asLong()).isEqualTo(4);
		assertThat(answer.get("totalExact").asBoolean()).isTrue();
		var page = api.page("/search?" + q(word), member);
		assertThat(page.body()).contains("data-total=\"4\"").contains("data-total-exact=\"true\"");
	}

	private static List<JsonNode> found(JsonNode results) {
		var list = new ArrayList<JsonNode>();
		results.get("results").forEach(list::add);
		return list;
	}

	@Test
	void snippetsAreEscaped() {
		var id = document("Markup " + unique + "html", AccessLevel.PUBLIC, "en",
				"<script>alert('x')</script> <b>bold</b> \uE000 confidence " + unique + "html: if 2 < 3 & 4 > 1 then more");
		var found = search(q("confidence " + unique + "html"), null);
		assertThat(ids(found, "document")).contains(id);
		var snippet = found.get("results").get(0).get("snippet").asString();
		assertThat(snippet).doesNotContain("<script").doesNotContain("<b>").contains("2 &lt; 3 &amp; 4 &gt; 1").doesNotContain("\uE000")
				.contains("<mark>confidence</mark>");
		assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<").doesNotContain(">");
		var page = api.page("/search?" + q("confidence " + unique + "html"), null);
		assertThat(page.body()).doesNotContain("<script>alert").contains("2 &lt; 3 &amp; 4 &gt; 1");
	}

	@Test
	void badParametersAreRefusedWithAProblem() {
		var bad = List.of("", "q=", "q=%20%20", q("x".repeat(201)), q("a\u0000b"), q("word") + "&kind=poem", q("word") + "&year=abc",
				q("word") + "&year=99999", q("word") + "&lang=de", q("word") + "&sort=best", q("word") + "&page=0", q("word") + "&page=501",
				q("word") + "&page=x", q("word") + "&size=51", q("word") + "&size=0", q("word") + "&body=NOPE", q("word") + "&body=%27%3B--",
				// only words to leave out: it would match (and rank) nearly everything
				q("-zzzz"), q("-zzzz or -yyyy"), q("-\"a phrase\""));
		for (var query : bad) {
			var response = api.get("/api/search?" + query, null);
			assertThat(response.status()).as(query + ": " + response).isEqualTo(400);
			assertThat(response.contentType()).as(query).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).as(query).isNotBlank();
		}
		// websearch syntax never fails
		for (var odd : List.of("\"unclosed", "a | | b", "-", "!!", "(", "&", "'", ":*", "\\", "<%", "ё")) {
			assertThat(api.get("/api/search?" + q(odd), null).status()).as(odd).isEqualTo(200);
		}
		// the page: the form again, the message beside the field, what was typed kept
		var page = api.page("/search?" + q("Kazakhstan") + "&year=abc", null);
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"error-search-year\"").contains("value=\"abc\"").contains("value=\"Kazakhstan\"");
		var ru = api.page("/search?" + q("x".repeat(201)), null);
		assertThat(ru.status()).isEqualTo(400);
		assertThat(ru.body()).contains("id=\"error-search-q\"");
		// no query: the form alone
		var empty = api.page("/search", null);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"search-form\"").doesNotContain("id=\"search-results\"");
	}

	@Test
	void everyKindIsFound() {
		var kinds = Map.of(
				"decision", q("Declaration on Principles Guiding Relations") + "&kind=decision",
				"meeting", q("Ministerial Meeting") + "&kind=meeting",
				"event", q("Tokayev proposes Council of Wise Men") + "&kind=event",
				"measure", q("military") + "&kind=measure",
				"participant", q("Russian Federation") + "&kind=participant",
				"body", q("Ministerial") + "&kind=body",
				"document", q("Almaty Act") + "&kind=document");
		kinds.forEach((kind, query) -> {
			var found = search(query, null);
			assertThat(found.get("total").asLong()).as(kind).isPositive();
			assertThat(Set.copyOf(ids(found, kind))).as(kind).isNotEmpty();
		});
	}

	/** The entries of a document, by id (a rewrite gives them new ids). */
	private List<Long> entries(String document) {
		return jdbc.sql("select id from search_entry where kind = 'DOCUMENT' and record_id = ? order by id").param(document).query(Long.class)
				.list();
	}

	@Test
	void aChangeRewritesOnlyTheDocumentsItTouched() {
		var touched = document("Touched " + unique, AccessLevel.PUBLIC, "en", "The first wording " + unique + "first.");
		var untouched = document("Untouched " + unique, AccessLevel.PUBLIC, "en", "Another text " + unique + "other.");
		search(q(unique + "first"), null);
		var touchedBefore = entries(touched);
		var untouchedBefore = entries(untouched);
		assertThat(touchedBefore).isNotEmpty();
		assertThat(untouchedBefore).isNotEmpty();

		// a change of the documents' area that touches no text (as a position on an alternative does): nothing rewritten
		jdbc.sql("update data_version set version = version + 1 where area = 'DOCUMENTS'").update();
		versions.refresh();
		search(q(unique + "first"), null);
		assertThat(entries(touched)).isEqualTo(touchedBefore);
		assertThat(entries(untouched)).isEqualTo(untouchedBefore);

		// one document changed: its entries are written again, with what it now says; the other's stay
		jdbc.sql("update document set title = ? where id = ?").params("Touched again " + unique + "again", touched).update();
		versions.refresh();
		assertThat(ids(search(q(unique + "again"), null), "document")).contains(touched);
		assertThat(entries(touched)).isNotEmpty().doesNotContainAnyElementsOf(touchedBefore);
		assertThat(entries(untouched)).isEqualTo(untouchedBefore);
	}

	@Test
	void aNewRecordIsFoundAtOnce() {
		var before = search(q("fresh " + unique + "new"), null).get("total").asLong();
		assertThat(before).isZero();
		var id = document("Fresh " + unique + "new", AccessLevel.PUBLIC, "en", "A fresh text " + unique + "new.");
		assertThat(ids(search(q("fresh " + unique + "new"), null), "document")).contains(id);
	}
}
