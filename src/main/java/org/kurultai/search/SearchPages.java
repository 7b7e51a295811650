package org.kurultai.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.organs.Body;
import org.kurultai.organs.Organs;
import org.kurultai.platform.FormProblems;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page: the form with its filters, the results the viewer may see, paged; a bad filter comes back beside its field (400). */
@Controller
class SearchPages {

	static final List<String> FIELDS = List.of("q", "kind", "body", "year", "lang", "sort", "page");

	private final Search search;
	private final AccessPolicy access;
	private final Organs organs;
	private final FormProblems forms;
	private final MessageSource messages;
	private final ForumClock clock;

	SearchPages(Search search, AccessPolicy access, Organs organs, FormProblems forms, MessageSource messages, ForumClock clock) {
		this.search = search;
		this.access = access;
		this.organs = organs;
		this.forms = forms;
		this.messages = messages;
		this.clock = clock;
	}

	record Choice(String value, String label) {
	}

	@GetMapping("/search")
	String page(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String lang, @RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String page, Model model, Locale locale, HttpServletResponse response) {
		var typed = new LinkedHashMap<String, @Nullable String>();
		typed.put("q", q);
		typed.put("kind", kind);
		typed.put("body", body);
		typed.put("year", year);
		typed.put("lang", lang);
		typed.put("sort", sort);
		model.addAttribute("title", messages.getMessage("search.title", null, locale));
		model.addAttribute("kinds", Search.KINDS.stream().map(k -> new Choice(k, messages.getMessage("search.kind." + k, null, locale))).toList());
		model.addAttribute("bodies", organs.bodies().stream().map(b -> new Choice(b.code(), bodyName(b, locale))).toList());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("body", body == null ? "" : body);
		model.addAttribute("year", year == null ? "" : year);
		model.addAttribute("lang", lang == null ? "" : lang);
		model.addAttribute("sort", sort == null || sort.isBlank() ? "relevance" : sort);
		model.addAttribute("searched", false);
		FormProblems.none(model);
		boolean asked = q != null && !q.isBlank();
		if (!asked) {
			return "search";
		}
		try {
			var query = search.query(q, kind == null ? null : List.of(kind), body, year, lang, sort, page, null);
			var found = search.search(query, access.currentViewer());
			model.addAttribute("searched", true);
			model.addAttribute("total", found.total());
			model.addAttribute("totalExact", found.totalExact());
			model.addAttribute("results", found.results());
			model.addAttribute("page", query.page());
			long pages = Math.min(Search.MAX_PAGE, (found.total() + query.size() - 1) / query.size());
			model.addAttribute("pages", pages);
			model.addAttribute("previousLink", query.page() > 1 ? link(typed, query.page() - 1) : null);
			model.addAttribute("nextLink", query.page() < pages ? link(typed, query.page() + 1) : null);
		}
		catch (InvalidRequest refused) {
			var form = new LinkedHashMap<String, Object>();
			typed.forEach((name, value) -> form.put(name, value == null ? "" : value));
			forms.refused(refused, "search", FIELDS, form, model, response);
		}
		return "search";
	}

	private static String link(java.util.Map<String, @Nullable String> typed, int page) {
		var link = UriComponentsBuilder.fromPath("/search");
		typed.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		link.queryParam("page", page);
		return link.build().encode().toUriString();
	}

	private String bodyName(Body body, Locale locale) {
		var name = body.nameOn(clock.today());
		if ("ru".equals(locale.getLanguage()) && name.nameRu() != null) {
			return name.nameRu();
		}
		var key = name.name().replaceAll("[^A-Za-z0-9]", "");
		return messages.getMessage(String.join(".", "portal.bodyName", key), null, name.name(), locale);
	}

}
