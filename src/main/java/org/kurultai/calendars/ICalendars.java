package org.kurultai.calendars;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Entries as an RFC 5545 calendar, built with ical4j: one VEVENT per entry, its UID the entry's key at the host of
 * {@code kurultai.public-url} (stable, so a subscriber's calendar updates the event it has), SEQUENCE from the entry's
 * plan, STATUS cancelled or confirmed. A meeting is all-day (DTSTART and DTEND as dates, DTEND the day after its last
 * day, as RFC 5545 has it); a deadline is a moment in UTC (DTSTART alone: it takes no time). DTSTAMP is now, from the
 * forum's clock; the URL leads to the record's page.
 */
@Component
class ICalendars {

	/** The feeds' media type. */
	static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

	private final ForumClock clock;
	private final MessageSource messages;
	private final String publicUrl;
	private final String host;

	ICalendars(ForumClock clock, MessageSource messages, @Value("${kurultai.public-url:http://localhost:8080}") String publicUrl) {
		this.clock = clock;
		this.messages = messages;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		var parsed = URI.create(this.publicUrl).getHost();
		this.host = parsed == null ? "kurultai" : parsed;
	}

	/** Kurultai's address as people reach it (the base of the feeds' and events' links). */
	String publicUrl() {
		return publicUrl;
	}

	String uid(CalendarEntry entry) {
		return entry.key() + "@" + host;
	}

	/** The calendar, named in the language. */
	String write(List<CalendarEntry> entries, String name, Locale locale) {
		var calendar = new Calendar();
		calendar.add(new net.fortuna.ical4j.model.property.ProdId("-//Kurultai//Calendars//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(new XProperty("X-WR-CALNAME", name));
		calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
		var stamp = clock.now().truncatedTo(ChronoUnit.SECONDS);
		for (var entry : entries) {
			calendar.add(event(entry, stamp, locale));
		}
		var text = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return text.toString();
	}

	private VEvent event(CalendarEntry entry, Instant stamp, Locale locale) {
		var event = entry.at() == null ? new VEvent(entry.firstDay(), entry.lastDay().plusDays(1), entry.title())
				: new VEvent(entry.at().truncatedTo(ChronoUnit.SECONDS), entry.title());
		event.add(new Uid(uid(entry)));
		// the constructor stamps the system's time: the forum's clock says when
		event.replace(new DtStamp(stamp));
		event.add(new Sequence(entry.sequence()));
		event.add(new Status(entry.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
		if (entry.kind() == CalendarEntry.Kind.MEETING) {
			event.add(new Location(entry.online() ? messages.getMessage("calendars.online", null, locale)
					: entry.place() != null ? entry.place() : messages.getMessage("calendars.placeUnknown", null, locale)));
		}
		event.add(new Categories(messages.getMessage("calendars.kind." + entry.kind().name(), null, locale)));
		event.add(new Url(URI.create(publicUrl + entry.link())));
		// a deadline takes no time: it does not make the person busy
		if (entry.at() != null) {
			event.add(new net.fortuna.ical4j.model.property.Transp(net.fortuna.ical4j.model.property.Transp.VALUE_TRANSPARENT));
		}
		return event;
	}

	/** A validator of what the entries say (not of when they were written: DTSTAMP is left out), for ETag. */
	static String tag(List<CalendarEntry> entries, Locale locale) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update(locale.toLanguageTag().getBytes(StandardCharsets.UTF_8));
			for (var entry : entries) {
				digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
			}
			return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
