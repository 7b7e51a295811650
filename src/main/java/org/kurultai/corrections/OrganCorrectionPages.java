package org.kurultai.corrections;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.platform.FormProblems;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.InvalidRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The correction forms on the chairmanship page (chair terms, heads of the Secretariat) and on a body's page (its
 * names). Done, the page is shown again; refused, the same page comes back (400 for a bad value, 409 for a rule of
 * the forum) with the message beside the field, or at the form's top, and what was typed kept; nothing was written.
 */
@Controller
class OrganCorrectionPages {

	static final Set<String> TERM_FIELDS = Set.of("chair", "from", "until", "precision", "decidedOn", "handoverOccasion", "corrects",
			"sources", "note");
	static final Set<String> HEAD_FIELDS = Set.of("person", "nationality", "from", "until", "precision", "corrects", "sources", "note");
	static final Set<String> NAME_FIELDS = Set.of("name", "shortName", "nameRu", "from", "until", "corrects", "sources", "note");

	private final OrganCorrections corrections;
	private final OrganPageViews views;
	private final FormProblems forms;

	OrganCorrectionPages(OrganCorrections corrections, OrganPageViews views, FormProblems forms) {
		this.corrections = corrections;
		this.views = views;
		this.forms = forms;
	}

	@PostMapping("/chairmanship/terms")
	String term(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			corrections.correct(user.account(), new ChairTermCorrection(form.getFirst("chair"), date(form, "from"), date(form, "until"),
					precision(form), date(form, "decidedOn"), form.getFirst("handoverOccasion"), date(form, "corrects"), lines(form),
					form.getFirst("note")));
			return "redirect:/chairmanship#terms";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "chair-term-correction", TERM_FIELDS, form, model, response);
			return views.chairmanship(model, locale);
		}
	}

	@PostMapping("/secretariat/heads")
	String head(@AuthenticationPrincipal KurultaiUser user, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			corrections.correct(user.account(), new SecretariatHeadCorrection(form.getFirst("person"), form.getFirst("nationality"),
					date(form, "from"), date(form, "until"), precision(form), date(form, "corrects"), lines(form), form.getFirst("note")));
			return "redirect:/chairmanship#secretariat";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "secretariat-head-correction", HEAD_FIELDS, form, model, response);
			return views.chairmanship(model, locale);
		}
	}

	@PostMapping("/bodies/{code}/names")
	String name(@AuthenticationPrincipal KurultaiUser user, @PathVariable String code, @RequestParam MultiValueMap<String, String> form,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			corrections.correct(user.account(), code, new BodyNameCorrection(form.getFirst("name"), form.getFirst("shortName"),
					form.getFirst("nameRu"), date(form, "from"), date(form, "until"), form.getFirst("corrects"), lines(form),
					form.getFirst("note")));
			return "redirect:/bodies/" + code.trim().toUpperCase(Locale.ROOT) + "#names";
		}
		catch (RuntimeException refused) {
			forms.refused(refused, "body-name-correction", NAME_FIELDS, form, model, response);
			return views.body(code, model, locale);
		}
	}

	private static @Nullable LocalDate date(MultiValueMap<String, String> form, String field) {
		var value = form.getFirst(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException malformed) {
			throw InvalidRequest.of(field, "problem.organs.correction.badDate", value.length() > 40 ? value.substring(0, 40) : value);
		}
	}

	private static @Nullable DatePrecision precision(MultiValueMap<String, String> form) {
		var value = form.getFirst("precision");
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return DatePrecision.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("precision", "problem.organs.correction.badPrecision", value.length() > 40 ? value.substring(0, 40) : value);
		}
	}

	/** The sources typed one a line. */
	private static List<String> lines(MultiValueMap<String, String> form) {
		var text = form.getFirst("sources");
		return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
	}
}
