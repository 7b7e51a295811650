package org.kurultai.decisions;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kurultai.decisions.DecisionRule.Deliberation;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The forum's decision rules, judged on their own, and the three shipped configurations. */
class DecisionRuleTests {

	static final Set<String> MEMBERS = Set.of("KAZ", "CHN", "RUS", "IND", "TUR", "AZE");

	@Test
	void consensusIsTheAbsenceOfAnyObjectionFromAMember() {
		var none = DecisionRule.CONSENSUS.judge(new Deliberation(MEMBERS, null, Set.of(), Map.of(), null));
		assertThat(none.adopted()).isTrue();
		var one = DecisionRule.CONSENSUS.judge(new Deliberation(MEMBERS, null, Set.of("IND"), Map.of(), null));
		assertThat(one.adopted()).isFalse();
		assertThat(one.countedObjections()).containsExactly("IND");
		assertThat(one.explanation()).contains("IND");
	}

	@Test
	void anObserversObjectionCountsForNothing() {
		// Japan is an observer: not among the members on the day
		var outcome = DecisionRule.CONSENSUS.judge(new Deliberation(MEMBERS, null, Set.of("JPN"), Map.of(), null));
		assertThat(outcome.adopted()).isTrue();
		assertThat(outcome.countedObjections()).isEmpty();
	}

	@Test
	void atAMeetingOnlyMembersPresentCount() {
		var present = Set.of("KAZ", "CHN", "RUS");
		var absentObjects = DecisionRule.CONSENSUS.judge(new Deliberation(MEMBERS, present, Set.of("TUR"), Map.of(), null));
		assertThat(absentObjects.adopted()).isTrue();
		var presentObjects = DecisionRule.CONSENSUS.judge(new Deliberation(MEMBERS, present, Set.of("RUS"), Map.of(), null));
		assertThat(presentObjects.adopted()).isFalse();
	}

	@Test
	void consensusMinusOneDisregardsOnlyTheStateConcerned() {
		var concernedAlone = DecisionRule.CONSENSUS_MINUS_ONE.judge(new Deliberation(MEMBERS, null, Set.of("AZE"), Map.of(), "AZE"));
		assertThat(concernedAlone.adopted()).isTrue();
		assertThat(concernedAlone.explanation()).contains("AZE, the State concerned, does not block");
		var another = DecisionRule.CONSENSUS_MINUS_ONE.judge(new Deliberation(MEMBERS, null, Set.of("AZE", "TUR"), Map.of(), "AZE"));
		assertThat(another.adopted()).isFalse();
		assertThat(another.countedObjections()).containsExactly("TUR");
		var nobodyConcerned = DecisionRule.CONSENSUS_MINUS_ONE.judge(new Deliberation(MEMBERS, null, Set.of("AZE"), Map.of(), null));
		assertThat(nobodyConcerned.adopted()).isFalse();
	}

	@Test
	void simpleMajorityCountsMembersPresentAndVoting() {
		var present = Set.of("KAZ", "CHN", "RUS", "IND", "TUR");
		var votes = Map.of("KAZ", Vote.FOR, "CHN", Vote.FOR, "RUS", Vote.AGAINST, "IND", Vote.ABSTAIN, "JPN", Vote.AGAINST,
				"AZE", Vote.AGAINST);
		// Japan is no member and Azerbaijan is not present: neither vote counts
		var outcome = DecisionRule.SIMPLE_MAJORITY.judge(new Deliberation(MEMBERS, present, Set.of(), votes, null));
		assertThat(outcome.adopted()).isTrue();
		assertThat(outcome.explanation()).isEqualTo("For 2, against 1, abstaining 1.");
		var tie = DecisionRule.SIMPLE_MAJORITY.judge(new Deliberation(MEMBERS, present, Set.of(),
				Map.of("KAZ", Vote.FOR, "RUS", Vote.AGAINST), null));
		assertThat(tie.adopted()).isFalse();
	}

	@Test
	void cicaDecidesEverythingByConsensus() {
		var rules = bind(Map.of());
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, false)).isEqualTo(DecisionRule.CONSENSUS);
		assertThat(rules.ruleFor(Matter.PROCEDURAL, false)).isEqualTo(DecisionRule.CONSENSUS);
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, true)).isEqualTo(DecisionRule.CONSENSUS);
		assertThat(rules).isEqualTo(DecisionRules.CICA);
	}

	@Test
	void anOsceStyleConfigurationDecidesMattersConcerningAStateByConsensusMinusOne() {
		var rules = bind(Map.of("kurultai.forum.decision-rules.concerning-a-state", "CONSENSUS_MINUS_ONE"));
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, false)).isEqualTo(DecisionRule.CONSENSUS);
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, true)).isEqualTo(DecisionRule.CONSENSUS_MINUS_ONE);
	}

	@Test
	void aMajorityConfigurationDecidesProceduralMattersByVote() {
		var rules = bind(Map.of("kurultai.forum.decision-rules.procedural", "SIMPLE_MAJORITY"));
		assertThat(rules.ruleFor(Matter.PROCEDURAL, false)).isEqualTo(DecisionRule.SIMPLE_MAJORITY);
		assertThat(rules.ruleFor(Matter.SUBSTANTIVE, false)).isEqualTo(DecisionRule.CONSENSUS);
	}

	private static DecisionRules bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("kurultai.forum.decision-rules", DecisionRules.class);
	}
}
