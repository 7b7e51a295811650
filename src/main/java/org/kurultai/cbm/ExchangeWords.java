package org.kurultai.cbm;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The words of the information exchange in the page's language. The types are Kurultai's own
 * definitions: the shipped ones have their titles, field labels and choices in the bundle
 * ({@code cbm.exchange.type.<CODE>}, {@code cbm.exchange.field.<CODE>.<field>}, {@code cbm.exchange.option.<value>});
 * a type the Secretariat defines later is shown as it was defined.
 */
public final class ExchangeWords {

	private final MessageSource messages;

	private final Locale locale;

	ExchangeWords(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	public String title(ExchangeType type) {
		return word("cbm.exchange.type." + type.code(), type.title());
	}

	/** A type's title by its code, where only the code is at hand (a reminder). */
	public String title(String code, String defined) {
		return word("cbm.exchange.type." + code, defined);
	}

	public String label(ExchangeType type, ExchangeType.Field field) {
		return word("cbm.exchange.field." + type.code() + "." + field.name(), field.label());
	}

	/** A field's label by its name (an answer on a return). */
	public String label(ExchangeType type, String name) {
		return type.fields().stream().filter(field -> field.name().equals(name)).findFirst().map(field -> label(type, field)).orElse(name);
	}

	/** A choice (or yes / no) as it is shown; the value sent stays the one defined. */
	public String option(@Nullable String value) {
		return value == null ? "" : word("cbm.exchange.option." + value, value);
	}

	/** An answer as it is shown: a choice or yes / no in words, anything else as given. */
	public String answer(ExchangeType type, String name, String value) {
		var field = type.fields().stream().filter(f -> f.name().equals(name)).findFirst();
		return field.isPresent() && (field.get().type() == ExchangeType.FieldType.CHOICE || field.get().type() == ExchangeType.FieldType.YES_NO)
				? option(value) : value;
	}

	private String word(String key, String otherwise) {
		var said = messages.getMessage(key, null, null, locale);
		return said == null ? otherwise : said;
	}
}
