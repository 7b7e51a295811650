package org.kurultai.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.platform.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Notices put into words in their reader's language, with moments in a given time zone. */
@Component
class Texts {

	private final MessageSource messages;

	private final Accounts accounts;

	Texts(MessageSource messages, Accounts accounts) {
		this.messages = messages;
		this.accounts = accounts;
	}

	String say(Account reader, String key, Object... arguments) {
		return say(reader.language(), key, arguments);
	}

	String say(Locale language, String key, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	/** "7 December 2026, 18:00 (Asia/Almaty)" / "7 декабря 2026, 18:00 (Asia/Almaty)". */
	static String moment(Instant instant, ZoneId zone, Locale language) {
		return Formats.momentIn(instant, zone, language);
	}

	static String day(LocalDate day, Locale language) {
		return Formats.dayIn(day, language);
	}

	/** A meeting's days: "7 December 2026" or "7 December 2026 – 9 December 2026". */
	static String days(LocalDate from, LocalDate until, Locale language) {
		return from.equals(until) ? day(from, language) : day(from, language) + " – " + day(until, language);
	}

	/** A participant's name in the reader's language, or its code. */
	String state(@Nullable String code, Locale language) {
		if (code == null) {
			return "";
		}
		var name = accounts.participantName(code, language);
		return name == null ? code : name;
	}
}
