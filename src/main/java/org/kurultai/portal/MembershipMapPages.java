package org.kurultai.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.platform.FormProblem;
import org.kurultai.platform.FormProblems;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.ForumClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The membership map ({@code /participants/map?asOf=YYYY-MM-DD}, or {@code ?year=YYYY} from the year slider: the last
 * day of that year, today for the current one, as the membership chart counts): the States on the map by their status,
 * the organizations beside it, the same as a table. Two plain GET forms, so it works without JavaScript; with htmx the
 * slider replaces only the map as it moves. A date or year that is not one comes back beside its field (400) with what
 * was typed, over today's map.
 */
@Controller
class MembershipMapPages {

	/** The forms of the page, by their ids, and the field each has. */
	static final String DATE_FORM = "map-date";
	static final String YEAR_FORM = "map-year";

	private final Registry registry;
	private final MapShapes shapes;
	private final ForumClock clock;
	private final MessageSource messages;
	private final FormProblems forms;

	MembershipMapPages(Registry registry, MapShapes shapes, ForumClock clock, MessageSource messages, FormProblems forms) {
		this.registry = registry;
		this.shapes = shapes;
		this.clock = clock;
		this.messages = messages;
		this.forms = forms;
	}

	@GetMapping("/participants/map")
	String map(@RequestParam @Nullable String asOf, @RequestParam @Nullable String year, Model model, Locale locale,
			HttpServletResponse response) {
		var today = clock.today();
		LocalDate day;
		try {
			day = asOf != null && !asOf.isBlank() ? day(asOf) : year != null && !year.isBlank() ? endOf(year(year), today) : today;
		}
		catch (FormProblem.Refusal refused) {
			var dateForm = "asOf".equals(refused.parameter());
			forms.refused(refused, dateForm ? DATE_FORM : YEAR_FORM, Set.of(refused.parameter()),
					Map.of(refused.parameter(), String.valueOf(dateForm ? asOf : year)), model, response);
			day = today;
		}
		FormProblems.none(model);
		// one read of the registry's snapshot: the roster answers every shape, count and name of the page
		var roster = registry.roster();
		var first = roster.firstDay().orElse(today);
		var map = MembershipMap.of(roster, day, shapes);
		model.addAttribute("map", map);
		model.addAttribute("asOf", day);
		model.addAttribute("today", today);
		model.addAttribute("firstDay", first);
		model.addAttribute("firstYear", Math.min(first.getYear(), today.getYear()));
		model.addAttribute("lastYear", today.getYear());
		model.addAttribute("sliderYear", Math.max(Math.min(day.getYear(), today.getYear()), Math.min(first.getYear(), today.getYear())));
		model.addAttribute("beforeFirst", day.isBefore(first));
		model.addAttribute("future", day.isAfter(today));
		model.addAttribute("shapes", shapes);
		var names = new LocalNames(roster, messages, locale);
		model.addAttribute("names", names);
		model.addAttribute("titles", titles(map, names, locale));
		model.addAttribute("title", messages.getMessage("map.title", null, locale));
		return "participants-map";
	}

	/**
	 * Each shape's title (its tooltip) in the page's language: a participant's name from the registry with its status,
	 * another country's name as the JDK's locale data gives it (Natural Earth's areas without an ISO code from the
	 * bundle).
	 */
	private Map<String, String> titles(MembershipMap map, LocalNames names, Locale locale) {
		var titles = new java.util.HashMap<String, String>();
		for (var country : map.countries()) {
			if (country.status() != null) {
				titles.put(country.code(), messages.getMessage("map.shape." + country.status().name(), new Object[] { names.of(country.code()) },
						locale));
			}
			else {
				var name = shapes.nameIn(country.code(), locale);
				var shape = shapes.of(country.code());
				titles.put(country.code(), name != null ? name
						: messages.getMessage("map.area." + country.code(), null, shape == null ? country.code() : shape.name(), locale));
			}
		}
		return titles;
	}

	/** A day typed as YYYY-MM-DD, within the years the records speak of (1 to 9999). */
	static LocalDate day(String typed) {
		LocalDate day;
		try {
			day = LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException unreadable) {
			throw new FormProblem.Refusal("asOf", "map.form.badDate", typed);
		}
		if (day.isBefore(DateSpan.BEGINNING) || day.isAfter(DateSpan.END)) {
			throw new FormProblem.Refusal("asOf", "map.form.outside", typed);
		}
		return day;
	}

	/** A year typed as digits, 1 to 9999. */
	static int year(String typed) {
		var digits = typed.strip();
		if (!digits.matches("[0-9]{1,4}") || Integer.parseInt(digits) < 1) {
			throw new FormProblem.Refusal("year", "map.form.badYear", typed);
		}
		return Integer.parseInt(digits);
	}

	/** The day the map shows for a year: its last day, or today for the current year (as the membership chart counts). */
	static LocalDate endOf(int year, LocalDate today) {
		return year == today.getYear() ? today : LocalDate.of(year, 12, 31);
	}
}
