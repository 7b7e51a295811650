package org.kurultai.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * The time left until a deadline, or by how long it has passed, in words of the reader's language:
 * "2 days 4 hours left", "до срока: 2 дня 4 часа", "overdue by 3 days". Two units at most (days and
 * hours, hours and minutes, or minutes), with each language's plural forms: English one / other,
 * Russian one (1, 21, 101 …), few (2–4, 22–24 …) and many (0, 5–20, 25 …).
 */
final class Countdown {

	private Countdown() {
	}

	/** "2 days 4 hours left" before the deadline; "overdue by 3 days" at or after it. */
	static String text(Instant now, Instant deadline, MessageSource messages, Locale locale) {
		boolean overdue = !now.isBefore(deadline);
		var span = overdue ? Duration.between(deadline, now) : Duration.between(now, deadline);
		return messages.getMessage(overdue ? "tasks.countdown.overdue" : "tasks.countdown.left", new Object[] { span(span, messages, locale) },
				locale);
	}

	/** The span in one or two units: "2 days 4 hours", "5 hours 12 minutes", "12 minutes", "less than a minute". */
	static String span(Duration span, MessageSource messages, Locale locale) {
		long days = span.toDays();
		long hours = span.toHoursPart();
		long minutes = span.toMinutesPart();
		if (days > 0) {
			return hours == 0 ? unit("day", days, messages, locale) : unit("day", days, messages, locale) + " " + unit("hour", hours, messages, locale);
		}
		if (hours > 0) {
			return minutes == 0 ? unit("hour", hours, messages, locale)
					: unit("hour", hours, messages, locale) + " " + unit("minute", minutes, messages, locale);
		}
		return minutes > 0 ? unit("minute", minutes, messages, locale) : messages.getMessage("tasks.countdown.lessThanAMinute", null, locale);
	}

	/** "3 days", "1 day", "21 день", "22 дня", "25 дней". */
	static String unit(String unit, long count, MessageSource messages, Locale locale) {
		return messages.getMessage("tasks.unit." + unit + "." + plural(count, locale), new Object[] { count }, locale);
	}

	/** The plural form of a count in the language: one, few or many (English uses one and many). */
	static String plural(long count, Locale locale) {
		long n = Math.abs(count);
		if ("ru".equals(locale.getLanguage())) {
			long last = n % 10;
			long lastTwo = n % 100;
			if (last == 1 && lastTwo != 11) {
				return "one";
			}
			if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
				return "few";
			}
			return "many";
		}
		return n == 1 ? "one" : "many";
	}
}
