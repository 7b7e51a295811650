package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Effect;
import org.kurultai.shared.EffectKind;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CBM effects of an adopted decision, without a database: what APPROVE_PLAN does to a plan and
 * ADOPT_CATALOGUE_EDITION to an edition — write, only link the very fact already recorded, nothing when
 * this decision already did it — and what each refuses.
 */
class CbmEffectsTests {

	static final LocalDate DAY = LocalDate.of(2026, 4, 15);
	static final DecisionReference DECISION = new DecisionReference(41, "SOC/2026/3");
	static final DecisionReference OTHER = new DecisionReference(42, "SOC/2026/4");

	static ImplementationPlan plan(ImplementationPlan.Approval approval) {
		return new ImplementationPlan("AP-2026-SD", ImplementationPlan.Kind.ACTION_PLAN, "ENV-SUSTAINABLE-DEVELOPMENT", "Action plan", 2026, 2027,
				null, "THA", List.of(), approval, Sources.none(), null);
	}

	static ImplementationPlan.Approval bySoc(LocalDate on, DecisionReference decision) {
		return new ImplementationPlan.Approval("SOC", on, "SOC-2026-04-15", decision);
	}

	@Test
	void aDecisionApprovesAPlanNotYetApproved() {
		assertThat(plan(null).approvedBy(bySoc(DAY, DECISION))).isEqualTo(ByDecision.WRITE);
	}

	@Test
	void theSameApprovalRecordedFromTheSourcesIsOnlyLinked() {
		var recorded = new ImplementationPlan.Approval("SOC", DAY, null, null);
		assertThat(plan(recorded).approvedBy(bySoc(DAY, DECISION))).isEqualTo(ByDecision.LINK);
	}

	@Test
	void theDecisionThatApprovedThePlanChangesNothingAgain() {
		assertThat(plan(bySoc(DAY, DECISION)).approvedBy(bySoc(DAY, DECISION))).isEqualTo(ByDecision.NOTHING);
	}

	@Test
	void anApprovedPlanIsFixed() {
		var recorded = new ImplementationPlan.Approval("SOC", DAY, null, null);
		assertThatThrownBy(() -> plan(recorded).approvedBy(bySoc(DAY.plusDays(1), DECISION)))
				.isInstanceOf(ImplementationPlan.AlreadyApproved.class).hasMessageContaining("AP-2026-SD");
		assertThatThrownBy(() -> plan(recorded).approvedBy(new ImplementationPlan.Approval("CMFA", DAY, null, DECISION)))
				.isInstanceOf(ImplementationPlan.AlreadyApproved.class);
		assertThatThrownBy(() -> plan(bySoc(DAY, DECISION)).approvedBy(bySoc(DAY, OTHER)))
				.as("approved by another decision, even of the same body that day").isInstanceOf(ImplementationPlan.AlreadyApproved.class);
	}

	static List<Dimension> content() {
		return List.of(new Dimension("ECON", "Economic dimension", List.of(new PriorityArea("ECON-GENERAL", "Economic CBMs",
				List.of(new Measure("ECON-GENERAL-1", "Exchange of information on economic policies"))))));
	}

	static CatalogueEdition adopted(String body, LocalDate on, DecisionReference decision) {
		return new CatalogueEdition("2030", "Catalogue 2030", on, DatePrecision.DAY, body, null, null, Sources.none(), null, content(), decision);
	}

	@Test
	void aProposedEditionIsAdoptedByTheDecisionsBodyFromItsDayAtItsMeeting() {
		var proposed = new ProposedEdition("2030", "Catalogue 2030", Sources.of(List.of("https://example.org/catalogue")), "note", content(),
				Instant.parse("2026-03-01T08:00:00Z"), "officer@secretariat.example");
		var edition = proposed.adoptedBy("CMFA", DAY, "CMFA-8", DECISION);
		assertThat(edition.adoptedOn()).isEqualTo(DAY);
		assertThat(edition.precision()).isEqualTo(DatePrecision.DAY);
		assertThat(edition.adoptedBy()).isEqualTo("CMFA");
		assertThat(edition.meeting()).isEqualTo("CMFA-8");
		assertThat(edition.decision()).isEqualTo(DECISION);
		assertThat(edition.dimensions()).isEqualTo(proposed.dimensions());
		assertThat(edition.sources()).isEqualTo(proposed.sources());
		assertThat(edition.title()).isEqualTo("Catalogue 2030");
	}

	@Test
	void aProposedEditionsContentIsCheckedAsAnEditions() {
		var at = Instant.parse("2026-03-01T08:00:00Z");
		assertThatThrownBy(() -> new ProposedEdition("2030", "Catalogue 2030", Sources.none(), null, List.of(), at, "officer@secretariat.example"))
				.isInstanceOf(CatalogueEdition.EditionInvalid.class);
		var twice = List.of(new Dimension("ECON", "Economic dimension", List.of(new PriorityArea("ECON", "Economic CBMs", List.of()))));
		assertThatThrownBy(() -> new ProposedEdition("2030", "Catalogue 2030", Sources.none(), null, twice, at, "officer@secretariat.example"))
				.isInstanceOf(CatalogueEdition.EditionInvalid.class).hasMessageContaining("ECON");
		assertThatThrownBy(() -> new ProposedEdition("new edition", "Catalogue", Sources.none(), null, content(), at, "officer@secretariat.example"))
				.isInstanceOf(CatalogueEdition.EditionInvalid.class);
		assertThatThrownBy(() -> new ProposedEdition("2030", " ", Sources.none(), null, content(), at, "officer@secretariat.example"))
				.isInstanceOf(CatalogueEdition.EditionInvalid.class);
	}

	@Test
	void anEditionAdoptedWithoutADecisionIsOnlyLinkedToTheDecisionThatAdoptedIt() {
		assertThat(adopted("CMFA", DAY, null).adoptedBy("CMFA", DAY, DECISION)).isEqualTo(ByDecision.LINK);
		assertThat(adopted("CMFA", DAY, DECISION).adoptedBy("CMFA", DAY, DECISION)).isEqualTo(ByDecision.NOTHING);
	}

	@Test
	void anAdoptedEditionNeverChanges() {
		assertThatThrownBy(() -> adopted("CMFA", DAY, null).adoptedBy("SOC", DAY, DECISION)).isInstanceOf(Catalogue.EditionAdopted.class);
		assertThatThrownBy(() -> adopted("CMFA", DAY, null).adoptedBy("CMFA", DAY.minusDays(1), DECISION))
				.isInstanceOf(Catalogue.EditionAdopted.class);
		assertThatThrownBy(() -> adopted("CMFA", DAY, DECISION).adoptedBy("CMFA", DAY, OTHER)).isInstanceOf(Catalogue.EditionAdopted.class);
	}

	@Test
	void theHandlerAppliesTheCbmKindsOnlyAndAMissingTermIsRefusedAsTheRequestsField() {
		var handler = new CbmEffects(null, null, null);
		assertThat(handler.kinds()).containsExactlyInAnyOrder(EffectKind.APPROVE_PLAN, EffectKind.ADOPT_CATALOGUE_EDITION);
		var admit = new Effect(EffectKind.ADMIT, "XYZ", "OBSERVER", null, null, null, null, null, null, null, null, null, null, null, null, null);
		assertThatThrownBy(() -> handler.check(admit, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theEffectNamesThePlanOrTheEdition() {
		var noPlan = new Effect(EffectKind.APPROVE_PLAN, null, null, null, null, null, null, null, null, null, null, null, null, " ", null, null);
		assertThatThrownBy(() -> new CbmEffects(null, null, null).check(noPlan, 2))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("effects[2].plan"));
		var noEdition = new Effect(EffectKind.ADOPT_CATALOGUE_EDITION, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null);
		assertThatThrownBy(() -> new CbmEffects(null, null, null).check(noEdition, 1))
				.isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.parameter()).isEqualTo("effects[1].edition"));
	}
}
