package org.kurultai.notifications;

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
 */
public record Notification(String template, String to, @Nullable String toName, Locale language, Map<String, Object> model) {

	public Notification {
		if (!template.matches("[a-z][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException("A notification template is named in lower case: " + template);
		}
		model = Map.copyOf(model);
	}
}
