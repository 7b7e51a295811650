package org.kurultai.cbm;

import java.util.ArrayList;
import java.util.List;
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
 * Events and implementation reports through the API: the seeds' events are there; a State that
 * took part in an area reports on it, drafts first, then submits; late and overdue are marked in
 * the forum's time zone; who may write and read is enforced; the dashboard counts what one may see.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImplementationIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	Delegations api;
	Actor secretariat;
	Actor china;
	Actor pakistan;
	Actor russia;
	Actor japan;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("implementation");
		china = api.coordinator("implementation", "CHN");
		pakistan = api.coordinator("implementation", "PAK");
		russia = api.coordinator("implementation", "RUS");
		japan = api.coordinator("implementation", "JPN");
		optIn(china, "CHN", "ECON-IT", "2025-01-10");
		optIn(pakistan, "PAK", "HUMAN-GENERAL", "2025-02-01");
	}

	private void optIn(Actor actor, String participant, String area, String from) {
		var response = api.post("/api/commitments", actor, """
				{"participant": "%s", "priorityArea": "%s", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(participant, area, from));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void theSeedsEventsAreThere() {
		var events = api.get("/api/cbm/events?year=2021", null).json();
		assertThat(events.size()).isGreaterThanOrEqualTo(9);
		var titles = Delegations.fields(events, "title");
		assertThat(titles).anyMatch(title -> title.contains("Youth") && title.contains("Radicalism"));
		assertThat(titles).anyMatch(title -> title.contains("crime data") || title.contains("crime-data"));
		assertThat(titles).anyMatch(title -> title.contains("Renewable energy"));
		assertThat(titles).anyMatch(title -> title.toLowerCase().contains("epidemiological"));
		assertThat(titles).anyMatch(title -> title.toLowerCase().contains("digitalization"));
		var byUzbekistan = api.get("/api/cbm/events?host=UZB&year=2021", null).json();
		assertThat(byUzbekistan).isNotEmpty();
		assertThat(byUzbekistan.get(0).get("online").asBoolean()).isTrue();
	}

	@Test
	void theHostStateOrTheSecretariatRecordsAnEvent() {
		var event = """
				{"title": "%s", "kind": "WORKSHOP", "priorityArea": "ECON-IT", "host": "%s", "byChairmanship": %s, "from": "2026-05-12",
				 "until": "2026-05-13", "place": "Beijing", "participating": ["KAZ", "IND"], "outcomeDocuments": ["Chair's summary"]}""";
		var byChina = api.post("/api/cbm/events", china, event.formatted("Workshop on digital public infrastructure", "CHN", false));
		assertThat(byChina.status()).as(byChina.toString()).isEqualTo(201);
		assertThat(byChina.json().get("participating")).hasSize(2);
		assertThat(api.get("/api/cbm/events?host=CHN&year=2026", null).body()).contains("digital public infrastructure");
		assertThat(api.post("/api/cbm/events", pakistan, event.formatted("Not Pakistan's", "CHN", false)).status()).isEqualTo(403);
		assertThat(api.post("/api/cbm/events", secretariat, event.formatted("By the chairmanship?", "CHN", true)).json().get("type").asString())
				.as("Azerbaijan chairs in 2026").endsWith("not-the-chairmanship");
		assertThat(api.post("/api/cbm/events", secretariat, event.formatted("Chairmanship seminar", "AZE", true)).status()).isEqualTo(201);
		assertThat(api.post("/api/cbm/events", secretariat, event.formatted("Wrong area", "CHN", false).replace("ECON-IT", "NO-AREA")).json()
				.get("type").asString()).endsWith("not-in-edition");
		assertThat(api.post("/api/cbm/events", secretariat, event.formatted("Backwards", "CHN", false).replace("2026-05-13", "2026-05-01"))
				.status()).isEqualTo(400);
		assertThat(api.post("/api/cbm/events", secretariat, event.formatted("Bad kind", "CHN", false).replace("WORKSHOP", "PARTY")).status())
				.isEqualTo(400);
	}

	@Test
	void aStateDraftsSubmitsAndResubmitsItsReportAndLateIsMarked() {
		var draft = report(china, "ECON-IT", 2025, "\"text\": \"Draft: two workshops on e-government\"", false);
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		assertThat(draft.json().get("revisions")).hasSize(1);
		// a draft is the State's own
		assertThat(api.get("/api/cbm/reports?participant=CHN&year=2025", pakistan).json()).isEmpty();
		assertThat(api.get("/api/cbm/reports?participant=CHN&year=2025", china).json()).hasSize(1);

		var submitted = report(china, "ECON-IT", 2025, "\"text\": \"Two workshops on e-government were held.\"", true);
		assertThat(submitted.status()).isEqualTo(201);
		var resubmitted = report(china, "ECON-IT", 2025, "\"text\": \"Two workshops and one training were held.\"", true).json();
		assertThat(resubmitted.get("revisions")).hasSize(3);
		// reports on 2025 were due by the end of 31 March 2026 in Asia/Almaty: today they are late
		assertThat(resubmitted.at("/revisions/1/late").asBoolean()).isTrue();

		var asRead = api.get("/api/cbm/reports?participant=CHN&year=2025", pakistan).json();
		assertThat(asRead).hasSize(1);
		assertThat(asRead.at("/0/revisions")).as("others read the submissions; the draft before them stays China's own").hasSize(2);
		assertThat(api.get("/api/cbm/reports?participant=CHN&year=2025", china).json().at("/0/revisions")).hasSize(3);
		assertThat(api.get("/api/cbm/reports?participant=CHN", null).json()).as("not for the public").isEmpty();
		assertThat(api.get("/api/cbm/reports?participant=CHN", secretariat).json()).hasSize(1);

		// the current year's report is not due yet: not late; a nil report is a report
		var nil = report(china, "ECON-IT", 2026, "\"nil\": true", true).json();
		assertThat(nil.at("/revisions/0/nil").asBoolean()).isTrue();
		assertThat(nil.at("/revisions/0/late").asBoolean()).isFalse();
	}

	@Test
	void onlyTheStatesOwnDelegationReportsOnWhatItTookPartIn() {
		var body = "\"text\": \"Report\"";
		assertThat(report(pakistan, "ECON-IT", 2025, body, true).json().get("type").asString()).endsWith("not-participating");
		assertThat(api.post("/api/cbm/reports", pakistan, """
				{"participant": "CHN", "priorityArea": "ECON-IT", "year": 2025, "text": "x", "submit": true}""").status()).isEqualTo(403);
		assertThat(api.post("/api/cbm/reports", japan, """
				{"participant": "JPN", "priorityArea": "ECON-IT", "year": 2025, "text": "x", "submit": true}""").status()).isEqualTo(403);
		assertThat(api.post("/api/cbm/reports", secretariat, """
				{"participant": "CHN", "priorityArea": "ECON-IT", "year": 2025, "text": "x", "submit": true}""").status()).isEqualTo(403);
		assertThat(report(pakistan, "HUMAN-GENERAL", 2031, body, true).status()).isEqualTo(400);
		assertThat(report(pakistan, "HUMAN-GENERAL", 2025, "\"text\": \"  \"", true).status()).isEqualTo(400);
		assertThat(api.post("/api/cbm/reports", pakistan, "{\"participant\": \"PAK\", \"year\": ").status()).isEqualTo(400);
		assertThat(api.get("/api/cbm/reports?participant=PAK&year=2025", pakistan).json()).as("nothing half-written").isEmpty();
	}

	@Test
	void theDashboardShowsEngagementAndWhoIsOverdue() {
		// Pakistan took part in the human dimension in 2025 and has not reported: overdue since April 2026
		var dashboard = api.get("/api/cbm/dashboard?year=2025", secretariat).json();
		assertThat(Delegations.strings(dashboard.at("/overdue/PAK"))).contains("HUMAN-GENERAL");
		assertThat(dashboard.get("edition").asString()).isEqualTo("2024");
		var pakistanRow = row(dashboard, "PAK");
		assertThat(cell(pakistanRow, "HUMAN-GENERAL").get("optedIn").asBoolean()).isTrue();
		var uzbekistan = row(dashboard, "UZB");
		assertThat(cell(uzbekistan, "HUMAN-GENERAL").get("coordinating").asString()).isEqualTo("coordinator");

		optIn(russia, "RUS", "ECON-TOURISM", "2025-03-01");
		assertThat(report(russia, "ECON-TOURISM", 2025, "\"text\": \"A tourism forum was held.\"", true).status()).isEqualTo(201);
		var russiaCell = cell(row(api.get("/api/cbm/dashboard?year=2025", secretariat).json(), "RUS"), "ECON-TOURISM");
		assertThat(russiaCell.get("reportsSubmitted").asInt()).isEqualTo(1);
		assertThat(russiaCell.get("optedIn").asBoolean()).isTrue();
		assertThat(Delegations.strings(api.get("/api/cbm/dashboard?year=2025", secretariat).json().at("/overdue/RUS"))).doesNotContain("ECON-TOURISM");
		assertThat(cell(row(api.get("/api/cbm/dashboard?year=2025", null).json(), "RUS"), "ECON-TOURISM").get("reportsSubmitted").asInt())
				.as("the public does not see reports, not even counted").isZero();
		var y2021 = api.get("/api/cbm/dashboard?year=2021", null).json();
		assertThat(cell(row(y2021, "UZB"), "NCT-GENERAL").get("eventsHosted").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(api.get("/api/cbm/dashboard?year=1990", null).status()).isEqualTo(400);
		assertThat(api.page("/cbm?year=2021", null).body()).contains("id=\"heatmap\"").contains("trend-chart");
		assertThat(api.page("/cbm/reports?year=2025", pakistan).body()).contains("report-form");
	}

	@Test
	void theSecretariatCompilesItsAnnualReportAsADraftForTheSwg() {
		var kyrgyzstan = api.coordinator("implementation", "KGZ");
		optIn(kyrgyzstan, "KGZ", "ENV-GENERAL", "2025-04-01");
		assertThat(report(kyrgyzstan, "ENV-GENERAL", 2025, "\"nil\": true", true).status()).isEqualTo(201);
		assertThat(api.post("/api/cbm/annual-reports?year=2025", kyrgyzstan, null).status()).isEqualTo(403);
		assertThat(api.post("/api/cbm/annual-reports?year=2031", secretariat, null).status()).isEqualTo(400);
		var compiled = api.post("/api/cbm/annual-reports?year=2025", secretariat, null);
		assertThat(compiled.status()).as(compiled.toString()).isEqualTo(201);
		var id = compiled.json().get("id").asString();
		var document = api.get("/api/documents/" + id, kyrgyzstan).json();
		assertThat(document.at("/document/type").asString()).isEqualTo("REPORT");
		assertThat(document.at("/document/body").asString()).isEqualTo("SWG");
		assertThat(document.at("/document/status").asString()).isEqualTo("DRAFT");
		assertThat(document.at("/current/hasBrackets").asBoolean()).as("a draft for the SWG to agree").isTrue();
		var text = document.at("/current/paragraphs").toString();
		assertThat(text).contains("Kyrgyzstan (nil report) (late)").contains("Environmental");
		assertThat(api.get("/api/documents/" + id, null).status()).as("for participants").isEqualTo(404);
	}

	private Delegations.Response report(Actor actor, String area, int year, String content, boolean submit) {
		return api.post("/api/cbm/reports", actor, """
				{"participant": "%s", "priorityArea": "%s", "year": %d, %s, "submit": %s}""".formatted(actor.participant(), area, year, content,
				submit));
	}

	private static JsonNode row(JsonNode dashboard, String participant) {
		for (var row : dashboard.get("rows")) {
			if (row.get("participant").asString().equals(participant)) {
				return row;
			}
		}
		throw new AssertionError("no row " + participant);
	}

	private static JsonNode cell(JsonNode row, String area) {
		for (var cell : row.get("cells")) {
			if (cell.get("area").asString().equals(area)) {
				return cell;
			}
		}
		throw new AssertionError("no cell " + area);
	}



	@Test
	void aReportRefusedOnThePageComesBackBesideItsFieldWithWhatWasTyped() {
		var forms = new PageForms(port);
		// Pakistan took no part in tourism in 2025: 409, the message beside the area, the text kept, nothing written
		var refused = forms.post("/cbm/reports", pakistan,
				Map.of("priorityArea", "ECON-TOURISM", "year", "2025", "text", "Pakistan promoted tourism in the north.", "action", "submit"));
		assertThat(refused.status()).isEqualTo(409);
		var page = refused.page();
		assertThat(page.select("h1").text()).isEqualTo("Implementation reports on 2025");
		assertThat(page.select("#priorityArea-error").text()).isNotBlank();
		assertThat(page.select("#text-error")).isEmpty();
		assertThat(page.select("#report-form select[name=priorityArea]").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#report-form select[name=priorityArea] option[selected]").val()).isEqualTo("ECON-TOURISM");
		assertThat(page.select("#report-form textarea[name=text]").text()).isEqualTo("Pakistan promoted tourism in the north.");
		assertThat(Delegations.fields(api.get("/api/cbm/reports?participant=PAK&year=2025", pakistan).json(), "priorityArea"))
				.doesNotContain("ECON-TOURISM");

		// neither text nor nil: 400 beside the text, the area kept
		var empty = forms.post("/cbm/reports", pakistan, Map.of("priorityArea", "HUMAN-GENERAL", "year", "2025", "text", " ", "action", "save"));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.page().select("#text-error").text()).isNotBlank();
		assertThat(empty.page().select("#report-form select[name=priorityArea] option[selected]").val()).isEqualTo("HUMAN-GENERAL");
		assertThat(api.get("/api/cbm/reports?participant=PAK&year=2025", pakistan).json()).as("nothing half-written").isEmpty();

		// the Secretariat's compilation on a year to come: 400 beside the button, on the reports page
		var compile = forms.post("/cbm/annual-reports?year=2031", secretariat, Map.of());
		assertThat(compile.status()).isEqualTo(400);
		assertThat(compile.page().select("#compile-error").text()).isNotBlank();

		// a year that is not one of the Catalogue's: said beside the year, what was typed kept
		var outOfRange = forms.page("/cbm/reports?year=1990", null, "en");
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.page().select("#year-error").text()).contains("2004");
		assertThat(outOfRange.page().select("input#year").val()).isEqualTo("1990");
	}

	@Test
	void theReportsPageAndTheDashboardInRussian() {
		var forms = new PageForms(port);
		var reports = forms.page("/cbm/reports?year=2025", pakistan, "ru-RU,ru;q=0.9");
		assertThat(reports.status()).isEqualTo(200);
		assertThat(reports.page().select("html").attr("lang")).isEqualTo("ru");
		assertThat(reports.page().select("h1").text()).isEqualTo("Доклады об осуществлении за 2025 год");
		assertThat(reports.page().select("#due").text()).isEqualTo("31 марта 2026 (Asia/Almaty)");
		assertThat(reports.page().select("#report-form button[value=submit]").text()).isEqualTo("Представить");
		var dashboard = forms.page("/cbm?year=2021", null, "ru");
		assertThat(dashboard.page().select("#heatmap tr[data-participant=KAZ] th").text()).isEqualTo("Казахстан");
		assertThat(dashboard.page().select("#trend-title").text()).isEqualTo("Мероприятия, представленные доклады и участвующие государства по годам");
		assertThat(dashboard.page().select("#overdue-due").text()).isEqualTo("Срок — до конца дня 31 марта 2022 (Asia/Almaty).");
		// names, not codes: the events' areas by their titles
		assertThat(dashboard.page().select("#events td")).extracting(org.jsoup.nodes.Element::text).doesNotContain("NCT-GENERAL")
				.contains("New challenges and threats (general)");
	}
}
