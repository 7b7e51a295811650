package org.kurultai.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kurultai.decisions.Decision.Change;
import org.kurultai.decisions.Decision.Motion;
import org.kurultai.decisions.Decision.Round;
import org.kurultai.decisions.DecisionEvent.Cause;
import org.kurultai.decisions.DecisionEvent.Closed;
import org.kurultai.decisions.DecisionEvent.EffectsDue;
import org.kurultai.decisions.DecisionEvent.Objected;
import org.kurultai.decisions.DecisionEvent.Restarted;
import org.kurultai.decisions.DecisionEvent.SilenceBroken;
import org.kurultai.decisions.DecisionEvent.Voted;
import org.kurultai.decisions.DecisionEvent.Withdrawn;
import org.kurultai.shared.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decision's state machine on its own: no Spring, no database, time from a clock the test
 * moves. Every transition, its refusals, restart rounds, the deadline's edge and effects due only on
 * adoption.
 */
class DecisionStateMachineTests {

	static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
	static final Instant START = Instant.parse("2026-03-10T06:00:00Z");
	static final Set<String> MEMBERS = Set.of("KAZ", "CHN", "RUS", "IND", "TUR", "AZE");
	static final Decision.Members ON_ANY_DAY = day -> MEMBERS;

	/** A clock the test moves, in the forum's zone. */
	static final class MovingClock extends Clock {

		Instant now = START;

		@Override
		public ZoneId getZone() {
			return ALMATY;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			var moving = this;
			return new Clock() {

				@Override
				public ZoneId getZone() {
					return zone;
				}

				@Override
				public Clock withZone(ZoneId other) {
					return moving.withZone(other);
				}

				@Override
				public Instant instant() {
					return moving.instant();
				}
			};
		}

		@Override
		public Instant instant() {
			return now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}
	}

	final MovingClock clock = new MovingClock();

	Motion silence(DecisionRule rule, String concerned, Duration period) {
		return new Motion("SOC", DecisionKind.DECISION, Matter.SUBSTANTIVE, rule, concerned, "DOC-1", 0, null, Procedure.SILENCE, null, List.of(),
				START.plus(period), ALMATY, "officer@secretariat.example", "SECRETARIAT", null);
	}

	Motion meeting(DecisionRule rule, List<String> present) {
		return new Motion("SOC", DecisionKind.DECISION, Matter.SUBSTANTIVE, rule, null, "DOC-1", 2, null, Procedure.MEETING, "SOC-2026-03",
				present, null, null, "officer@secretariat.example", "SECRETARIAT", null);
	}

	/** Proposed and given an id, as the repository would. */
	Decision proposed(Motion motion) {
		var change = Decision.propose(motion, clock);
		assertThat(change.events()).containsExactly(new DecisionEvent.Proposed());
		var d = change.decision();
		return new Decision(7, d.body(), d.kind(), d.matter(), d.rule(), d.concerned(), d.document(), d.version(), d.refersTo(), d.procedure(),
				d.meeting(), d.present(), d.proposedAt(), d.proposedBy(), d.proposedFor(), d.deadline(), d.timeZone(), d.silenceSeconds(),
				d.round(), d.status(), d.closedAt(), d.outcomeNote(), d.registerYear(), d.registerNumber(), d.recorded(), d.decidedOn(),
				d.sources(), d.application());
	}

	// ---------------------------------------------------------------- propose

	@Test
	void aSilenceProcedureRunsToADeadlineAfterNowAndWithinAYear() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		assertThat(decision.open()).isTrue();
		assertThat(decision.round()).isEqualTo(1);
		assertThat(decision.silenceSeconds()).isEqualTo(Duration.ofDays(3).toSeconds());
		assertThat(decision.proposedAt()).isEqualTo(START);

		assertThatThrownBy(() -> Decision.propose(silence(DecisionRule.CONSENSUS, null, Duration.ZERO), clock))
				.isInstanceOf(InvalidRequest.class).hasMessageContaining("deadline");
		assertThatThrownBy(() -> Decision.propose(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(367)), clock))
				.isInstanceOf(InvalidRequest.class);
		assertThat(Decision.propose(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(366)), clock).decision().open()).isTrue();
		assertThatThrownBy(() -> Decision.propose(silence(DecisionRule.SIMPLE_MAJORITY, null, Duration.ofDays(3)), clock))
				.isInstanceOf(Decisions.MajorityNeedsAMeeting.class);
	}

	@Test
	void aDecisionAtAMeetingNeedsTheDelegationsPresent() {
		assertThatThrownBy(() -> Decision.propose(meeting(DecisionRule.CONSENSUS, List.of()), clock)).isInstanceOf(InvalidRequest.class);
		var decision = proposed(meeting(DecisionRule.CONSENSUS, List.of("KAZ", "IND")));
		assertThat(decision.deadline()).isNull();
		assertThat(decision.present()).containsExactly("KAZ", "IND");
	}

	// ---------------------------------------------------------------- silence

	@Test
	void theFirstCommunicationBreakingSilenceEndsTheProcedureAtOnce() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		clock.advance(Duration.ofHours(5));
		var change = decision.object("IND", "ind@mfa.example", "  Paragraph 1 needs consultation. ", Round.EMPTY, ON_ANY_DAY, true, clock);

		assertThat(change.events()).hasExactlyElementsOfTypes(Objected.class, SilenceBroken.class, Closed.class);
		assertThat(change.event(Objected.class).objection().reasons()).isEqualTo("Paragraph 1 needs consultation.");
		assertThat(change.event(Objected.class).objection().round()).isEqualTo(1);
		var closed = change.event(Closed.class);
		assertThat(closed.status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
		assertThat(closed.cause()).isEqualTo(Cause.SILENCE_BROKEN);
		assertThat(closed.countedObjections()).containsExactly("IND");
		assertThat(closed.decidedOn()).isNull();
		assertThat(change.event(EffectsDue.class)).as("nothing adopted, no effect due").isNull();
		var after = change.decision();
		assertThat(after.open()).isFalse();
		assertThat(after.status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
		assertThat(after.closedAt()).isEqualTo(START.plus(Duration.ofHours(5)));
		assertThat(after.registerYear()).isNull();
		assertThat(after.outcomeNote()).isEqualTo("Objection by IND.");

		// anyone after it finds the procedure closed
		assertThatThrownBy(() -> after.object("TUR", null, "Too.", Round.EMPTY.with("IND"), ON_ANY_DAY, true, clock))
				.isInstanceOf(Decisions.DecisionClosed.class);
		assertThat(after.closeIfDue(Round.EMPTY.with("IND"), ON_ANY_DAY, clock).changed()).isFalse();
	}

	@Test
	void whereTheForumLetsSilenceRunToItsDeadlineCommunicationsCollectUntilThen() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		var first = decision.object("IND", null, "No.", Round.EMPTY, ON_ANY_DAY, false, clock);
		assertThat(first.events()).hasExactlyElementsOfTypes(Objected.class);
		assertThat(first.decision().open()).isTrue();
		var round = Round.EMPTY.with("IND");
		assertThatThrownBy(() -> decision.object("IND", null, "Again.", round, ON_ANY_DAY, false, clock))
				.isInstanceOf(Decisions.AlreadyObjected.class);
		var second = decision.object("TUR", null, "Neither.", round, ON_ANY_DAY, false, clock);
		assertThat(second.decision().open()).isTrue();

		clock.advance(Duration.ofDays(3));
		var closed = decision.closeIfDue(round.with("TUR"), ON_ANY_DAY, clock);
		assertThat(closed.event(Closed.class).status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
		assertThat(closed.event(Closed.class).cause()).isEqualTo(Cause.DEADLINE);
		assertThat(closed.event(Closed.class).countedObjections()).containsExactlyInAnyOrder("IND", "TUR");
	}

	@Test
	void anObjectionTheRuleDoesNotCountLeavesTheProcedureOpen() {
		// consensus minus one: the State concerned cannot block, so its communication breaks nothing
		var decision = proposed(silence(DecisionRule.CONSENSUS_MINUS_ONE, "AZE", Duration.ofDays(3)));
		var concerned = decision.object("AZE", null, "We do not consent.", Round.EMPTY, ON_ANY_DAY, true, clock);
		assertThat(concerned.events()).hasExactlyElementsOfTypes(Objected.class);
		assertThat(concerned.decision().open()).isTrue();
		var other = decision.object("TUR", null, "Neither do we.", Round.EMPTY.with("AZE"), ON_ANY_DAY, true, clock);
		assertThat(other.event(Closed.class).status()).isEqualTo(DecisionStatus.SILENCE_BROKEN);
		assertThat(other.event(Closed.class).countedObjections()).containsExactly("TUR");
		assertThat(other.decision().outcomeNote()).contains("AZE, the State concerned, does not block");

		// an observer's communication (not a member on the day) counts for nothing either
		var plain = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		assertThat(plain.object("JPN", null, "Observer.", Round.EMPTY, ON_ANY_DAY, true, clock).decision().open()).isTrue();
	}

	@Test
	void atExactlyTheDeadlineTheProcedureIsDueAndAdoptedWithItsEffects() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofHours(20)));
		clock.advance(Duration.ofHours(20).minusMillis(1));
		assertThat(decision.dueAt(clock.instant())).isFalse();
		assertThat(decision.closeIfDue(Round.EMPTY, ON_ANY_DAY, clock).changed()).as("a millisecond early: nothing").isFalse();
		assertThat(decision.object("IND", null, "Just in time.", Round.EMPTY, ON_ANY_DAY, false, clock).events()).hasSize(1);

		clock.advance(Duration.ofMillis(1));
		assertThat(decision.dueAt(clock.instant())).as("at exactly the deadline").isTrue();
		assertThatThrownBy(() -> decision.object("IND", null, "Too late.", Round.EMPTY, ON_ANY_DAY, true, clock))
				.isInstanceOf(Decisions.SilencePeriodOver.class);
		var change = decision.closeIfDue(Round.EMPTY, ON_ANY_DAY, clock);
		assertThat(change.events()).hasExactlyElementsOfTypes(Closed.class, EffectsDue.class);
		var closed = change.event(Closed.class);
		assertThat(closed.status()).isEqualTo(DecisionStatus.ADOPTED);
		assertThat(closed.cause()).isEqualTo(Cause.DEADLINE);
		// 20 hours after 11:00 in Almaty on 10 March: 07:00 on 11 March, the day of adoption in the forum's zone
		assertThat(closed.decidedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(change.event(EffectsDue.class).decidedOn()).isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(change.decision().registerYear()).isEqualTo(2026);
		assertThat(change.decision().outcomeNote()).isEqualTo("No member State objected.");
	}

	@Test
	void theRuleJudgesOnTheDeadlinesDayWhoWereMembers() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(2)));
		var days = new ArrayList<LocalDate>();
		clock.advance(Duration.ofDays(9)); // closed late (the application was down): still judged on the deadline's day
		decision.closeIfDue(Round.EMPTY, day -> {
			days.add(day);
			return MEMBERS;
		}, clock);
		assertThat(days).containsExactly(LocalDate.of(2026, 3, 12));
	}

	@Test
	void aSilenceProcedureClosesByItselfNotByTheChair() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(1)));
		assertThatThrownBy(() -> decision.close(Round.EMPTY, ON_ANY_DAY, clock)).isInstanceOf(Decisions.SilenceClosesByItself.class);
	}

	// ---------------------------------------------------------------- revisions and withdrawal

	@Test
	void aNewRevisionRestartsTheClockForTheSamePeriodInANewRound() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		clock.advance(Duration.ofDays(1));
		var change = decision.revisionIssued(1, false, clock);
		assertThat(change.events()).hasExactlyElementsOfTypes(Restarted.class);
		var restarted = change.event(Restarted.class);
		assertThat(restarted.fromVersion()).isZero();
		assertThat(restarted.version()).isEqualTo(1);
		assertThat(restarted.round()).isEqualTo(2);
		assertThat(restarted.deadline()).isEqualTo(START.plus(Duration.ofDays(4)));
		var second = change.decision();
		assertThat(second.round()).isEqualTo(2);
		assertThat(second.version()).isEqualTo(1);
		assertThat(second.open()).isTrue();

		// the first deadline passes: nothing is due; the second round's objections start afresh
		clock.advance(Duration.ofDays(2).plusHours(1));
		assertThat(second.closeIfDue(Round.EMPTY, ON_ANY_DAY, clock).changed()).isFalse();
		var objected = second.object("IND", null, "On Rev.1 too.", Round.EMPTY, ON_ANY_DAY, false, clock);
		assertThat(objected.event(Objected.class).objection().round()).isEqualTo(2);

		// a third round from a second revision
		var third = second.revisionIssued(2, false, clock).decision();
		assertThat(third.round()).isEqualTo(3);
		clock.advance(Duration.ofDays(3));
		var adopted = third.closeIfDue(Round.EMPTY, ON_ANY_DAY, clock);
		assertThat(adopted.event(Closed.class).status()).isEqualTo(DecisionStatus.ADOPTED);
	}

	@Test
	void aRevisionWithBracketsOrAtAMeetingWithdrawsTheProposal() {
		var silence = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		var bracketed = silence.revisionIssued(1, true, clock);
		assertThat(bracketed.events()).hasExactlyElementsOfTypes(Withdrawn.class);
		assertThat(bracketed.decision().status()).isEqualTo(DecisionStatus.WITHDRAWN);
		assertThat(bracketed.decision().outcomeNote()).isEqualTo("Withdrawn: Rev.1 of the text was issued with bracketed paragraphs.");
		assertThat(bracketed.event(Withdrawn.class).version()).isEqualTo(1);

		var atMeeting = proposed(meeting(DecisionRule.CONSENSUS, List.of("KAZ")));
		assertThat(atMeeting.revisionIssued(3, false, clock).decision().status()).isEqualTo(DecisionStatus.WITHDRAWN);

		// closed: a revision touches nothing; past its deadline: the revision waits for the outcome
		assertThat(bracketed.decision().revisionIssued(2, false, clock).changed()).isFalse();
		clock.advance(Duration.ofDays(3));
		assertThatThrownBy(() -> silence.revisionIssued(1, false, clock)).isInstanceOf(Decisions.SilencePeriodOver.class);
	}

	@Test
	void theChairWithdrawsAnOpenProposalOnly() {
		var decision = proposed(silence(DecisionRule.CONSENSUS, null, Duration.ofDays(3)));
		var change = decision.withdraw("  Consultations continue. ", clock);
		assertThat(change.events()).hasExactlyElementsOfTypes(Withdrawn.class);
		assertThat(change.decision().status()).isEqualTo(DecisionStatus.WITHDRAWN);
		assertThat(change.decision().outcomeNote()).isEqualTo("Withdrawn by the chair: Consultations continue.");
		assertThat(change.event(Withdrawn.class).version()).isNull();
		assertThatThrownBy(() -> change.decision().withdraw(null, clock)).isInstanceOf(Decisions.DecisionClosed.class);
		clock.advance(Duration.ofDays(3));
		assertThatThrownBy(() -> decision.withdraw(null, clock)).as("the outcome is fixed at the deadline")
				.isInstanceOf(Decisions.SilencePeriodOver.class);
	}

	// ---------------------------------------------------------------- meetings

	@Test
	void atAMeetingOnlyThosePresentObjectAndTheChairClosesWithTheRulesOutcome() {
		var decision = proposed(meeting(DecisionRule.CONSENSUS, List.of("KAZ", "IND", "JPN")));
		assertThatThrownBy(() -> decision.object("TUR", null, "Not here.", Round.EMPTY, ON_ANY_DAY, true, clock))
				.isInstanceOf(Decisions.NotPresent.class);
		assertThatThrownBy(() -> decision.object("IND", null, " ", Round.EMPTY, ON_ANY_DAY, true, clock)).isInstanceOf(InvalidRequest.class);
		var objected = decision.object("IND", null, "We object.", Round.EMPTY, ON_ANY_DAY, true, clock);
		assertThat(objected.events()).as("at a meeting an objection waits for the chair's close").hasExactlyElementsOfTypes(Objected.class);
		assertThatThrownBy(() -> decision.vote("KAZ", null, Vote.FOR, Round.EMPTY, clock)).isInstanceOf(Decisions.NoVoteUnderConsensus.class);

		var closed = decision.close(Round.EMPTY.with("IND"), ON_ANY_DAY, clock);
		assertThat(closed.events()).hasExactlyElementsOfTypes(Closed.class);
		assertThat(closed.event(Closed.class).status()).isEqualTo(DecisionStatus.NOT_ADOPTED);
		assertThat(closed.event(Closed.class).cause()).isEqualTo(Cause.CHAIR);
		assertThat(closed.decision().outcomeNote()).isEqualTo("Objection by IND. Present: KAZ, IND, JPN.");
		assertThatThrownBy(() -> closed.decision().close(Round.EMPTY, ON_ANY_DAY, clock)).isInstanceOf(Decisions.DecisionClosed.class);

		var unopposed = proposed(meeting(DecisionRule.CONSENSUS, List.of("KAZ")));
		var adopted = unopposed.close(Round.EMPTY, ON_ANY_DAY, clock);
		assertThat(adopted.events()).hasExactlyElementsOfTypes(Closed.class, EffectsDue.class);
		assertThat(adopted.event(Closed.class).decidedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
	}

	@Test
	void underAMajorityRuleMembersPresentVoteOnce() {
		var decision = proposed(meeting(DecisionRule.SIMPLE_MAJORITY, List.of("KAZ", "IND", "CHN")));
		assertThatThrownBy(() -> decision.object("KAZ", null, "No.", Round.EMPTY, ON_ANY_DAY, true, clock))
				.isInstanceOf(Decisions.VoteUnderMajorityRule.class);
		assertThatThrownBy(() -> decision.vote("TUR", null, Vote.FOR, Round.EMPTY, clock)).isInstanceOf(Decisions.NotPresent.class);
		Change vote = decision.vote("KAZ", "kaz@mfa.example", Vote.FOR, Round.EMPTY, clock);
		assertThat(vote.event(Voted.class).vote().vote()).isEqualTo(Vote.FOR);
		assertThat(vote.event(Voted.class).vote().castAt()).isEqualTo(START);
		var round = Round.EMPTY.with("KAZ", Vote.FOR).with("IND", Vote.FOR).with("CHN", Vote.AGAINST);
		assertThatThrownBy(() -> decision.vote("KAZ", null, Vote.AGAINST, round, clock)).isInstanceOf(Decisions.AlreadyVoted.class);
		var closed = decision.close(round, ON_ANY_DAY, clock);
		assertThat(closed.event(Closed.class).status()).isEqualTo(DecisionStatus.ADOPTED);
		assertThat(closed.decision().outcomeNote()).startsWith("For 2, against 1, abstaining 0.");

		var tied = decision.close(Round.EMPTY.with("KAZ", Vote.FOR).with("CHN", Vote.AGAINST), ON_ANY_DAY, clock);
		assertThat(tied.event(Closed.class).status()).isEqualTo(DecisionStatus.NOT_ADOPTED);
		assertThat(tied.event(EffectsDue.class)).isNull();
	}
}
