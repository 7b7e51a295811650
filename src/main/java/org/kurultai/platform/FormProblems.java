package org.kurultai.platform;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Shows a refused form again instead of an error page. A page controller's POST handler catches
 * what the domain refused and, for the refusals a person can correct (a bad value: 400; a rule of
 * the forum: 409), puts a {@link FormProblem} into the model, sets the status, and renders the same
 * view as its GET handler:
 *
 * <pre>{@code
 * try { ...; return "redirect:/documents/" + id; }
 * catch (RuntimeException refused) {
 *     forms.refused(refused, "propose-amendment", FIELDS, form, model, response); // rethrows anything else
 *     return document(id, model, user);
 * }
 * }</pre>
 *
 * Anything else (not found, not allowed, an unexpected failure) is rethrown, for the error pages.
 * The domain writes nothing when it refuses (its transaction rolls back), so showing the form again
 * changes nothing either.
 */
@Component
public class FormProblems {

	/** The model attribute templates read. */
	public static final String ATTRIBUTE = "formProblem";

	private final MessageSource messages;

	FormProblems(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Records the refusal of {@code form} in the model with what was typed, and the response's status;
	 * rethrows a refusal that is not one a form answers. The message stands beside the field the
	 * refusal names when the form shows that field ({@code fields}), otherwise at the form's top.
	 */
	public void refused(RuntimeException refusal, String form, Collection<String> fields, Map<String, ?> typed, Model model,
			HttpServletResponse response) {
		HttpStatus status;
		String field = null;
		if (refusal instanceof InvalidRequest invalid) {
			status = HttpStatus.BAD_REQUEST;
			field = fields.contains(invalid.parameter()) ? invalid.parameter() : null;
		}
		else if (refusal instanceof RuleViolation) {
			status = HttpStatus.CONFLICT;
		}
		else {
			throw refusal;
		}
		response.setStatus(status.value());
		model.addAttribute(ATTRIBUTE, new FormProblem(form, field, message(refusal), typed(typed)));
	}

	/** Puts {@link FormProblem#NONE} into the model unless a refusal is there already: for the GET handlers. */
	public static void none(Model model) {
		if (!model.containsAttribute(ATTRIBUTE)) {
			model.addAttribute(ATTRIBUTE, FormProblem.NONE);
		}
	}

	/** The refusal's message in the page's language. */
	public String message(RuntimeException refusal) {
		Locale locale = LocaleContextHolder.getLocale();
		if (refusal instanceof MessageSourceResolvable resolvable) {
			return messages.getMessage(resolvable, locale);
		}
		if (refusal instanceof org.kurultai.shared.Refusal said) {
			// the domain's refusals (InvalidRequest.of, RuleViolation) carry a key: said in the page's language, not in English
			return said.localizedMessage(messages, locale);
		}
		var message = refusal.getMessage();
		return message == null ? "" : message;
	}

	private static MultiValueMap<String, String> typed(Map<String, ?> typed) {
		var copy = new LinkedMultiValueMap<String, String>();
		typed.forEach((name, value) -> {
			if (name.equals("_csrf")) {
				return;
			}
			if (value instanceof Collection<?> values) {
				values.forEach(v -> copy.add(name, v == null ? "" : String.valueOf(v)));
			}
			else if (value instanceof String[] values) {
				for (var v : values) {
					copy.add(name, v);
				}
			}
			else {
				copy.add(name, value == null ? "" : String.valueOf(value));
			}
		});
		return copy;
	}
}
