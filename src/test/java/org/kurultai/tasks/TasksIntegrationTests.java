package org.kurultai.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.cbm.Catalogue;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What awaits a person, per kind and role, through {@code GET /api/me/tasks}, the home page and the
 * header's count: silence procedures for members (not observers) and for whoever conducts them,
 * drafts changed since the person last opened them, their own State's reports and returns due or
 * overdue, accreditations awaiting the Secretariat; never a record the person may not see.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasksIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Catalogue catalogue;

	Delegations api;
	Actor officer;
	Actor kazakhstan;
	Actor india;
	Actor qatar;
	Actor japan;
	Actor expert;
	final String unique = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	@BeforeAll
	void people() {
		api = new Delegations(port, accounts, tokens);
		officer = api.secretariat("tasks");
		kazakhstan = api.coordinator("tasks", "KAZ");
		india = api.coordinator("tasks", "IND");
		qatar = api.coordinator("tasks", "QAT");
		japan = api.coordinator("tasks", "JPN");
		expert = api.actor("tasks.expert@think-tank.example", Role.EXPERT, null);
	}

	// ---------------------------------------------------------------- helpers

	String table(Actor by, String title, String access, boolean bracketed) {
		var tabled = api.post("/api/documents", by, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "%s", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "%s", "text": {"en": "We agree on tasks."}}]}"""
				.formatted(title, access, bracketed ? "BRACKETED" : "AGREED"));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		return tabled.json().get("id").asString();
	}

	/** A silence procedure on the document's draft, ending three days and five hours from now in Almaty. */
	long silence(String document) {
		var deadline = LocalDateTime.ofInstant(clock.now(), clock.zone()).plusDays(3).plusHours(5).truncatedTo(ChronoUnit.MINUTES);
		var proposed = api.post("/api/decisions", officer, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "SILENCE", "deadline": "%s", "timeZone": "Asia/Almaty"}"""
				.formatted(document, deadline));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		return proposed.json().get("id").asLong();
	}

	JsonNode tasks(Actor actor) {
		var response = api.get("/api/me/tasks", actor);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static @Nullable JsonNode task(JsonNode tasks, String kind, String record) {
		for (var task : tasks) {
			if (task.get("kind").asString().equals(kind) && task.get("record").asString().equals(record)) {
				return task;
			}
		}
		return null;
	}

	static List<String> records(JsonNode tasks) {
		var records = new ArrayList<String>();
		tasks.forEach(task -> records.add(task.get("kind").asString() + " " + task.get("record").asString()));
		return records;
	}

	/** The header's count, as the page's htmx request fetches it. */
	int count(Actor actor) {
		var fragment = api.page("/me/tasks/count", actor);
		assertThat(fragment.status()).as(fragment.toString()).isEqualTo(200);
		var matcher = Pattern.compile("data-count=\"(\\d+)\"").matcher(fragment.body());
		assertThat(matcher.find()).as(fragment.body()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	// ---------------------------------------------------------------- silence procedures

	@Test
	void aMemberSeesAnOpenSilenceProcedureWithItsDeadlineAndAnObserverGetsNoObjectionTask() {
		var document = table(officer, "Tasks silence " + unique, "PARTICIPANTS", false);
		long decision = silence(document);
		var record = "decision:" + decision;
		var deadline = OffsetDateTime.parse(api.get("/api/decisions/" + decision, kazakhstan).json().get("deadline").asString())
				.toInstant();

		var kaz = task(tasks(kazakhstan), "SILENCE_PROCEDURE", record);
		assertThat(kaz).as("a member's delegation may break silence: %s", records(tasks(kazakhstan))).isNotNull();
		assertThat(Instant.parse(kaz.get("deadline").asString())).isEqualTo(deadline);
		assertThat(kaz.get("overdue").asBoolean()).isFalse();
		assertThat(kaz.get("action").asBoolean()).isTrue();
		assertThat(kaz.get("state").asString()).isEqualTo("KAZ");
		assertThat(kaz.get("stateName").asString()).isEqualTo("Kazakhstan");
		assertThat(kaz.get("link").asString()).isEqualTo("/decisions/" + decision);
		assertThat(kaz.get("title").asString()).contains("Tasks silence " + unique).contains("object in writing");
		assertThat(kaz.get("remaining").asString()).as("three days and five hours, less the seconds gone").matches("3 days (4|5) hours? left|3 days left");

		// in Russian, with its plural forms
		var ru = task(getInRussian(kazakhstan), "SILENCE_PROCEDURE", record);
		assertThat(ru.get("remaining").asString()).matches("до срока: 3 дня( (4|5) час(а|ов))?");
		assertThat(ru.get("title").asString()).startsWith("Процедура умолчания");
		assertThat(ru.get("stateName").asString()).isEqualTo("Казахстан");

		// an observer speaks but cannot object: no objection task (the draft itself may await it)
		assertThat(task(tasks(japan), "SILENCE_PROCEDURE", record)).isNull();
		assertThat(task(tasks(japan), "DRAFT_CHANGED", "document:" + document)).isNotNull();
		// the Secretariat conducts it: told, with no State
		var conducting = task(tasks(officer), "SILENCE_PROCEDURE", record);
		assertThat(conducting).isNotNull();
		assertThat(conducting.get("state").isNull()).isTrue();
		assertThat(conducting.get("title").asString()).contains("under way");
		// an expert and the public: nothing of it
		assertThat(records(tasks(expert))).noneMatch(r -> r.endsWith(record) || r.endsWith(document));
		assertThat(api.get("/api/me/tasks", null).status()).isEqualTo(401);

		// once Kazakhstan has broken silence, the procedure has ended: it awaits nobody any more, not India, nor who conducts it
		var objected = api.post("/api/decisions/" + decision + "/objections", kazakhstan, "{\"reasons\": \"We need more time.\"}");
		assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
		assertThat(task(tasks(kazakhstan), "SILENCE_PROCEDURE", record)).isNull();
		assertThat(task(tasks(india), "SILENCE_PROCEDURE", record)).isNull();
		assertThat(task(tasks(officer), "SILENCE_PROCEDURE", record)).isNull();
		// the others are told in-app, for a week: India (a member that could have broken it) and who conducted it; not Kazakhstan
		var told = task(tasks(india), "SILENCE_BROKEN", record);
		assertThat(told).as("India is told").isNotNull();
		assertThat(told.get("action").asBoolean()).as("a notice, not an act").isFalse();
		assertThat(told.get("title").asString()).contains("Silence was broken");
		assertThat(task(getInRussian(india), "SILENCE_BROKEN", record).get("title").asString()).contains("молчание нарушено");
		assertThat(task(tasks(officer), "SILENCE_BROKEN", record)).as("the Secretariat, which conducted it, is told").isNotNull();
		assertThat(task(tasks(kazakhstan), "SILENCE_BROKEN", record)).as("not the State that broke it").isNull();
		assertThat(task(tasks(japan), "SILENCE_BROKEN", record)).as("not an observer, which could not break it").isNull();
		assertThat(records(tasks(expert))).noneMatch(r -> r.endsWith(record));
	}

	private JsonNode getInRussian(Actor actor) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/me/tasks"))
					.header("Accept", "application/json").header("Accept-Language", "ru").header("Authorization", "Bearer " + actor.token()).build();
			var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return Delegations.JSON.readTree(response.body());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aStateNotNamedOrNotAMemberSeesNothingOfARecordItMayNotSee() {
		var named = api.post("/api/documents", officer, """
				{"type": "STATEMENT", "title": "Tasks named %s", "body": "SOC", "access": "NAMED_PARTICIPANTS", "named": ["KAZ"],
				 "languages": ["en"], "originalLanguage": "en", "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "Named."}}]}"""
				.formatted(unique));
		assertThat(named.status()).as(named.toString()).isEqualTo(201);
		var namedId = named.json().get("id").asString();
		long namedDecision = silence(namedId);
		var membersOnly = table(officer, "Tasks members only " + unique, "MEMBERS", true);
		var secretariatOnly = table(officer, "Tasks Secretariat only " + unique, "SECRETARIAT", true);

		assertThat(task(tasks(kazakhstan), "SILENCE_PROCEDURE", "decision:" + namedDecision)).isNotNull();
		assertThat(task(tasks(kazakhstan), "DRAFT_CHANGED", "document:" + namedId)).isNotNull();
		for (var other : List.of(qatar, india, japan, expert)) {
			var theirs = api.get("/api/me/tasks", other).body();
			assertThat(theirs).as("%s, not named", other.account().email()).doesNotContain(namedId).doesNotContain("decision:" + namedDecision)
					.doesNotContain("Tasks named " + unique);
		}
		assertThat(task(tasks(qatar), "DRAFT_CHANGED", "document:" + membersOnly)).as("a member sees a members' draft").isNotNull();
		assertThat(api.get("/api/me/tasks", japan).body()).as("an observer does not").doesNotContain(membersOnly);
		for (var delegation : List.of(kazakhstan, qatar, japan)) {
			assertThat(api.get("/api/me/tasks", delegation).body()).doesNotContain(secretariatOnly);
		}
		assertThat(task(tasks(officer), "DRAFT_CHANGED", "document:" + secretariatOnly)).isNotNull();
		// and the home page says no more than the API
		assertThat(api.page("/", qatar).body()).doesNotContain("Tasks named " + unique).contains("Tasks members only " + unique);
		assertThat(api.page("/", japan).body()).doesNotContain("Tasks members only " + unique);
	}

	// ---------------------------------------------------------------- drafts

	@Test
	void aDraftAwaitsUntilOpenedAndAgainAfterANewAmendmentOrRevision() {
		var document = table(officer, "Tasks draft " + unique, "PARTICIPANTS", true);
		var record = "document:" + document;
		var unread = task(tasks(kazakhstan), "DRAFT_CHANGED", record);
		assertThat(unread).as("never opened").isNotNull();
		assertThat(unread.get("title").asString()).contains("not yet opened").contains("(draft)");
		assertThat(unread.get("deadline").isNull()).isTrue();

		// opening the document's page is seeing it; the API's JSON is not the page
		assertThat(api.get("/api/documents/" + document, kazakhstan).status()).isEqualTo(200);
		assertThat(task(tasks(kazakhstan), "DRAFT_CHANGED", record)).isNotNull();
		assertThat(api.page("/documents/" + document, kazakhstan).status()).isEqualTo(200);
		assertThat(task(tasks(kazakhstan), "DRAFT_CHANGED", record)).as("seen").isNull();
		assertThat(task(tasks(india), "DRAFT_CHANGED", record)).as("India has not opened it").isNotNull();

		// India proposes an amendment: new to Kazakhstan
		var amendment = api.post("/api/documents/" + document + "/amendments", india, """
				{"againstVersion": 0, "kind": "REPLACE", "paragraph": "1", "text": {"en": "We agree on tasks, firmly."}}""");
		assertThat(amendment.status()).as(amendment.toString()).isEqualTo(201);
		var amended = task(tasks(kazakhstan), "DRAFT_CHANGED", record);
		assertThat(amended).isNotNull();
		assertThat(amended.get("title").asString()).endsWith(": 1 new amendment");
		assertThat(api.page("/documents/" + document, kazakhstan).status()).isEqualTo(200);
		assertThat(task(tasks(kazakhstan), "DRAFT_CHANGED", record)).isNull();

		// the Secretariat issues Rev.1 taking it in
		var revised = api.post("/api/documents/" + document + "/revisions", officer,
				"{\"basedOn\": 0, \"takeIn\": [" + amendment.json().get("id").asLong() + "]}");
		assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
		var revision = task(tasks(kazakhstan), "DRAFT_CHANGED", record);
		assertThat(revision).isNotNull();
		assertThat(revision.get("title").asString()).endsWith(": Rev.1 issued");
		// an observer who never opened it: still the unread text, now at Rev.1
		assertThat(task(tasks(japan), "DRAFT_CHANGED", record).get("title").asString()).contains("(Rev.1)");
		// an expert takes no part in negotiations
		assertThat(task(tasks(expert), "DRAFT_CHANGED", record)).isNull();
		// the public does not leave a trace by looking
		assertThat(api.page("/documents/" + document, null).status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------- reports and returns

	@Test
	void aStatesOverdueReportAwaitsItsDelegationOnlyUntilSubmitted() {
		var bahrain = api.coordinator("tasks", "BHR");
		int year = clock.today().getYear() - 1;
		if (!catalogue.commitmentsOf("BHR", Viewer.PUBLIC).committedTo("ECON-IT", null, LocalDate.of(year, 6, 1))) {
			var committed = api.post("/api/commitments", bahrain, """
					{"participant": "BHR", "priorityArea": "ECON-IT", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(LocalDate.of(year, 1, 10)));
			assertThat(committed.status()).as(committed.toString()).isEqualTo(201);
		}
		var record = "report:BHR/ECON-IT/" + year;
		var due = task(tasks(bahrain), "REPORT_DUE", record);
		assertThat(due).as("%s", records(tasks(bahrain))).isNotNull();
		assertThat(due.get("overdue").asBoolean()).isTrue();
		assertThat(Instant.parse(due.get("deadline").asString())).isBefore(clock.now());
		assertThat(due.get("remaining").asString()).startsWith("overdue by ");
		assertThat(due.get("link").asString()).isEqualTo("/cbm/reports?year=" + year);
		assertThat(due.get("state").asString()).isEqualTo("BHR");
		// another State's delegation, the Secretariat and an observer are not asked for Bahrain's report
		for (var other : List.of(kazakhstan, officer, japan)) {
			assertThat(api.get("/api/me/tasks", other).body()).doesNotContain(record);
		}

		var submitted = api.post("/api/cbm/reports", bahrain, """
				{"participant": "BHR", "priorityArea": "ECON-IT", "year": %d, "text": "Done in %d.", "submit": true}""".formatted(year, year));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		assertThat(task(tasks(bahrain), "REPORT_DUE", record)).as("submitted").isNull();
	}

	@Test
	void aReturnDueWithinThirtyDaysAndAnOverdueOneAwaitAMembersDelegation() {
		var soon = clock.today().plusDays(10);
		// a type due in ten days: its return for the reference year before
		var type = "TASKS-" + unique.toUpperCase(java.util.Locale.ROOT);
		int referenceYear = soon.getYear() - 1;
		var defined = api.post("/api/exchange/types", officer, """
				{"code": "%s", "title": "Tasks exchange %s", "schedule": "ANNUAL", "due": "--%02d-%02d",
				 "fields": [{"name": "detail", "label": "Detail", "type": "TEXT", "required": true}],
				 "visibilities": ["SECRETARIAT"], "defaultVisibility": "SECRETARIAT"}""".formatted(type, unique, soon.getMonthValue(), soon.getDayOfMonth()));
		assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
		var record = "return:KAZ/" + type + "/" + referenceYear;
		var due = task(tasks(kazakhstan), "RETURN_DUE", record);
		assertThat(due).as("%s", records(tasks(kazakhstan))).isNotNull();
		assertThat(due.get("overdue").asBoolean()).isFalse();
		assertThat(due.get("remaining").asString()).matches("(9|10) days( \\d+ hours?)? left");
		assertThat(due.get("link").asString()).isEqualTo("/exchange?type=" + type + "&year=" + referenceYear);
		assertThat(due.get("title").asString()).contains("Tasks exchange " + unique);
		// the same reminders as /api/me/reminders: one domain call
		assertThat(api.get("/api/me/reminders", kazakhstan).body()).contains(type);
		// an observer is not asked; nor the Secretariat
		assertThat(api.get("/api/me/tasks", japan).body()).doesNotContain(type);
		assertThat(api.get("/api/me/tasks", officer).body()).doesNotContain(type);
		// what is overdue comes first
		var all = tasks(kazakhstan);
		boolean seenNotOverdue = false;
		for (var task : all) {
			if (!task.get("overdue").asBoolean()) {
				seenNotOverdue = true;
			}
			else {
				assertThat(seenNotOverdue).as("overdue before the rest: %s", records(all)).isFalse();
			}
		}

		var submitted = api.post("/api/exchange/submissions", kazakhstan, """
				{"type": "%s", "participant": "KAZ", "referenceYear": %d, "answers": {"detail": "done"}}""".formatted(type, referenceYear));
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		assertThat(task(tasks(kazakhstan), "RETURN_DUE", record)).isNull();
	}

	// ---------------------------------------------------------------- accreditations

	@Test
	void aProposedAccreditationAwaitsTheSecretariatAndItsCoordinatorIsTold() {
		var person = api.actor("tasks.delegate." + unique + "@mfa.example", Role.DELEGATE, "IND");
		var proposed = api.post("/api/accreditations", india, "{\"person\": \"" + person.account().email() + "\"}");
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var id = proposed.json().get("id").asString();
		var record = "accreditation:" + id;

		var forSecretariat = task(tasks(officer), "ACCREDITATION_PENDING", record);
		assertThat(forSecretariat).isNotNull();
		assertThat(forSecretariat.get("action").asBoolean()).isTrue();
		assertThat(forSecretariat.get("link").asString()).isEqualTo("/accreditations");
		assertThat(forSecretariat.get("title").asString()).contains(person.account().displayName()).contains("India")
				.contains("awaits your decision");
		var forCoordinator = task(tasks(india), "ACCREDITATION_PENDING", record);
		assertThat(forCoordinator).isNotNull();
		assertThat(forCoordinator.get("action").asBoolean()).as("informational").isFalse();
		assertThat(forCoordinator.get("title").asString()).contains("awaits the Secretariat");
		for (var other : List.of(kazakhstan, japan, expert, person)) {
			assertThat(api.get("/api/me/tasks", other).body()).doesNotContain(id);
		}

		var accredited = api.post("/api/accreditations/" + id + "/accredit", officer, null);
		assertThat(accredited.status()).as(accredited.toString()).isEqualTo(200);
		assertThat(task(tasks(officer), "ACCREDITATION_PENDING", record)).isNull();
		assertThat(task(tasks(india), "ACCREDITATION_PENDING", record)).isNull();
	}

	// ---------------------------------------------------------------- the count, the home page, the public

	@Test
	void theHeadersCountIsTheListsLengthForEveryone() {
		table(officer, "Tasks counted " + unique, "PARTICIPANTS", true);
		for (var actor : List.of(officer, kazakhstan, india, qatar, japan, expert)) {
			assertThat(count(actor)).as(actor.account().email()).isEqualTo(tasks(actor).size());
		}
		assertThat(count(japan)).isPositive();
		assertThat(api.get("/api/me/tasks", null).status()).isEqualTo(401);
		assertThat(api.get("/api/me/tasks", null).contentType()).contains("application/problem+json");
		assertThat(api.page("/me/tasks/count", null).status()).as("the public is sent to sign in").isIn(302, 401);
	}

	@Test
	void theHomePageListsWhatAwaitsASignedInPersonAndNothingForThePublic() {
		var document = table(officer, "Tasks home " + unique, "PARTICIPANTS", false);
		long decision = silence(document);
		var home = api.page("/", kazakhstan).body();
		assertThat(home).contains("id=\"tasks\"").contains("data-record=\"decision:" + decision + "\"").contains("Tasks home " + unique)
				.contains("href=\"/decisions/" + decision + "\"").contains("data-local-time").contains(" left</strong>");
		// the header's count and its link without JavaScript
		assertThat(home).contains("id=\"task-count\"").contains("hx-get=\"/me/tasks/count\"");
		var pub = api.page("/", null).body();
		assertThat(pub).doesNotContain("id=\"tasks\"").doesNotContain("task-count").doesNotContain("Tasks home " + unique);
	}
}
