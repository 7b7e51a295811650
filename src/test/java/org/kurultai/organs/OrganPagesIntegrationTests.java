package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API and the pages show of the decisions behind the organs' records and of the chair-elect: the decision's
 * id and register symbol on every entry (null when none), a link to /decisions/{id} on the pages, in both languages.
 */
@IntegrationTest
class OrganPagesIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired OrganEffects handler;
	@Autowired TransactionTemplate transactions;

	Delegations http;

	@BeforeEach
	void setUp() {
		http = new Delegations(port, accounts, tokens);
	}

	@Test
	void theChairElectIsShownFromTheDecisionUntilTheHandover() {
		var elect = http.get("/api/chairmanship?asOf=2024-06-01", null).json();
		assertThat(elect.get("chair").get("code").asString()).isEqualTo("KAZ");
		assertThat(elect.get("chairElect").get("code").asString()).isEqualTo("AZE");
		assertThat(elect.get("chairElect").get("decidedOn").asString()).isEqualTo("2024-03-19");
		assertThat(elect.get("chairElect").get("handover").asString()).isEqualTo("2024-12-17");
		assertThat(http.get("/api/chairmanship?asOf=2024-03-18", null).json().get("chairElect").isNull()).as("not yet decided").isTrue();
		assertThat(http.get("/api/chairmanship?asOf=2024-12-17", null).json().get("chairElect").isNull()).as("in office").isTrue();

		assertThat(http.page("/chairmanship?asOf=2024-06-01", null).body())
				.contains("Chair-elect: Azerbaijan, elected on 19 March 2024, until handover on 17 December 2024.");
		assertThat(russian("/chairmanship?asOf=2024-06-01"))
				.contains("Избранный председатель: Азербайджан (решение от 19 марта 2024), до передачи председательства 17 декабря 2024.");
		assertThat(http.page("/chairmanship?asOf=2024-12-17", null).body()).doesNotContain("id=\"chair-elect\"");
	}

	@Test
	void everyEntryNamesTheDecisionThatCausedItOrNull() {
		var terms = http.get("/api/chairmanship/terms", null).json();
		assertThat(terms).allSatisfy(term -> assertThat(term.has("decision")).isTrue());
		var secretariat = http.get("/api/secretariat?asOf=2023-01-01", null).json();
		assertThat(secretariat.get("headTitle").asString()).isEqualTo("Secretary General");
		assertThat(secretariat.get("heads")).allSatisfy(head -> assertThat(head.has("decision")).isTrue());
		assertThat(secretariat.get("titles")).hasSize(2).allSatisfy(title -> assertThat(title.has("decision")).isTrue());
		var names = http.get("/api/bodies/CMFA", null).json().get("names");
		assertThat(names).hasSize(2);
		assertThat(names.get(0).get("decision").isNull()).as("its first name, from its creation: no decision in the register").isTrue();
		assertThat(names.get(1).get("decision").get("register").asString()).as("renamed by the Astana Statement, at the 2022 summit")
				.startsWith("CHSG/2022/");
	}

	@Test
	void aBodyADecisionEstablishedLinksToIt() {
		var effect = new Effect(EffectKind.ESTABLISH_BODY, null, null, "ZDEC", "ADVISORY", null, null, null, null, "Council of Tomorrow",
				"Совет будущего", "CT", null, null, LocalDate.parse("2099-01-01"), null);
		var decision = new DecidedBy(990_200, "SOC/2099/9", "SOC", LocalDate.parse("2098-12-01"), null, Sources.of(List.of("test")), false);
		transactions.executeWithoutResult(status -> handler.apply(effect, decision));
		transactions.executeWithoutResult(status -> handler.apply(effect, new DecidedBy(990_201, "SOC/2099/10", "SOC",
				LocalDate.parse("2098-12-01"), null, Sources.none(), true)));

		var body = http.get("/api/bodies/ZDEC", null).json();
		assertThat(body.get("decision").get("id").asLong()).as("linked once, to the first decision").isEqualTo(990_200);
		assertThat(body.get("decision").get("register").asString()).isEqualTo("SOC/2099/9");
		assertThat(body.get("names")).singleElement().satisfies(name -> {
			assertThat(name.get("nameRu").asString()).isEqualTo("Совет будущего");
			assertThat(name.get("decision").get("id").asLong()).isEqualTo(990_200);
		});
		assertThat(http.get("/api/bodies", null).json().toString()).as("not yet in existence").doesNotContain("ZDEC");

		var page = http.page("/bodies/ZDEC", null).body();
		assertThat(page).contains("href=\"/decisions/990200\"").contains("SOC/2099/9").contains("Council of Tomorrow");
		assertThat(russian("/bodies/ZDEC")).contains("Совет будущего").contains("решение SOC/2099/9");

		transactions.executeWithoutResult(status -> handler.apply(new Effect(EffectKind.DISSOLVE_BODY, null, null, "ZDEC", null, null, null,
				null, null, null, null, null, null, null, LocalDate.parse("2100-01-01"), null), new DecidedBy(990_202, "SOC/2099/11", "SOC",
				LocalDate.parse("2099-06-01"), null, Sources.none(), false)));
		assertThat(http.get("/api/bodies?asOf=2099-12-31", null).json().toString()).contains("ZDEC");
		assertThat(http.get("/api/bodies?asOf=2100-01-01", null).json().toString()).doesNotContain("ZDEC");
		var dissolved = http.get("/api/bodies/ZDEC", null).json();
		assertThat(dissolved.get("dissolvedOn").asString()).isEqualTo("2100-01-01");
		assertThat(dissolved.get("dissolvedBy").get("register").asString()).isEqualTo("SOC/2099/11");
		assertThat(dissolved.get("body").get("status").asString()).isEqualTo("DISSOLVED");
		assertThat(http.page("/bodies/ZDEC", null).body()).contains("id=\"dissolved\"").contains("no longer exists from 1 January 2100")
				.contains("href=\"/decisions/990202\"");
		var list = http.page("/bodies?asOf=2100-06-01", null).body();
		var row = list.substring(list.indexOf("data-code=\"ZDEC\""));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("class=\"tag\">dissolved</span>").doesNotContain("not yet created");
	}

	String russian(String path) {
		try {
			var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
					java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").header("Accept-Language", "ru").GET()
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			return response.body();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
