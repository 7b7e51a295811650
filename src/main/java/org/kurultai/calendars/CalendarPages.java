package org.kurultai.calendars;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.Account;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.Body;
import org.kurultai.organs.Organs;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calendar page: a month as a grid of weeks (a list of its days with entries on narrow screens) or as a list,
 * of all bodies or one, with the meetings the reader may see and, for a signed-in person, the deadlines that concern
 * them ({@link CalendarEntries}); month and day names in the page's language. Its "Subscribe" section gives the
 * public feed's address and lets a signed-in person make, remake or revoke their personal feed's address (shown once).
 */
@Controller
class CalendarPages {

	private final CalendarEntries entries;
	private final CalendarTokens tokens;
	private final ICalendars icalendars;
	private final Organs organs;
	private final ForumClock clock;
	private final MessageSource messages;

	CalendarPages(CalendarEntries entries, CalendarTokens tokens, ICalendars icalendars, Organs organs, ForumClock clock,
			MessageSource messages) {
		this.entries = entries;
		this.tokens = tokens;
		this.icalendars = icalendars;
		this.organs = organs;
		this.clock = clock;
		this.messages = messages;
	}

	/** A day of the month's grid (or of the list): whether it is of the month shown, today, and its entries. */
	record Day(LocalDate date, boolean inMonth, boolean today, String weekday, List<CalendarEntry> entries) {
	}

	/** A body to choose, by its code, named in the page's language. */
	record BodyChoice(String code, String name) {
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable String body, @AuthenticationPrincipal @Nullable KurultaiUser user, Model model,
			Locale locale) {
		show(month, view, body, user == null ? null : user.account(), model, locale);
		return "calendar";
	}

	/** Makes (or remakes, revoking the one before) the person's feed address and shows it, this once. */
	@PostMapping("/calendar/token")
	String issue(@AuthenticationPrincipal KurultaiUser user, Model model, Locale locale) {
		var issued = tokens.issue(user.account());
		model.addAttribute("newFeedUrl", CalendarFeeds.feedUrl(icalendars.publicUrl(), issued.secret()));
		show(null, null, null, user.account(), model, locale);
		return "calendar";
	}

	@PostMapping("/calendar/token/revocation")
	String revoke(@AuthenticationPrincipal KurultaiUser user) {
		tokens.revoke(user.account());
		return "redirect:/calendar?revoked#subscribe";
	}

	private void show(@Nullable String month, @Nullable String view, @Nullable String body, @Nullable Account account, Model model,
			Locale locale) {
		var today = clock.today();
		var shown = month(month, today);
		var list = "list".equals(view);
		if (view != null && !view.isBlank() && !list && !"month".equals(view)) {
			throw InvalidRequest.of("view", "problem.calendar.view", view);
		}
		var code = body == null || body.isBlank() ? null : body.trim().toUpperCase(Locale.ROOT);
		var first = shown.atDay(1);
		var last = shown.atEndOfMonth();
		var gridFrom = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var gridTo = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		var all = entries.of(account, code, locale).stream().filter(entry -> entry.within(gridFrom, gridTo)).toList();
		var weeks = new ArrayList<List<Day>>();
		for (var start = gridFrom; !start.isAfter(gridTo); start = start.plusWeeks(1)) {
			var week = new ArrayList<Day>();
			for (int i = 0; i < 7; i++) {
				week.add(day(start.plusDays(i), shown, today, all, locale));
			}
			weeks.add(week);
		}
		var days = new ArrayList<Day>();
		for (var date = first; !date.isAfter(last); date = date.plusDays(1)) {
			var day = day(date, shown, today, all, locale);
			if (!day.entries().isEmpty()) {
				days.add(day);
			}
		}
		var weekdays = new ArrayList<String>();
		for (var weekday : DayOfWeek.values()) {
			weekdays.add(capitalised(weekday.getDisplayName(TextStyle.SHORT_STANDALONE, locale), locale));
		}
		model.addAttribute("title", messages.getMessage("calendars.title", null, locale));
		model.addAttribute("month", shown.toString());
		model.addAttribute("monthName", capitalised(shown.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale), locale) + " "
				+ shown.getYear());
		model.addAttribute("view", list ? "list" : "month");
		model.addAttribute("body", code);
		model.addAttribute("bodies", organs.bodies().stream().map(b -> new BodyChoice(b.code(), bodyName(b, today, locale))).toList());
		model.addAttribute("weekdays", weekdays);
		model.addAttribute("weeks", weeks);
		model.addAttribute("days", days);
		model.addAttribute("previousLink", link(shown.minusMonths(1), list, code));
		model.addAttribute("nextLink", link(shown.plusMonths(1), list, code));
		model.addAttribute("todayLink", link(YearMonth.from(today), list, code));
		model.addAttribute("monthLink", link(shown, false, code));
		model.addAttribute("listLink", link(shown, true, code));
		model.addAttribute("publicFeedUrl", icalendars.publicUrl() + "/calendar.ics");
		model.addAttribute("feedSince", account == null ? null : tokens.workingSince(account).orElse(null));
	}

	private static Day day(LocalDate date, YearMonth month, LocalDate today, List<CalendarEntry> all, Locale locale) {
		return new Day(date, YearMonth.from(date).equals(month), date.equals(today),
				capitalised(date.getDayOfWeek().getDisplayName(TextStyle.FULL_STANDALONE, locale), locale),
				all.stream().filter(entry -> entry.on(date)).toList());
	}

	private static YearMonth month(@Nullable String month, LocalDate today) {
		if (month == null || month.isBlank()) {
			return YearMonth.from(today);
		}
		try {
			var parsed = YearMonth.parse(month.trim());
			if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
				throw InvalidRequest.of("month", "problem.calendar.month", month);
			}
			return parsed;
		}
		catch (DateTimeParseException notAMonth) {
			throw InvalidRequest.of("month", "problem.calendar.month", month);
		}
	}

	static String link(YearMonth month, boolean list, @Nullable String body) {
		var link = UriComponentsBuilder.fromPath("/calendar").queryParam("month", month.toString());
		if (list) {
			link.queryParam("view", "list");
		}
		if (body != null) {
			link.queryParam("body", body);
		}
		return link.build().encode().toUriString();
	}

	private String bodyName(Body body, LocalDate today, Locale locale) {
		var name = body.nameOn(today);
		if ("ru".equals(locale.getLanguage()) && name.nameRu() != null) {
			return name.nameRu();
		}
		// the portal's names of bodies, keyed by the English name in the data without its spaces
		var key = name.name().replaceAll("[^A-Za-z0-9]", "");
		return messages.getMessage(String.join(".", "portal.bodyName", key), null, name.name(), locale);
	}

	private static String capitalised(String word, Locale locale) {
		return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(locale) + word.substring(1);
	}
}
