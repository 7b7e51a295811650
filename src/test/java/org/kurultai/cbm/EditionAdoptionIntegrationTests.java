package org.kurultai.cbm;

import java.nio.charset.StandardCharsets;
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
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.DecidedBy;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new edition of the Catalogue: the Secretariat proposes its content, which is not the Catalogue until a decision
 * adopts it (the effect ADOPT_CATALOGUE_EDITION, applied here through the CBM handler in a transaction, as the
 * adopting decision does). The adoptions run in transactions rolled back at the end, so that the Catalogue in force
 * stays CICA's for the other tests sharing the database.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionAdoptionIntegrationTests {

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired Catalogue catalogue;
	@Autowired CbmEffects effects;
	@Autowired CatalogueApi catalogueApi;
	@Autowired TransactionTemplate transactions;
	@Autowired JdbcClient jdbc;
	@Autowired WebApplicationContext context;

	Delegations api;
	Actor secretariat;
	Actor kazakhstan;
	String meeting;

	@BeforeAll
	void delegations() {
		api = new Delegations(port, accounts, tokens);
		secretariat = api.secretariat("editions");
		kazakhstan = api.coordinator("editions", "KAZ");
		var session = api.post("/api/meetings", secretariat, """
				{"body": "CMFA", "title": "Ministerial session on the Catalogue", "from": "%s", "until": "%s", "place": "Baku"}"""
				.formatted(clock.today(), clock.today().plusDays(1)));
		assertThat(session.status()).as(session.toString()).isEqualTo(201);
		meeting = session.json().get("id").asString();
	}

	static String edition(String code, String newArea) {
		return """
				{"code": "%s", "title": "Catalogue of CICA Confidence-Building Measures (%s update)", "sources": ["https://www.s-cica.org/"],
				 "dimensions": [
				   {"code": "MILPOL", "name": "Military-political dimension", "priorityAreas": [
				     {"code": "MILPOL-GENERAL", "name": "Military-political CBMs", "measures": [{"code": "MILPOL-GENERAL-1", "text": "Exchange of visits"}]}]},
				   {"code": "NCT", "name": "New challenges and threats", "priorityAreas": [
				     {"code": "NCT-GENERAL", "name": "New challenges and threats"},
				     {"code": "%s", "name": "Volunteerism and youth engagement", "measures": []}]}]}"""
				.formatted(code, code, newArea);
	}

	DecisionReference adoptedDecision(String title) {
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "%s", "body": "CMFA", "access": "PUBLIC", "languages": ["en"], "originalLanguage": "en",
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "The Council adopts the updated Catalogue."}}]}""".formatted(title));
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var proposed = api.post("/api/decisions", secretariat, """
				{"body": "CMFA", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["KAZ", "AZE"]}"""
				.formatted(tabled.json().get("id").asString(), meeting));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + proposed.json().get("id").asLong() + "/close", secretariat, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
		return new DecisionReference(closed.json().get("id").asLong(), closed.json().get("register").asString());
	}

	static Effect adopt(String edition, LocalDate effectiveOn) {
		return new Effect(EffectKind.ADOPT_CATALOGUE_EDITION, null, null, null, null, null, null, null, null, null, null, null, edition, null,
				effectiveOn, null);
	}

	DecidedBy by(DecisionReference decision, LocalDate decidedOn) {
		return new DecidedBy(decision.id(), decision.register(), "CMFA", decidedOn, meeting, Sources.none(), false);
	}

	int audited(String action, String subject) {
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject = ?").params(action, subject).query(Integer.class).single();
	}

	@Test
	void theSecretariatProposesAnEditionThatIsNotTheCatalogueUntilADecisionAdoptsIt() {
		assertThat(api.post("/api/catalogue/editions", kazakhstan, edition("2027", "NCT-VOLUNTEERISM")).status()).isEqualTo(403);
		var proposed = api.post("/api/catalogue/editions", secretariat, edition("2027", "NCT-VOLUNTEERISM"));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		assertThat(proposed.json().get("status").asString()).isEqualTo("PROPOSED");
		assertThat(proposed.json().at("/dimensions/1/priorityAreas/1/code").asString()).isEqualTo("NCT-VOLUNTEERISM");
		assertThat(proposed.json().has("proposedBy")).as("who in the Secretariat is in the audit log").isFalse();
		assertThat(audited("catalogue.edition-proposed", "catalogue-edition:2027")).isEqualTo(1);
		assertThat(Delegations.fields(api.get("/api/catalogue/proposed", null).json(), "code")).contains("2027");

		// not the Catalogue: not among its editions, not in force, nothing committed against it
		assertThat(Delegations.fields(api.get("/api/catalogue/editions", null).json(), "code")).doesNotContain("2027");
		assertThat(api.get("/api/catalogue?edition=2027", null).status()).isEqualTo(404);
		assertThat(api.get("/api/catalogue", null).json().get("code").asString()).isEqualTo("2024");
		assertThat(api.page("/catalogue", null).body()).doesNotContain("value=\"2027\"");
		var commitment = api.post("/api/commitments", kazakhstan, """
				{"participant": "KAZ", "priorityArea": "NCT-VOLUNTEERISM", "kind": "OPT_IN", "effectiveOn": "%s"}""".formatted(clock.today()));
		assertThat(commitment.json().get("type").asString()).as(commitment.toString()).endsWith("not-in-edition");

		// refused, writing nothing
		assertThat(api.post("/api/catalogue/editions", secretariat, edition("2027", "NCT-OTHER")).json().get("type").asString())
				.endsWith("edition-recorded");
		assertThat(api.post("/api/catalogue/editions", secretariat, edition("2021", "NCT-OTHER")).json().get("type").asString())
				.endsWith("edition-recorded");
		assertThat(api.post("/api/catalogue/editions", secretariat, edition("2028", "MILPOL-GENERAL")).json().get("type").asString())
				.as("a code twice").endsWith("catalogue-edition-invalid");
		assertThat(api.post("/api/catalogue/editions", secretariat, edition("2028 bis", "NCT-OTHER")).json().get("type").asString())
				.endsWith("catalogue-edition-invalid");
		assertThat(api.post("/api/catalogue/editions", secretariat, """
				{"code": "2028", "title": "No content", "dimensions": []}""").status()).isEqualTo(400);
		assertThat(Delegations.fields(api.get("/api/catalogue/proposed", null).json(), "code")).doesNotContain("2028", "2028 BIS");

		// its content never changes, nor is it deleted
		assertThatThrownBy(() -> jdbc.sql("update catalogue_edition set content = '[]' where code = '2027'").update())
				.hasMessageContaining("never changes");
		assertThatThrownBy(() -> jdbc.sql("update catalogue_edition set status = 'ADOPTED', adopted_on = current_date, precision = 'DAY', "
				+ "adopted_by = 'CMFA' where code = '2027'").update()).as("adopted only by a decision").hasMessageContaining("never changes");
		assertThatThrownBy(() -> jdbc.sql("delete from catalogue_edition where code = '2027'").update()).hasMessageContaining("never changes");
		// nor does an adopted edition, even when a decision is linked to it
		var decision = adoptedDecision("Decision on the Catalogue's title");
		assertThatThrownBy(() -> jdbc.sql("update catalogue_edition set decision_id = ?, title = 'changed' where code = '2021'").param(decision.id())
				.update()).hasMessageContaining("never changes");
		assertThatThrownBy(() -> jdbc.sql("update catalogue_edition set decision_id = ?, adopted_on = adopted_on + 1 where code = '2021'")
				.param(decision.id()).update()).hasMessageContaining("never changes");
		assertThat(catalogue.edition("2021").title()).doesNotContain("changed");
		// still the Council's decision recorded from the sources (reference/cica/decisions.yaml), not the new one
		assertThat(catalogue.edition("2021").decision()).isNotNull();
		assertThat(catalogue.edition("2021").decision().id()).isNotEqualTo(decision.id());
	}

	@Test
	void aDecisionAdoptsAProposedEditionFromItsEffectiveDay() {
		var proposed = api.post("/api/catalogue/editions", secretariat, edition("2026-UPDATE", "NCT-YOUTH"));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var today = clock.today();
		var last = catalogue.inForce(today).adoptedOn();

		// at the proposal
		assertThatThrownBy(() -> effects.check(adopt("NO-SUCH-EDITION", null), 1))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("effects[1].edition"));
		assertThatThrownBy(() -> effects.check(adopt("2021", null), 0)).isInstanceOf(Catalogue.EditionAdopted.class);
		assertThatThrownBy(() -> effects.check(adopt("2026-update", last), 0)).as("not after the last edition")
				.isInstanceOf(Catalogue.EditionNotLatest.class);
		effects.check(adopt(" 2026-update ", null), 0);

		var decision = adoptedDecision("Decision on the update of the Catalogue");
		var from = today.plusDays(10);
		// an effective day before the last edition's is refused, and writes nothing
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> effects.apply(adopt("2026-UPDATE", last.minusDays(1)), by(decision, today))))
				.isInstanceOf(Catalogue.EditionNotLatest.class);
		assertThat(catalogue.proposedEditions()).extracting(ProposedEdition::code).contains("2026-UPDATE");

		transactions.executeWithoutResult(tx -> {
			effects.apply(adopt("2026-UPDATE", from), by(decision, today));
			var adopted = catalogue.edition("2026-UPDATE");
			assertThat(adopted.adoptedOn()).isEqualTo(from);
			assertThat(adopted.precision()).isEqualTo(DatePrecision.DAY);
			assertThat(adopted.adoptedBy()).isEqualTo("CMFA");
			assertThat(adopted.meeting()).isEqualTo(meeting);
			assertThat(adopted.decision()).isEqualTo(decision);
			assertThat(adopted.priorityArea("NCT-YOUTH")).isPresent();
			assertThat(catalogue.proposedEditions()).extracting(ProposedEdition::code).doesNotContain("2026-UPDATE");
			assertThat(catalogue.inForce(today).code()).as("not before its day").isEqualTo("2024");
			assertThat(catalogue.inForce(from).code()).isEqualTo("2026-UPDATE");
			var view = catalogueApi.catalogue("2026-UPDATE", null);
			assertThat(view.decision()).isEqualTo(decision);
			// the page, rendered in this thread (hence in this transaction), links the decision
			try {
				var page = MockMvcBuilders.webAppContextSetup(context).build()
						.perform(MockMvcRequestBuilders.get("/catalogue").param("edition", "2026-UPDATE").accept(MediaType.TEXT_HTML)).andReturn()
						.getResponse().getContentAsString(StandardCharsets.UTF_8);
				assertThat(page).contains("id=\"adopted-by-decision\" href=\"/decisions/" + decision.id() + "\"")
						.contains("decision " + decision.register());
			}
			catch (Exception failed) {
				throw new AssertionError(failed);
			}
			assertThat(audited("catalogue.edition-adopted", "catalogue-edition:2026-UPDATE")).isEqualTo(1);
			// applied again: nothing changes
			effects.apply(adopt("2026-UPDATE", from), by(decision, today));
			assertThat(audited("catalogue.edition-adopted", "catalogue-edition:2026-UPDATE")).isEqualTo(1);
			// another decision cannot adopt it again
			assertThatThrownBy(() -> effects.apply(adopt("2026-UPDATE", from), by(new DecisionReference(decision.id() + 1, null), today)))
					.isInstanceOf(Catalogue.EditionAdopted.class);
			tx.setRollbackOnly();
		});
		assertThat(catalogue.proposedEditions()).extracting(ProposedEdition::code).as("rolled back").contains("2026-UPDATE");
	}

	@Test
	void anEditionAdoptedBeforeKurultaiRecordedDecisionsIsOnlyLinkedToTheDecisionThatAdoptedIt() {
		var decision = adoptedDecision("The Council's decision adopting the Catalogue, as recorded");
		var day = clock.today().plusYears(20);
		transactions.executeWithoutResult(tx -> {
			// as the reference data records an edition (after every other one, so as not to change the past)
			var content = catalogue.edition("2024").dimensions();
			catalogue.adopt(new CatalogueEdition("HISTORIC-LINK", "Catalogue as recorded", day, DatePrecision.DAY, "CMFA", null, null,
					Sources.none(), null, content));
			assertThat(catalogue.edition("HISTORIC-LINK").decision()).isNull();
			// another body, or another day, is not that adoption
			assertThatThrownBy(() -> effects.apply(adopt("HISTORIC-LINK", null), new DecidedBy(decision.id(), decision.register(), "SOC", day,
					null, Sources.none(), true))).isInstanceOf(Catalogue.EditionAdopted.class);
			assertThatThrownBy(() -> effects.apply(adopt("HISTORIC-LINK", day.minusDays(1)), by(decision, day)))
					.isInstanceOf(Catalogue.EditionAdopted.class);

			effects.apply(adopt("HISTORIC-LINK", null), new DecidedBy(decision.id(), decision.register(), "CMFA", day, null, Sources.none(), true));
			var linked = catalogue.edition("HISTORIC-LINK");
			assertThat(linked.decision()).isEqualTo(decision);
			assertThat(linked.adoptedOn()).isEqualTo(day);
			assertThat(linked.meeting()).as("only the decision is linked").isNull();
			assertThat(audited("catalogue.adoption-linked", "catalogue-edition:HISTORIC-LINK")).isEqualTo(1);
			tx.setRollbackOnly();
		});
		assertThat(catalogue.editions()).extracting(CatalogueEdition::code).doesNotContain("HISTORIC-LINK");
	}
}
