package org.kurultai.cbm;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The information exchange page: types, the returns on one type and year, reminders, and the form built from the type's fields. */
@Controller
class ExchangePages {

	private final InformationExchange exchange;
	private final AccessPolicy access;
	private final ForumClock clock;
	private final MessageSource messages;
	private final PageNamesFactory pageNames;

	ExchangePages(InformationExchange exchange, AccessPolicy access, ForumClock clock, MessageSource messages, PageNamesFactory pageNames) {
		this.exchange = exchange;
		this.access = access;
		this.clock = clock;
		this.messages = messages;
		this.pageNames = pageNames;
	}

	@GetMapping("/exchange")
	String exchange(@RequestParam @Nullable String type, @RequestParam @Nullable String year, Model model,
			@AuthenticationPrincipal @Nullable KurultaiUser user, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		var lastYear = clock.today().getYear() - 1;
		int shownYear = lastYear;
		if (year != null && !year.isBlank()) {
			try {
				shownYear = Integer.parseInt(year.trim());
				exchange.refuseUnlessReferenceYear("year", shownYear);
			}
			catch (NumberFormatException | InvalidRequest notAYear) {
				shownYear = lastYear;
				FormError.invalid("year", "year", messages, locale, "cbm.form.years", String.valueOf(InformationExchange.FIRST_REFERENCE_YEAR),
						String.valueOf(clock.today().getYear())).show(model, FormError.typed(request.getParameterMap()), response);
			}
		}
		return page(type, shownYear, model, user, locale);
	}

	private String page(@Nullable String type, int shownYear, Model model, @Nullable KurultaiUser user, Locale locale) {
		var types = exchange.types();
		var shown = type == null || type.isBlank() ? types.get(0) : exchange.type(type);
		var viewer = access.currentViewer();
		model.addAttribute("types", types);
		model.addAttribute("type", shown);
		model.addAttribute("year", shownYear);
		boolean participantsView = access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS));
		model.addAttribute("participantsView", participantsView);
		model.addAttribute("returns", participantsView && shown.schedule() == ExchangeType.Schedule.ANNUAL
				? exchange.returns(viewer, shown.code(), shownYear) : List.of());
		model.addAttribute("submissions", exchange.submissions(viewer, shown.code(), null, null));
		boolean mayAcknowledge = viewer.mandate() != null && viewer.mandate().actsForSecretariat();
		model.addAttribute("mayAcknowledge", mayAcknowledge);
		boolean maySubmit = user != null && viewer.mandate() != null && viewer.mandate().capacity() == Capacity.MEMBER_DELEGATION;
		model.addAttribute("maySubmit", maySubmit);
		model.addAttribute("reminders", user == null ? List.of() : exchange.reminders(user.account(), clock.now()));
		model.addAttribute("zone", clock.zone());
		model.addAttribute("names", pageNames.in(locale, null));
		model.addAttribute("words", new ExchangeWords(messages, locale));
		FormError.none(model);
		return "exchange";
	}

	@PostMapping("/exchange/submissions")
	String submit(@AuthenticationPrincipal KurultaiUser user, @RequestParam String type, @RequestParam @Nullable String referenceYear,
			@RequestParam @Nullable String activity, @RequestParam @Nullable String activityStarts, @RequestParam @Nullable String activityZone,
			@RequestParam(defaultValue = "false") boolean nil, @RequestParam @Nullable AccessLevel visibility,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		var typed = FormError.typed(request.getParameterMap());
		var shown = exchange.type(type);
		var answers = new LinkedHashMap<String, String>();
		form.forEach((key, values) -> {
			if (key.startsWith("answer.") && !values.isEmpty() && !values.get(0).isBlank()) {
				answers.put(key.substring(7), values.get(0));
			}
		});
		var pageYear = clock.today().getYear() - 1;
		Integer year = null;
		if (referenceYear != null && !referenceYear.isBlank()) {
			try {
				year = Integer.valueOf(referenceYear.trim());
			}
			catch (NumberFormatException notAYear) {
				return again(FormError.invalid("exchange", "referenceYear", messages, locale, "cbm.form.number", referenceYear), type, pageYear,
						typed, model, user, locale, response);
			}
		}
		LocalDateTime starts = null;
		if (activityStarts != null && !activityStarts.isBlank()) {
			try {
				starts = LocalDateTime.parse(activityStarts.trim());
			}
			catch (DateTimeParseException notAMoment) {
				return again(FormError.invalid("exchange", "activityStarts", messages, locale, "cbm.form.moment", activityStarts), type, pageYear,
						typed, model, user, locale, response);
			}
		}
		try {
			exchange.submit(user.account(), new InformationExchange.NewSubmission(type, String.valueOf(user.account().participant()), year,
					activity, starts, activityZone, answers, nil, visibility));
		}
		catch (InvalidRequest | RuleViolation refused) {
			var fields = new java.util.HashMap<String, String>();
			var wrong = fieldAtFault(shown, answers, nil);
			fields.put("answers", wrong == null ? "" : "answer." + wrong);
			fields.put("type", "");
			var shownYear = year != null && year >= InformationExchange.FIRST_REFERENCE_YEAR && year <= clock.today().getYear() ? year : pageYear;
			return again(FormError.refused("exchange", refused, fields, messages, locale), type, shownYear, typed, model, user, locale, response);
		}
		return "redirect:/exchange?type=" + shown.code() + (year == null ? "" : "&year=" + year);
	}

	@PostMapping("/exchange/submissions/{id}/acknowledgement")
	String acknowledge(@AuthenticationPrincipal KurultaiUser user, @PathVariable long id, @RequestParam String type,
			@RequestParam @Nullable Integer year, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
		var shown = exchange.type(type);
		try {
			exchange.acknowledge(user.account(), id);
		}
		catch (InvalidRequest | RuleViolation refused) {
			var shownYear = year != null && year >= InformationExchange.FIRST_REFERENCE_YEAR && year <= clock.today().getYear() ? year
					: clock.today().getYear() - 1;
			return again(FormError.refused("acknowledgement-" + id, refused, Map.of(), messages, locale), shown.code(), shownYear,
					FormError.typed(request.getParameterMap()), model, user, locale, response);
		}
		return "redirect:/exchange?type=" + shown.code() + (year == null ? "" : "&year=" + year);
	}

	/** The exchange page again, with the refusal beside its field and the form as it was typed. */
	private String again(FormError error, String type, int year, Map<String, String> typed, Model model, @Nullable KurultaiUser user,
			Locale locale, HttpServletResponse response) {
		error.show(model, typed, response);
		return page(type, year, model, user, locale);
	}

	/** The first field of the form whose answer the type refuses (missing, or not of its kind), if any. */
	private static @Nullable String fieldAtFault(ExchangeType type, Map<String, String> answers, boolean nil) {
		for (var field : type.fields()) {
			var value = answers.get(field.name());
			if (value == null || value.isBlank()) {
				if (field.required() && !nil) {
					return field.name();
				}
				continue;
			}
			try {
				type.check(Map.of(field.name(), value), true);
			}
			catch (InvalidRequest wrong) {
				return field.name();
			}
		}
		return null;
	}
}
