package org.kurultai.cbm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.Delegations;
import org.kurultai.Delegations.Actor;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Concept papers and action plans: the recorded ones, a coordinator proposing one, a decision of the body approving it
 * (the effect APPROVE_PLAN, applied here through the CBM handler in a transaction, as the adopting decision does).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansIntegrationTests {

	/** The application's clock: the forum's today, which tests that move time (see TestClock) may have moved. */
	@Autowired ForumClock forumClock;

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;

	@Autowired CbmEffects effects;
	@Autowired Plans plans;
	@Autowired TransactionTemplate transactions;
	@Autowired JdbcClient jdbc;

	Delegations api;
	Actor secretariat;
	Actor thailand;
	Actor kazakhstan;
	/** A meeting of the SOC in session today. */
	String meeting;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("plans");
		thailand = api.coordinator("plans", "THA");
		kazakhstan = api.coordinator("plans", "KAZ");
		var session = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Plans session", "from": "%s", "until": "%s", "place": "Astana"}""".formatted(forumClock.today(),
				forumClock.today().plusDays(1)));
		assertThat(session.status()).as(session.toString()).isEqualTo(201);
		meeting = session.json().get("id").asString();
	}

	@Test
	void thePlansOfTheSourcesAreRecordedWithTheirApproval() {
		var sme = api.get("/api/cbm/plans?area=ECON-SME", null).json();
		assertThat(sme).hasSize(1);
		assertThat(sme.at("/0/kind").asString()).isEqualTo("ACTION_PLAN");
		assertThat(sme.at("/0/approval/body").asString()).isEqualTo("SOC");
		assertThat(sme.at("/0/approval/on").asString()).isEqualTo("2016-01-13");
		assertThat(sme.at("/0/document").asString()).isEqualTo("ACTION-PLAN-2016-SME");
		assertThat(sme.at("/0/approval/meeting").asString()).isEqualTo("SOC-2016-01-13");
		assertThat(api.get("/api/cbm/plans", null).json().size()).isGreaterThanOrEqualTo(4);
		assertThat(api.page("/catalogue", null).body()).contains("data-plan=\"CP-2023-SUSTAINABLE-DEVELOPMENT\"").contains("approved by Senior Officials Committee on 13 January 2016");
	}

	/** A decision of the SOC adopted today at its meeting: its id and register symbol. */
	DecisionReference adoptedDecision(String title) {
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "SOC", "access": "PUBLIC", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "The Committee approves the plan."}}]}""".formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "THA"]}"""
				.formatted(tabled.json().get("id").asString(), meeting));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + proposed.json().get("id").asLong() + "/close", secretariat, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
		return new DecisionReference(closed.json().get("id").asLong(), closed.json().get("register").asString());
	}

	static Effect approve(String plan) {
		return new Effect(EffectKind.APPROVE_PLAN, null, null, null, null, null, null, null, null, null, null, null, null, plan, null, null);
	}

	/** As the adopting transaction of the decision applies the effect. */
	void apply(Effect effect, DecisionReference decision, LocalDate decidedOn, String meeting) {
		transactions.executeWithoutResult(tx -> effects.apply(effect, new DecidedBy(decision.id(), decision.register(), "SOC", decidedOn, meeting,
				Sources.none(), false)));
	}

	int audited(String action, String subject) {
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject = ?").params(action, subject).query(Integer.class).single();
	}

	@Test
	void theCoordinatorProposesAPlanAndADecisionOfTheBodyApprovesIt() throws Exception {
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

		// no separate approval path any more: only a decision approves
		var today = forumClock.today();
		assertThat(api.post("/api/cbm/plans/AP-2027-SD/approval", secretariat, "{\"body\": \"SOC\", \"on\": \"%s\"}".formatted(today)).status())
				.isIn(403, 404, 405);
		assertThat(plan("AP-2027-SD").get("approval").isNull()).isTrue();

		// at the proposal: the plan must exist and not be approved
		assertThatThrownBy(() -> effects.check(approve("NO-SUCH-PLAN"), 2))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("effects[2].plan"));
		assertThatThrownBy(() -> effects.check(approve("AP-2016-2018-SME"), 0)).isInstanceOf(ImplementationPlan.AlreadyApproved.class);
		effects.check(approve(" ap-2027-sd "), 0);

		var decision = adoptedDecision("Approval of the action plan on sustainable development");
		apply(approve("AP-2027-SD"), decision, today, meeting);
		var approved = plan("AP-2027-SD").get("approval");
		assertThat(approved.get("body").asString()).isEqualTo("SOC");
		assertThat(approved.get("on").asString()).isEqualTo(today.toString());
		assertThat(approved.get("meeting").asString()).isEqualTo(meeting);
		assertThat(approved.at("/decision/id").asLong()).isEqualTo(decision.id());
		assertThat(approved.at("/decision/register").asString()).isEqualTo(decision.register()).startsWith("SOC/" + today.getYear() + "/");
		assertThat(audited("plan.approved", "plan:AP-2027-SD")).isEqualTo(1);
		var page = api.page("/catalogue", null).body();
		assertThat(page).contains("href=\"/decisions/" + decision.id() + "\"").contains("</span>, <a class=\"plan-decision\" href=\"/decisions/" + decision.id() + "\">decision " + decision.register() + "</a>")
				.contains("approved by a decision of the body concerned");
		var russian = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalogue"))
				.header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(russian).contains("утверждаются решением соответствующего органа").contains("решение " + decision.register());

		// adopted again (a replay): nothing changes, nothing more is audited
		apply(approve("AP-2027-SD"), decision, today, meeting);
		assertThat(audited("plan.approved", "plan:AP-2027-SD")).isEqualTo(1);
		// an approved plan is fixed: another decision is refused and writes nothing
		assertThatThrownBy(() -> effects.check(approve("AP-2027-SD"), 0)).isInstanceOf(ImplementationPlan.AlreadyApproved.class);
		var another = adoptedDecision("Another approval of the action plan on sustainable development");
		assertThatThrownBy(() -> apply(approve("AP-2027-SD"), another, today, meeting)).isInstanceOf(ImplementationPlan.AlreadyApproved.class);
		assertThat(plan("AP-2027-SD").at("/approval/decision/id").asLong()).isEqualTo(decision.id());
	}

	@Test
	void anApprovalRecordedFromTheSourcesIsOnlyLinkedToTheDecisionThatGaveIt() {
		// as the reference data records a plan approved before Kurultai recorded decisions
		var approvedOn = LocalDate.of(2019, 6, 4);
		plans.record(new ImplementationPlan("CP-2019-LINKED", ImplementationPlan.Kind.CONCEPT_PAPER, "ECON-TOURISM", "Concept paper approved in 2019",
				2019, 2020, null, "RUS", List.of(), new ImplementationPlan.Approval("SOC", approvedOn, null, null), Sources.none(), null));
		assertThat(plan("CP-2019-LINKED").at("/approval/decision").isNull()).isTrue();
		var decision = adoptedDecision("The SOC's decision of 2019, as recorded");
		// a decision of another day is not that approval
		assertThatThrownBy(() -> apply(approve("CP-2019-LINKED"), decision, approvedOn.plusDays(1), null))
				.isInstanceOf(ImplementationPlan.AlreadyApproved.class);
		assertThat(plan("CP-2019-LINKED").at("/approval/decision").isNull()).isTrue();

		apply(approve("CP-2019-LINKED"), decision, approvedOn, null);
		var linked = plan("CP-2019-LINKED").get("approval");
		assertThat(linked.get("on").asString()).isEqualTo("2019-06-04");
		assertThat(linked.get("meeting").isNull()).as("only the decision is linked").isTrue();
		assertThat(linked.at("/decision/id").asLong()).isEqualTo(decision.id());
		assertThat(linked.at("/decision/register").asString()).isEqualTo(decision.register());
		assertThat(audited("plan.approval-linked", "plan:CP-2019-LINKED")).isEqualTo(1);
	}

	JsonNode plan(String code) {
		var all = api.get("/api/cbm/plans", null).json();
		for (var plan : all) {
			if (plan.get("code").asString().equals(code)) {
				return plan;
			}
		}
		throw new AssertionError("no plan " + code);
	}
}
