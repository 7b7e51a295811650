package org.kurultai.shared;

/**
 * The domain refuses an act because a rule of the forum forbids it. Each subtype names the rule;
 * the web layer answers such a refusal with a 409/422 problem whose {@code type} is the rule's slug.
 */
public abstract class RuleViolation extends RuntimeException {

	protected RuleViolation(String message) {
		super(message);
	}

	/** A stable, URL-safe name of the rule, used as the problem type. */
	public abstract String rule();
}
