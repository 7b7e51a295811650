package org.kurultai.cbm;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Information exchange through the API: the shipped types, returns by member States (annual and
 * before an activity), visibility chosen per return, receipts, overdue and nil returns, reminders,
 * new types defined by the Secretariat, and the refusals.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	Delegations api;
	Actor secretariat;
	Actor iran;
	Actor iraq;
	Actor egypt;
	Actor japan;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("exchange");
		iran = api.coordinator("exchange", "IRN");
		iraq = api.coordinator("exchange", "IRQ");
		egypt = api.coordinator("exchange", "EGY");
		japan = api.coordinator("exchange", "JPN");
	}

	@Test
	void theShippedTypesAreThere() {
		var types = api.get("/api/exchange/types", null).json();
		assertThat(codes(types)).contains("ARMS-CONTROL-ACCESSION", "MILITARY-CVS", "DRUG-TRAFFICKING-MEASURES", "MILITARY-ACTIVITY-NOTIFICATION");
		assertThat(api.page("/exchange?type=MILITARY-ACTIVITY-NOTIFICATION", null).body()).contains("42 days before each activity");
	}

	@Test
	void aStateSubmitsChoosesWhoSeesItAndTheSecretariatAcknowledges() {
		var late = api.post("/api/exchange/submissions", iran, """
				{"type": "ARMS-CONTROL-ACCESSION", "participant": "IRN", "referenceYear": 2025, "visibility": "SECRETARIAT",
				 "answers": {"instrument": "Outer Space Treaty", "action": "ratification", "actionDate": "2025-05-04"}}""");
		assertThat(late.status()).as(late.toString()).isEqualTo(201);
		assertThat(late.json().get("late").asBoolean()).as("2025 returns were due by 31 March 2026").isTrue();
		assertThat(api.post("/api/exchange/submissions", iran, """
				{"type": "ARMS-CONTROL-ACCESSION", "participant": "IRN", "referenceYear": 2025, "nil": true}""").json().get("type").asString())
				.endsWith("already-submitted");
		var onTime = api.post("/api/exchange/submissions", iran, """
				{"type": "ARMS-CONTROL-ACCESSION", "participant": "IRN", "referenceYear": 2026, "nil": true, "visibility": "PUBLIC"}""");
		assertThat(onTime.json().get("late").asBoolean()).isFalse();
		assertThat(onTime.json().get("nil").asBoolean()).isTrue();

		// who sees what: the Secretariat-only return is read by the Secretariat and by Iran, not by Iraq nor the public
		assertThat(api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=IRN&year=2025", iraq).json()).isEmpty();
		assertThat(api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=IRN&year=2025", null).json()).isEmpty();
		assertThat(api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=IRN&year=2025", iran).json()).hasSize(1);
		assertThat(api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=IRN&year=2025", secretariat).json()).hasSize(1);
		assertThat(api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=IRN&year=2026", null).json()).hasSize(1);

		long id = late.json().get("id").asLong();
		assertThat(api.post("/api/exchange/submissions/" + id + "/acknowledgement", iraq, null).status()).isEqualTo(403);
		var acknowledged = api.post("/api/exchange/submissions/" + id + "/acknowledgement", secretariat, null);
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
		assertThat(api.post("/api/exchange/submissions/" + id + "/acknowledgement", secretariat, null).json().get("type").asString())
				.endsWith("already-acknowledged");
		assertThat(api.post("/api/exchange/submissions/999999/acknowledgement", secretariat, null).status()).isEqualTo(404);
	}

	@Test
	void overdueAndNilReturnsAreListedForParticipants() {
		api.post("/api/exchange/submissions", egypt, """
				{"type": "DRUG-TRAFFICKING-MEASURES", "participant": "EGY", "referenceYear": 2025, "nil": true}""");
		var returns = api.get("/api/exchange/returns?type=DRUG-TRAFFICKING-MEASURES&year=2025", iraq).json();
		assertThat(statusOf(returns, "EGY")).isEqualTo("NIL");
		assertThat(statusOf(returns, "IRQ")).isEqualTo("OVERDUE");
		var next = api.get("/api/exchange/returns?type=DRUG-TRAFFICKING-MEASURES&year=2026", iraq).json();
		assertThat(statusOf(next, "IRQ")).isEqualTo("PENDING");
		assertThat(api.get("/api/exchange/returns?type=DRUG-TRAFFICKING-MEASURES&year=2025", null).status()).isIn(401, 403);
		assertThat(api.get("/api/exchange/returns?type=MILITARY-ACTIVITY-NOTIFICATION&year=2025", iraq).status()).isEqualTo(400);

		// Iraq is reminded in-app of what it is overdue with
		var reminders = api.get("/api/me/reminders", iraq).json();
		assertThat(reminders).anySatisfy(reminder -> {
			assertThat(reminder.get("type").asString()).isEqualTo("DRUG-TRAFFICKING-MEASURES");
			assertThat(reminder.get("referenceYear").asInt()).isEqualTo(2025);
			assertThat(reminder.get("overdue").asBoolean()).isTrue();
		});
		assertThat(api.page("/exchange?type=DRUG-TRAFFICKING-MEASURES&year=2025", iraq).body()).contains("id=\"reminders\"")
				.contains("data-status=\"OVERDUE\"");
		assertThat(api.page("/cbm?year=2025", iraq).body()).contains("id=\"overdue-returns\"").contains("IRQ");
		assertThat(api.page("/cbm?year=2025", null).body()).as("who is overdue is for participants").doesNotContain("overdue-returns");
	}

	@Test
	void informationBeforeAnActivityIsDueItsLeadTimeBeforeInItsOwnTimeZone() {
		var soon = LocalDateTime.now(ZoneId.of("Asia/Baghdad")).plusDays(10).truncatedTo(ChronoUnit.MINUTES);
		var late = api.post("/api/exchange/submissions", iraq, """
				{"type": "MILITARY-ACTIVITY-NOTIFICATION", "participant": "IRQ", "activity": "Exercise Tigris", "activityStarts": "%s",
				 "activityZone": "Asia/Baghdad", "answers": {"activity": "exercise", "area": "Nineveh", "foreignContingents": "no"}}""".formatted(soon));
		assertThat(late.status()).as(late.toString()).isEqualTo(201);
		assertThat(late.json().get("late").asBoolean()).as("42 days' notice, given 10 days before").isTrue();
		var later = soon.plusDays(90);
		var onTime = api.post("/api/exchange/submissions", iraq, """
				{"type": "MILITARY-ACTIVITY-NOTIFICATION", "participant": "IRQ", "activity": "Exercise Euphrates", "activityStarts": "%s",
				 "activityZone": "Asia/Baghdad", "answers": {"activity": "exercise", "area": "Anbar", "foreignContingents": "yes"}}""".formatted(later));
		assertThat(onTime.json().get("late").asBoolean()).isFalse();
		assertThat(api.post("/api/exchange/submissions", iraq, """
				{"type": "MILITARY-ACTIVITY-NOTIFICATION", "participant": "IRQ", "activity": "X", "activityStarts": "%s", "activityZone": "Mars/Base",
				 "answers": {"activity": "exercise", "area": "A", "foreignContingents": "no"}}""".formatted(later)).status()).isEqualTo(400);
	}

	@Test
	void refusalsChangeNothing() {
		var before = api.get("/api/exchange/submissions?participant=IRQ", secretariat).json().size();
		var body = """
				{"type": "MILITARY-CVS", "participant": "%s", "referenceYear": 2025, "visibility": "%s", "answers": %s}""";
		assertThat(api.post("/api/exchange/submissions", iraq, body.formatted("IRQ", "PUBLIC", "{\"people\": \"3\", \"positions\": \"Chiefs\"}"))
				.status()).as("CVs are never public").isEqualTo(400);
		assertThat(api.post("/api/exchange/submissions", iraq, body.formatted("IRQ", "SECRETARIAT", "{\"people\": \"three\", \"positions\": \"x\"}"))
				.status()).isEqualTo(400);
		assertThat(api.post("/api/exchange/submissions", iraq, body.formatted("IRQ", "SECRETARIAT", "{\"positions\": \"x\"}")).status())
				.as("a required field").isEqualTo(400);
		assertThat(api.post("/api/exchange/submissions", iraq, body.formatted("IRQ", "SECRETARIAT", "{\"colour\": \"red\", \"people\": \"1\", \"positions\": \"x\"}"))
				.status()).isEqualTo(400);
		assertThat(api.post("/api/exchange/submissions", iraq, body.formatted("IRN", "SECRETARIAT", "{\"people\": \"1\", \"positions\": \"x\"}"))
				.status()).as("for another State").isEqualTo(403);
		assertThat(api.post("/api/exchange/submissions", japan, body.formatted("JPN", "SECRETARIAT", "{\"people\": \"1\", \"positions\": \"x\"}"))
				.status()).as("an observer").isEqualTo(403);
		assertThat(api.post("/api/exchange/submissions", iraq, """
				{"type": "NO-SUCH-TYPE", "participant": "IRQ", "referenceYear": 2025, "nil": true}""").status()).isEqualTo(404);
		assertThat(api.post("/api/exchange/submissions", iraq, """
				{"type": "MILITARY-CVS", "participant": "IRQ", "referenceYear": 2040, "nil": true}""").status()).isEqualTo(400);
		assertThat(api.post("/api/exchange/submissions", iraq, "{\"type\": ").status()).isEqualTo(400);
		assertThat(api.get("/api/exchange/submissions?participant=IRQ", secretariat).json().size()).isEqualTo(before);
	}

	@Test
	void theSecretariatDefinesANewTypeAsData() {
		var definition = """
				{"code": "%s", "title": "Information on national focal points for ICT security", "schedule": "ANNUAL", "due": "--06-30",
				 "fields": [{"name": "focalPoint", "label": "Focal point", "type": "TEXT", "required": true},
				            {"name": "level", "label": "Level", "type": "CHOICE", "required": true, "options": ["policy", "technical"]}],
				 "visibilities": ["PARTICIPANTS", "SECRETARIAT"], "defaultVisibility": "PARTICIPANTS", "priorityArea": "NCT-ICT"}""";
		assertThat(api.post("/api/exchange/types", iran, definition.formatted("ICT-FOCAL-POINTS")).status()).isEqualTo(403);
		var defined = api.post("/api/exchange/types", secretariat, definition.formatted("ICT-FOCAL-POINTS"));
		assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
		assertThat(api.post("/api/exchange/types", secretariat, definition.formatted("ICT-FOCAL-POINTS")).json().get("type").asString())
				.endsWith("exchange-type-defined");
		assertThat(api.post("/api/exchange/types", secretariat, definition.formatted("ict focal")).status()).isEqualTo(409);
		assertThat(api.post("/api/exchange/types", secretariat, definition.formatted("ICT-2").replace("--06-30", "June")).status()).isEqualTo(400);
		var submitted = api.post("/api/exchange/submissions", iraq, """
				{"type": "ICT-FOCAL-POINTS", "participant": "IRQ", "referenceYear": 2026, "answers": {"focalPoint": "CERT.iq", "level": "technical"}}""");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
		assertThat(submitted.json().get("visibility").asString()).isEqualTo("PARTICIPANTS");
	}

	private static String statusOf(JsonNode returns, String participant) {
		for (var r : returns) {
			if (r.get("participant").asString().equals(participant)) {
				return r.get("status").asString();
			}
		}
		throw new AssertionError("no return for " + participant);
	}

	private static java.util.List<String> codes(JsonNode types) {
		var codes = new java.util.ArrayList<String>();
		types.forEach(type -> codes.add(type.get("code").asString()));
		return codes;
	}

	@Test
	void aRefusedReturnOrReceiptComesBackOnThePageBesideItsFieldWithWhatWasTyped() {
		var forms = new PageForms(port);
		var before = api.get("/api/exchange/submissions?participant=EGY", secretariat).json().size();
		// a required answer left out: 400, the message beside that field, every answer typed kept, nothing submitted
		var missing = forms.post("/exchange/submissions", egypt, Map.of("type", "DRUG-TRAFFICKING-MEASURES", "referenceYear", "2024",
				"answer.seizures", "12.5", "answer.cooperation", "yes", "visibility", "PUBLIC"));
		assertThat(missing.status()).isEqualTo(400);
		var page = missing.page();
		assertThat(page.select("#measures-error").text()).isNotBlank();
		assertThat(page.select("#seizures-error")).isEmpty();
		assertThat(page.select("#exchange-form [name=answer.seizures]").val()).isEqualTo("12.5");
		assertThat(page.select("#exchange-form select[name=answer.cooperation] option[selected]").val()).isEqualTo("yes");
		assertThat(page.select("#exchange-form select[name=visibility] option[selected]").val()).isEqualTo("PUBLIC");
		assertThat(page.select("#exchange-form input[name=referenceYear]").val()).isEqualTo("2024");
		// a number that is not one
		var notANumber = forms.post("/exchange/submissions", egypt, Map.of("type", "DRUG-TRAFFICKING-MEASURES", "referenceYear", "2024",
				"answer.measures", "Joint border patrols", "answer.seizures", "a lot", "answer.cooperation", "yes"));
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.page().select("#seizures-error").text()).isNotBlank();
		assertThat(notANumber.page().select("#exchange-form textarea[name=answer.measures]").text()).isEqualTo("Joint border patrols");
		assertThat(api.get("/api/exchange/submissions?participant=EGY", secretariat).json().size()).isEqualTo(before);

		// a receipt acknowledged twice: 409, said beside that return
		var submitted = forms.post("/exchange/submissions", egypt, Map.of("type", "ARMS-CONTROL-ACCESSION", "referenceYear", "2024", "nil", "true",
				"visibility", "PARTICIPANTS"));
		assertThat(submitted.status()).isEqualTo(302);
		long id = api.get("/api/exchange/submissions?type=ARMS-CONTROL-ACCESSION&participant=EGY&year=2024", secretariat).json().get(0).get("id")
				.asLong();
		var path = "/exchange/submissions/" + id + "/acknowledgement?type=ARMS-CONTROL-ACCESSION&year=2024";
		assertThat(forms.post(path, secretariat, Map.of()).status()).isEqualTo(302);
		var twice = forms.post(path, secretariat, Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.page().select("#returns tr[data-participant=EGY] .field-error").text()).isNotBlank();
	}

	@Test
	void theExchangePageInRussian() {
		var forms = new PageForms(port);
		var page = forms.page("/exchange?type=MILITARY-CVS&year=2025", egypt, "ru").page();
		assertThat(page.select("h1").text()).isEqualTo("Обмен информацией");
		assertThat(page.select("#type option[selected]").text()).isEqualTo("Биографические данные высшего военного руководства");
		assertThat(page.select("#schedule").text()).isEqualTo("Раз в год, до конца дня 31 марта следующего года (Asia/Almaty)");
		assertThat(page.select("#exchange-form label span").eachText()).contains("Число представленных биографий *");
		assertThat(page.select("#exchange-form select[name=visibility] option").eachText()).containsExactly("участники", "Секретариат");
		assertThat(page.select("#returns tr[data-participant=IRQ] th").text()).isEqualTo("Ирак");
	}
}
