package org.kurultai.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A refusal that can be said in the requester's language: a key of the bundle {@code i18n/problems}
 * ({@code problem.…}) and the arguments that fill it. {@link InvalidRequest}, {@link NotFound},
 * {@link NotAllowed} and every {@link RuleViolation} are refusals; their {@code getMessage()} is the
 * English text (for logs), {@link #localizedMessage(MessageSource, Locale)} the text in a language.
 * <p>
 * Texts are {@link java.text.MessageFormat} patterns ({@code {0}}, an apostrophe written {@code ''});
 * arguments are data: a date is written the way of the language ("30 November 2026", "30 ноября 2026"),
 * a number plainly, an enum constant by its term {@code problem.term.<Enum>.<CONSTANT>}, a list
 * joined by commas.
 */
public interface Refusal {

	/** The bundle of the refusals' texts. */
	String BUNDLE = "i18n/problems";

	/** The key of the text in {@value #BUNDLE}; a refusal made the old way carries its English text here. */
	String messageKey();

	/** The arguments of the text, as given (dates, numbers, codes, enum constants). */
	Object[] messageArguments();

	/** The text in a language, from the application's messages; English (the bundle's default) where a key is missing. */
	default String localizedMessage(MessageSource messages, Locale locale) {
		return format(messages, messageKey(), messageArguments(), locale);
	}

	/** The English text: what {@code getMessage()} says. */
	static String english(String key, Object... arguments) {
		return format(null, key, arguments, Locale.ENGLISH);
	}

	/** A key and its arguments as text in a language; {@code messages} null reads the bundle's own files. */
	static String format(@Nullable MessageSource messages, String key, Object @Nullable [] arguments, Locale locale) {
		var pattern = pattern(messages, key, locale);
		if (pattern == null) {
			return key;
		}
		var args = arguments == null ? new Object[0] : arguments;
		var shown = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			shown[i] = argument(messages, args[i], locale);
		}
		try {
			return new java.text.MessageFormat(pattern, locale).format(shown);
		}
		catch (IllegalArgumentException malformed) {
			return pattern;
		}
	}

	private static @Nullable String pattern(@Nullable MessageSource messages, String key, Locale locale) {
		if (messages != null) {
			try {
				var text = messages.getMessage(key, null, null, locale);
				if (text != null) {
					return text;
				}
			}
			catch (RuntimeException unavailable) {
				// the messages cannot be read (an application context closing): the bundle's own files say it
			}
		}
		try {
			var language = "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
			return ResourceBundle.getBundle(BUNDLE, language, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
					.getString(key);
		}
		catch (MissingResourceException missing) {
			return null;
		}
	}

	/** An argument as the language writes it. */
	private static String argument(@Nullable MessageSource messages, @Nullable Object argument, Locale locale) {
		var language = "ru".equals(locale.getLanguage()) ? locale : Locale.ENGLISH;
		if (argument == null) {
			return "—";
		}
		if (argument instanceof LocalDate date) {
			return DateTimeFormatter.ofPattern("d MMMM uuuu", language).format(date);
		}
		if (argument instanceof LocalDateTime moment) {
			return DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", language).format(moment);
		}
		if (argument instanceof ZonedDateTime moment) {
			return DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm", language).format(moment) + " (" + moment.getZone() + ")";
		}
		if (argument instanceof Instant instant) {
			return instant.toString();
		}
		if (argument instanceof Enum<?> constant) {
			var term = pattern(messages, "problem.term." + constant.getDeclaringClass().getSimpleName() + "." + constant.name(), locale);
			return term != null ? term : constant.name();
		}
		if (argument instanceof Collection<?> items) {
			return items.stream().map(item -> argument(messages, item, locale)).collect(Collectors.joining(", "));
		}
		return String.valueOf(argument);
	}
}
