package org.kurultai.fund;

import java.math.BigDecimal;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.kurultai.fund.ProjectState.Act;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's state machine: which act each state allows, where each leads, who sees a project in it; amounts. */
class FundProjectStateTests {

	@Test
	void eachActIsAllowedInItsStatesOnly() {
		for (var state : ProjectState.values()) {
			var allowed = EnumSet.noneOf(Act.class);
			for (var act : Act.values()) {
				if (state.allows(act)) {
					allowed.add(act);
				}
			}
			var expected = switch (state) {
				case DRAFT -> EnumSet.of(Act.EDIT, Act.SUBMIT);
				case SUBMITTED -> EnumSet.of(Act.ASK, Act.CHECK);
				case QUESTIONS -> EnumSet.of(Act.REVISE);
				case ELIGIBLE -> EnumSet.of(Act.PUT_TO_PRC);
				case APPROVED -> EnumSet.of(Act.DISBURSE);
				case IMPLEMENTING -> EnumSet.of(Act.DISBURSE, Act.REPORT, Act.ACCEPT_REPORT, Act.CLOSE);
				case INELIGIBLE, UNDER_DECISION, NOT_APPROVED, CLOSED -> EnumSet.noneOf(Act.class);
			};
			assertThat(allowed).as(state.name()).isEqualTo(expected);
		}
	}

	@Test
	void theStatesFollowEachOtherAndTheEndsLeadNowhere() {
		assertThat(ProjectState.DRAFT.to(ProjectState.SUBMITTED)).isEqualTo(ProjectState.SUBMITTED);
		assertThat(ProjectState.QUESTIONS.to(ProjectState.SUBMITTED)).isEqualTo(ProjectState.SUBMITTED);
		assertThat(ProjectState.UNDER_DECISION.next()).containsExactlyInAnyOrder(ProjectState.APPROVED, ProjectState.NOT_APPROVED);
		assertThat(ProjectState.CLOSED.next()).isEmpty();
		assertThat(ProjectState.NOT_APPROVED.next()).isEmpty();
		assertThat(ProjectState.INELIGIBLE.next()).isEmpty();
		assertThatThrownBy(() -> ProjectState.DRAFT.to(ProjectState.APPROVED)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ProjectState.NOT_APPROVED.to(ProjectState.APPROVED)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> ProjectState.APPROVED.to(ProjectState.CLOSED)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aDraftIsItsStatesAndTheSecretariatsSubmittedOnesTheParticipantsApprovedOnesPublic() {
		var draft = ProjectState.DRAFT.access("KAZ");
		assertThat(draft.level()).isEqualTo(AccessLevel.NAMED_PARTICIPANTS);
		assertThat(draft.named()).containsExactly("KAZ");
		assertThat(draft.owner()).isEqualTo("KAZ");
		for (var state : EnumSet.of(ProjectState.SUBMITTED, ProjectState.QUESTIONS, ProjectState.ELIGIBLE, ProjectState.INELIGIBLE,
				ProjectState.UNDER_DECISION, ProjectState.NOT_APPROVED)) {
			assertThat(state.access("KAZ").level()).as(state.name()).isEqualTo(AccessLevel.PARTICIPANTS);
			assertThat(state.approved()).isFalse();
		}
		for (var state : EnumSet.of(ProjectState.APPROVED, ProjectState.IMPLEMENTING, ProjectState.CLOSED)) {
			assertThat(state.access("KAZ").level()).as(state.name()).isEqualTo(AccessLevel.PUBLIC);
			assertThat(state.approved()).isTrue();
		}
	}

	@Test
	void amountsAreExactDecimalsWithCentsAtMost() {
		assertThat(FundProjects.amount("12500", "amount", false)).isEqualTo(new BigDecimal("12500.00"));
		assertThat(FundProjects.amount(" 1,250.5 ", "amount", false)).isEqualTo(new BigDecimal("1250.50"));
		assertThat(FundProjects.amount("0", "unspent", true)).isEqualTo(new BigDecimal("0.00"));
		for (var bad : new String[] { "0", "-1", "1.001", "abc", "", "1e20" }) {
			assertThatThrownBy(() -> FundProjects.amount(bad, "amount", false)).as(bad).isInstanceOf(InvalidRequest.class);
		}
		assertThat(FundProjects.money(new BigDecimal("90000.00"), "USD")).isEqualTo("USD 90,000.00");
		assertThat(FundProjects.money(new BigDecimal("90000.00"), "EUR")).isEqualTo("EUR 90,000.00");
	}

	/** One reading of money for the projects and the ledger (Money.amount): each refusal says what is wrong, on its field. */
	@Test
	void oneMoneyParserRefusesEachWayWithItsOwnMessageOnTheField() {
		var refusals = new java.util.LinkedHashMap<String, String>();
		refusals.put("", "problem.fund.amountNeeded");
		refusals.put("abc", "problem.fund.amountUnreadable");
		refusals.put("1e3", "problem.fund.amountUnreadable");
		refusals.put("1 000", "problem.fund.amountUnreadable");
		refusals.put("\uff11\uff12", "problem.fund.amountUnreadable");
		refusals.put("NaN", "problem.fund.amountUnreadable");
		refusals.put("0", "problem.fund.amountPositive");
		refusals.put("-5", "problem.fund.amountPositive");
		refusals.put("1.001", "problem.fund.amountCents");
		refusals.put("1000000000000.01", "problem.fund.amountTooLarge");
		refusals.forEach((typed, key) -> {
			var refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequest.class, () -> Money.amount(typed, "budget[2].amount"));
			assertThat(refused).as(typed).isNotNull();
			assertThat(refused.messageKey()).as(typed).isEqualTo(key);
			assertThat(refused.parameter()).as(typed).isEqualTo("budget[2].amount");
			// the projects read money the same way
			var again = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequest.class, () -> FundProjects.amount(typed, "requested", false));
			assertThat(again.messageKey()).as(typed).isEqualTo(key);
		});
		var negative = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequest.class, () -> Money.amount("-1", "unspent", true));
		assertThat(negative.messageKey()).isEqualTo("problem.fund.amountNegative");
		assertThat(Money.amount("0", "unspent", true)).isEqualTo(new BigDecimal("0.00"));
		assertThat(Money.amount("1,000,000,000,000", "amount")).isEqualTo(new BigDecimal("1000000000000.00"));
	}
}
