package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.identity.Role;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Catalogue as CICA's reference data has it, through the API and pages, and commitments as
 * States record them: who may, what the history keeps, and what is refused without a trace.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Catalogue catalogue;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	Actor kazakhDelegate;
	Actor india;
	Actor japan;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("catalogue");
		kazakhstan = api.coordinator("catalogue", "KAZ");
		kazakhDelegate = api.actor("catalogue.delegate.kaz@mfa.example", Role.DELEGATE, "KAZ");
		india = api.coordinator("catalogue", "IND");
		japan = api.coordinator("catalogue", "JPN");
	}

	@Test
	void theCatalogueInForceTodayWithItsCoordinators() {
		var current = api.get("/api/catalogue", null).json();
		assertThat(current.get("code").asString()).isEqualTo("2024");
		assertThat(Delegations.fields(current.get("dimensions"), "code")).containsExactly("MILPOL", "ECON", "ENV", "HUMAN", "NCT");
		var milpol = area(current, "MILPOL-GENERAL");
		assertThat(Delegations.strings(milpol.get("coordinators"))).containsExactly("KAZ");
		assertThat(Delegations.strings(milpol.get("coCoordinators"))).containsExactly("TUR");
		var human = area(current, "HUMAN-GENERAL");
		assertThat(Delegations.strings(human.get("coordinators"))).containsExactly("UZB");
		assertThat(Delegations.strings(human.get("coCoordinators"))).containsExactlyInAnyOrder("CHN", "IND", "KAZ", "KGZ");
		assertThat(Delegations.strings(area(current, "NCT-GENERAL").get("coordinators"))).containsExactly("TUR");
		assertThat(Delegations.strings(area(current, "ENV-SUSTAINABLE-DEVELOPMENT").get("coordinators"))).containsExactly("THA");
		assertThat(area(current, "NCT-EPI")).isNotNull();
		assertThat(area(current, "NCT-ICT")).isNotNull();
		assertThat(area(current, "NCT-TERRORISM")).isNotNull();
	}

	@Test
	void anotherEditionByCodeOrByDateAndWhatChangedBetweenThem() {
		var first = api.get("/api/catalogue?edition=2004", null).json();
		assertThat(first.get("adoptedOn").asString()).isEqualTo("2004-10-22");
		assertThat(first.get("adoptedBy").asString()).isEqualTo("CMFA");
		assertThat(first.get("dimensions")).hasSize(5);
		assertThat(api.get("/api/catalogue?asOf=2015-06-01", null).json().get("code").asString()).isEqualTo("2013");
		assertThat(api.get("/api/catalogue?asOf=2021-10-12", null).json().get("code").asString()).isEqualTo("2021");
		// in 2007 the human dimension was coordinated by Kazakhstan
		var human2007 = area(api.get("/api/catalogue?edition=2007", null).json(), "HUMAN-GENERAL");
		assertThat(Delegations.strings(human2007.get("coordinators"))).containsExactly("KAZ");

		var differences = api.get("/api/catalogue/differences?from=2013&to=2021", null).json().get("changes");
		var added = new ArrayList<String>();
		differences.forEach(change -> {
			if (change.get("kind").asString().equals("ADDED") && change.get("level").asString().equals("PRIORITY_AREA")) {
				added.add(change.get("code").asString());
			}
		});
		assertThat(added).contains("NCT-EPI", "NCT-ICT", "NCT-TERRORISM");
		var editions = api.get("/api/catalogue/editions", null).json();
		assertThat(Delegations.fields(editions, "code")).containsExactly("2004", "2007", "2013", "2021", "2024");

		assertThat(api.get("/api/catalogue?edition=1999", null).status()).isEqualTo(404);
		assertThat(api.get("/api/catalogue?asOf=2001-01-01", null).json().get("type").asString()).endsWith("no-edition-in-force");
		assertThat(api.get("/api/catalogue?asOf=yesterday", null).status()).isEqualTo(400);
		assertThat(api.get("/api/catalogue?edition=2004&asOf=2010-01-01", null).status()).isEqualTo(400);
	}

	@Test
	void anAdoptedEditionNeverChanges() {
		assertThatThrownBy(() -> catalogue.adopt(catalogue.edition("2021"))).isInstanceOf(Catalogue.EditionAdopted.class);
		assertThatThrownBy(() -> jdbc.sql("update catalogue_edition set title = 'changed' where code = '2021'").update())
				.hasMessageContaining("never changes");
		assertThatThrownBy(() -> jdbc.sql("delete from catalogue_edition where code = '2004'").update())
				.hasMessageContaining("never changes");
		assertThat(catalogue.edition("2021").title()).doesNotContain("changed");
	}

	@Test
	void anObserverCannotCoordinate() {
		assertThatThrownBy(() -> catalogue.appoint(new Coordination("ECON-TOURISM", "JPN", CoordinatorRole.COORDINATOR,
				LocalDate.of(2023, 1, 1), DatePrecision.DAY, null, Sources.none(), null)))
				.isInstanceOf(Coordination.OnlyMembersCoordinate.class);
		// Thailand was an observer before 22 October 2004, a member after
		assertThatThrownBy(() -> catalogue.appoint(new Coordination("ECON-TOURISM", "THA", CoordinatorRole.CO_COORDINATOR,
				LocalDate.of(2003, 1, 1), DatePrecision.DAY, null, Sources.none(), null)))
				.isInstanceOf(Coordination.OnlyMembersCoordinate.class);
	}

	@Test
	void aStateOptsInAndOutAndTheHistoryIsKept() {
		var optIn = api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "OPT_IN", "effectiveOn": "2025-01-15"}""");
		assertThat(optIn.status()).as(optIn.toString()).isEqualTo(201);
		var measure = api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "MILPOL-GENERAL", "measure": "MILPOL-GENERAL-3", "kind": "OPT_IN", "effectiveOn": "2025-02-01"}""");
		assertThat(measure.status()).as(measure.toString()).isEqualTo(201);
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "OPT_IN", "effectiveOn": "2025-03-01"}""").json().get("type").asString())
				.endsWith("already-opted-in");
		var optOut = api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "OPT_OUT", "effectiveOn": "2026-01-01", "note": "Programme ended"}""");
		assertThat(optOut.status()).isEqualTo(201);

		var in2025 = api.get("/api/commitments?participant=KAZ&asOf=2025-06-01", null).json();
		assertThat(Delegations.fields(in2025.get("current"), "priorityArea")).containsExactlyInAnyOrder("NCT-EPI", "MILPOL-GENERAL");
		var now = api.get("/api/commitments?participant=KAZ", null).json();
		assertThat(Delegations.fields(now.get("current"), "priorityArea")).containsExactly("MILPOL-GENERAL");
		assertThat(now.get("history")).hasSize(3);
		// the page names the area by its title, not its code
		assertThat(api.page("/commitments?participant=KAZ", null).body()).contains("opts out of Epidemiological safety, public health and pharmaceuticals")
				.doesNotContain("opts out NCT-EPI").contains("data-subject=\"MILPOL-GENERAL/MILPOL-GENERAL-3\"");
		// the participant's page names the area by its title, the measure by its code
		assertThat(api.page("/participants/KAZ", null).body()).contains("Military-political confidence-building measures (MILPOL-GENERAL-3)");
	}

	@Test
	void onlyTheStatesOwnCoordinatorOrTheSecretariatOnItsWrittenRequestRecords() {
		var before = api.get("/api/commitments?participant=IND", null).json().get("history").size();
		var body = """
				{"participant": "IND", "priorityArea": "ECON-ENERGY", "kind": "OPT_IN", "effectiveOn": "2025-05-05"%s}""";
		assertThat(api.post("/api/commitments", kazakhstan, body.formatted("")).status()).as("another State's coordinator").isEqualTo(403);
		assertThat(api.post("/api/commitments", kazakhDelegate, body.formatted("")).status()).as("a delegate").isEqualTo(403);
		assertThat(api.post("/api/commitments", null, body.formatted("")).status()).isEqualTo(401);
		var noRequest = api.post("/api/commitments", secretariat, body.formatted(""));
		assertThat(noRequest.status()).isEqualTo(400);
		assertThat(noRequest.json().get("detail").asString()).contains("written request");
		assertThat(api.get("/api/commitments?participant=IND", null).json().get("history")).hasSize(before);

		var onRequest = api.post("/api/commitments", secretariat,
				body.formatted(", \"writtenRequest\": \"Note verbale No. 14/2025 of the Embassy of India\""));
		assertThat(onRequest.status()).as(onRequest.toString()).isEqualTo(201);
		assertThat(onRequest.json().get("writtenRequest").asString()).contains("Note verbale");
		assertThat(api.post("/api/commitments", india, """
				{"participant": "IND", "priorityArea": "ECON-ENERGY", "kind": "OPT_OUT", "effectiveOn": "2025-01-01"}""").json().get("type")
				.asString()).endsWith("commitment-out-of-order");
	}

	@Test
	void anObserverDoesNotCommitAndBadInputChangesNothing() {
		assertThat(api.post("/api/commitments", japan, """
				{"participant": "JPN", "priorityArea": "NCT-EPI", "kind": "OPT_IN"}""").status()).isEqualTo(403);
		assertThat(api.post("/api/commitments", secretariat, """
				{"participant": "JPN", "priorityArea": "NCT-EPI", "kind": "OPT_IN", "writtenRequest": "Note of Japan"}""").json().get("type")
				.asString()).endsWith("only-members-commit");
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "OPT_IN", "effectiveOn": "2015-01-01"}""").json().get("type")
				.asString()).as("not in the 2013 edition").endsWith("not-in-edition");
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NO-SUCH-AREA", "kind": "OPT_IN"}""").json().get("type").asString()).endsWith("not-in-edition");
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "MAYBE"}""").status()).isEqualTo(400);
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-EPI", "kind": "OPT_IN", "effectiveOn": "2025-13-45"}""").status()).isEqualTo(400);
		assertThat(api.post("/api/commitments", kazakhstan, "{\"participant\": ").status()).isEqualTo(400);
		assertThat(api.post("/api/commitments", kazakhstan, """
				{"participant": "ZZZ", "priorityArea": "NCT-EPI", "kind": "OPT_IN"}""").status()).isEqualTo(404);
		assertThat(api.get("/api/commitments?participant=ZZZ", null).status()).isEqualTo(404);
		assertThat(api.get("/api/commitments?participant=JPN", null).json().get("history")).isEmpty();
	}

	@Test
	void thePagesShowTheCatalogueAndItsDifferences() {
		var page = api.page("/catalogue", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Military-political dimension").contains("Kazakhstan").contains("Epidemiological safety");
		assertThat(api.page("/catalogue?edition=2004", null).body()).contains("2004");
		assertThat(api.page("/catalogue/differences?from=2013&to=2021", null).body()).contains("data-kind=\"ADDED\"").contains("NCT-EPI");
		assertThat(api.page("/catalogue?edition=1999", null).status()).isEqualTo(404);
		// each State's page shows what it does under the Catalogue
		var kazakhstanPage = api.page("/participants/KAZ", null).body();
		assertThat(kazakhstanPage).contains("coordinator of Military-political confidence-building measures").contains("id=\"events-hosted\"");
		assertThat(api.page("/participants/JPN", null).body()).contains("No commitment, coordination or event recorded.");
	}

	private static JsonNode area(JsonNode edition, String code) {
		for (var dimension : edition.get("dimensions")) {
			for (var area : dimension.get("priorityAreas")) {
				if (area.get("code").asString().equals(code)) {
					return area;
				}
			}
		}
		throw new AssertionError("no priority area " + code);
	}


}
