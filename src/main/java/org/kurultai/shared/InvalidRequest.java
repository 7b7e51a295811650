package org.kurultai.shared;

/**
 * A request names a value the forum does not know, such as an unknown status or body code. Answered
 * with 400. Made with {@link #of(String, String, Object...)}: the parameter, a key of {@code i18n/problems}
 * and its arguments, so that the answer is said in the requester's language.
 */
public class InvalidRequest extends RuntimeException implements Refusal {

	private final String parameter;

	private final String key;

	private final Object[] arguments;

	/** The old way, an English sentence that no other language can say: use {@link #of(String, String, Object...)}. */
	@Deprecated
	public InvalidRequest(String parameter, String message) {
		this(parameter, message, new Object[0], message);
	}

	/** For refusals of a module whose texts live in that module's bundle: the key is said, the message is for logs. */
	protected InvalidRequest(String parameter, String key, Object[] arguments, String message) {
		super(message);
		this.parameter = parameter;
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** The request's {@code parameter} is refused for the reason the text {@code key} (with its arguments) says. */
	public static InvalidRequest of(String parameter, String key, Object... arguments) {
		return new InvalidRequest(parameter, key, arguments, Refusal.english(key, arguments));
	}

	public String parameter() {
		return parameter;
	}

	@Override
	public String messageKey() {
		return key;
	}

	@Override
	public Object[] messageArguments() {
		return arguments.clone();
	}
}
