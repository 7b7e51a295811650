package org.kurultai.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The time left in words, with English and Russian plural forms, from the bundle itself. */
class CountdownTests {

	static final Locale RU = Locale.forLanguageTag("ru");
	static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

	final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	CountdownTests() {
		messages.setBasename("i18n/tasks");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	@Test
	void russianPluralFormsFollowTheLastDigits() {
		assertThat(Countdown.plural(1, RU)).isEqualTo("one");
		assertThat(Countdown.plural(21, RU)).isEqualTo("one");
		assertThat(Countdown.plural(101, RU)).isEqualTo("one");
		assertThat(Countdown.plural(11, RU)).isEqualTo("many");
		assertThat(Countdown.plural(2, RU)).isEqualTo("few");
		assertThat(Countdown.plural(24, RU)).isEqualTo("few");
		assertThat(Countdown.plural(12, RU)).isEqualTo("many");
		assertThat(Countdown.plural(14, RU)).isEqualTo("many");
		assertThat(Countdown.plural(0, RU)).isEqualTo("many");
		assertThat(Countdown.plural(5, RU)).isEqualTo("many");
		assertThat(Countdown.plural(112, RU)).isEqualTo("many");
		assertThat(Countdown.plural(1, Locale.ENGLISH)).isEqualTo("one");
		assertThat(Countdown.plural(2, Locale.ENGLISH)).isEqualTo("many");
		assertThat(Countdown.plural(0, Locale.ENGLISH)).isEqualTo("many");
	}

	@Test
	void timeLeftInEnglish() {
		assertThat(left(Duration.ofDays(2).plusHours(4).plusMinutes(30))).isEqualTo("2 days 4 hours left");
		assertThat(left(Duration.ofDays(1))).isEqualTo("1 day left");
		assertThat(left(Duration.ofDays(1).plusHours(1))).isEqualTo("1 day 1 hour left");
		assertThat(left(Duration.ofHours(5).plusMinutes(12))).isEqualTo("5 hours 12 minutes left");
		assertThat(left(Duration.ofMinutes(1))).isEqualTo("1 minute left");
		assertThat(left(Duration.ofSeconds(30))).isEqualTo("less than a minute left");
		assertThat(Countdown.text(NOW, NOW.minus(Duration.ofDays(3).plusMinutes(5)), messages, Locale.ENGLISH)).isEqualTo("overdue by 3 days");
		assertThat(Countdown.text(NOW, NOW, messages, Locale.ENGLISH)).as("at the deadline").isEqualTo("overdue by less than a minute");
	}

	@Test
	void timeLeftInRussian() {
		assertThat(Countdown.text(NOW, NOW.plus(Duration.ofDays(2).plusHours(4)), messages, RU)).isEqualTo("до срока: 2 дня 4 часа");
		assertThat(Countdown.text(NOW, NOW.plus(Duration.ofDays(21).plusHours(5)), messages, RU)).isEqualTo("до срока: 21 день 5 часов");
		assertThat(Countdown.text(NOW, NOW.plus(Duration.ofHours(1).plusMinutes(22)), messages, RU)).isEqualTo("до срока: 1 час 22 минуты");
		assertThat(Countdown.text(NOW, NOW.plus(Duration.ofMinutes(11)), messages, RU)).isEqualTo("до срока: 11 минут");
		assertThat(Countdown.text(NOW, NOW.minus(Duration.ofDays(3)), messages, RU)).isEqualTo("просрочено: 3 дня");
		assertThat(Countdown.text(NOW, NOW.minus(Duration.ofDays(243)), messages, RU)).isEqualTo("просрочено: 243 дня");
		assertThat(Countdown.text(NOW, NOW.minus(Duration.ofDays(25)), messages, RU)).isEqualTo("просрочено: 25 дней");
	}

	private String left(Duration span) {
		return Countdown.text(NOW, NOW.plus(span), messages, Locale.ENGLISH);
	}
}
