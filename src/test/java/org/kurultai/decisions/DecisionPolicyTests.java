package org.kurultai.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kurultai.decisions.Decision.Motion;
import org.kurultai.decisions.DecisionPolicy.Refused;
import org.kurultai.decisions.DecisionPolicy.Verdict;
import org.kurultai.identity.Account;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what on a decision: one answer per act, the same for the page's button and for the
 * command. Kazakhstan chairs; India and Türkiye are members, Japan an observer.
 */
class DecisionPolicyTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");
	static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

	final DecisionPolicy policy = new DecisionPolicy(
			mandate -> mandate.actsForSecretariat() || "KAZ".equals(mandate.account().participant()), day -> "KAZ");

	static Mandate mandate(String participant, Capacity capacity) {
		var role = participant == null ? Role.SECRETARIAT_OFFICER : Role.NATIONAL_COORDINATOR;
		var email = (participant == null ? "officer" : participant.toLowerCase(java.util.Locale.ROOT)) + "@example.org";
		return new Mandate(new Account(UUID.randomUUID(), email, email, role, participant, true, NOW), TODAY, capacity);
	}

	final Mandate kazakhstan = mandate("KAZ", Capacity.MEMBER_DELEGATION);
	final Mandate india = mandate("IND", Capacity.MEMBER_DELEGATION);
	final Mandate turkiye = mandate("TUR", Capacity.MEMBER_DELEGATION);
	final Mandate japan = mandate("JPN", Capacity.OBSERVER_DELEGATION);
	final Mandate secretariat = mandate(null, Capacity.SECRETARIAT);

	static Decision decision(Procedure procedure, DecisionRule rule) {
		boolean silence = procedure == Procedure.SILENCE;
		return Decision.propose(new Motion("SOC", DecisionKind.DECISION, Matter.SUBSTANTIVE, rule, null, "DOC-1", 0, null, procedure,
				silence ? null : "SOC-2026-03", silence ? List.of() : List.of("KAZ", "IND", "JPN"), silence ? NOW.plus(Duration.ofDays(2)) : null,
				silence ? ALMATY : null, "officer@example.org", "SECRETARIAT", null), Clock.fixed(NOW, ALMATY)).decision();
	}

	static <T extends RuntimeException> void refusedWith(Verdict verdict, Class<T> type) {
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict).isInstanceOf(Refused.class);
		assertThat(((Refused) verdict).refusal()).isInstanceOf(type);
		assertThatThrownBy(verdict::orThrow).isInstanceOf(type);
	}

	@Test
	void onlyMembersObjectAndAtAMeetingOnlyThosePresent() {
		var silence = decision(Procedure.SILENCE, DecisionRule.CONSENSUS);
		assertThat(policy.mayObject(india, silence, NOW).allowed()).as("under silence, every member").isTrue();
		assertThat(policy.mayObject(turkiye, silence, NOW).allowed()).isTrue();
		refusedWith(policy.mayObject(japan, silence, NOW), NotAllowed.class);
		assertThat(((NotAllowed) ((Refused) policy.mayObject(japan, silence, NOW)).refusal()).messageKey())
				.isEqualTo("problem.decision.onlyMembersBreakSilence");
		refusedWith(policy.mayObject(secretariat, silence, NOW), NotAllowed.class);

		var meeting = decision(Procedure.MEETING, DecisionRule.CONSENSUS);
		assertThat(policy.mayObject(india, meeting, NOW).allowed()).isTrue();
		refusedWith(policy.mayObject(turkiye, meeting, NOW), Decisions.NotPresent.class);
		assertThat(((NotAllowed) ((Refused) policy.mayObject(japan, meeting, NOW)).refusal()).messageKey())
				.as("present, but an observer").isEqualTo("problem.decision.onlyMembersObject");
		refusedWith(policy.mayObject(india, decision(Procedure.MEETING, DecisionRule.SIMPLE_MAJORITY), NOW),
				Decisions.VoteUnderMajorityRule.class);
	}

	@Test
	void nobodyObjectsOnceTheDeadlineHasComeOrTheDecisionClosed() {
		var silence = decision(Procedure.SILENCE, DecisionRule.CONSENSUS);
		var deadline = silence.deadline();
		assertThat(policy.mayObject(india, silence, deadline.minusMillis(1)).allowed()).isTrue();
		refusedWith(policy.mayObject(india, silence, deadline), Decisions.SilencePeriodOver.class);
		refusedWith(policy.mayWithdraw(secretariat, silence, deadline), Decisions.SilencePeriodOver.class);
		var broken = silence.object("IND", null, "No.", Decision.Round.EMPTY, day -> java.util.Set.of("IND"), true, Clock.fixed(NOW, ALMATY))
				.decision();
		refusedWith(policy.mayObject(turkiye, broken, NOW), Decisions.DecisionClosed.class);
		refusedWith(policy.mayWithdraw(kazakhstan, broken, NOW), Decisions.DecisionClosed.class);
		refusedWith(policy.mayFileStatement(india, broken, StatementKind.RESERVATION), Decisions.DecisionClosed.class);
	}

	@Test
	void membersPresentVoteUnderAMajorityRuleOnly() {
		var majority = decision(Procedure.MEETING, DecisionRule.SIMPLE_MAJORITY);
		assertThat(policy.mayVote(india, majority, NOW).allowed()).isTrue();
		refusedWith(policy.mayVote(turkiye, majority, NOW), Decisions.NotPresent.class);
		refusedWith(policy.mayVote(japan, majority, NOW), NotAllowed.class);
		refusedWith(policy.mayVote(secretariat, majority, NOW), NotAllowed.class);
		refusedWith(policy.mayVote(india, decision(Procedure.MEETING, DecisionRule.CONSENSUS), NOW), Decisions.NoVoteUnderConsensus.class);
	}

	@Test
	void theChairOrTheSecretariatProposesClosesAndWithdraws() {
		var meeting = decision(Procedure.MEETING, DecisionRule.CONSENSUS);
		assertThat(policy.mayPropose(kazakhstan).allowed()).isTrue();
		assertThat(policy.mayPropose(secretariat).allowed()).isTrue();
		refusedWith(policy.mayPropose(india), NotAllowed.class);
		assertThat(policy.mayClose(kazakhstan, meeting, NOW).allowed()).isTrue();
		assertThat(policy.mayClose(secretariat, meeting, NOW).allowed()).isTrue();
		refusedWith(policy.mayClose(india, meeting, NOW), NotAllowed.class);
		assertThat(((NotAllowed) ((Refused) policy.mayClose(india, meeting, NOW)).refusal()).messageKey()).isEqualTo("problem.drafting.whoConducts");
		refusedWith(policy.mayClose(secretariat, decision(Procedure.SILENCE, DecisionRule.CONSENSUS), NOW),
				Decisions.SilenceClosesByItself.class);
		assertThat(policy.mayWithdraw(secretariat, meeting, NOW).allowed()).isTrue();
		assertThat(policy.mayWithdraw(kazakhstan, decision(Procedure.SILENCE, DecisionRule.CONSENSUS), NOW).allowed()).isTrue();
		refusedWith(policy.mayWithdraw(japan, meeting, NOW), NotAllowed.class);
		var closed = meeting.close(Decision.Round.EMPTY, day -> java.util.Set.of("KAZ"), Clock.fixed(NOW, ALMATY)).decision();
		refusedWith(policy.mayClose(kazakhstan, closed, NOW), Decisions.DecisionClosed.class);
	}

	@Test
	void membersFileEveryStatementObserversExplainTheirPosition() {
		var silence = decision(Procedure.SILENCE, DecisionRule.CONSENSUS);
		assertThat(policy.mayFileStatement(india, silence, StatementKind.RESERVATION).allowed()).isTrue();
		assertThat(policy.mayFileStatement(japan, silence, StatementKind.EXPLANATION_OF_POSITION).allowed()).isTrue();
		assertThat(policy.mayFileStatement(japan, silence, null).allowed()).as("the page offers the observer its kinds").isTrue();
		refusedWith(policy.mayFileStatement(japan, silence, StatementKind.INTERPRETIVE_STATEMENT), NotAllowed.class);
		refusedWith(policy.mayFileStatement(secretariat, silence, null), NotAllowed.class);
		var adopted = silence.closeIfDue(Decision.Round.EMPTY, day -> java.util.Set.of("IND"),
				Clock.fixed(silence.deadline(), ALMATY)).decision();
		assertThat(adopted.status()).isEqualTo(DecisionStatus.ADOPTED);
		assertThat(policy.mayFileStatement(india, adopted, StatementKind.RESERVATION).allowed()).as("with an adopted decision too").isTrue();
		assertThat(((Refused) policy.mayObject(india, adopted, NOW)).refusal()).isInstanceOf(RuleViolation.class);
	}
}
