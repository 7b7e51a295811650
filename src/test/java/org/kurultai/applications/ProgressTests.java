package org.kurultai.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kurultai.applications.Progress.Considered;
import org.kurultai.applications.Progress.StepState;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionStatus;
import org.kurultai.registry.ParticipantStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where an application stands, derived from CICA's configured steps and the decisions naming it. */
class ProgressTests {

	static final List<ApplicationSteps.Step> OBSERVER = ApplicationSteps.CICA.to(ParticipantStatus.OBSERVER);
	static final List<ApplicationSteps.Step> MEMBER = ApplicationSteps.CICA.to(ParticipantStatus.MEMBER);
	static final LocalDate DAY = LocalDate.of(2023, 12, 12);

	static Considered soc(long id, DecisionStatus status) {
		return new Considered(id, "SOC", DecisionKind.RECOMMENDATION, status, status == DecisionStatus.ADOPTED ? "SOC/2023/" + id : null,
				status == DecisionStatus.ADOPTED ? DAY : null, null, null);
	}

	static Considered cmfa(long id, DecisionStatus status, String refusal) {
		var adopted = status == DecisionStatus.ADOPTED;
		return new Considered(id, "CMFA", DecisionKind.DECISION, status, adopted ? "CMFA/2023/" + id : null, adopted ? DAY.plusDays(14) : null,
				adopted && refusal == null ? DAY.plusDays(14) : null, refusal);
	}

	static Progress observer(Considered... decisions) {
		return Progress.of(OBSERVER, List.of(decisions), Map.of(), List.of());
	}

	@Test
	void aNewApplicationHasEveryStepPendingAndItsFirstStepNext() {
		var progress = observer();
		assertThat(progress.state()).isEqualTo(ApplicationState.OPEN);
		assertThat(progress.steps()).extracting(Progress.StepProgress::state).containsExactly(StepState.PENDING, StepState.PENDING);
		assertThat(progress.nextDecisionStep().position()).isEqualTo(1);
		assertThat(progress.done()).isZero();
	}

	@Test
	void aRecommendationUnderWayThenAdoptedMovesToTheCouncil() {
		assertThat(observer(soc(1, DecisionStatus.OPEN)).steps().get(0).state()).isEqualTo(StepState.UNDER_WAY);
		var recommended = observer(soc(1, DecisionStatus.ADOPTED));
		assertThat(recommended.steps()).extracting(Progress.StepProgress::state).containsExactly(StepState.DONE, StepState.PENDING);
		assertThat(recommended.steps().get(0).last().register()).isEqualTo("SOC/2023/1");
		assertThat(recommended.nextDecisionStep().position()).isEqualTo(2);
		assertThat(recommended.state()).isEqualTo(ApplicationState.OPEN);
	}

	@Test
	void theCouncilsAdoptedDecisionWithItsAdmissionAppliedGrantsTheStatus() {
		var granted = observer(soc(1, DecisionStatus.ADOPTED), cmfa(2, DecisionStatus.ADOPTED, null));
		assertThat(granted.state()).isEqualTo(ApplicationState.GRANTED);
		assertThat(granted.granting().id()).isEqualTo(2);
		assertThat(granted.nextDecisionStep()).isNull();
		assertThat(granted.done()).isEqualTo(2);
	}

	@Test
	void aStepNotAdoptedRefusesTheApplicationUntilANewDecisionIsProposed() {
		var broken = observer(soc(1, DecisionStatus.SILENCE_BROKEN));
		assertThat(broken.state()).isEqualTo(ApplicationState.REFUSED);
		assertThat(broken.steps().get(0).state()).isEqualTo(StepState.FAILED);
		assertThat(broken.nextDecisionStep().position()).as("the failed step may be taken again").isEqualTo(1);
		var again = observer(soc(1, DecisionStatus.SILENCE_BROKEN), soc(2, DecisionStatus.OPEN));
		assertThat(again.state()).isEqualTo(ApplicationState.OPEN);
		assertThat(again.steps().get(0).decisions()).extracting(Considered::id).containsExactly(1L, 2L);
		var notAdopted = observer(soc(1, DecisionStatus.ADOPTED), cmfa(2, DecisionStatus.NOT_ADOPTED, null));
		assertThat(notAdopted.state()).isEqualTo(ApplicationState.REFUSED);
		assertThat(notAdopted.steps().get(1).state()).isEqualTo(StepState.FAILED);
	}

	@Test
	void anAdoptedGrantWhoseAdmissionTheRulesRefusedIsAFailedStepNotAGrant() {
		var refused = observer(soc(1, DecisionStatus.ADOPTED), cmfa(2, DecisionStatus.ADOPTED, "not signed"));
		assertThat(refused.state()).isEqualTo(ApplicationState.REFUSED);
		assertThat(refused.steps().get(1).state()).isEqualTo(StepState.FAILED);
	}

	@Test
	void aWithdrawnDecisionLeavesItsStepPending() {
		var withdrawn = observer(soc(1, DecisionStatus.WITHDRAWN));
		assertThat(withdrawn.steps().get(0).state()).isEqualTo(StepState.PENDING);
		assertThat(withdrawn.state()).isEqualTo(ApplicationState.OPEN);
	}

	@Test
	void aDecisionOfAnotherStepOrBodyIsNotCountedForTheStep() {
		var outOfOrder = observer(cmfa(5, DecisionStatus.ADOPTED, null));
		assertThat(outOfOrder.state()).isEqualTo(ApplicationState.OPEN);
		assertThat(outOfOrder.steps()).extracting(Progress.StepProgress::state).containsExactly(StepState.PENDING, StepState.PENDING);
	}

	@Test
	void membershipNeedsTheSignaturesAsAConditionBesideTheMembersDecision() {
		var required = List.of("DECLARATION-1999", "ALMATY-ACT");
		var unsigned = Progress.of(MEMBER, List.of(), Map.of("DECLARATION-1999", LocalDate.of(2022, 10, 11)), required);
		assertThat(unsigned.steps().get(0).state()).isEqualTo(StepState.PENDING);
		assertThat(unsigned.steps().get(0).unsigned()).containsExactly("ALMATY-ACT");
		assertThat(unsigned.nextDecisionStep().position()).as("the members' decision may be proposed before the last signature").isEqualTo(2);
		var signed = Progress.of(MEMBER, List.of(new Considered(7, "CHSG", DecisionKind.DECISION, DecisionStatus.ADOPTED, "CHSG/2022/1",
				LocalDate.of(2022, 10, 12), LocalDate.of(2022, 10, 12), null)),
				Map.of("DECLARATION-1999", LocalDate.of(2022, 10, 11), "ALMATY-ACT", LocalDate.of(2022, 10, 11)), required);
		assertThat(signed.steps()).extracting(Progress.StepProgress::state).containsExactly(StepState.DONE, StepState.DONE);
		assertThat(signed.state()).isEqualTo(ApplicationState.GRANTED);
	}

	@Test
	void theConfigurationMustEndWithTheGrantingDecision() {
		assertThatThrownBy(() -> new ApplicationSteps(Map.of(ParticipantStatus.OBSERVER,
				List.of(new ApplicationSteps.Step(ApplicationSteps.StepKind.RECOMMENDATION, List.of("SOC")))))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ApplicationSteps.Step(ApplicationSteps.StepKind.DECISION, List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThat(new ApplicationSteps(null).to(ParticipantStatus.OBSERVER)).isEqualTo(OBSERVER);
		assertThat(OBSERVER.get(1).takenBy("CMFA", DecisionKind.DECISION)).isTrue();
		assertThat(OBSERVER.get(1).takenBy("SOC", DecisionKind.DECISION)).isFalse();
		assertThat(OBSERVER.get(0).takenBy("SOC", DecisionKind.DECISION)).isFalse();
	}
}
