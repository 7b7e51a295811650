package org.kurultai.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.organs.Organs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CICA's decisions, loaded from reference/cica/decisions.yaml, are in the public register with their
 * body, day, procedure, the recommendation they followed and their effects; the history they caused
 * points to them, and loading them wrote no fact a second time (it linked the history loaded from
 * the same sources).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CicaDecisionsIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired Organs organs;
	@Autowired JdbcClient jdbc;

	Delegations api;

	@BeforeAll
	void client() {
		api = new Delegations(port, accounts, tokens);
	}

	private static JsonNode file(String name) {
		try (var input = new ClassPathResource("reference/cica/" + name).getInputStream()) {
			return YAMLMapper.builder().build().readTree(input);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<JsonNode> list(JsonNode array) {
		var nodes = new ArrayList<JsonNode>();
		array.forEach(nodes::add);
		return nodes;
	}

	private JsonNode publicly(String path) {
		var response = api.get(path, null);
		assertThat(response.status()).as(path + ": " + response).isEqualTo(200);
		return response.json();
	}

	/** The recorded decisions of the register, as the public reads them. */
	private List<JsonNode> recorded(String query) {
		return list(publicly("/api/decisions" + query)).stream().filter(d -> d.get("recorded").asBoolean()).toList();
	}

	private static JsonNode effect(JsonNode decision, String kind) {
		return list(decision.get("effects")).stream().filter(e -> e.get("kind").asString().equals(kind)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " effect in " + decision));
	}

	private static boolean hasEffect(JsonNode decision, String kind, String participant) {
		return list(decision.get("effects")).stream()
				.anyMatch(e -> e.get("kind").asString().equals(kind) && participant.equals(e.get("participant").asString()));
	}

	@Test
	void theCouncilOfMinistersElectedAzerbaijanIn2024OnTheRecommendationTheSeniorOfficialsMadeOnFourteenthMarch() {
		var elections = recorded("?body=CMFA&year=2024").stream().filter(d -> hasEffect(d, "ELECT_CHAIR", "AZE")).toList();
		assertThat(elections).hasSize(1);
		var election = elections.get(0);
		assertThat(election.get("body").asString()).isEqualTo("CMFA");
		assertThat(election.get("kind").asString()).isEqualTo("DECISION");
		assertThat(election.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(election.get("decidedOn").asString()).isEqualTo("2024-03-19");
		assertThat(election.get("procedure").asString()).as("elected by silence procedure, no meeting").isEqualTo("SILENCE");
		assertThat(election.get("meeting").isNull()).isTrue();
		assertThat(election.get("register").asString()).startsWith("CMFA/2024/");
		assertThat(Delegations.strings(election.get("sources"))).contains("https://www.s-cica.org/index.php?view=page&t=press_releases&id=2030");
		var elect = effect(election, "ELECT_CHAIR");
		assertThat(elect.get("effectiveOn").asString()).as("the handover").isEqualTo("2024-12-17");
		assertThat(elect.get("appliedFrom").asString()).isEqualTo("2024-12-17");
		assertThat(elect.get("refusal").isNull()).isTrue();

		var recommendation = publicly("/api/decisions/" + election.get("refersTo").asLong());
		assertThat(recommendation.get("body").asString()).isEqualTo("SOC");
		assertThat(recommendation.get("kind").asString()).isEqualTo("RECOMMENDATION");
		assertThat(recommendation.get("decidedOn").asString()).isEqualTo("2024-03-14");
		assertThat(recommendation.get("status").asString()).isEqualTo("ADOPTED");
		assertThat(recommendation.get("recorded").asBoolean()).isTrue();
		assertThat(recommendation.get("effects").size()).as("a recommendation changes nothing by itself").isZero();
		// the sources place the recommendation at the Senior Officials' meeting of that day in Astana (see SOURCES.md)
		assertThat(recommendation.get("meeting").asString()).isEqualTo("SOC-2024-03-14");
		assertThat(recommendation.get("procedure").asString()).isEqualTo("MEETING");
		assertThat(recommendation.get("outcome").asString()).contains("Azerbaijan").contains("silence procedure");
	}

	@Test
	void saudiArabiaWasPreApprovedByTheSeniorOfficialsAndGrantedObserverStatusByTheCouncilIn2023() {
		var year = recorded("?year=2023");
		var council = year.stream().filter(d -> hasEffect(d, "ADMIT", "SAU")).toList();
		assertThat(council).hasSize(1);
		var decision = council.get(0);
		assertThat(decision.get("body").asString()).isEqualTo("CMFA");
		assertThat(decision.get("kind").asString()).isEqualTo("DECISION");
		assertThat(decision.get("decidedOn").asString()).isEqualTo("2023-12-26");
		var admit = effect(decision, "ADMIT");
		assertThat(admit.get("status").asString()).isEqualTo("OBSERVER");
		assertThat(admit.get("appliedFrom").asString()).isEqualTo("2023-12-26");
		assertThat(decision.get("outcome").asString()).startsWith("Observer status for the Kingdom of Saudi Arabia");

		var preApproval = year.stream().filter(d -> d.get("id").asLong() == decision.get("refersTo").asLong()).toList();
		assertThat(preApproval).as("both steps are in the 2023 register").hasSize(1);
		assertThat(preApproval.get(0).get("body").asString()).isEqualTo("SOC");
		assertThat(preApproval.get(0).get("kind").asString()).isEqualTo("RECOMMENDATION");
		assertThat(preApproval.get(0).get("decidedOn").asString()).isEqualTo("2023-12-12");
		assertThat(preApproval.get(0).get("meeting").asString()).isEqualTo("SOC-2023-12-12");
	}

	@Test
	void aRecordedDecisionIsPublicInTheApiAndOnItsPage() {
		var kuwait = recorded("?body=CHSG&year=2022").stream().filter(d -> hasEffect(d, "ADMIT", "KWT")).findFirst().orElseThrow();
		var id = kuwait.get("id").asLong();
		var read = publicly("/api/decisions/" + id);
		assertThat(read.get("document").asString()).isEqualTo("DECISION-2022-KUWAIT");
		assertThat(read.get("meeting").asString()).isEqualTo("CHSG-6");
		var page = api.page("/decisions/" + id, null);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains(kuwait.get("register").asString());

		// a decision without a text Kurultai holds: its page and the register page show what was decided
		var saudi = recorded("?body=CMFA&year=2023").stream().filter(d -> hasEffect(d, "ADMIT", "SAU")).findFirst().orElseThrow();
		var saudiPage = api.page("/decisions/" + saudi.get("id").asLong(), null);
		assertThat(saudiPage.status()).as(saudiPage.toString()).isEqualTo(200);
		assertThat(saudiPage.body()).contains(saudi.get("register").asString()).contains("Observer status for the Kingdom of Saudi Arabia");
		var register = api.page("/decisions?year=2023", null);
		assertThat(register.status()).as(register.toString()).isEqualTo(200);
		assertThat(register.body()).contains(saudi.get("register").asString());
	}

	@Test
	void theRegisterHoldsEveryDecisionOfTheFileYearByYearFrom1999WithEachEffectApplied() {
		var file = list(file("decisions.yaml").get("decisions"));
		Map<Integer, Long> expected = file.stream().collect(Collectors.groupingBy(d -> Integer.parseInt(d.get("decided_on").asString()
				.substring(0, 4)), TreeMap::new, Collectors.counting()));
		assertThat(expected.keySet()).first().isEqualTo(1999);
		for (var year : expected.entrySet()) {
			var register = recorded("?year=" + year.getKey());
			assertThat(register).as("recorded decisions of %s", year.getKey()).hasSize(year.getValue().intValue());
			assertThat(register).allSatisfy(decision -> {
				assertThat(decision.get("status").asString()).isEqualTo("ADOPTED");
				assertThat(decision.get("register").asString()).matches("[A-Z]+/" + year.getKey() + "/\\d+");
				assertThat(decision.get("sources").size()).isPositive();
				assertThat(decision.get("outcome").asString()).isNotBlank();
				list(decision.get("effects")).forEach(effect -> {
					assertThat(effect.get("refusal").isNull()).as("%s", effect).isTrue();
					assertThat(effect.get("appliedAt").isNull()).as("%s", effect).isFalse();
				});
			});
		}
		assertThat(recorded("?year=1998")).isEmpty();
		var withEffects = file.stream().mapToInt(d -> d.get("effects").size()).sum();
		assertThat(jdbc.sql("select count(*) from decision_effect e join decision d on d.id = e.decision_id where d.recorded")
				.query(Integer.class).single()).isEqualTo(withEffects);
	}

	@Test
	void saudiArabiasObserverStatusPointsToTheCouncilsDecision() {
		var decision = recorded("?body=CMFA&year=2023").stream().filter(d -> hasEffect(d, "ADMIT", "SAU")).findFirst().orElseThrow();
		var history = list(publicly("/api/participants/SAU").get("history"));
		assertThat(history).hasSize(1);
		var period = history.get(0);
		assertThat(period.get("status").asString()).isEqualTo("OBSERVER");
		assertThat(period.get("from").asString()).isEqualTo("2023-12-26");
		assertThat(period.get("decision").get("id").asLong()).isEqualTo(decision.get("id").asLong());
		assertThat(period.get("decision").get("register").asString()).isEqualTo(decision.get("register").asString());
		// the period is the one loaded from participants.yaml, with its sources and wording, only linked
		assertThat(period.get("how").asString()).startsWith("granted observer status by the Council of Ministers of Foreign Affairs");
	}

	@Test
	void everyAdmissionInTheRegisterPointsFromTheParticipantsHistory() {
		for (var decision : recorded("")) {
			for (var effect : list(decision.get("effects"))) {
				if (!effect.get("kind").asString().equals("ADMIT")) {
					continue;
				}
				var code = effect.get("participant").asString();
				var from = effect.get("appliedFrom").asString();
				var period = list(publicly("/api/participants/" + code).get("history")).stream()
						.filter(p -> p.get("from").asString().equals(from) && p.get("status").asString().equals(effect.get("status").asString()))
						.findFirst().orElseThrow(() -> new AssertionError(code + " has no period from " + from));
				assertThat(period.get("decision").get("id").asLong()).as(code).isEqualTo(decision.get("id").asLong());
			}
		}
	}

	@Test
	void azerbaijansTermPointsToItsElectionAndTheAstanaStatementToItsRenamings() {
		var election = recorded("?body=CMFA&year=2024").stream().filter(d -> hasEffect(d, "ELECT_CHAIR", "AZE")).findFirst().orElseThrow();
		var statement = recorded("?body=CHSG&year=2022").stream()
				.filter(d -> "ASTANA-STATEMENT-2022".equals(d.get("document").asString())).findFirst().orElseThrow();
		var term = list(publicly("/api/chairmanship/terms")).stream().filter(t -> t.get("code").asString().equals("AZE")).findFirst()
				.orElseThrow();
		assertThat(term.get("from").asString()).isEqualTo("2024-12-17");
		assertThat(term.get("decision")).as("the term shows its decision: %s", term).isNotNull();
		assertThat(term.get("decision").get("id").asLong()).isEqualTo(election.get("id").asLong());
		var council = list(publicly("/api/bodies/CMFA").get("names")).stream()
				.filter(n -> "2022-10-13".equals(n.get("from").asString())).findFirst().orElseThrow();
		assertThat(council.get("decision").get("id").asLong()).isEqualTo(statement.get("id").asLong());
	}

	@Test
	void theChairmanshipSecretariatAndBodiesInTheDomainPointToTheirDecisions() {
		var byDocument = recorded("").stream().filter(d -> !d.get("document").isNull())
				.collect(Collectors.toMap(d -> d.get("document").asString(), d -> d.get("id").asLong()));
		var elections = recorded("").stream().filter(d -> d.get("effects").size() > 0)
				.flatMap(d -> list(d.get("effects")).stream().filter(e -> e.get("kind").asString().equals("ELECT_CHAIR"))
						.map(e -> Map.entry(e.get("participant").asString() + "@" + e.get("appliedFrom").asString(), d.get("id").asLong())))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(elections).hasSize(6);
		for (var term : organs.chairmanship().terms()) {
			var key = term.chair() + "@" + term.from();
			if (elections.containsKey(key)) {
				assertThat(term.decision()).as(key).isNotNull();
				assertThat(term.decision().id()).as(key).isEqualTo(elections.get(key));
			}
			else {
				assertThat(key).as("only the founding chair has no decision").isEqualTo("KAZ@2002-06-04");
				assertThat(term.decision()).isNull();
			}
		}
		var title = organs.secretariat().titles().stream().filter(t -> t.title().equals("Secretary General")).findFirst().orElseThrow();
		assertThat(title.decision().id()).isEqualTo(byDocument.get("ASTANA-STATEMENT-2022"));
		assertThat(organs.body("FUND").decision().id()).isEqualTo(byDocument.get("REGULATIONS-2022-FUND"));
		assertThat(organs.body("CEP").decision().id()).isEqualTo(byDocument.get("REGULATIONS-2021-CEP"));
	}

	/** The rows of a table that a decision recorded from the history points to, each described by {@code fact}. */
	private List<String> causedByRecordedDecisions(String table, String fact) {
		return jdbc.sql("select " + fact + " from " + table + " t join decision d on d.id = t.decision_id where d.recorded order by 1")
				.query(String.class).list();
	}

	@Test
	void loadingTheDecisionsLinkedTheHistoryAndWroteNoFactOfItAgain() {
		// every fact the recorded decisions point to is one the other reference files hold, linked once: the loader
		// wrote none (the database is shared with other test classes, so the facts are compared, not whole tables)
		var decisions = list(file("decisions.yaml").get("decisions"));
		var effects = decisions.stream().flatMap(d -> list(d.get("effects")).stream()
				.map(e -> Map.entry(e, e.hasNonNull("effective_on") ? e.get("effective_on").asString() : d.get("decided_on").asString())))
				.toList();
		var admitted = effects.stream().filter(e -> e.getKey().get("kind").asString().equals("ADMIT"))
				.map(e -> e.getKey().get("participant").asString() + " " + e.getKey().get("status").asString() + " " + e.getValue()).sorted().toList();
		var periods = new ArrayList<String>();
		for (var participant : list(file("participants.yaml").get("participants"))) {
			list(participant.get("periods")).forEach(period -> periods.add(participant.get("code").asString() + " "
					+ period.get("status").asString() + " " + period.get("from").asString()));
		}
		assertThat(periods).containsAll(admitted);
		assertThat(causedByRecordedDecisions("status_period", "t.participant_code || ' ' || t.status || ' ' || t.starts_on"))
				.containsExactlyInAnyOrderElementsOf(admitted);
		assertThat(jdbc.sql("select count(*) from status_period where participant_code = 'SAU'").query(Integer.class).single()).isOne();

		var elected = effects.stream().filter(e -> e.getKey().get("kind").asString().equals("ELECT_CHAIR"))
				.map(e -> e.getKey().get("participant").asString() + " " + e.getValue()).sorted().toList();
		var terms = list(file("chairmanship.yaml").get("terms")).stream().map(t -> t.get("chair").asString() + " " + t.get("from").asString())
				.toList();
		assertThat(terms).containsAll(elected);
		assertThat(causedByRecordedDecisions("chair_term", "t.chair || ' ' || t.starts_on")).containsExactlyInAnyOrderElementsOf(elected);

		assertThat(causedByRecordedDecisions("secretariat_head", "t.person || ' ' || t.valid_from"))
				.containsExactlyInAnyOrder("Habibullo Mirzoyev (Mirzozoda) 2018-09-24", "Kairat Sarybay 2020-09-24");
		assertThat(causedByRecordedDecisions("secretariat_title", "t.title || ' ' || t.valid_from")).containsExactlyInAnyOrder("Secretary General 2022-10-13");
		assertThat(causedByRecordedDecisions("body_name", "t.body_code || ' ' || t.name || ' ' || t.valid_from")).containsExactlyInAnyOrder(
				"CHSG Council of Heads of State or Government (Summit) 2022-10-13",
				"CMFA Council of Ministers of Foreign Affairs (Ministerial Council) 2022-10-13");
		assertThat(causedByRecordedDecisions("body", "t.code || ' ' || t.created_on")).containsExactlyInAnyOrder("CEP 2021-10-12", "FUND 2022-10-13",
				"SEC 2006-06-17");
		assertThat(causedByRecordedDecisions("catalogue_edition", "t.code || ' ' || t.adopted_on || ' ' || t.adopted_by"))
				.containsExactlyInAnyOrderElementsOf(list(file("catalogue.yaml").get("editions")).stream()
						.map(e -> e.get("code").asString() + " " + e.get("adopted_on").asString() + " " + e.get("adopted_by").asString()).sorted().toList());
		assertThat(jdbc.sql("select count(*) from implementation_plan p join decision d on d.id = p.approval_decision where d.recorded")
				.query(Integer.class).single()).isEqualTo(4);

		// the counts the sources attest still follow from the periods, the decisions loaded or not
		var counts = publicly("/api/participants/counts?asOf=2023-12-27");
		assertThat(counts.get("members").asInt()).isEqualTo(28);
		assertThat(counts.get("observerStates").asInt()).isEqualTo(publicly("/api/participants/counts?asOf=2023-12-25")
				.get("observerStates").asInt() + 1);
	}
}
