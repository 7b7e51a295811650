package org.kurultai.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** A refusal shown on the form that caused it: its message, in the page's language, beside the field it names. */
final class FormErrors {

	/** The key of a refusal that concerns the whole form rather than one field. */
	static final String FORM = "form";

	private FormErrors() {
	}

	static Map<String, String> of(Accounts.Refusal refusal, MessageSource messages, Locale locale) {
		var errors = new LinkedHashMap<String, String>();
		errors.put(refusal.field().isEmpty() ? FORM : refusal.field(), messages.getMessage(refusal.key(), refusal.arguments(), locale));
		return errors;
	}
}
