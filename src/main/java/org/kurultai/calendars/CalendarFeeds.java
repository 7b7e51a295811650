package org.kurultai.calendars;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.ProblemWriter;
import org.kurultai.platform.Representations;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The iCalendar feeds: the public meetings ({@code /calendar.ics}, whoever asks, as the public sees them) and a
 * person's own feed ({@code /api/me/calendar.ics?token=…}), which a calendar client fetches without signing in: the
 * token in its address is its only credential, checked here (the route is open). A token that does not work is
 * answered 404 with a problem that says nothing more; the token is never logged nor echoed, and the personal feed is
 * {@code private, no-store}. Both carry an ETag of what they say, so an unchanged feed answers 304.
 */
@RestController
@Tag(name = "Calendars")
class CalendarFeeds {

	private final CalendarEntries entries;
	private final CalendarTokens tokens;
	private final ICalendars icalendars;
	private final MessageSource messages;

	CalendarFeeds(CalendarEntries entries, CalendarTokens tokens, ICalendars icalendars, MessageSource messages) {
		this.entries = entries;
		this.tokens = tokens;
		this.icalendars = icalendars;
		this.messages = messages;
	}

	@GetMapping("/calendar.ics")
	@Operation(summary = "The forum's public meetings as an iCalendar feed (RFC 5545): one event per meeting, updated in place "
			+ "when its plan changes (SEQUENCE), marked cancelled when it is called off")
	ResponseEntity<String> publicFeed(Locale locale, HttpServletRequest request) {
		var list = entries.publicMeetings(null);
		return feed(list, messages.getMessage("calendars.feed.public", null, locale), locale, request,
				CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic());
	}

	@GetMapping("/api/me/calendar.ics")
	@Operation(summary = "A person's own calendar feed, authenticated by the personal token in its address alone (calendar "
			+ "clients cannot sign in): the meetings, silence procedures' deadlines, the State's reports and returns due and "
			+ "registration deadlines the person may see. An unknown or revoked token, or a deactivated account's, answers 404")
	ResponseEntity<String> personalFeed(@RequestParam(required = false) @Nullable String token, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		var account = tokens.account(token).orElse(null);
		if (account == null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
			ProblemWriter.write(request, response, HttpStatus.NOT_FOUND, "not-found", "problem.notFound.calendarFeed");
			return null;
		}
		var locale = account.language();
		var list = entries.of(account, null, locale);
		return feed(list, messages.getMessage("calendars.feed.personal", new Object[] { account.displayName() }, locale), locale, request,
				CacheControl.noStore().cachePrivate());
	}

	private ResponseEntity<String> feed(List<CalendarEntry> list, String name, Locale locale, HttpServletRequest request,
			CacheControl cache) {
		var tag = ICalendars.tag(list, locale);
		// RFC 9110 13.1.2: the tag among those listed, or * (the feed exists)
		if (Representations.notModified(request, tag, null)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tag).cacheControl(cache).build();
		}
		// the words (the calendar's name, "Online") are in the request's language: from Accept-Language or the language cookie
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, ICalendars.MEDIA_TYPE).eTag(tag).cacheControl(cache)
				.varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
				.header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(icalendars.write(list, name, locale));
	}

	/** The person's feed: its address, with the token, told only now. */
	record FeedJson(String url, Instant createdAt) {
	}

	@PostMapping(path = "/api/me/calendar-token", produces = "application/json")
	@Operation(summary = "Makes the signed-in person's personal calendar token (revoking the one before, if any) and answers "
			+ "the feed's address, the only time the token is told")
	ResponseEntity<FeedJson> issue(@AuthenticationPrincipal KurultaiUser user) {
		var issued = tokens.issue(user.account());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
				.body(new FeedJson(feedUrl(icalendars.publicUrl(), issued.secret()), issued.createdAt()));
	}

	@DeleteMapping(path = "/api/me/calendar-token")
	@Operation(summary = "Revokes the signed-in person's personal calendar token: their feed's address stops working")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal KurultaiUser user) {
		tokens.revoke(user.account());
		return ResponseEntity.noContent().build();
	}

	static String feedUrl(String publicUrl, String secret) {
		return publicUrl + "/api/me/calendar.ics?token=" + secret;
	}
}
