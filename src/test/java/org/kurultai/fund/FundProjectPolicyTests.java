package org.kurultai.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kurultai.fund.ProjectState.Act;
import org.kurultai.identity.Account;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.shared.NotAllowed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may do each act on a project: the owning member State's coordinator, or the Secretariat; and only in its state. */
class FundProjectPolicyTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 2);

	static Mandate mandate(Role role, String participant, Capacity capacity) {
		var account = new Account(UUID.randomUUID(), role.name().toLowerCase() + "@example.org", "Someone", role, participant, true, Instant.EPOCH);
		return new Mandate(account, DAY, capacity);
	}

	static FundProject project(ProjectState state) {
		var content = new ProjectContent("Workshop", null, "Purpose", null, List.of("KAZ"), null, DAY, DAY.plusMonths(6),
				List.of(new ProjectContent.BudgetLine("Venue", new BigDecimal("1000.00"))), new BigDecimal("1000.00"), BigDecimal.ZERO, null);
		return new FundProject(7, "KAZ", state, 1, content, Instant.EPOCH, "c@mfa.example", null, null, null, null, null, null, null, null, null);
	}

	final Mandate kazakhstan = mandate(Role.NATIONAL_COORDINATOR, "KAZ", Capacity.MEMBER_DELEGATION);
	final Mandate kazakhDelegate = mandate(Role.DELEGATE, "KAZ", Capacity.MEMBER_DELEGATION);
	final Mandate china = mandate(Role.NATIONAL_COORDINATOR, "CHN", Capacity.MEMBER_DELEGATION);
	final Mandate japan = mandate(Role.NATIONAL_COORDINATOR, "JPN", Capacity.OBSERVER_DELEGATION);
	final Mandate lapsed = mandate(Role.NATIONAL_COORDINATOR, "KAZ", Capacity.NONE);
	final Mandate secretariat = mandate(Role.SECRETARIAT_OFFICER, null, Capacity.SECRETARIAT);

	@Test
	void onlyAMemberStatesNationalCoordinatorActingForItDrafts() {
		assertThat(ProjectPolicy.mayDraft(kazakhstan)).isTrue();
		assertThat(ProjectPolicy.mayDraft(china)).isTrue();
		assertThat(ProjectPolicy.mayDraft(kazakhDelegate)).isFalse();
		assertThat(ProjectPolicy.mayDraft(japan)).isFalse();
		assertThat(ProjectPolicy.mayDraft(lapsed)).isFalse();
		assertThat(ProjectPolicy.mayDraft(secretariat)).isFalse();
		assertThat(ProjectPolicy.mayDraft(null)).isFalse();
	}

	@Test
	void theStateActsOnItsOwnProjectTheSecretariatOnTheRest() {
		var draft = project(ProjectState.DRAFT);
		assertThat(ProjectPolicy.may(kazakhstan, Act.SUBMIT, draft)).isTrue();
		assertThat(ProjectPolicy.may(kazakhstan, Act.EDIT, draft)).isTrue();
		assertThat(ProjectPolicy.may(china, Act.SUBMIT, draft)).isFalse();
		assertThat(ProjectPolicy.may(secretariat, Act.SUBMIT, draft)).isFalse();
		assertThat(ProjectPolicy.may(secretariat, Act.CHECK, draft)).isFalse();
		var submitted = project(ProjectState.SUBMITTED);
		assertThat(ProjectPolicy.may(secretariat, Act.CHECK, submitted)).isTrue();
		assertThat(ProjectPolicy.may(secretariat, Act.ASK, submitted)).isTrue();
		assertThat(ProjectPolicy.may(kazakhstan, Act.CHECK, submitted)).isFalse();
		var implementing = project(ProjectState.IMPLEMENTING);
		assertThat(ProjectPolicy.may(kazakhstan, Act.REPORT, implementing)).isTrue();
		assertThat(ProjectPolicy.may(china, Act.REPORT, implementing)).isFalse();
		assertThat(ProjectPolicy.may(secretariat, Act.DISBURSE, implementing)).isTrue();
		assertThat(ProjectPolicy.may(kazakhstan, Act.DISBURSE, implementing)).isFalse();
		assertThat(ProjectPolicy.may(secretariat, Act.CLOSE, implementing)).isTrue();
		assertThat(ProjectPolicy.may(null, Act.CLOSE, implementing)).isFalse();
	}

	@Test
	void theWrongPersonIsA403TheWrongStateA409() {
		var approved = project(ProjectState.APPROVED);
		assertThatThrownBy(() -> ProjectPolicy.require(kazakhstan, Act.DISBURSE, approved)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> ProjectPolicy.require(secretariat, Act.CLOSE, approved)).isInstanceOf(ProjectPolicy.NotNow.class)
				.satisfies(refusal -> assertThat(((ProjectPolicy.NotNow) refusal).messageKey()).isEqualTo("problem.fund.project.notNow.CLOSE"));
		ProjectPolicy.require(secretariat, Act.DISBURSE, approved);
	}
}
