package org.kurultai.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One message to one person: which kind of notification (its template, {@code templates/mail/<template>.html}
 * and {@code .txt}, and its subject, the message {@code mail.<template>.subject}), to whom, in which language,
 * and the values the template shows.
 *
 * @param template the template's name, e.g. {@code invitation}
 * @param to the recipient's e-mail address
 * @param toName the recipient's name, if known
 * @param language the recipient's language (English or Russian)
 * @param model the values the template shows (the forum's name is added as {@code forum})
 * @param subjectArguments the subject message's further arguments ({@code {1}}, {@code {2}}, …; {@code {0}} is the forum)
 * @param unsubscribeUrl for a mail one subscribed to (a notice of the forum's events): the one-click unsubscribe link its
 *        {@code List-Unsubscribe} header carries (RFC 8058); null for mails that are no subscription (invitations,
 *        password resets, audit checkpoints)
 */
public record Notification(String template, String to, @Nullable String toName, Locale language, Map<String, Object> model,
		List<Object> subjectArguments, @Nullable String unsubscribeUrl) {

	public Notification {
		if (!template.matches("[a-z][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException("A notification template is named in lower case: " + template);
		}
		model = Map.copyOf(model);
		subjectArguments = List.copyOf(subjectArguments);
	}

	/** A mail that is no subscription: no unsubscribe link, the subject's only argument the forum's name. */
	public Notification(String template, String to, @Nullable String toName, Locale language, Map<String, Object> model) {
		this(template, to, toName, language, model, List.of(), null);
	}
}
