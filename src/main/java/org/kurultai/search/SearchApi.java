package org.kurultai.search;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "One search over documents, decisions, meetings, participants, bodies, timeline events, measures and the CICA Fund's projects, "
		+ "in English and Russian, as the caller may see them")
class SearchApi {

	private final Search search;
	private final AccessPolicy access;

	SearchApi(Search search, AccessPolicy access) {
		this.search = search;
		this.access = access;
	}

	@GetMapping(path = "/api/search", produces = "application/json")
	@Operation(summary = "Search the record in English and Russian",
			description = "Full-text search with stemming per language (a query in either language finds text in that language; "
					+ "quoted phrases, OR and -word as in a web search engine); names of participants and bodies tolerate typos. "
					+ "Only what the caller may see is searched, ranked and counted; at most the first " + Search.MAX_RANKED + " found are ranked "
					+ "(totalExact false: there are more). snippet is HTML: the record's text escaped, "
					+ "the words found in <mark>. Bad parameters answer 400 with a problem document.")
	SearchResults search(
			@Parameter(description = "What to look for, at most 200 characters", required = true) @RequestParam(required = false) @Nullable String q,
			@Parameter(description = "Only these kinds (repeated or comma-separated)",
					schema = @Schema(allowableValues = { "document", "decision", "meeting", "participant", "body", "event", "measure", "project" }))
			@RequestParam(required = false) @Nullable List<String> kind,
			@Parameter(description = "Only records of this body (its code, e.g. CMFA, CHSG, SOC)") @RequestParam(required = false) @Nullable String body,
			@Parameter(description = "Only records dated in this year") @RequestParam(required = false) @Nullable String year,
			@Parameter(description = "Only text in this language", schema = @Schema(allowableValues = { "en", "ru" }))
			@RequestParam(required = false) @Nullable String lang,
			@Parameter(description = "relevance (default) or date (newest first)", schema = @Schema(allowableValues = { "relevance", "date" }))
			@RequestParam(required = false) @Nullable String sort,
			@Parameter(description = "Page, from 1 (at most 500)") @RequestParam(required = false) @Nullable String page,
			@Parameter(description = "Results per page, 1 to 50 (default 20)") @RequestParam(required = false) @Nullable String size) {
		var query = search.query(q, kind, body, year, lang, sort, page, size);
		var found = search.search(query, access.currentViewer());
		return new SearchResults(found.total(), found.totalExact(), query.page(), query.size(),
				found.results().stream().map(hit -> new Result(hit.kind(), hit.id(), hit.title(), hit.url(), hit.snippet(), hit.date())).toList());
	}

	record SearchResults(
			@Schema(description = "How many results the caller may see in all; when totalExact is false, more than this were found "
					+ "(only the first " + Search.MAX_RANKED + " found are ranked and paged: narrow the search to reach the others)") long total,
			@Schema(description = "false when more than total results were found (total is then a lower bound)") boolean totalExact,
			int page, int size, List<Result> results) {
	}

	record Result(String kind, String id, String title, @Schema(description = "The record's page, relative to the site") String url,
			@Schema(description = "HTML: the text escaped, the words found in <mark>") String snippet, @Nullable LocalDate date) {
	}
}
