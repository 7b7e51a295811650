package org.kurultai.cbm;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Concept papers and action plans: the recorded ones, a coordinator proposing one, the Secretariat recording its approval. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansIntegrationTests {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	Delegations api;
	Actor secretariat;
	Actor thailand;
	Actor kazakhstan;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("plans");
		thailand = api.coordinator("plans", "THA");
		kazakhstan = api.coordinator("plans", "KAZ");
	}

	@Test
	void thePlansOfTheSourcesAreRecordedWithTheirApproval() {
		var sme = api.get("/api/cbm/plans?area=ECON-SME", null).json();
		assertThat(sme).hasSize(1);
		assertThat(sme.at("/0/kind").asString()).isEqualTo("ACTION_PLAN");
		assertThat(sme.at("/0/approval/body").asString()).isEqualTo("SOC");
		assertThat(sme.at("/0/approval/on").asString()).isEqualTo("2016-01-13");
		assertThat(sme.at("/0/document").asString()).isEqualTo("ACTION-PLAN-2016-SME");
		assertThat(api.get("/api/cbm/plans", null).json().size()).isGreaterThanOrEqualTo(4);
		assertThat(api.page("/catalogue", null).body()).contains("data-plan=\"CP-2023-SUSTAINABLE-DEVELOPMENT\"").contains("approved by Senior Officials Committee on 13 January 2016");
	}

	@Test
	void theCoordinatorProposesAPlanAndTheSecretariatRecordsItsApproval() {
		var plan = """
				{"code": "%s", "kind": "ACTION_PLAN", "priorityArea": "ENV-SUSTAINABLE-DEVELOPMENT", "title": "Action plan on sustainable development 2027-2028",
				 "fromYear": 2027, "untilYear": 2028, "activities": [{"title": "Workshop on green finance", "year": %d, "lead": "THA"}]}""";
		assertThat(api.post("/api/cbm/plans", kazakhstan, plan.formatted("AP-2027-SD-KAZ", 2027)).status()).as("not its coordinator").isEqualTo(403);
		assertThat(api.post("/api/cbm/plans", thailand, plan.formatted("AP-2027-SD-X", 2031)).json().get("type").asString())
				.endsWith("plan-invalid");
		var proposed = api.post("/api/cbm/plans", thailand, plan.formatted("AP-2027-SD", 2027));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.json().get("approval").isNull()).isTrue();
		assertThat(proposed.json().get("proposedBy").asString()).isEqualTo("THA");
		assertThat(api.post("/api/cbm/plans", thailand, plan.formatted("AP-2027-SD", 2027)).json().get("type").asString())
				.endsWith("plan-already-recorded");

		var today = forumClock.today();
		assertThat(api.post("/api/cbm/plans/AP-2027-SD/approval", thailand, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today)).status())
				.isEqualTo(403);
		assertThat(api.post("/api/cbm/plans/AP-2027-SD/approval", secretariat, "{\"body\": \"NOPE\", \"on\": \"%s\"}".formatted(today)).status())
				.isEqualTo(400);
		assertThat(api.post("/api/cbm/plans/AP-2027-SD/approval", secretariat, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today.plusDays(3)))
				.status()).isEqualTo(400);
		var approved = api.post("/api/cbm/plans/AP-2027-SD/approval", secretariat, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().at("/approval/body").asString()).isEqualTo("SOC");
		assertThat(api.post("/api/cbm/plans/AP-2027-SD/approval", secretariat, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today)).json()
				.get("type").asString()).endsWith("plan-already-approved");
		assertThat(api.post("/api/cbm/plans/NO-SUCH-PLAN/approval", secretariat, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today)).status())
				.isEqualTo(404);
	}
}
