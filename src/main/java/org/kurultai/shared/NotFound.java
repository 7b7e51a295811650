package org.kurultai.shared;

/**
 * Something named by a code or an id does not exist. Answered with 404. Made with
 * {@link #of(String, Object...)}: a key of {@code i18n/problems} and its arguments (the code or id).
 */
public class NotFound extends RuntimeException implements Refusal {

	private final String key;

	private final Object[] arguments;

	/** The old way, a kind named in English: use {@link #of(String, Object...)}. */
	@Deprecated
	public NotFound(String kind, String id) {
		this("problem.notFound.other", new Object[] { kind, id });
	}

	private NotFound(String key, Object[] arguments) {
		super(Refusal.english(key, arguments));
		this.key = key;
		this.arguments = arguments.clone();
	}

	/** Nothing is found as the text {@code key} says; the arguments are the code or id asked for. */
	public static NotFound of(String key, Object... arguments) {
		return new NotFound(key, arguments);
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
