package org.kurultai.decisions;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The forum's decision rules, by matter. CICA's Rules of Procedure take all decisions by
 * consensus, so every default is {@link DecisionRule#CONSENSUS}. An OSCE-style forum sets
 * {@code concerning-a-state: CONSENSUS_MINUS_ONE}; a forum deciding procedure by vote sets
 * {@code procedural: SIMPLE_MAJORITY}.
 *
 * @param substantive the rule for substantive matters
 * @param procedural the rule for procedural matters
 * @param concerningAState the rule for a decision that names a State it concerns
 */
@ConfigurationProperties("kurultai.forum.decision-rules")
public record DecisionRules(DecisionRule substantive, DecisionRule procedural, DecisionRule concerningAState) {

	public static final DecisionRules CICA = new DecisionRules(null, null, null);

	public DecisionRules {
		substantive = substantive == null ? DecisionRule.CONSENSUS : substantive;
		procedural = procedural == null ? DecisionRule.CONSENSUS : procedural;
		concerningAState = concerningAState == null ? substantive : concerningAState;
	}

	public DecisionRule ruleFor(Matter matter, boolean concernsAState) {
		if (concernsAState) {
			return concerningAState;
		}
		return matter == Matter.PROCEDURAL ? procedural : substantive;
	}
}
