package org.kurultai.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * One way to write dates and times per language, everywhere (templates call it as {@code @formats}):
 * "30 November 2026" / "30 ноября 2026", a month "June 2006" / "июнь 2006", a moment with its time
 * zone "7 December 2026, 18:00 (Asia/Almaty)". Moments are shown in the forum's time zone unless
 * another zone is given; pages add the viewer's own time beside them ({@code fragments :: moment}).
 */
@Component("formats")
public class Formats {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu");

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL uuuu");

	private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final ZoneId forumZone;

	public Formats(ForumProperties forum) {
		this.forumZone = forum.timeZone();
	}

	private static Locale locale() {
		var locale = LocaleContextHolder.getLocale();
		var supported = Languages.supported(locale.toLanguageTag());
		return supported != null ? supported : Languages.SUPPORTED.get(0);
	}

	/** A day: "30 November 2026" / "30 ноября 2026". */
	public String date(@Nullable TemporalAccessor date) {
		return date == null ? "" : dayIn(date, locale());
	}

	/** A day in a given language, for what is written to one person rather than for the request (a mail, a notice). */
	public static String dayIn(TemporalAccessor date, Locale language) {
		return DAY.withLocale(language).format(date);
	}

	/** A day without its year: "30 November". */
	public String dayAndMonth(@Nullable TemporalAccessor date) {
		return date == null ? "" : DAY_MONTH.withLocale(locale()).format(date);
	}

	/** A date at the precision a source gives it: "17 June 2006", "June 2010", "2011", "by June 2010". */
	public String date(@Nullable LocalDate date, @Nullable DatePrecision precision) {
		if (date == null) {
			return "";
		}
		var locale = locale();
		return switch (precision == null ? DatePrecision.DAY : precision) {
			case DAY -> DAY.withLocale(locale).format(date);
			case MONTH -> MONTH.withLocale(locale).format(date);
			case YEAR -> Integer.toString(date.getYear());
			case ATTESTED -> ("ru".equals(locale.getLanguage()) ? "не позднее " : "by ") + MONTH.withLocale(locale).format(date);
		};
	}

	/** A moment in the forum's time zone: "7 December 2026, 18:00 (Asia/Almaty)". */
	public String moment(@Nullable Instant instant) {
		return moment(instant, forumZone);
	}

	/** A moment in a given zone: "7 December 2026, 18:00 (Asia/Tokyo)". */
	public String moment(@Nullable Instant instant, @Nullable ZoneId zone) {
		if (instant == null) {
			return "";
		}
		return momentIn(instant, zone == null ? forumZone : zone, locale());
	}

	/**
	 * A moment in a given zone and language, for what is written to one person rather than for the request (a mail, a
	 * notice): "7 December 2026, 18:00 (Asia/Tokyo)".
	 */
	public static String momentIn(Instant instant, ZoneId zone, Locale language) {
		var at = instant.atZone(zone);
		return DAY.withLocale(language).format(at) + ", " + TIME.format(at) + " (" + at.getZone().getId() + ")";
	}

	/** A moment given as a zoned date-time, in its own zone. */
	public String moment(@Nullable ZonedDateTime at) {
		return at == null ? "" : moment(at.toInstant(), at.getZone());
	}

	/** A local date-time with no zone (as it was set): "7 December 2026, 18:00". */
	public String moment(@Nullable LocalDateTime at) {
		return at == null ? "" : DAY.withLocale(locale()).format(at) + ", " + TIME.format(at);
	}

	/** The ISO-8601 instant, for {@code <time datetime>} (from which the page shows the viewer's own time). */
	public String iso(@Nullable Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	public ZoneId forumZone() {
		return forumZone;
	}
}
