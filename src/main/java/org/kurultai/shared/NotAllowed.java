package org.kurultai.shared;

/**
 * The person (or the State they act for) has no right to this act. Answered with 403. Made with
 * {@link #of(String, Object...)}: a key of {@code i18n/problems} and its arguments.
 */
public class NotAllowed extends RuntimeException implements Refusal {

	private final String key;

	private final Object[] arguments;

	/** The old way, an English sentence that no other language can say: use {@link #of(String, Object...)}. */
	@Deprecated
	public NotAllowed(String message) {
		this(message, new Object[0], message);
	}

	private NotAllowed(String key, Object[] arguments, String message) {
		super(message);
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** The act is not allowed for the reason the text {@code key} (with its arguments) says. */
	public static NotAllowed of(String key, Object... arguments) {
		return new NotAllowed(key, arguments, Refusal.english(key, arguments));
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
