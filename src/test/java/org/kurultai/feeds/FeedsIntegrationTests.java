package org.kurultai.feeds;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Fetched;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.RouteRules;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feeds, the sitemap and what the public pages say of themselves, read back as a client would: each feed parses as
 * Atom (Rome) with its id, title, updated, and entries with ids, titles, updated and links, newest first and bounded;
 * shows the public records made here and none of the records open to participants only (a meeting, a draft, a decision
 * on a text open to participants), whoever asks; comes in English and Russian; answers 304 to its own tag. The sitemap
 * is valid against the sitemaps.org shape and lists public records only. Every public page route carries its Open
 * Graph tags and description, in both languages, and no public page shows a seed document by its internal file name.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsIntegrationTests {

	static final List<String> FEEDS = List.of("decisions", "documents", "meetings", "timeline", "fund-projects");

	/** Public page routes that say nothing of themselves (sign-in, one-time links, a fragment polled by htmx). */
	static final Set<String> WITHOUT_META = Set.of("/login", "/password-reset", "/password-reset/{secret}", "/invitations/{secret}",
			"/unsubscribe/{token}", "/decisions/{id}/status");

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired ApplicationContext context;
	@Value("${kurultai.public-url}") String publicUrl;

	Delegations api;
	Actor officer;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	String publicMeeting;
	String closedSession;
	String publicDocument;
	long publicDecision;
	String closedDocument;
	long closedDecision;
	String draft;
	long publicApplication;
	long publicFundProject;

	@BeforeAll
	void records() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("feedsqf");
		// a public meeting far ahead (not among the home page's next events), and a session open to participants today
		publicMeeting = meeting("Feeds public meeting " + unique, "PUBLIC", LocalDate.of(2038, 2, 10), LocalDate.of(2038, 2, 11));
		closedSession = meeting("Feeds closed session " + unique, "PARTICIPANTS", clock.today(), clock.today());
		// a public text adopted at it, and a text open to participants adopted at it; a draft open to participants
		publicDocument = table("Feeds public text " + unique, "PUBLIC", "AGREED");
		publicDecision = adopt(publicDocument, closedSession);
		closedDocument = table("Feeds closed text " + unique, "PARTICIPANTS", "AGREED");
		closedDecision = adopt(closedDocument, closedSession);
		draft = table("Feeds closed draft " + unique, "PARTICIPANTS", "BRACKETED");
		var letters = new StringBuilder();
		unique.chars().forEach(c -> letters.append(Character.isDigit(c) ? (char) ('A' + c - '0') : (char) c));
		var application = api.post("/api/applications", officer, """
				{"newParticipant": {"code": "FQ%s", "kind": "ORGANIZATION", "nameEn": "Feeds Organization %s", "nameRu": "Организация лент"},
				 "status": "OBSERVER", "receivedOn": "%s", "reference": "Feeds note %s", "access": "PUBLIC"}"""
				.formatted(letters, unique, clock.today(), unique));
		assertThat(application.status()).as(application.toString()).isEqualTo(201);
		publicApplication = application.json().get("id").asLong();
		publicFundProject = approvedFundProject();
	}

	/** A Fund project approved by the PRC at a meeting in session (public once approved). */
	private long approvedFundProject() {
		var coordinator = api.coordinator("feedsqf", "KAZ");
		var drafted = api.post("/api/fund/projects", coordinator, """
				{"titleEn": "Feeds project %s", "purpose": "Feeds.", "start": "%s", "end": "%s",
				 "budget": [{"description": "Venue", "amount": "1000"}], "requested": "1000"}"""
				.formatted(unique, clock.today().plusDays(10), clock.today().plusDays(100)));
		assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
		long id = drafted.json().get("id").asLong();
		assertThat(api.post("/api/fund/projects/" + id + "/submission", coordinator, null).status()).isEqualTo(200);
		var checklist = java.util.Arrays.stream(org.kurultai.fund.EligibilityCriterion.values())
				.map(criterion -> "{\"criterion\": \"" + criterion + "\", \"met\": true}").toList();
		assertThat(api.post("/api/fund/projects/" + id + "/eligibility", officer, "{\"checklist\": " + checklist + "}").status()).isEqualTo(200);
		var meeting = api.post("/api/meetings", officer, """
				{"body": "PRC", "title": "Feeds PRC %s", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(unique, clock.today(), clock.today()));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var put = api.post("/api/fund/projects/" + id + "/decision", officer, """
				{"procedure": "MEETING", "meeting": "%s", "present": ["KAZ"], "amount": "1000",
				 "tranches": [{"amount": "1000", "plannedOn": "%s"}]}""".formatted(meeting.json().get("id").asString(), clock.today().plusDays(20)));
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		var closed = api.post("/api/decisions/" + put.json().at("/decision/id").asLong() + "/close", officer, null);
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		assertThat(api.get("/api/fund/projects/" + id, null).status()).isEqualTo(200);
		return id;
	}

	private String meeting(String title, String access, LocalDate from, LocalDate until) {
		var created = api.post("/api/meetings", officer, """
				{"body": "SOC", "title": "%s", "from": "%s", "until": "%s", "place": "Astana", "access": "%s"}"""
				.formatted(title, from, until, access));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String table(String title, String access, String status) {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "%s", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "%s", "text": {"en": "We agree."}}]}""".formatted(title, access, status));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	private long adopt(String document, String meeting) {
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ"]}"""
				.formatted(document, meeting));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		var closed = api.post("/api/decisions/" + decision + "/close", officer, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
		return decision;
	}

	// ---------------------------------------------------------------- HTTP

	Fetched fetch(String path, String... headers) {
		return Fetched.get(http, port, path, headers);
	}

	static Feed atom(String xml) {
		try {
			var input = new WireFeedInput();
			var feed = input.build(new StringReader(xml));
			assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
			return (Feed) feed;
		}
		catch (Exception e) {
			throw new AssertionError("not an Atom feed: " + e.getMessage() + "\n" + xml, e);
		}
	}

	static Set<String> ids(Feed feed) {
		var ids = new LinkedHashSet<String>();
		feed.getEntries().forEach(entry -> ids.add(entry.getId()));
		return ids;
	}

	String tag(String key) {
		return "tag:localhost," + FeedPublisher.TAG_YEAR + ":" + key;
	}

	// ---------------------------------------------------------------- the feeds

	@Test
	void eachFeedIsValidAtomWithIdsTitlesDatesAndLinksNewestFirst() throws Exception {
		for (var name : FEEDS) {
			var fetched = fetch("/feeds/" + name + ".atom");
			assertThat(fetched.status()).as(name).isEqualTo(200);
			assertThat(fetched.header("Content-Type")).as(name).startsWith("application/atom+xml");
			// the XML itself: an Atom feed element in its namespace, with its language
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			var root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(fetched.body()))).getDocumentElement();
			assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
			assertThat(root.getLocalName()).isEqualTo("feed");
			assertThat(root.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
			for (var required : List.of("id", "title", "updated", "author")) {
				assertThat(root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength()).as(name + " " + required).isPositive();
			}
			var feed = atom(fetched.body());
			assertThat(feed.getId()).as(name).startsWith("tag:");
			assertThat(feed.getTitleEx().getValue()).as(name).isNotBlank();
			assertThat(feed.getUpdated()).as(name).isNotNull();
			assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
			assertThat(feed.getEntries()).as(name).isNotEmpty().hasSizeLessThanOrEqualTo(FeedEntries.LIMIT);
			assertThat(ids(feed)).as(name + ": ids are unique").hasSize(feed.getEntries().size());
			java.util.Date before = null;
			for (Entry entry : feed.getEntries()) {
				assertThat(entry.getId()).as(name).startsWith("tag:localhost,");
				assertThat(entry.getTitleEx().getValue()).as(name).isNotBlank();
				assertThat(entry.getUpdated()).as(name + " " + entry.getId()).isNotNull();
				assertThat(entry.getAlternateLinks()).as(name + " " + entry.getId()).hasSize(1);
				assertThat(entry.getAlternateLinks().get(0).getHref()).startsWith(publicUrl + "/");
				if (before != null) {
					assertThat(entry.getUpdated()).as(name + ": newest first").isBeforeOrEqualTo(before);
				}
				before = entry.getUpdated();
				assertThat(entry.getUpdated()).as(name + ": the feed's updated is its newest entry's").isBeforeOrEqualTo(feed.getUpdated());
			}
			// each entry's link opens the record's page for the public
			var first = feed.getEntries().get(0).getAlternateLinks().get(0).getHref().substring(publicUrl.length());
			assertThat(api.page(first, null).status()).as(name + ": " + first).isEqualTo(200);
		}
	}

	@Test
	void aTitleWithCharactersXmlForbidsDoesNotTakeTheFeedDown() throws Exception {
		// a delegation may table a public text whose title holds a control character or a non-character
		var title = "Feeds odd title " + unique;
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s \\u0001 \\ufffe end", "body": "SOC", "access": "PUBLIC", "languages": ["en"],
				 "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		for (var language : List.of("en", "ru")) {
			var fetched = fetch("/feeds/documents.atom?lang=" + language);
			assertThat(fetched.status()).as(language).isEqualTo(200);
			var factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.newDocumentBuilder().parse(new InputSource(new StringReader(fetched.body())));
			assertThat(atom(fetched.body()).getEntries()).extracting(entry -> entry.getTitleEx().getValue())
					.anyMatch(shown -> shown.endsWith(title + " \uFFFD \uFFFD end"));
		}
	}

	@Test
	void theFeedsShowPublicRecordsAndNoneOpenToParticipantsOnlyWhoeverAsks() {
		for (var who : new Actor[] { null, officer }) {
			var decisions = ids(atom(api.page("/feeds/decisions.atom", who).body()));
			assertThat(decisions).contains(tag("decision:" + publicDecision)).doesNotContain(tag("decision:" + closedDecision));
			var documents = ids(atom(api.page("/feeds/documents.atom", who).body()));
			assertThat(documents).contains(tag("document:" + publicDocument)).doesNotContain(tag("document:" + closedDocument),
					tag("document:" + draft));
			var meetings = ids(atom(api.page("/feeds/meetings.atom", who).body()));
			assertThat(meetings).contains(tag("meeting:" + publicMeeting)).doesNotContain(tag("meeting:" + closedSession));
			var timeline = atom(api.page("/feeds/timeline.atom", who).body());
			assertThat(ids(timeline)).doesNotContain(tag("timeline:meeting:" + closedSession));
			assertThat(api.page("/feeds/timeline.atom", who).body()).doesNotContain("Feeds closed session " + unique);
			assertThat(ids(atom(api.page("/feeds/fund-projects.atom", who).body()))).contains(tag("fund-project:" + publicFundProject));
		}
		// the Fund project's approval: its title, its State, the amount in the Fund's currency, the day; linked to its page
		var projects = atom(api.page("/feeds/fund-projects.atom", null).body());
		var approval = projects.getEntries().stream().filter(e -> e.getId().equals(tag("fund-project:" + publicFundProject))).findFirst()
				.orElseThrow();
		assertThat(approval.getTitleEx().getValue()).isEqualTo("Fund project approved: Feeds project " + unique);
		assertThat(approval.getAlternateLinks().get(0).getHref()).isEqualTo(publicUrl + "/fund/projects/" + publicFundProject);
		assertThat(approval.getSummary().getValue()).contains("Kazakhstan", "USD 1,000.00",
				org.kurultai.platform.Formats.dayIn(clock.today(), Locale.ENGLISH));
		var russian = atom(api.page("/feeds/fund-projects.atom?lang=ru", null).body());
		assertThat(russian.getEntries().stream().filter(e -> e.getId().equals(tag("fund-project:" + publicFundProject))).findFirst().orElseThrow()
				.getSummary().getValue()).contains("Казахстан", "долл. США");
		// the decision's entry: its document's title, a link to its page, and the day of adoption in the forum's zone
		var decisions = atom(api.page("/feeds/decisions.atom", null).body());
		var entry = decisions.getEntries().stream().filter(e -> e.getId().equals(tag("decision:" + publicDecision))).findFirst().orElseThrow();
		assertThat(entry.getTitleEx().getValue()).contains("Feeds public text " + unique);
		assertThat(entry.getAlternateLinks().get(0).getHref()).isEqualTo(publicUrl + "/decisions/" + publicDecision);
		assertThat(entry.getSummary().getValue()).contains(org.kurultai.platform.Formats.dayIn(clock.today(), Locale.ENGLISH));
		// the public meeting's entry links to its page; the one convened last is among the first
		var meetings = atom(api.page("/feeds/meetings.atom", null).body());
		var meeting = meetings.getEntries().stream().filter(e -> e.getId().equals(tag("meeting:" + publicMeeting))).findFirst().orElseThrow();
		assertThat(meeting.getAlternateLinks().get(0).getHref()).isEqualTo(publicUrl + "/meetings/" + publicMeeting);
		assertThat(meeting.getSummary().getValue()).contains("10 February 2038");
	}

	@Test
	void theTimelineFeedHoldsTheLatestPublicEventsUpToToday() {
		var feed = atom(api.page("/feeds/timeline.atom", null).body());
		var events = api.get("/api/timeline?to=" + clock.today(), null).json();
		var titles = new TreeSet<String>();
		LocalDate latest = null;
		for (var event : events) {
			titles.add(event.get("title").asString());
			var date = LocalDate.parse(event.get("date").asString());
			latest = latest == null || date.isAfter(latest) ? date : latest;
		}
		for (var entry : feed.getEntries()) {
			assertThat(titles).as("the feed's events are the public timeline's").contains(entry.getTitleEx().getValue());
		}
		var newest = LocalDate.ofInstant(feed.getEntries().get(0).getUpdated().toInstant(), clock.zone());
		assertThat(newest).isEqualTo(latest);
	}

	@Test
	void theFeedsComeInEnglishAndRussian() throws Exception {
		var russian = fetch("/feeds/decisions.atom?lang=ru");
		assertThat(russian.status()).isEqualTo(200);
		assertThat(russian.header("Content-Language")).isEqualTo("ru");
		var feed = atom(russian.body());
		assertThat(feed.getTitleEx().getValue()).contains("принятые решения");
		assertThat(russian.body()).contains("xml:lang=\"ru\"");
		var entry = feed.getEntries().stream().filter(e -> e.getId().equals(tag("decision:" + publicDecision))).findFirst().orElseThrow();
		assertThat(entry.getSummary().getValue()).contains("Дата принятия").contains(org.kurultai.platform.Formats.dayIn(clock.today(),
				Locale.forLanguageTag("ru")));
		// the same entry, in the other language: the same id
		var english = atom(fetch("/feeds/decisions.atom?lang=en", "Accept-Language", "ru").body());
		assertThat(english.getTitleEx().getValue()).contains("decisions adopted");
		assertThat(ids(english)).contains(entry.getId());
		// without ?lang=, the language of the request, as the pages choose it
		var accepted = fetch("/feeds/meetings.atom", "Accept-Language", "ru-RU,ru;q=0.9");
		assertThat(atom(accepted.body()).getTitleEx().getValue()).contains("заседания");
		assertThat(accepted.header("Vary")).contains("Accept-Language");
		var cookie = fetch("/feeds/timeline.atom", "Cookie", "kurultai-language=ru");
		assertThat(atom(cookie.body()).getTitleEx().getValue()).contains("хроника");
		for (var name : FEEDS) {
			var ru = atom(fetch("/feeds/" + name + ".atom?lang=ru").body());
			var en = atom(fetch("/feeds/" + name + ".atom?lang=en").body());
			assertThat(ru.getTitleEx().getValue()).as(name).isNotEqualTo(en.getTitleEx().getValue());
			assertThat(ru.getId()).as(name).isNotEqualTo(en.getId());
			assertThat(ids(ru)).as(name + ": the same entries in both languages").isEqualTo(ids(en));
		}
		// a language Kurultai is not written in: a problem, not a feed
		var unknown = fetch("/feeds/decisions.atom?lang=fr", "Accept", "application/json");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("lang");
	}

	@Test
	void anUnchangedFeedOrSitemapAnswers304AndAChangeANewTag() {
		for (var path : List.of("/feeds/decisions.atom", "/feeds/documents.atom", "/feeds/meetings.atom", "/feeds/timeline.atom",
				"/feeds/fund-projects.atom", "/feeds/meetings.atom?lang=ru", "/sitemap.xml", "/robots.txt")) {
			// no date while the last change's second is not over (DataVersions.Stamp#httpLastModified): the tag alone validates
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !fetch(path).header("Last-Modified").isBlank());
			var first = fetch(path);
			var tag = first.header("ETag");
			assertThat(tag).as(path).isNotBlank();
			assertThat(first.header("Last-Modified")).as(path).isNotBlank();
			assertThat(fetch(path, "If-None-Match", tag).status()).as(path).isEqualTo(304);
			assertThat(fetch(path, "If-None-Match", "\"something-else\"").status()).as(path).isEqualTo(200);
			assertThat(fetch(path, "If-Modified-Since", first.header("Last-Modified")).status()).as(path).isEqualTo(304);
		}
		assertThat(fetch("/feeds/meetings.atom?lang=ru").header("ETag")).isNotEqualTo(fetch("/feeds/meetings.atom?lang=en").header("ETag"));
		// a new public meeting: the meetings feed and the sitemap change
		var feedTag = fetch("/feeds/meetings.atom").header("ETag");
		var sitemapTag = fetch("/sitemap.xml").header("ETag");
		var added = meeting("Feeds later meeting " + unique, "PUBLIC", LocalDate.of(2038, 3, 10), LocalDate.of(2038, 3, 10));
		var after = fetch("/feeds/meetings.atom", "If-None-Match", feedTag);
		assertThat(after.status()).isEqualTo(200);
		assertThat(ids(atom(after.body()))).contains(tag("meeting:" + added));
		var sitemap = fetch("/sitemap.xml", "If-None-Match", sitemapTag);
		assertThat(sitemap.status()).isEqualTo(200);
		assertThat(sitemap.body()).contains(publicUrl + "/meetings/" + added + "<");
	}

	// ---------------------------------------------------------------- the sitemap

	@Test
	void theSitemapIsValidAndListsThePublicPagesAndPublicRecordsOnly() throws Exception {
		var fetched = fetch("/sitemap.xml");
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.header("Content-Type")).startsWith("application/xml");
		// valid against the shape of sitemaps.org's schema (0.9)
		var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
				.newSchema(new StreamSource(new ClassPathResource("feeds/sitemap.xsd").getInputStream()));
		schema.newValidator().validate(new StreamSource(new StringReader(fetched.body())));
		var locs = sitemap(fetched.body());
		assertThat(locs.keySet()).allMatch(loc -> loc.startsWith(publicUrl + "/"));
		assertThat(locs.keySet()).contains(publicUrl + "/", publicUrl + "/participants/KAZ", publicUrl + "/bodies/SOC",
				publicUrl + "/meetings/CHSG-2", publicUrl + "/documents/DECLARATION-2006", publicUrl + "/catalogue?edition=2021",
				publicUrl + "/meetings/" + publicMeeting, publicUrl + "/documents/" + publicDocument, publicUrl + "/decisions/" + publicDecision,
				publicUrl + "/fund/projects/" + publicFundProject);
		assertThat(locs.get(publicUrl + "/fund/projects/" + publicFundProject)).isEqualTo(clock.today().toString());
		assertThat(locs.keySet()).doesNotContain(publicUrl + "/meetings/" + closedSession, publicUrl + "/documents/" + closedDocument,
				publicUrl + "/documents/" + draft, publicUrl + "/decisions/" + closedDecision);
		// lastmod where known, never ahead of today
		assertThat(locs.get(publicUrl + "/documents/" + publicDocument)).isEqualTo(clock.today().toString());
		assertThat(locs.get(publicUrl + "/meetings/CHSG-2")).isEqualTo("2006-06-17");
		for (var lastmod : locs.values()) {
			if (lastmod != null) {
				assertThat(LocalDate.parse(lastmod)).isBeforeOrEqualTo(clock.today());
			}
		}
		// as a signed-in person: the same, the public's
		assertThat(sitemap(api.page("/sitemap.xml", officer).body()).keySet()).doesNotContain(publicUrl + "/documents/" + draft);
	}

	Map<String, String> sitemap(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(Sitemap.NAMESPACE);
		var locs = new LinkedHashMap<String, String>();
		var urls = root.getElementsByTagNameNS(Sitemap.NAMESPACE, "url");
		for (int i = 0; i < urls.getLength(); i++) {
			var url = (Element) urls.item(i);
			var loc = url.getElementsByTagNameNS(Sitemap.NAMESPACE, "loc").item(0).getTextContent();
			var lastmod = url.getElementsByTagNameNS(Sitemap.NAMESPACE, "lastmod");
			assertThat(locs.put(loc, lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent())).as("listed once: " + loc).isNull();
		}
		return locs;
	}

	@Test
	void robotsPointsToTheSitemap() {
		var robots = fetch("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.header("Content-Type")).startsWith("text/plain");
		assertThat(robots.body()).contains("User-agent: *").contains("Sitemap: " + publicUrl + "/sitemap.xml").contains("Disallow: /admin/");
	}

	// ---------------------------------------------------------------- the pages

	/** The public page routes of the live route table: GET, open to the public, answering with a page. */
	List<String> publicPageRoutes() {
		var publicRoutes = new TreeSet<String>();
		RouteRules.ALL.stream().filter(rule -> rule.isPublic() && org.springframework.http.HttpMethod.GET.equals(rule.method()))
				.forEach(rule -> publicRoutes.add(rule.pattern()));
		var routes = new TreeSet<String>();
		for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			mapping.getHandlerMethods().forEach((info, handler) -> {
				var methods = info.getMethodsCondition().getMethods();
				var page = !handler.hasMethodAnnotation(ResponseBody.class)
						&& !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
						&& handler.getBeanType().getName().startsWith("org.kurultai.");
				if ((methods.isEmpty() || methods.contains(RequestMethod.GET)) && page) {
					info.getPatternValues().stream().filter(publicRoutes::contains).filter(p -> !p.equals("/error")).forEach(routes::add);
				}
			});
		}
		return List.copyOf(routes);
	}

	Map<String, String> samples() {
		var samples = new LinkedHashMap<String, String>();
		samples.put("/participants/{code}", "/participants/KAZ");
		samples.put("/bodies/{code}", "/bodies/SOC");
		samples.put("/meetings/{id}", "/meetings/CHSG-2");
		samples.put("/meetings/{id}/agenda", "/meetings/CMFA-7/agenda");
		samples.put("/meetings/{id}/participants", "/meetings/" + publicMeeting + "/participants");
		samples.put("/documents/{id}", "/documents/DECLARATION-2006");
		samples.put("/documents/{id}/versions/{number}", "/documents/" + publicDocument + "/versions/0");
		samples.put("/documents/{id}/compare", "/documents/" + publicDocument + "/compare?from=0&to=0");
		samples.put("/decisions/{id}", "/decisions/" + publicDecision);
		samples.put("/applications/{id}", "/applications/" + publicApplication);
		samples.put("/fund/projects/{id}", "/fund/projects/" + publicFundProject);
		samples.put("/commitments", "/commitments?participant=KAZ");
		samples.put("/catalogue/differences", "/catalogue/differences?from=2013&to=2021");
		return samples;
	}

	static final Pattern META = Pattern.compile("<meta (?:property|name)=\"([^\"]+)\" content=\"([^\"]*)\"");
	static final Pattern TITLE = Pattern.compile("<title>([^<]*) · Kurultai</title>");
	static final Pattern ALTERNATE = Pattern.compile("<link rel=\"alternate\" type=\"application/atom\\+xml\" href=\"([^\"]+)\" title=\"([^\"]+)\">");

	@Test
	void everyPublicPageCarriesItsOpenGraphTagsAndDescriptionInBothLanguages() {
		var routes = publicPageRoutes();
		assertThat(routes).contains("/", "/participants/{code}", "/decisions/{id}", "/timeline");
		var unknown = new TreeSet<String>(routes);
		unknown.removeAll(PageMeta.PAGES.keySet());
		unknown.removeAll(WITHOUT_META);
		assertThat(unknown).as("public page routes with no PageMeta.PAGES entry (description, type, feeds)").isEmpty();
		var failures = new ArrayList<String>();
		var samples = samples();
		for (var route : routes) {
			if (WITHOUT_META.contains(route)) {
				continue;
			}
			var address = samples.getOrDefault(route, route);
			for (var language : List.of("en", "ru")) {
				Fetched page;
				try {
					page = fetch(address, "Accept", "text/html", "Accept-Language", language);
				}
				catch (IllegalStateException timedOut) {
					failures.add(address + " (" + language + "): " + timedOut.getMessage());
					continue;
				}
				if (page.status() != 200) {
					failures.add(address + " (" + language + "): " + page.status());
					continue;
				}
				var meta = new LinkedHashMap<String, String>();
				var matcher = META.matcher(page.body());
				while (matcher.find()) {
					meta.put(matcher.group(1), org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(2)));
				}
				var title = TITLE.matcher(page.body());
				var expected = Map.of("og:type", List.of("website", "article"), "og:locale", List.of(language.equals("ru") ? "ru_RU" : "en_GB"),
						"og:locale:alternate", List.of(language.equals("ru") ? "en_GB" : "ru_RU"));
				for (var property : List.of("og:title", "og:description", "og:type", "og:url", "og:locale", "og:locale:alternate", "description")) {
					var value = meta.get(property);
					if (value == null || value.isBlank() || value.contains("{0}") || value.contains("??")) {
						failures.add(address + " (" + language + "): " + property + " = " + value);
					}
					else if (expected.containsKey(property) && !expected.get(property).contains(value)) {
						failures.add(address + " (" + language + "): " + property + " = " + value);
					}
				}
				if (!title.find() || !org.springframework.web.util.HtmlUtils.htmlUnescape(title.group(1)).equals(meta.get("og:title"))) {
					failures.add(address + " (" + language + "): og:title is not the page's title");
				}
				if (meta.get("og:url") != null && !meta.get("og:url").equals(publicUrl + address)) {
					failures.add(address + " (" + language + "): og:url = " + meta.get("og:url"));
				}
				if (language.equals("ru") && meta.get("description") != null && !meta.get("description").matches("(?s).*[а-яА-Я].*")) {
					failures.add(address + " (ru): the description is not in Russian: " + meta.get("description"));
				}
				// the feeds of what the page lists, in its language
				var feeds = new ArrayList<String>();
				var alternates = ALTERNATE.matcher(page.body());
				while (alternates.find()) {
					feeds.add(org.springframework.web.util.HtmlUtils.htmlUnescape(alternates.group(1)));
				}
				var wanted = PageMeta.PAGES.get(route).feeds().stream().map(f -> f.path() + "?lang=" + language).toList();
				if (!feeds.equals(wanted)) {
					failures.add(address + " (" + language + "): feeds " + feeds + ", expected " + wanted);
				}
			}
		}
		assertThat(failures).isEmpty();
		// a record's page describes the record
		var participant = fetch("/participants/KAZ", "Accept", "text/html", "Accept-Language", "en").body();
		assertThat(participant).containsPattern("<meta property=\"og:description\" content=\"Kazakhstan[^\"]*status history");
		// a page that is not the public portal's says nothing of itself
		assertThat(fetch("/login", "Accept", "text/html").body()).doesNotContain("og:title");
	}

	@Test
	void noPublicPageShowsASeedDocumentByItsInternalFileName() throws Exception {
		// the seeds' file names: those the reference data cites, and those whose addresses are listed
		var names = new TreeSet<String>();
		var properties = new java.util.Properties();
		try (var in = new ClassPathResource("portal/seed-sources.properties").getInputStream()) {
			properties.load(in);
		}
		properties.stringPropertyNames().forEach(names::add);
		var cited = Pattern.compile("seed:([A-Za-z0-9_.-]+)");
		var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
		for (var file : resolver.getResources("classpath:reference/cica/*.yaml")) {
			var matcher = cited.matcher(new String(file.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		assertThat(names).hasSizeGreaterThanOrEqualTo(5);
		var forbidden = new TreeSet<String>();
		for (var name : names) {
			forbidden.add(name);
			forbidden.add(name.replaceFirst("\\.txt$", ""));
		}
		forbidden.add("seed:");
		// every page the sitemap lists (every public record's page), the pages with samples, and the feeds
		var addresses = new LinkedHashSet<String>();
		sitemap(fetch("/sitemap.xml").body()).keySet().forEach(loc -> addresses.add(loc.substring(publicUrl.length())));
		addresses.addAll(samples().values());
		FEEDS.forEach(feed -> addresses.add("/feeds/" + feed + ".atom"));
		assertThat(addresses).hasSizeGreaterThan(100);
		var failures = new ArrayList<String>();
		for (var address : addresses) {
			for (var language : List.of("en", "ru")) {
				if (language.equals("ru") && !(PageMeta.PAGES.containsKey(address) || samples().containsValue(address)
						|| address.startsWith("/decisions/") || address.startsWith("/participants/"))) {
					continue;
				}
				var page = fetch(address, "Accept", "text/html", "Accept-Language", language);
				// the API's documentation redirects to its own page (springdoc's): nothing of the record there
				assertThat(page.status()).as(address).isIn(200, 302);
				for (var name : forbidden) {
					if (page.body().contains(name)) {
						failures.add(address + " (" + language + ") shows " + name);
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}
}
