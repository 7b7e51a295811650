package org.kurultai.portal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectHandler;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record-level access, generated: for every kind of record, one record at each access level the
 * kind supports; for every viewer (the public, the Secretariat's administrator and officer, an
 * expert, delegates of members and observers, the owning or named State's coordinator and
 * delegate, and a delegate of that State whose accreditation has ended); for every read path that
 * shows the kind (lists, the record's own address, exports, counts, dashboards, feeds; API and
 * pages): the record shows if and only if {@link AccessPolicy#maySee} says the viewer may see it,
 * and a count moves only for those who may see what it counts.
 * <p>
 * Every GET route of the live route table is either a read path of a kind here or declared
 * record-free with its reason, so a new read path cannot be forgotten.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordAccessMatrixIntegrationTests {

	/** The State that owns the returns and reports, and is named by records for named participants. */
	static final String OWNER = "VNM";
	static final String OTHER_MEMBER = "QAT";
	static final String OBSERVER = "JPN";
	static final List<AccessLevel> LEVELS = List.of(AccessLevel.values());

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Accreditations accreditations;
	@Autowired AccessPolicy policy;
	@Autowired ForumClock clock;
	@Autowired ApplicationContext context;
	@Autowired List<EffectHandler> effectHandlers;
	@Autowired TransactionTemplate transactions;

	Delegations api;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
	final Map<String, Seer> viewers = new LinkedHashMap<>();
	final List<Kind> kinds = new ArrayList<>();
	/** Counts read before the records were created, by viewer and count. */
	final Map<String, Long> countsBefore = new LinkedHashMap<>();

	/** A viewer: who, with which token (null: the public). */
	record Seer(String name, @Nullable Actor actor) {
	}

	/** One record: what marks it in a response, its access, and the values its addresses need. */
	record Rec(String label, Access access, String marker, Map<String, String> vars) {
	}

	enum Mode {
		/** Shows iff the viewer may see it. */
		EXACT,
		/** A truncated view (the next five events): never shows a record the viewer may not see. */
		NEVER_WHEN_HIDDEN,
		/** A public feed (the public calendar): shows iff the public may see it, whoever asks. */
		AS_THE_PUBLIC,
		/** A person's own feed (by their calendar token): shows iff the viewer is signed in and may see it; the public has none. */
		SIGNED_IN
	}

	/** How a read path shows one record: its route, the address for the record, and how to recognise it. */
	record Path(String route, String kind, Function<Rec, String> url, Recogniser shows, Mode mode, Set<String> records,
			Access pathAccess) {

		Path only(String... labels) {
			return new Path(route, kind, url, shows, mode, Set.of(labels), pathAccess);
		}

		Path truncated() {
			return new Path(route, kind, url, shows, Mode.NEVER_WHEN_HIDDEN, records, pathAccess);
		}

		Path asThePublic() {
			return new Path(route, kind, url, shows, Mode.AS_THE_PUBLIC, records, pathAccess);
		}

		Path signedIn() {
			return new Path(route, kind, url, shows, Mode.SIGNED_IN, records, pathAccess);
		}

		/** A read path that is itself only for some (who has submitted: for participants). */
		Path forWhoMaySee(Access access) {
			return new Path(route, kind, url, shows, mode, records, access);
		}
	}

	@FunctionalInterface
	interface Recogniser {
		boolean shows(Delegations.Response response, Rec record);
	}

	/** A number shown to a viewer, and the records it counts. */
	record Count(String route, String name, String url, ToLongFunction<Delegations.Response> value, Set<String> records) {
	}

	/** A kind of record: its records (one per access level it supports), the paths that show them and the counts. */
	record Kind(String name, List<Rec> records, List<Path> paths, List<Count> counts) {
	}

	static Path path(String route, String kind, Function<Rec, String> url, Recogniser shows) {
		return new Path(route, kind, url, shows, Mode.EXACT, Set.of(), Access.PUBLIC);
	}

	static final Recogniser MARKER = (response, record) -> response.status() == 200 && response.body().contains(record.marker());
	/** An iCalendar feed has the event of the record (its UID, a line too short to be folded). */
	static Recogniser event(String prefix, String var) {
		return (response, record) -> response.status() == 200
				&& response.body().replace("\r\n ", "").contains("\r\nUID:" + prefix + record.vars().get(var) + "@");
	}

	/** An Atom feed has the record's entry (its tag id ends with the key: {@code …:meeting:CMFA-7}). */
	static Recogniser atomEntry(String prefix, String var) {
		return (response, record) -> response.status() == 200 && response.body().contains(":" + prefix + record.vars().get(var) + "</id>");
	}

	/** The sitemap lists the record's page. */
	static Recogniser sitemapped(String path, String var) {
		return (response, record) -> response.status() == 200 && response.body().contains(path + record.vars().get(var) + "</loc>");
	}

	/** Where a viewer's personal calendar feed is read: its token, made for the viewer on first use (the public has none). */
	static final String CALENDAR_TOKEN = "{calendar-token}";

	/** A CSV file (RFC 4180) has a row with the record's value (of this variable) as one of its fields. */
	static Recogniser cell(String var) {
		return (response, record) -> {
			if (response.status() != 200) {
				return false;
			}
			var value = record.vars().get(var);
			for (var line : response.body().split("\r\n")) {
				if (List.of(line.split(",", -1)).contains(value)) {
					return true;
				}
			}
			return false;
		};
	}

	static final Recogniser FOUND = (response, record) -> {
		assertThat(response.status()).as("%s answers 200 or 404", record.label()).isIn(200, 404);
		return response.status() == 200;
	};

	/** Every GET route that shows no record of any access level, with why. */
	static final Map<String, String> RECORD_FREE = Map.ofEntries(
			Map.entry("/login", "the sign-in form"),
			Map.entry("/fund/projects/new", "the form drafting a Fund project: national coordinators only (route rule, fund.ProjectPolicy)"),
			Map.entry("/fund/projects/{id}/revision", "the form revising a Fund project: its State's coordinator only (fund.ProjectPolicy: 403),"
					+ " who may see it (FundProjects.project: 404)"),
			Map.entry("/meetings/new", "the form convening a meeting: the Secretariat and the chair's coordinator only (route rule, MeetingPolicy)"),
			Map.entry("/meetings/{id}/plan", "the form changing a meeting's plan: only one MeetingPolicy lets change the meeting (403 otherwise),"
					+ " who may see it (Meetings.changePlan: 404)"),
			Map.entry("/meetings/{id}/delegations", "national coordinators and the Secretariat only (route rule); the meeting read through "
					+ "AccessPolicy, each coordinator its own State's registration: DelegationRegistrationIntegrationTests"),
			Map.entry("/api/meetings/{id}/delegations", "national coordinators and the Secretariat only (route rule); the meeting read through "
					+ "AccessPolicy, each coordinator its own State's registration: DelegationRegistrationIntegrationTests"),
			Map.entry("/error", "error pages"),
			Map.entry("/robots.txt", "where crawlers may go, and the sitemap's address"),
			Map.entry("/account", "the signed-in person's own account"),
			Map.entry("/api/me", "the signed-in person's own account"),
			Map.entry("/api/me/tokens", "the person's own tokens (never their secrets)"),
			Map.entry("/api/me/reminders", "what the viewer's own acting State must submit, from ActingRights; no return's content"),
			Map.entry("/me/tasks/count", "the number of tasks of /api/me/tasks (a read path here); TasksIntegrationTests: it is the list's length"),
			Map.entry("/notifications", "the person's own notices, each written for them when the record's read path let them see it"),
			Map.entry("/api/me/notifications", "the person's own notices, each written for them when the record's read path let them see it"),
			Map.entry("/api/me/notification-settings", "the person's own notification settings"),
			Map.entry("/me/notifications/count", "the number of the person's own unread notices"),
			Map.entry("/unsubscribe/{token}", "an unsubscribe link's token: its person's own settings, no record"),
			Map.entry("/accreditations", "accreditations: the identity module's own rule (Accreditations.visibleTo)"),
			Map.entry("/api/accreditations", "accreditations: the identity module's own rule (Accreditations.visibleTo)"),
			Map.entry("/admin/accounts", "Secretariat administrators only (route rule)"),
			Map.entry("/api/admin/accounts", "Secretariat administrators only (route rule)"),
			Map.entry("/api/admin/accounts/{id}", "Secretariat administrators only (route rule)"),
			Map.entry("/invitations/{secret}", "an invitation's one-time link: the invited person's own account"),
			Map.entry("/password-reset", "the form asking for a password reset"),
			Map.entry("/password-reset/{secret}", "a password reset's one-time link: the person's own account"),
			Map.entry("/admin/audit", "Secretariat administrators only (route rule)"),
			Map.entry("/admin/outbox", "Secretariat administrators only (route rule); mails, not a record kind"),
			Map.entry("/api/admin/outbox", "Secretariat administrators only (route rule); mails, not a record kind"),
			Map.entry("/admin/tokens", "Secretariat administrators only (route rule)"),
			Map.entry("/api/admin/audit", "Secretariat administrators only (route rule)"),
			Map.entry("/api/admin/audit/verification", "Secretariat administrators only (route rule)"),
			Map.entry("/api/admin/tokens", "Secretariat administrators only (route rule)"),
			Map.entry("/participants", "the public register of participants"),
			Map.entry("/participants/{code}", "the public register of participants"),
			Map.entry("/participants/map", "the public register of participants (the membership map)"),
			Map.entry("/api/participants", "the public register of participants"),
			Map.entry("/api/participants/{code}", "the public register of participants"),
			Map.entry("/changes", "the public register of participants"),
			Map.entry("/counts", "the public register of participants"),
			Map.entry("/api/counts", "the public register of participants"),
			Map.entry("/api/changes", "the public register of participants"),
			Map.entry("/sources", "reference notes, public"),
			Map.entry("/data", "the open data's page: the tables' descriptions and their rows' counts, the same for every viewer (the public"
					+ " record only: OpenDataIntegrationTests compares them with the files, read here per kind as exports)"),
			Map.entry("/data/datapackage.json", "the open data's package: the tables' descriptions and schemas, the licence and the sources"
					+ " cited, the same for every viewer"),
			Map.entry("/bodies", "organs, public"),
			Map.entry("/bodies/{code}", "organs, public"),
			Map.entry("/api/bodies", "organs, public"),
			Map.entry("/api/bodies/{code}", "organs, public"),
			Map.entry("/chairmanship", "organs, public"),
			Map.entry("/api/chairmanship", "organs, public"),
			Map.entry("/api/chairmanship/terms", "organs, public"),
			Map.entry("/api/secretariat", "organs, public"),
			Map.entry("/catalogue", "the Catalogue's editions and coordinators, public"),
			Map.entry("/catalogue/differences", "the Catalogue's editions, public"),
			Map.entry("/api/catalogue", "the Catalogue's editions and coordinators, public"),
			Map.entry("/api/catalogue/editions", "the Catalogue's editions, public"),
			Map.entry("/api/catalogue/proposed", "editions of the Catalogue proposed for adoption, public as the Catalogue is"),
			Map.entry("/api/catalogue/differences", "the Catalogue's editions, public"),
			Map.entry("/commitments", "States' commitments (opt in / out), public"),
			Map.entry("/api/commitments", "States' commitments (opt in / out), public"),
			Map.entry("/api/cbm/events", "CBM events, public"),
			Map.entry("/api/exchange/types", "exchange types (reference data), public"),
			Map.entry("/v3/api-docs", "the API's description"),
			Map.entry("/v3/api-docs.yaml", "the API's description"),
			Map.entry("/v3/api-docs/swagger-config", "the API's description"),
			Map.entry("/swagger-ui.html", "the API's description"),
			Map.entry("/api-docs.html", "the API's description"),
			Map.entry("/api-docs", "the API's description"),
			Map.entry("/api/participants/changes", "the public register of participants"),
			Map.entry("/api/participants/counts", "the public register of participants"),
			Map.entry("/actuator", "operations: health and info, no records"),
			Map.entry("/actuator/health", "operations: health and info, no records"),
			Map.entry("/actuator/prometheus", "operations: counts of requests, connections, the outbox and open procedures — no record, "
					+ "and only for the Secretariat or the metrics scraper (OperationsIntegrationTests)"),
			Map.entry("/livez", "operations: the liveness probe, no records"),
			Map.entry("/readyz", "operations: the readiness probe, no records"),
			Map.entry("/actuator/health/**", "operations: health and info, no records"),
			Map.entry("/actuator/info", "operations: health and info, no records"),
			Map.entry("/fund", "the Fund's yearly totals (anyone) and balance (participants: FundPolicy.TOTALS); no contributor's record, "
					+ "only the links to the statements the viewer may see (FundMoneyIntegrationTests)"),
			Map.entry("/api/fund/totals", "the Fund's yearly totals, public"),
			Map.entry("/api/fund/balance", "the Fund's totals: participants and the Secretariat (FundPolicy.TOTALS, 404 otherwise: "
					+ "FundMoneyIntegrationTests)"),
			Map.entry("/fund/report/{year}", "the Fund's annual report for the SOC: participants and the Secretariat (FundPolicy.TOTALS)"),
			Map.entry("/fund/report/{year}.pdf", "the Fund's annual report for the SOC: participants and the Secretariat (FundPolicy.TOTALS)"),
			Map.entry("/fund/report/{year}.csv", "the Fund's annual report for the SOC: participants and the Secretariat (FundPolicy.TOTALS)"),
			Map.entry("/fund/trial-balance", "the Fund's ledger: the Secretariat only (route rule, FundPolicy.LEDGER)"),
			Map.entry("/api/fund/trial-balance", "the Fund's ledger: the Secretariat only (route rule, FundPolicy.LEDGER)"),
			Map.entry("/api/fund/entries", "the Fund's ledger: the Secretariat only (route rule, FundPolicy.LEDGER)"),
			Map.entry("/api/fund/exchange-rates", "the Fund's exchange rates: the Secretariat only (route rule)"));

	@BeforeAll
	void createViewersAndRecords() {
		api = new Delegations(port, accounts, tokens);
		var officer = api.actor("matrix.officer@secretariat.example", Role.SECRETARIAT_OFFICER, null);
		var admin = api.actor("matrix.admin@secretariat.example", Role.SECRETARIAT_ADMINISTRATOR, null);
		var expert = api.actor("matrix.expert@think-tank.example", Role.EXPERT, null);
		var ownerCoordinator = api.coordinator("matrix", OWNER);
		var otherCoordinator = api.coordinator("matrix", OTHER_MEMBER);
		var observerCoordinator = api.coordinator("matrix", OBSERVER);
		var ownerDelegate = accredited(ownerCoordinator, officer, "matrix.delegate." + OWNER);
		var otherDelegate = accredited(otherCoordinator, officer, "matrix.delegate." + OTHER_MEMBER);
		var observerDelegate = accredited(observerCoordinator, officer, "matrix.delegate." + OBSERVER);
		var endedDelegate = accredited(ownerCoordinator, officer, "matrix.ended." + OWNER);

		// a delegate of the owning State whose accreditation has ended: their token still signs them in
		var ended = accreditations.visibleTo(officer.account()).stream()
				.filter(a -> a.account().equals(endedDelegate.account().id()) && a.endedOn() == null).findFirst().orElseThrow();
		accreditations.end(ended.id(), officer.account());
		assertThat(api.get("/api/me", endedDelegate).json().get("capacity").asString()).isEqualTo("NONE");

		viewers.put("the public", new Seer("the public", null));
		viewers.put("Secretariat administrator", new Seer("Secretariat administrator", admin));
		viewers.put("Secretariat officer", new Seer("Secretariat officer", officer));
		viewers.put("expert", new Seer("expert", expert));
		viewers.put("member delegate (" + OTHER_MEMBER + ")", new Seer("member delegate (" + OTHER_MEMBER + ")", otherDelegate));
		viewers.put("owning State's delegate (" + OWNER + ")", new Seer("owning State's delegate (" + OWNER + ")", ownerDelegate));
		viewers.put("observer delegate (" + OBSERVER + ")", new Seer("observer delegate (" + OBSERVER + ")", observerDelegate));
		viewers.put("owning State's coordinator (" + OWNER + ")", new Seer("owning State's coordinator (" + OWNER + ")", ownerCoordinator));
		viewers.put("owning State's delegate, accreditation ended", new Seer("owning State's delegate, accreditation ended", endedDelegate));

		// the kinds: what they are, at each level, and where they show
		kinds.add(meetings(officer));
		kinds.add(documents(officer));
		kinds.add(meetingsBehindPublicTexts(officer));
		kinds.add(exchangeReturns(officer, ownerCoordinator));
		kinds.add(reports(ownerCoordinator));
		kinds.add(awaiting(officer));
		kinds.add(applications(officer));
		kinds.add(fundProjects(ownerCoordinator));
		kinds.add(fundStatements(officer));
		// counts first, as each viewer sees them before the records exist
		// what is created before counting: the meetings behind public texts, and the public session documents are adopted at
		// (what awaits people is made of documents too: made before counting, so that it moves no count of documents or decisions)
		var prepared = List.of("meeting behind a public text", "what awaits");
		prepared.forEach(name -> creators.get(name).run());
		var session = api.post("/api/meetings", officer, """
				{"body": "CMFA", "title": "Matrix public session %s", "from": "%s", "until": "%s", "place": "Astana"}"""
				.formatted(unique, clock.today().minusDays(10), clock.today()));
		assertThat(session.status()).as(session.toString()).isEqualTo(201);
		publicSession = session.json().get("id").asString();
		for (var kind : kinds) {
			for (var count : kind.counts()) {
				for (var viewer : viewers.values()) {
					countsBefore.put(viewer.name() + "|" + count.name(), count.value().applyAsLong(get(count.url(), viewer)));
				}
			}
		}
		for (var kind : kinds) {
			if (!prepared.contains(kind.name())) {
				creators.get(kind.name()).run();
			}
		}
	}

	final Map<String, Runnable> creators = new LinkedHashMap<>();
	String publicSession = "";

	private Actor accredited(Actor coordinator, Actor officer, String prefix) {
		var delegate = api.actor(prefix.toLowerCase(Locale.ROOT) + "@mfa.example", Role.DELEGATE, coordinator.participant());
		if (!accreditations.isAccredited(delegate.account(), coordinator.participant(), clock.today())) {
			accreditations.accredit(accreditations.propose(coordinator.account(), delegate.account().email()).id(), officer.account());
		}
		return delegate;
	}

	static Access access(AccessLevel level) {
		return level == AccessLevel.NAMED_PARTICIPANTS ? Access.namedParticipants(OWNER) : Access.of(level);
	}

	static String named(AccessLevel level) {
		return level == AccessLevel.NAMED_PARTICIPANTS ? ", \"named\": [\"" + OWNER + "\"]" : "";
	}

	// ---------------------------------------------------------------- meetings

	Kind meetings(Actor officer) {
		var records = new ArrayList<Rec>();
		for (var level : LEVELS) {
			records.add(new Rec("meeting " + level, access(level), "Matrix meeting " + level + " " + unique, new LinkedHashMap<>()));
		}
		creators.put("meeting", () -> {
			int day = 1;
			for (var record : records) {
				var level = record.label().substring("meeting ".length());
				var created = api.post("/api/meetings", officer, """
						{"body": "CMFA", "title": "%s", "from": "2034-04-%02d", "place": "Astana", "access": "%s"%s}"""
						.formatted(record.marker(), day++, level, named(AccessLevel.valueOf(level))));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				record.vars().put("id", created.json().get("id").asString());
			}
		});
		var year = "from=2034-01-01&to=2034-12-31";
		var paths = List.of(
				path("/api/meetings", "list", r -> "/api/meetings?" + year, MARKER),
				path("/api/meetings/{id}", "one", r -> "/api/meetings/" + r.vars().get("id"), FOUND),
				path("/meetings", "list (page)", r -> "/meetings?body=CMFA", MARKER),
				path("/meetings/{id}", "one (page)", r -> "/meetings/" + r.vars().get("id"), FOUND),
				path("/api/meetings/{id}/agenda", "its agenda", r -> "/api/meetings/" + r.vars().get("id") + "/agenda", FOUND),
				path("/meetings/{id}/agenda", "its agenda (page)", r -> "/meetings/" + r.vars().get("id") + "/agenda", FOUND),
				// the list of participants and the attendance read the meeting through the AccessPolicy on every path
				path("/api/meetings/{id}/participants", "its list of participants", r -> "/api/meetings/" + r.vars().get("id") + "/participants",
						FOUND),
				path("/meetings/{id}/participants", "its list of participants (page)", r -> "/meetings/" + r.vars().get("id") + "/participants",
						FOUND),
				path("/meetings/{id}/participants.pdf", "its list of participants (PDF)",
						r -> "/meetings/" + r.vars().get("id") + "/participants.pdf", FOUND),
				path("/meetings/{id}/participants.csv", "its list of participants (CSV)",
						r -> "/meetings/" + r.vars().get("id") + "/participants.csv", FOUND),
				path("/api/meetings/{id}/attendance", "its attendance", r -> "/api/meetings/" + r.vars().get("id") + "/attendance", FOUND),
				// the Secretariat's attendance page (the route admits the Secretariat only)
				path("/meetings/{id}/attendance", "its attendance (page)", r -> "/meetings/" + r.vars().get("id") + "/attendance",
						(response, record) -> response.status() == 200).forWhoMaySee(Access.of(AccessLevel.SECRETARIAT)),
				path("/api/timeline", "feed", r -> "/api/timeline?" + year, MARKER),
				path("/timeline", "feed (page)", r -> "/timeline?" + year, MARKER),
				path("/", "feed (home page: the next five)", r -> "/", MARKER).truncated(),
				path("/calendar.ics", "feed (public calendar)", r -> "/calendar.ics", event("meeting-", "id")).asThePublic(),
				path("/api/me/calendar.ics", "feed (personal calendar)", r -> "/api/me/calendar.ics?token=" + CALENDAR_TOKEN,
						event("meeting-", "id")).signedIn(),
				path("/calendar", "month (calendar page)", r -> "/calendar?month=2034-04&body=CMFA", MARKER),
				path("/calendar", "list (calendar page)", r -> "/calendar?month=2034-04&view=list", MARKER),
				path("/feeds/meetings.atom", "feed (Atom: meetings)", r -> "/feeds/meetings.atom", atomEntry("meeting:", "id")).asThePublic(),
				path("/sitemap.xml", "sitemap (meetings)", r -> "/sitemap.xml", sitemapped("/meetings/", "id")).asThePublic(),
				// the open data: the public record as the public sees it, whoever downloads it
				path("/data/{resource}.csv", "export (open data: meetings, CSV)", r -> "/data/meetings.csv", MARKER).asThePublic(),
				path("/data/{resource}.json", "export (open data: meetings, JSON)", r -> "/data/meetings.json", MARKER).asThePublic(),
				path("/data/{resource}.csv", "export (open data: timeline, CSV)", r -> "/data/events.csv", MARKER).asThePublic(),
				path("/data/{resource}.json", "export (open data: timeline, JSON)", r -> "/data/events.json", MARKER).asThePublic(),
				// the search: filtered by access in its query, before ranking and counting
				path("/api/search", "search", r -> searchMeetings(), MARKER),
				path("/search", "search (page)", r -> searchMeetings().replace("/api/search", "/search"), MARKER));
		var counts = List.of(
				new Count("/api/search", "meetings found (search total)", searchMeetings(), response -> response.json().get("total").asLong(),
						labels(records)),
				new Count("/api/meetings", "meetings in 2034 (API)", "/api/meetings?" + year, response -> response.json().size(), labels(records)),
				new Count("/meetings", "meeting count (page)", "/meetings?body=CMFA", response -> number(response.body(), "id=\"meeting-count\">(\\d+)<"),
						labels(records)));
		return new Kind("meeting", records, paths, counts);
	}

	// ---------------------------------------------------------------- documents, their decisions and exports

	Kind documents(Actor officer) {
		var records = new ArrayList<Rec>();
		for (var level : LEVELS) {
			records.add(new Rec("document " + level, access(level), "Matrix document " + level + " " + unique, new LinkedHashMap<>()));
		}
		creators.put("document", () -> {
			for (var record : records) {
				var level = AccessLevel.valueOf(record.label().substring("document ".length()));
				var id = adoptAt(officer, record.marker(), level, publicSession);
				record.vars().put("id", id.document());
				record.vars().put("decision", String.valueOf(id.decision()));
				record.vars().put("documentMarker", "\"document\":\"" + id.document() + "\"");
			}
		});
		Recogniser decision = (response, record) -> response.status() == 200 && response.body().contains(record.vars().get("documentMarker"));
		Recogniser pdf = (response, record) -> response.status() == 200;
		var paths = List.of(
				path("/api/documents", "list", r -> "/api/documents", MARKER),
				path("/api/documents/{id}", "one", r -> "/api/documents/" + r.vars().get("id"), FOUND),
				path("/api/documents/{id}/versions/{number}", "one (version)", r -> "/api/documents/" + r.vars().get("id") + "/versions/0", FOUND),
				path("/api/documents/{id}/compare", "one (comparison)", r -> "/api/documents/" + r.vars().get("id") + "/compare?from=0&to=0", FOUND),
				path("/api/documents/{id}/amendments", "list (amendments)", r -> "/api/documents/" + r.vars().get("id") + "/amendments", FOUND),
				path("/api/documents/{id}/positions", "list (positions)", r -> "/api/documents/" + r.vars().get("id") + "/positions", FOUND),
				path("/api/documents/{id}/akn", "export (Akoma Ntoso)", r -> "/api/documents/" + r.vars().get("id") + "/akn", FOUND),
				// the file's status only (its text is read where it matters: the place of a closed meeting)
				path("/api/documents/{id}/pdf", "export (PDF)", r -> "/api/documents/" + r.vars().get("id") + "/pdf?language=en", pdf),
				path("/documents", "list (page)", r -> "/documents", MARKER),
				path("/documents/{id}", "one (page)", r -> "/documents/" + r.vars().get("id"), FOUND),
				path("/documents/{id}/versions/{number}", "one (version page)", r -> "/documents/" + r.vars().get("id") + "/versions/0", FOUND),
				path("/documents/{id}/compare", "one (comparison page)", r -> "/documents/" + r.vars().get("id") + "/compare?from=0&to=0", FOUND),
				path("/api/decisions", "list (register)", r -> "/api/decisions?body=CMFA", decision),
				path("/api/decisions/{id}", "one (decision)", r -> "/api/decisions/" + r.vars().get("decision"), FOUND),
				path("/decisions", "list (register page)", r -> "/decisions?body=CMFA", (response, record) -> response.body().contains(record.marker())),
				path("/decisions/{id}", "one (decision page)", r -> "/decisions/" + r.vars().get("decision"), FOUND),
				path("/decisions/{id}/status", "one (decision status)", r -> "/decisions/" + r.vars().get("decision") + "/status", FOUND),
				path("/feeds/documents.atom", "feed (Atom: documents)", r -> "/feeds/documents.atom", atomEntry("document:", "id")).asThePublic(),
				path("/feeds/decisions.atom", "feed (Atom: decisions adopted)", r -> "/feeds/decisions.atom", atomEntry("decision:", "decision"))
						.asThePublic(),
				path("/sitemap.xml", "sitemap (documents)", r -> "/sitemap.xml", sitemapped("/documents/", "id")).asThePublic(),
				path("/sitemap.xml", "sitemap (decisions)", r -> "/sitemap.xml", sitemapped("/decisions/", "decision")).asThePublic(),
				// the open data: documents (their titles) and the register (the document decided on), as the public sees them
				path("/data/{resource}.csv", "export (open data: documents, CSV)", r -> "/data/documents.csv", MARKER).asThePublic(),
				path("/data/{resource}.json", "export (open data: documents, JSON)", r -> "/data/documents.json", MARKER).asThePublic(),
				path("/data/{resource}.csv", "export (open data: register, CSV)", r -> "/data/decisions.csv", cell("id")).asThePublic(),
				path("/data/{resource}.json", "export (open data: register, JSON)", r -> "/data/decisions.json", decision).asThePublic(),
				path("/api/search", "search (documents)", r -> searchDocuments("document"), MARKER),
				path("/api/search", "search (decisions)", r -> searchDocuments("decision"), MARKER),
				path("/search", "search (page)", r -> searchDocuments("document").replace("/api/search", "/search"), MARKER));
		var counts = List.of(new Count("/api/documents", "documents (API)", "/api/documents", response -> response.json().size(), labels(records)),
				new Count("/api/search", "decisions found (search total)", searchDocuments("decision"), response -> response.json().get("total").asLong(),
						labels(records)),
				new Count("/api/decisions", "decisions of the CMFA (API)", "/api/decisions?body=CMFA", response -> response.json().size(), labels(records)));
		return new Kind("document", records, paths, counts);
	}

	/** The search for this run's meetings (their titles: "Matrix meeting LEVEL unique"). */
	String searchMeetings() {
		return "/api/search?kind=meeting&size=50&q=Matrix+meeting+" + unique;
	}

	/** The search for this run's documents or their decisions (titled "Matrix document LEVEL unique"). */
	String searchDocuments(String kind) {
		return "/api/search?kind=" + kind + "&size=50&q=Matrix+document+" + unique;
	}

	record Adopted(String document, long decision) {
	}

	Adopted adoptAt(Actor officer, String title, AccessLevel level, String meeting) {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "CMFA", "access": "%s"%s, "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We agree."}}]}""".formatted(title, level, named(level)));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var document = tabled.json().get("id").asString();
		var proposed = api.post("/api/decisions", officer, """
				{"body": "CMFA", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["%s"]}"""
				.formatted(document, meeting, OWNER));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		long decision = proposed.json().get("id").asLong();
		var closed = api.post("/api/decisions/" + decision + "/close", officer, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
		return new Adopted(document, decision);
	}

	// ---------------------------------------------------------------- a meeting seen through a public text adopted at it

	Kind meetingsBehindPublicTexts(Actor officer) {
		var records = new ArrayList<Rec>();
		for (var level : LEVELS) {
			records.add(new Rec("meeting behind a public text " + level, access(level), "Matrixplace" + level + unique, new LinkedHashMap<>()));
		}
		creators.put("meeting behind a public text", () -> {
			int day = 1;
			for (var record : records) {
				var level = AccessLevel.valueOf(record.label().substring("meeting behind a public text ".length()));
				var meeting = api.post("/api/meetings", officer, """
						{"body": "CMFA", "title": "Matrix closed session %s %s", "from": "%s", "until": "%s", "place": "%s", "access": "%s"%s}"""
						.formatted(level, unique, clock.today().minusDays(day++), clock.today(), record.marker(), level, named(level)));
				assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
				var meetingId = meeting.json().get("id").asString();
				var adopted = adoptAt(officer, "Matrix public text " + level + " " + unique, AccessLevel.PUBLIC, meetingId);
				// and a plan approved by the decision taken at it (the effect APPROVE_PLAN, applied as the adopting transaction does)
				var plan = "MX-" + unique + "-" + level.name().charAt(0) + day;
				var proposed = api.post("/api/cbm/plans", officer, """
						{"code": "%s", "kind": "ACTION_PLAN", "priorityArea": "ECON-IT", "title": "Matrix plan", "fromYear": 2036, "untilYear": 2037,
						 "activities": []}""".formatted(plan));
				assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
				var register = api.get("/api/decisions/" + adopted.decision(), officer).json().get("register").asString();
				var approval = new Effect(EffectKind.APPROVE_PLAN, null, null, null, null, null, null, null, null, null, null, null, null, plan, null,
						null);
				var handler = effectHandlers.stream().filter(h -> h.kinds().contains(EffectKind.APPROVE_PLAN)).findFirst().orElseThrow();
				transactions.executeWithoutResult(tx -> handler.apply(approval, new DecidedBy(adopted.decision(), register, "CMFA", clock.today(),
						meetingId, Sources.none(), false)));
				record.vars().put("meeting", meetingId);
				record.vars().put("id", adopted.document());
				record.vars().put("decision", String.valueOf(adopted.decision()));
			}
		});
		Recogniser meetingId = (response, record) -> response.status() == 200 && response.body().contains("\"" + record.vars().get("meeting") + "\"");
		Recogniser meetingLink = (response, record) -> response.status() == 200
				&& response.body().contains("/meetings/" + record.vars().get("meeting") + "\"");
		Recogniser place = (response, record) -> response.status() == 200 && response.body().contains(record.marker());
		var paths = List.of(
				path("/api/documents/{id}", "one (document's meeting)", r -> "/api/documents/" + r.vars().get("id"), meetingId),
				path("/documents/{id}", "one (document page's meeting)", r -> "/documents/" + r.vars().get("id"), meetingLink),
				path("/api/documents/{id}/akn", "export (Akoma Ntoso place)", r -> "/api/documents/" + r.vars().get("id") + "/akn", place),
				path("/api/documents/{id}/pdf", "export (PDF place)", r -> "/api/documents/" + r.vars().get("id") + "/pdf", place),
				path("/api/decisions/{id}", "one (decision's meeting)", r -> "/api/decisions/" + r.vars().get("decision"), meetingId),
				path("/api/decisions", "list (register's meetings)", r -> "/api/decisions?body=CMFA", meetingId),
				path("/api/cbm/plans", "list (plans' approval meetings)", r -> "/api/cbm/plans?area=ECON-IT", meetingId),
				path("/decisions", "list (register page's meetings)", r -> "/decisions?body=CMFA",
						(response, record) -> response.body().contains("at " + record.vars().get("meeting") + "<")),
				// the timeline's feed holds the meetings up to today that the public may see
				path("/feeds/timeline.atom", "feed (Atom: timeline)", r -> "/feeds/timeline.atom", atomEntry("timeline:meeting:", "meeting"))
						.asThePublic(),
				// the open data: a document's and a decision's meeting only where the public may know it
				path("/data/{resource}.csv", "export (open data: documents' meetings, CSV)", r -> "/data/documents.csv", cell("meeting"))
						.asThePublic(),
				path("/data/{resource}.json", "export (open data: documents' meetings, JSON)", r -> "/data/documents.json", meetingId)
						.asThePublic(),
				path("/data/{resource}.csv", "export (open data: register's meetings, CSV)", r -> "/data/decisions.csv", cell("meeting"))
						.asThePublic(),
				path("/data/{resource}.json", "export (open data: register's meetings, JSON)", r -> "/data/decisions.json", meetingId)
						.asThePublic());
		return new Kind("meeting behind a public text", records, paths, List.of());
	}

	// ---------------------------------------------------------------- information exchange returns

	Kind exchangeReturns(Actor officer, Actor ownerCoordinator) {
		var type = "MATRIX-" + unique;
		// the visibilities a return may have (ExchangeType: public, participants, Secretariat)
		var visibilities = List.of(AccessLevel.PUBLIC, AccessLevel.PARTICIPANTS, AccessLevel.SECRETARIAT);
		var records = new ArrayList<Rec>();
		int year = 2021;
		for (var visibility : visibilities) {
			var vars = new LinkedHashMap<String, String>();
			vars.put("year", String.valueOf(year++));
			records.add(new Rec("return " + visibility, Access.owned(OWNER, visibility), "MatrixReturn" + visibility + unique, vars));
		}
		creators.put("exchange return", () -> {
			var defined = api.post("/api/exchange/types", officer, """
					{"code": "%s", "title": "Matrix %s", "schedule": "ANNUAL", "due": "--03-31",
					 "fields": [{"name": "detail", "label": "Detail", "type": "TEXT", "required": true}],
					 "visibilities": ["PUBLIC", "PARTICIPANTS", "SECRETARIAT"], "defaultVisibility": "SECRETARIAT"}""".formatted(type, type));
			assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
			for (var record : records) {
				var submitted = api.post("/api/exchange/submissions", ownerCoordinator, """
						{"type": "%s", "participant": "%s", "referenceYear": %s, "visibility": "%s", "answers": {"detail": "%s"}}"""
						.formatted(type, OWNER, record.vars().get("year"), record.label().substring("return ".length()), record.marker()));
				assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
			}
		});
		var paths = List.of(
				path("/api/exchange/submissions", "list", r -> "/api/exchange/submissions?type=" + type, MARKER),
				path("/api/exchange/returns", "list (standing)", r -> "/api/exchange/returns?type=" + type + "&year=" + r.vars().get("year"), MARKER)
						.forWhoMaySee(Access.of(AccessLevel.PARTICIPANTS)),
				path("/exchange", "list (page)", r -> "/exchange?type=" + type + "&year=" + r.vars().get("year"), MARKER));
		var counts = List.of(new Count("/api/exchange/submissions", "returns of the type (API)", "/api/exchange/submissions?type=" + type,
				response -> response.status() == 200 ? response.json().size() : 0, labels(records)));
		return new Kind("exchange return", records, paths, counts);
	}

	// ---------------------------------------------------------------- implementation reports

	Kind reports(Actor ownerCoordinator) {
		var records = new ArrayList<Rec>();
		var draftOnly = new Rec("report, draft only", Access.ownerOnly(OWNER), "MatrixDraftOnly" + unique, Map.of("year", "2021"));
		var before = new Rec("report, draft before submission", Access.ownerOnly(OWNER), "MatrixDraftBefore" + unique, Map.of("year", "2022"));
		var submitted = new Rec("report, submission", Access.owned(OWNER, AccessLevel.PARTICIPANTS), "MatrixSubmitted" + unique,
				Map.of("year", "2022"));
		var after = new Rec("report, draft after submission", Access.ownerOnly(OWNER), "MatrixDraftAfter" + unique, Map.of("year", "2022"));
		var author = new Rec("report, who saved it", Access.owned(OWNER, AccessLevel.SECRETARIAT), ownerCoordinator.account().email(),
				Map.of("year", "2022"));
		var overdue = new Rec("report, overdue standing", Access.of(AccessLevel.PARTICIPANTS), OWNER, Map.of("year", "2021"));
		records.addAll(List.of(draftOnly, before, submitted, after, author, overdue));
		creators.put("implementation report", () -> {
			api.post("/api/commitments", ownerCoordinator, """
					{"participant": "%s", "priorityArea": "ECON-IT", "kind": "OPT_IN", "effectiveOn": "2021-01-10"}""".formatted(OWNER));
			save(ownerCoordinator, 2021, draftOnly.marker(), false);
			save(ownerCoordinator, 2022, before.marker(), false);
			save(ownerCoordinator, 2022, submitted.marker(), true);
			save(ownerCoordinator, 2022, after.marker(), false);
		});
		Recogniser cell = (response, record) -> {
			for (var row : response.json().get("rows")) {
				if (row.get("participant").asString().equals(OWNER)) {
					for (var c : row.get("cells")) {
						if (c.get("area").asString().equals("ECON-IT")) {
							return c.get("reportsSubmitted").asInt() > 0;
						}
					}
				}
			}
			throw new AssertionError("no cell for " + OWNER + " × ECON-IT");
		};
		Recogniser overdueListed = (response, record) -> response.json().at("/overdue/" + OWNER).toString().contains("ECON-IT");
		Recogniser overduePage = (response, record) -> {
			var body = response.body();
			int start = body.indexOf("id=\"overdue\"");
			return start >= 0 && body.substring(start, body.indexOf("</ul>", start)).contains("data-participant=\"" + OWNER + "\"");
		};
		var texts = new String[] { draftOnly.label(), before.label(), submitted.label(), after.label() };
		var paths = List.of(
				path("/api/cbm/reports", "list", r -> "/api/cbm/reports?participant=" + OWNER + "&year=" + r.vars().get("year"), MARKER)
						.only(draftOnly.label(), before.label(), submitted.label(), after.label(), author.label()),
				// the page shows the latest revision one may read: the State its latest save, others the submission
				path("/cbm/reports", "list (page)", r -> "/cbm/reports?year=" + r.vars().get("year"), MARKER).only(draftOnly.label(), after.label()),
				path("/cbm/reports", "list (page, earlier revisions)", r -> "/cbm/reports?year=" + r.vars().get("year"), MARKER).truncated()
						.only(before.label(), submitted.label(), author.label()),
				path("/api/cbm/dashboard", "dashboard (cell)", r -> "/api/cbm/dashboard?year=2022", cell).only(submitted.label()),
				path("/cbm", "dashboard (page)", r -> "/cbm?year=" + r.vars().get("year"), MARKER).truncated().only(texts),
				path("/api/cbm/dashboard", "dashboard (overdue)", r -> "/api/cbm/dashboard?year=2021", overdueListed).only(overdue.label()),
				path("/cbm", "dashboard (overdue, page)", r -> "/cbm?year=2021", overduePage).only(overdue.label()));
		var counts = List.of(new Count("/api/cbm/dashboard", "reports submitted in 2022 (trend)", "/api/cbm/dashboard?year=2022",
				response -> trend(response.json(), 2022), Set.of(submitted.label())));
		return new Kind("implementation report", records, paths, counts);
	}

	private void save(Actor by, int year, String text, boolean submit) {
		var saved = api.post("/api/cbm/reports", by, """
				{"participant": "%s", "priorityArea": "ECON-IT", "year": %d, "text": "%s", "submit": %s}""".formatted(OWNER, year, text, submit));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
	}

	private static long trend(JsonNode dashboard, int year) {
		for (var trend : dashboard.get("trends")) {
			if (trend.get("year").asInt() == year) {
				return trend.get("reportsSubmitted").asLong();
			}
		}
		throw new AssertionError("no trend for " + year);
	}

	// ---------------------------------------------------------------- what awaits a person (tasks)

	/**
	 * Drafts, and drafts under an open silence procedure, at each level: a silence procedure awaits
	 * whoever may see the text and may break silence (a member's acting delegation) or conducts it
	 * (the Secretariat): the path is for those who may see a members' record; a draft never opened
	 * awaits whoever may see it and negotiates (delegations of members and observers, the Secretariat).
	 */
	Kind awaiting(Actor officer) {
		var silences = new ArrayList<Rec>();
		var drafts = new ArrayList<Rec>();
		for (var level : LEVELS) {
			silences.add(new Rec("silence procedure " + level, access(level), "Matrix silence " + level + " " + unique, new LinkedHashMap<>()));
			drafts.add(new Rec("draft " + level, access(level), "Matrix draft " + level + " " + unique, new LinkedHashMap<>()));
		}
		creators.put("what awaits", () -> {
			var deadline = java.time.LocalDateTime.now(clock.zone()).plusDays(5).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
			for (var level : LEVELS) {
				var silence = silences.get(LEVELS.indexOf(level));
				var document = tableForTasks(officer, silence.marker(), level, "AGREED");
				var proposed = api.post("/api/decisions", officer, """
						{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
						.formatted(document, deadline));
				assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
				silence.vars().put("task", "SILENCE_PROCEDURE decision:" + proposed.json().get("id").asLong());
				silence.vars().put("record", "decision:" + proposed.json().get("id").asLong());
				silence.vars().put("decision", String.valueOf(proposed.json().get("id").asLong()));
				silence.vars().put("month", java.time.YearMonth.from(java.time.OffsetDateTime.parse(proposed.json().get("deadline").asString())
						.atZoneSameInstant(clock.zone())).toString());
				var draft = drafts.get(LEVELS.indexOf(level));
				var id = tableForTasks(officer, draft.marker(), level, "BRACKETED");
				draft.vars().put("task", "DRAFT_CHANGED document:" + id);
				draft.vars().put("record", "document:" + id);
			}
		});
		Recogniser listed = (response, record) -> {
			if (response.status() != 200) {
				return false;
			}
			for (var task : response.json()) {
				if ((task.get("kind").asString() + " " + task.get("record").asString()).equals(record.vars().get("task"))) {
					return true;
				}
			}
			return false;
		};
		Recogniser onHome = (response, record) -> response.status() == 200
				&& response.body().contains("data-record=\"" + record.vars().get("record") + "\"");
		var silenceLabels = labels(silences).toArray(String[]::new);
		var draftLabels = labels(drafts).toArray(String[]::new);
		var members = Access.of(AccessLevel.MEMBERS);
		var participants = Access.of(AccessLevel.PARTICIPANTS);
		var paths = List.of(
				path("/api/me/tasks", "list (what awaits: silence procedures)", r -> "/api/me/tasks", listed).only(silenceLabels).forWhoMaySee(members),
				path("/api/me/tasks", "list (what awaits: drafts)", r -> "/api/me/tasks", listed).only(draftLabels).forWhoMaySee(participants),
				path("/", "list (home page, what awaits: silence procedures)", r -> "/", onHome).only(silenceLabels).forWhoMaySee(members),
				path("/", "list (home page, what awaits: drafts)", r -> "/", onHome).only(draftLabels).forWhoMaySee(participants),
				// a silence procedure's deadline is in the calendars of all signed-in people who may see its text (the public
				// calendar has meetings only)
				path("/api/me/calendar.ics", "feed (personal calendar: silence deadlines)", r -> "/api/me/calendar.ics?token=" + CALENDAR_TOKEN,
						event("silence-", "decision")).only(silenceLabels).signedIn(),
				path("/calendar", "list (calendar page: silence deadlines)", r -> "/calendar?view=list&month=" + r.vars().get("month"),
						(response, record) -> response.status() == 200
								&& response.body().contains("data-key=\"silence-" + record.vars().get("decision") + "\"")).only(silenceLabels).signedIn());
		var records = new ArrayList<Rec>(silences);
		records.addAll(drafts);
		return new Kind("what awaits", records, paths, List.of());
	}

	private String tableForTasks(Actor officer, String title, AccessLevel level, String status) {
		var tabled = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "%s"%s, "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "%s", "text": {"en": "We agree."}}]}""".formatted(title, level, named(level), status));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	// ---------------------------------------------------------------- applications for a status

	/**
	 * Applications, at each level an application may be recorded with (all but named participants; by default the
	 * participants'), each for a new applicant without status (whose delegation, acting for nobody, sees nothing
	 * more), on the lists and at their own addresses, API and pages.
	 */
	Kind applications(Actor officer) {
		var levels = List.of(AccessLevel.PUBLIC, AccessLevel.PARTICIPANTS, AccessLevel.MEMBERS, AccessLevel.SECRETARIAT);
		var records = new ArrayList<Rec>();
		// organization codes are capital letters only: the run's unique mark spelt in letters, and one letter per level
		var letters = new StringBuilder();
		unique.chars().forEach(c -> letters.append(Character.isDigit(c) ? (char) ('A' + c - '0') : (char) c));
		for (var level : levels) {
			var code = "MX" + letters + (char) ('A' + levels.indexOf(level));
			records.add(new Rec("application " + level, Access.owned(code, level), "Matrix note verbale " + level + " " + unique,
					new LinkedHashMap<>(Map.of("code", code))));
		}
		creators.put("application", () -> {
			for (var record : records) {
				var level = record.label().substring("application ".length());
				var created = api.post("/api/applications", officer, """
						{"newParticipant": {"code": "%s", "kind": "ORGANIZATION", "nameEn": "Matrix Organization %s", "nameRu": "Матричная организация"},
						 "status": "OBSERVER", "receivedOn": "%s", "reference": "%s", "access": "%s"}"""
						.formatted(record.vars().get("code"), level, clock.today(), record.marker(), level));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				record.vars().put("id", String.valueOf(created.json().get("id").asLong()));
			}
		});
		var paths = List.of(
				path("/api/applications", "list", r -> "/api/applications", MARKER),
				path("/api/applications/{id}", "one", r -> "/api/applications/" + r.vars().get("id"), FOUND),
				path("/applications", "list (page)", r -> "/applications", MARKER),
				path("/applications/{id}", "one (page)", r -> "/applications/" + r.vars().get("id"), FOUND));
		return new Kind("application", records, paths, List.of());
	}

	// ---------------------------------------------------------------- the Fund's projects

	/**
	 * Fund projects of the owning State: a draft (its State's delegation and the Secretariat) and a submitted one
	 * (participants and the Secretariat), on the lists and at their own addresses, API and pages. Approved ones are public:
	 * fund.FundProjectsIntegrationTests.
	 */
	Kind fundProjects(Actor ownerCoordinator) {
		var records = new ArrayList<Rec>();
		for (var state : List.of(org.kurultai.fund.ProjectState.DRAFT, org.kurultai.fund.ProjectState.SUBMITTED)) {
			records.add(new Rec("fund project " + state, state.access(OWNER), "Matrix fund project " + state + " " + unique, new LinkedHashMap<>()));
		}
		creators.put("fund project", () -> {
			for (var record : records) {
				var created = api.post("/api/fund/projects", ownerCoordinator, """
						{"titleEn": "%s", "purpose": "Matrix.", "start": "%s", "end": "%s",
						 "budget": [{"description": "Venue", "amount": "1000"}], "requested": "1000"}"""
						.formatted(record.marker(), clock.today().plusDays(10), clock.today().plusDays(100)));
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				var id = String.valueOf(created.json().get("id").asLong());
				record.vars().put("id", id);
				if (record.label().endsWith("SUBMITTED")) {
					var submitted = api.post("/api/fund/projects/" + id + "/submission", ownerCoordinator, null);
					assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
				}
			}
		});
		var paths = List.of(
				path("/api/fund/projects", "list", r -> "/api/fund/projects", MARKER),
				path("/api/fund/projects/{id}", "one", r -> "/api/fund/projects/" + r.vars().get("id"), FOUND),
				path("/fund/projects", "list (page)", r -> "/fund/projects", MARKER),
				path("/fund/projects/{id}", "one (page)", r -> "/fund/projects/" + r.vars().get("id"), FOUND),
				// the public record of the Fund: approved projects only, whoever asks (none of these is approved)
				path("/feeds/fund-projects.atom", "feed (Atom: Fund projects approved)", r -> "/feeds/fund-projects.atom",
						atomEntry("fund-project:", "id")).asThePublic(),
				path("/sitemap.xml", "sitemap (Fund projects)", r -> "/sitemap.xml", sitemapped("/fund/projects/", "id")).asThePublic(),
				path("/data/{resource}.csv", "export (open data: Fund projects, CSV)", r -> "/data/fund-projects.csv", MARKER).asThePublic(),
				path("/data/{resource}.json", "export (open data: Fund projects, JSON)", r -> "/data/fund-projects.json", MARKER).asThePublic(),
				// the search: filtered by access in its query, before ranking and counting
				path("/api/search", "search (Fund projects)", r -> searchProjects(), MARKER),
				path("/search", "search (page)", r -> searchProjects().replace("/api/search", "/search"), MARKER));
		var counts = List.of(new Count("/api/search", "Fund projects found (search total)", searchProjects(),
				response -> response.json().get("total").asLong(), labels(records)));
		return new Kind("fund project", records, paths, counts);
	}

	/** The search for this run's Fund projects (titled "Matrix fund project STATE unique"). */
	String searchProjects() {
		return "/api/search?kind=project&size=50&q=Matrix+fund+project+" + unique;
	}

	// ---------------------------------------------------------------- the Fund's contributors' statements

	/**
	 * Contributors' statements (fund.FundPolicy): a participant's is for its delegation (named participants: the owning
	 * State) and the Secretariat; a contributor outside the registry's is the Secretariat's. On the lists of contributions
	 * and contributors and at their own addresses, API and pages.
	 */
	Kind fundStatements(Actor officer) {
		var records = List.of(
				new Rec("statement of a participant", Access.namedParticipants(OWNER), "Matrix fund pledge " + OWNER + " " + unique,
						new LinkedHashMap<>()),
				new Rec("statement of a foundation", Access.of(AccessLevel.SECRETARIAT), "Matrix fund foundation " + unique, new LinkedHashMap<>()));
		creators.put("fund statement", () -> {
			var participant = api.post("/api/fund/contributions", officer, """
					{"kind": "PLEDGE", "participant": "%s", "amount": "10.00", "valueDate": "%s", "reference": "%s"}"""
					.formatted(OWNER, clock.today(), records.get(0).marker()));
			assertThat(participant.status()).as(participant.toString()).isEqualTo(201);
			records.get(0).vars().put("id", String.valueOf(participant.json().get("contributor").asLong()));
			var foundation = api.post("/api/fund/contributions", officer, """
					{"kind": "CONTRIBUTION", "contributorKind": "LEGAL_ENTITY", "contributorName": "Matrix Foundation %s", "amount": "10.00",
					 "valueDate": "%s", "reference": "%s"}""".formatted(unique, clock.today(), records.get(1).marker()));
			assertThat(foundation.status()).as(foundation.toString()).isEqualTo(201);
			records.get(1).vars().put("id", String.valueOf(foundation.json().get("contributor").asLong()));
		});
		Recogniser listed = (response, record) -> response.status() == 200
				&& response.body().contains("\"id\":" + record.vars().get("id") + ",\"kind\"");
		// the statements' routes are for the signed in: the public is sent to sign in (401, or 302 for a page)
		Recogniser found = (response, record) -> {
			assertThat(response.status()).as("%s answers 200, 404 or asks to sign in", record.label()).isIn(200, 302, 401, 404);
			return response.status() == 200;
		};
		var paths = List.of(
				path("/api/fund/contributions", "list", r -> "/api/fund/contributions", MARKER),
				path("/api/fund/contributors", "list of contributors", r -> "/api/fund/contributors", listed),
				path("/api/fund/contributors/{id}/statement", "one", r -> "/api/fund/contributors/" + r.vars().get("id") + "/statement", found),
				path("/fund/contributions", "list (page)", r -> "/fund/contributions", MARKER),
				path("/fund/contributors/{id}", "one (page)", r -> "/fund/contributors/" + r.vars().get("id"), found));
		return new Kind("fund statement", records, paths, List.of());
	}

	// ---------------------------------------------------------------- the matrix

	private Viewer policyViewer(Seer seer) {
		return seer.actor() == null ? Viewer.PUBLIC : policy.viewer(accounts.byEmail(seer.actor().account().email()).orElseThrow(), clock.today());
	}

	final Map<String, Long> slowest = new java.util.concurrent.ConcurrentHashMap<>();

	private Delegations.Response get(String url, Seer viewer) {
		long start = System.nanoTime();
		try {
			return fetch(url, viewer);
		}
		finally {
			slowest.merge(url.replaceAll("\\d+", "#"), (System.nanoTime() - start) / 1_000_000, Long::sum);
		}
	}

	private Delegations.Response fetch(String url, Seer viewer) {
		if (url.contains(CALENDAR_TOKEN)) {
			// a calendar client: no session, no bearer token, only the personal token in the address
			return api.file(url.replace(CALENDAR_TOKEN, calendarToken(viewer)), null);
		}
		if (url.endsWith("/pdf")) {
			return pdf(url, viewer.actor());
		}
		boolean file = url.endsWith("/akn") || url.contains("/pdf?") || url.endsWith(".pdf") || url.endsWith(".csv") || url.startsWith("/data/");
		return file ? api.file(url, viewer.actor()) : url.startsWith("/api/") ? api.get(url, viewer.actor()) : api.page(url, viewer.actor());
	}

	/** A PDF as its text. */
	private Delegations.Response pdf(String url, @Nullable Actor actor) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).timeout(Duration.ofSeconds(30)).header("Accept", "*/*");
			if (actor != null) {
				request.header("Authorization", "Bearer " + actor.token());
			}
			var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				return new Delegations.Response(response.statusCode(), new String(response.body()), "");
			}
			try (var file = Loader.loadPDF(new ByteArrayInputStream(response.body()).readAllBytes())) {
				return new Delegations.Response(200, new PDFTextStripper().getText(file), "application/pdf");
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	final Map<String, String> calendarTokens = new java.util.concurrent.ConcurrentHashMap<>();

	private String calendarToken(Seer viewer) {
		if (viewer.actor() == null) {
			return "kc_the-public-has-none";
		}
		return calendarTokens.computeIfAbsent(viewer.name(), name -> {
			var made = api.post("/api/me/calendar-token", viewer.actor(), null);
			assertThat(made.status()).as(made.toString()).isEqualTo(201);
			var url = made.json().get("url").asString();
			return url.substring(url.indexOf("token=") + "token=".length());
		});
	}

	@Test
	void theViewersAreWhoTheyAreMeantToBe() {
		assertThat(policy.maySee(policyViewer(viewers.get("the public")), Access.of(AccessLevel.PARTICIPANTS))).isFalse();
		assertThat(policy.maySee(policyViewer(viewers.get("owning State's coordinator (" + OWNER + ")")), Access.ownerOnly(OWNER))).isTrue();
		assertThat(policy.maySee(policyViewer(viewers.get("owning State's delegate (" + OWNER + ")")), Access.ownerOnly(OWNER))).isTrue();
		var ended = policyViewer(viewers.get("owning State's delegate, accreditation ended"));
		assertThat(policy.maySee(ended, Access.ownerOnly(OWNER))).as("an ended accreditation acts for nobody").isFalse();
		assertThat(policy.maySee(ended, Access.owned(OWNER, AccessLevel.SECRETARIAT))).isFalse();
		assertThat(policy.maySee(ended, Access.of(AccessLevel.PARTICIPANTS))).isFalse();
		assertThat(policy.maySee(policyViewer(viewers.get("Secretariat officer")), Access.ownerOnly(OWNER))).as("a draft is its State's own")
				.isFalse();
		assertThat(policy.maySee(policyViewer(viewers.get("Secretariat officer")), Access.owned(OWNER, AccessLevel.SECRETARIAT))).isTrue();
		assertThat(policy.maySee(policyViewer(viewers.get("member delegate (" + OTHER_MEMBER + ")")), Access.owned(OWNER, AccessLevel.SECRETARIAT)))
				.isFalse();
		assertThat(policy.maySee(policyViewer(viewers.get("observer delegate (" + OBSERVER + ")")), Access.of(AccessLevel.MEMBERS))).isFalse();
	}

	@Test
	void everyRecordShowsOnEveryReadPathExactlyToThoseWhoMaySeeIt() throws Exception {
		var failures = java.util.Collections.synchronizedList(new ArrayList<String>());
		var checked = new java.util.concurrent.atomic.AtomicInteger();
		// the viewers in parallel (a few at a time), each reading every address once
		var pool = new java.util.concurrent.ForkJoinPool(4);
		try {
			pool.submit(() -> viewers.values().parallelStream().forEach(viewer -> check(viewer, failures, checked))).get();
		}
		finally {
			pool.shutdown();
		}
		System.out.println("record access matrix: " + checked.get() + " combinations (kind × record × read path × viewer)");
		slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
				.forEach(e -> System.out.println("  " + e.getValue() + " ms in all: " + e.getKey()));
		assertThat(checked.get()).isGreaterThan(500);
		assertThat(failures).as("record-level leaks and omissions").isEmpty();
	}

	private void check(Seer viewer, List<String> failures, java.util.concurrent.atomic.AtomicInteger checked) {
		var seen = policyViewer(viewer);
		var responses = new LinkedHashMap<String, Delegations.Response>();
		for (var kind : kinds) {
			for (var path : kind.paths()) {
				for (var record : kind.records()) {
					if (!path.records().isEmpty() && !path.records().contains(record.label())) {
						continue;
					}
					var url = path.url().apply(record);
					var response = responses.computeIfAbsent(url, u -> get(u, viewer));
					assertThat(response.status()).as("%s: %s", viewer.name(), url).isLessThan(500);
					boolean may = switch (path.mode()) {
						case AS_THE_PUBLIC -> policy.maySee(Viewer.PUBLIC, record.access());
						case SIGNED_IN -> viewer.actor() != null && policy.maySee(seen, record.access()) && policy.maySee(seen, path.pathAccess());
						default -> policy.maySee(seen, record.access()) && policy.maySee(seen, path.pathAccess());
					};
					boolean shows = path.shows().shows(response, record);
					checked.incrementAndGet();
					if (path.mode() == Mode.NEVER_WHEN_HIDDEN ? shows && !may : shows != may) {
						failures.add("%s: %s at %s (%s %s): %s, but AccessPolicy says %s".formatted(viewer.name(), record.label(), url,
								path.kind(), path.route(), shows ? "shows" : "absent", may ? "may see" : "may not see"));
					}
				}
			}
		}
	}

	@Test
	void countsMoveOnlyForThoseWhoMaySeeWhatTheyCount() {
		var failures = new ArrayList<String>();
		for (var kind : kinds) {
			for (var count : kind.counts()) {
				for (var viewer : viewers.values()) {
					var seen = policyViewer(viewer);
					long expected = kind.records().stream().filter(r -> count.records().contains(r.label()))
							.filter(r -> policy.maySee(seen, r.access())).count();
					long moved = count.value().applyAsLong(get(count.url(), viewer)) - countsBefore.get(viewer.name() + "|" + count.name());
					if (moved != expected) {
						failures.add("%s: %s moved by %d, but AccessPolicy admits %d".formatted(viewer.name(), count.name(), moved, expected));
					}
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyReadPathIsAssignedToAKindOfRecordOrDeclaredRecordFree() {
		var covered = new TreeSet<String>();
		for (var kind : kinds) {
			kind.paths().forEach(path -> covered.add(path.route()));
			kind.counts().forEach(count -> covered.add(count.route()));
		}
		var unassigned = new TreeSet<String>();
		var routes = new LinkedHashSet<String>();
		for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
			for (var info : mapping.getHandlerMethods().keySet()) {
				var methods = info.getMethodsCondition().getMethods();
				if (!methods.isEmpty() && methods.stream().noneMatch(m -> m.name().equals("GET"))) {
					continue;
				}
				routes.addAll(info.getPatternValues());
			}
		}
		for (var route : routes) {
			if (!covered.contains(route) && !RECORD_FREE.containsKey(route)) {
				unassigned.add(route);
			}
		}
		assertThat(routes).hasSizeGreaterThan(40);
		assertThat(unassigned).as("GET routes that are neither a read path of a record kind in this matrix nor declared record-free")
				.isEmpty();
		assertThat(covered).as("read paths of the matrix that the application no longer serves").isSubsetOf(routes);
	}

	private static Set<String> labels(List<Rec> records) {
		var labels = new LinkedHashSet<String>();
		records.forEach(record -> labels.add(record.label()));
		return labels;
	}

	private static long number(String page, String regex) {
		var matcher = Pattern.compile(regex).matcher(page);
		assertThat(matcher.find()).as(regex).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	static LocalDate day(String text) {
		return LocalDate.parse(text);
	}
}
