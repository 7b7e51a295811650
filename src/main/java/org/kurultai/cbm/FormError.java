package org.kurultai.cbm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A form of the CBM pages that was refused, shown again on its own page instead of an error page: the
 * message beside the field it is about (or at the head of the form when it is about the form as a
 * whole), everything typed kept, and the status of the refusal (400 for bad input, 409 for a rule of
 * the forum). The page puts it into the model as {@code error} (null when nothing was refused) and what
 * was typed as {@code typed} (empty on a fresh page); the template asks {@code error.on('form', 'field')}
 * and fills its fields from {@code typed}.
 *
 * <p>Nothing is written on a refusal: the domain refuses before it writes, in its own transaction.
 * A refusal of the act itself (403, not allowed) is not a form error and keeps its error page.
 */
public final class FormError {

	private final String form;

	private final String field;

	private final String message;

	private final HttpStatus status;

	private FormError(String form, String field, String message, HttpStatus status) {
		this.form = form;
		this.field = field;
		this.message = message;
		this.status = status;
	}

	/**
	 * The domain's refusal of a form: an {@link InvalidRequest} is about its parameter, a {@link RuleViolation}
	 * about the field {@code fieldOfRule} names for its rule (else the whole form).
	 */
	static FormError refused(String form, RuntimeException refusal, Map<String, String> fieldOfRule, MessageSource messages, Locale locale) {
		if (refusal instanceof InvalidRequest invalid) {
			var field = fieldOfRule.getOrDefault(invalid.parameter(), invalid.parameter());
			return new FormError(form, field, said(refusal, messages, locale), HttpStatus.BAD_REQUEST);
		}
		if (refusal instanceof RuleViolation violation) {
			return new FormError(form, fieldOfRule.getOrDefault(violation.rule(), ""), said(refusal, messages, locale), HttpStatus.CONFLICT);
		}
		throw refusal;
	}

	/** A field the page itself found wrong (a date that is not one): a text of {@code i18n/cbm}. */
	static FormError invalid(String form, String field, MessageSource messages, Locale locale, String key, Object... arguments) {
		return new FormError(form, field, messages.getMessage(key, arguments, key, locale), HttpStatus.BAD_REQUEST);
	}

	/** The refusal in the page's language (every refusal carries a message key: {@link org.kurultai.shared.Refusal}). */
	private static String said(RuntimeException refusal, MessageSource messages, Locale locale) {
		if (refusal instanceof org.kurultai.shared.Refusal keyed) {
			return keyed.localizedMessage(messages, locale);
		}
		return messages.getMessage("cbm.form.refused", null, locale);
	}

	/** Puts the refusal and what was typed into the page's model, and gives the answer its status. */
	void show(Model model, Map<String, String> typed, HttpServletResponse response) {
		model.addAttribute("error", this);
		model.addAttribute("typed", typed);
		response.setStatus(status.value());
	}

	/** A fresh page: no refusal, nothing typed. */
	static void none(Model model) {
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
			model.addAttribute("typed", Map.of());
		}
	}

	/** What was typed, field by field (the first value of each), for the form to be filled again. */
	static Map<String, String> typed(Map<String, String[]> parameters) {
		var typed = new LinkedHashMap<String, String>();
		parameters.forEach((name, values) -> {
			if (!name.equals("_csrf") && values.length > 0) {
				typed.put(name, values[0]);
			}
		});
		return typed;
	}

	/** Is this the refusal of that form? */
	public boolean in(String form) {
		return this.form.equals(form);
	}

	/** Is the message about that field of that form? The form as a whole is the field {@code ""}. */
	public boolean on(String form, String field) {
		return this.form.equals(form) && this.field.equals(field);
	}

	public String form() {
		return form;
	}

	public String field() {
		return field;
	}

	public String message() {
		return message;
	}

	public int status() {
		return status.value();
	}

	@Override
	public String toString() {
		return form + "/" + field + ": " + message;
	}

	static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
