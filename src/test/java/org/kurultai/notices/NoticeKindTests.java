package org.kurultai.notices;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of notice has its mail, its texts in both languages; reminders fall due in three stages. */
class NoticeKindTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static Properties bundle(String suffix) throws IOException {
		var properties = new Properties();
		try (var in = new InputStreamReader(Files.newInputStream(RESOURCES.resolve("i18n/notices" + suffix + ".properties")),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	@Test
	void everyKindHasItsMailTemplatesSubjectAndNameInBothLanguages() throws IOException {
		for (var suffix : new String[] { "", "_ru" }) {
			var messages = bundle(suffix);
			for (var kind : NoticeKind.values()) {
				assertThat(RESOURCES.resolve("templates/mail/" + kind.template() + ".html")).exists();
				assertThat(RESOURCES.resolve("templates/mail/" + kind.template() + ".txt")).exists();
				assertThat(messages.getProperty("mail." + kind.template() + ".subject")).as(kind + suffix).isNotBlank();
				assertThat(messages.getProperty("notices.kind." + kind.name())).as(kind + suffix).isNotBlank();
			}
			assertThat(messages.getProperty("mail.notice-digest.subject")).isNotBlank();
		}
	}

	@Test
	void onlyTheOpeningAndBreakingOfSilenceAreAlwaysImmediate() {
		for (var kind : NoticeKind.values()) {
			assertThat(kind.alwaysImmediate()).as(kind.name())
					.isEqualTo(kind == NoticeKind.SILENCE_OPENED || kind == NoticeKind.SILENCE_BROKEN);
		}
		assertThat(NoticeKind.SILENCE_OPENED.template()).isEqualTo("silence-opened");
		assertThat(NoticeKind.named("silence-opened")).isNull();
		assertThat(Delivery.named("DAILY")).isEqualTo(Delivery.DAILY);
		assertThat(Delivery.named("daily")).isNull();
	}

	@Test
	void aReminderIsThirtyDaysBeforeSevenDaysBeforeOrOverdue() {
		var due = Instant.parse("2026-12-31T19:00:00Z");
		assertThat(Reminders.stage(due, due.minus(Duration.ofDays(29)))).isEqualTo("30d");
		assertThat(Reminders.stage(due, due.minus(Duration.ofDays(7)).minusSeconds(1))).isEqualTo("30d");
		assertThat(Reminders.stage(due, due.minus(Duration.ofDays(7)))).isEqualTo("7d");
		assertThat(Reminders.stage(due, due.minusSeconds(1))).isEqualTo("7d");
		assertThat(Reminders.stage(due, due)).isEqualTo("overdue");
		assertThat(Reminders.stage(due, due.plus(Duration.ofDays(3)))).isEqualTo("overdue");
	}

	@Test
	void aTimeZoneIsAnIanaName() {
		assertThat(Notices.zone(" Europe/Moscow ").getId()).isEqualTo("Europe/Moscow");
		for (var bad : new String[] { "Mars/Olympus", "", "+05:00", "UTC+5" }) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> Notices.zone(bad))
					.isInstanceOf(org.kurultai.shared.InvalidRequest.class);
		}
	}
}
