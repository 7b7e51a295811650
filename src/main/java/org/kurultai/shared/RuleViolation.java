package org.kurultai.shared;

/**
 * The domain refuses an act because a rule of the forum forbids it. Each subtype names the rule;
 * the web layer answers such a refusal with a 409/422 problem whose {@code type} is the rule's slug.
 * A subtype says why with a key of {@code i18n/problems} and its arguments, so that the refusal is
 * said in the requester's language; {@code getMessage()} is the English text.
 */
public abstract class RuleViolation extends RuntimeException implements Refusal {

	private final String key;

	private final Object[] arguments;

	/** @param key a key of {@code i18n/problems} ({@code problem.…}), never a sentence */
	protected RuleViolation(String key, Object... arguments) {
		super(Refusal.english(key, arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** A stable, URL-safe name of the rule, used as the problem type. */
	public abstract String rule();

	@Override
	public String messageKey() {
		return key;
	}

	@Override
	public Object[] messageArguments() {
		return arguments.clone();
	}
}
