package org.kurultai.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Viewer;
import org.kurultai.organs.Organs;
import org.kurultai.shared.InvalidRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The search over the index ({@link SearchIndex}): full-text in English and Russian ({@code websearch_to_tsquery} under
 * the language's configuration, ranked by {@code ts_rank_cd}), names that tolerate typos (trigram word similarity), the
 * viewer's access filtered in the where-clause before anything is ranked or counted, and highlighted snippets
 * ({@code ts_headline}) of the page's results only. {@link #SQL} is the statement; the bench ({@code bench/search})
 * runs the same text.
 */
@Service
public class Search {

	/** The kinds a search can be narrowed to, as the API names them. */
	public static final List<String> KINDS = List.of("document", "decision", "meeting", "participant", "body", "event", "measure", "project");
	public static final int MAX_QUERY = 200;
	public static final int MAX_SIZE = 50;
	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_PAGE = 500;
	/**
	 * At most this many matches are read, ranked and counted (the first found, in the index's order, among what the
	 * viewer may see); beyond it the total is "more than" this (bench/search: one frequent word matches tens of thousands
	 * of paragraphs among a million, and reading them all took hundreds of milliseconds).
	 */
	public static final int MAX_RANKED = 1000;
	/** pg_trgm's word similarity from which a name counts as found (set for the search's transaction). */
	static final String TYPO_SIMILARITY = "0.5";
	/** Marks around the words found, from the Unicode private use area: stripped from the text, so only ts_headline writes them. */
	static final char START = '\uE000';
	static final char STOP = '\uE001';

	/**
	 * The statement: matches (full text in the entry's language, or a name within typo distance), the access filter and the
	 * filters, at most {@code cap + 1} of them (in the index's order: only these are read, ranked and counted), ranked, and
	 * snippets for the page's rows only. Parameters: q, terms (q in lower case for the names), levels, named, owner, kinds,
	 * lang, body, from, until, cap, byDate, size, offset. The total it answers is at most cap + 1: more than cap means "at
	 * least cap" ({@link Results#totalExact()} false).
	 */
	static final String SQL = """
			with found as (
			  -- what the viewer may see (the access filter comes first), at most cap + 1 rows: a frequent word matches tens of
			  -- thousands of entries, and reading each one's row (and its tsvector) is what costs, not the index
			  select e.id, e.day, e.words, e.language, e.names
			    from search_entry e
			   -- one look in the index for both languages' queries (the same lexemes, for most words, are looked up once),
			   -- then each entry checked against its own language's
			   where ((e.words @@ (websearch_to_tsquery('english', :q) || websearch_to_tsquery('russian', :q))
			           and ((e.language = 'en' and e.words @@ websearch_to_tsquery('english', :q))
			             or (e.language = 'ru' and e.words @@ websearch_to_tsquery('russian', :q))))
			       or (e.names is not null and :terms <% e.names))
			     and ((e.access_owner is not null and e.access_owner = cast(:owner as varchar))
			       or (not e.owner_only and (e.access_level = any (cast(:levels as text[]))
			           or (e.access_level = 'NAMED_PARTICIPANTS' and cast(:named as varchar) = any (e.access_named)))))
			     and (cast(:allKinds as boolean) or e.kind = any (cast(:kinds as text[])))
			     and (cast(:lang as varchar) is null or e.language = cast(:lang as varchar))
			     and (cast(:body as varchar) is null or e.body_code = cast(:body as varchar))
			     and (cast(:from as date) is null or (e.day >= cast(:from as date) and e.day < cast(:until as date)))
			   limit cast(:cap as integer) + 1
			), ranked as (
			  select f.id, f.day,
			         ts_rank_cd(f.words, case f.language when 'ru' then websearch_to_tsquery('russian', :q)
			                                        else websearch_to_tsquery('english', :q) end, 32)
			           + case when f.names is null then 0 else word_similarity(:terms, f.names) end as rank,
			         count(*) over () as total, row_number() over () as n
			    from found f
			), page as (
			  -- only ids, days and ranks are sorted; the texts are read for the page's rows alone. The row past the cap (the
			  -- last found) only tells that there are more: it is not shown
			  select r.id, r.rank, r.total from ranked r
			   where r.n <= cast(:cap as integer)
			   order by case when cast(:byDate as boolean) then r.day end desc nulls last, r.rank desc, r.day desc nulls last, r.id
			   limit :size offset :offset
			)
			select e.kind, e.record_id, e.title, e.url, e.day, p.total,
			       ts_headline(case e.language when 'ru' then 'russian'::regconfig else 'english'::regconfig end,
			                   translate(case when e.body = '' then e.title else e.body end, chr(57344) || chr(57345), ''),
			                   case e.language when 'ru' then websearch_to_tsquery('russian', :q) else websearch_to_tsquery('english', :q) end,
			                   'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
			         as snippet
			  from page p join search_entry e on e.id = p.id
			 order by case when cast(:byDate as boolean) then e.day end desc nulls last, p.rank desc, e.day desc nulls last, e.id""";

	/** A search as asked, checked. */
	public record Query(String q, Set<String> kinds, @Nullable String body, @Nullable Integer year, @Nullable String lang, boolean byDate,
			int page, int size) {
	}

	/** One result: snippet is HTML (the record's text escaped, the words found in {@code <mark>}). */
	public record Hit(String kind, String id, String title, String url, String snippet, @Nullable LocalDate date) {
	}

	/** total is exact when totalExact, else more than {@link #MAX_RANKED} were found and total is that cap (a lower bound). */
	public record Results(long total, boolean totalExact, List<Hit> results) {
	}

	private final JdbcClient jdbc;
	private final AccessPolicy access;
	private final SearchIndex index;
	private final Organs organs;
	private final TransactionTemplate reading;

	Search(JdbcClient jdbc, AccessPolicy access, SearchIndex index, Organs organs, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.access = access;
		this.index = index;
		this.organs = organs;
	}

	/**
	 * The search as asked, checked: every refusal names its parameter ({@code problem.search.*}). {@code q} is required
	 * (not blank, at most {@value #MAX_QUERY} characters, no control characters).
	 */
	/** Whether the search, read as a web search reads it (words, "phrases", -excluded, or), names only what to leave out. */
	static boolean onlyExcluded(String text) {
		boolean excluded = false;
		boolean included = false;
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && text.charAt(i) == ' ') {
				i++;
			}
			if (i >= n) {
				break;
			}
			boolean negated = text.charAt(i) == '-';
			if (negated) {
				i++;
			}
			String word;
			if (i < n && text.charAt(i) == '"') {
				int end = text.indexOf('"', i + 1);
				end = end < 0 ? n : end;
				word = text.substring(i + 1, end);
				i = Math.min(n, end + 1);
			}
			else {
				int end = text.indexOf(' ', i);
				end = end < 0 ? n : end;
				word = text.substring(i, end);
				i = end;
			}
			if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
				continue;
			}
			if (negated) {
				excluded = true;
			}
			else if (!word.equalsIgnoreCase("or")) {
				included = true;
			}
		}
		return excluded && !included;
	}

	public Query query(@Nullable String q, @Nullable List<String> kind, @Nullable String body, @Nullable String year, @Nullable String lang,
			@Nullable String sort, @Nullable String page, @Nullable String size) {
		var text = q == null ? "" : q.strip();
		if (text.isEmpty()) {
			throw InvalidRequest.of("q", "problem.search.query");
		}
		if (text.length() > MAX_QUERY) {
			throw InvalidRequest.of("q", "problem.search.queryLong", MAX_QUERY);
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c)) || text.indexOf(START) >= 0
				|| text.indexOf(STOP) >= 0 || !validSurrogates(text)) {
			throw InvalidRequest.of("q", "problem.search.queryCharacters");
		}
		text = text.replaceAll("\\s+", " ");
		// only words to leave out (-word): that would match nearly every entry and rank them all; say what to look for
		if (onlyExcluded(text)) {
			throw InvalidRequest.of("q", "problem.search.queryOnlyExcluded");
		}
		var kinds = new java.util.TreeSet<String>();
		if (kind != null) {
			for (var k : kind) {
				if (k == null || k.isBlank()) {
					continue;
				}
				var name = k.strip().toLowerCase(Locale.ROOT);
				if (!KINDS.contains(name)) {
					throw InvalidRequest.of("kind", "problem.search.kind", k, String.join(", ", KINDS));
				}
				kinds.add(name);
			}
		}
		String code = null;
		if (body != null && !body.isBlank()) {
			code = body.strip().toUpperCase(Locale.ROOT);
			if (code.length() > 10 || !organs.isBody(code)) {
				throw InvalidRequest.of("body", "problem.body.unknown", body);
			}
		}
		Integer y = null;
		if (year != null && !year.isBlank()) {
			y = number(year.strip(), "year", 1000, 9999, "problem.search.year");
		}
		String language = null;
		if (lang != null && !lang.isBlank()) {
			language = lang.strip().toLowerCase(Locale.ROOT);
			if (!language.equals("en") && !language.equals("ru")) {
				throw InvalidRequest.of("lang", "problem.search.lang", lang);
			}
		}
		boolean byDate = false;
		if (sort != null && !sort.isBlank()) {
			var s = sort.strip().toLowerCase(Locale.ROOT);
			if (!s.equals("relevance") && !s.equals("date")) {
				throw InvalidRequest.of("sort", "problem.search.sort", sort);
			}
			byDate = s.equals("date");
		}
		int p = page == null || page.isBlank() ? 1 : number(page.strip(), "page", 1, MAX_PAGE, "problem.search.page");
		int n = size == null || size.isBlank() ? DEFAULT_SIZE : number(size.strip(), "size", 1, MAX_SIZE, "problem.search.size");
		return new Query(text, Set.copyOf(kinds), code, y, language, byDate, p, n);
	}

	private static boolean validSurrogates(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static int number(String value, String parameter, int min, int max, String key) {
		try {
			int n = Integer.parseInt(value);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException notANumber) {
			// refused below
		}
		throw InvalidRequest.of(parameter, key, value, min, max);
	}

	/**
	 * What the viewer may see of what the query finds, best first (or newest first), one page of it, and how many in all
	 * (up to {@link #MAX_RANKED}: beyond, the first found are ranked and the total says "more than").
	 */
	public Results search(Query query, Viewer viewer) {
		return search(query, viewer, MAX_RANKED);
	}

	/** The same with another cap on the matches ranked and counted (the tests try a small one). */
	Results search(Query query, Viewer viewer, int cap) {
		if (cap < 1) {
			throw new IllegalArgumentException("cap " + cap);
		}
		index.ensureCurrent();
		var sight = access.sight(viewer);
		var params = new LinkedHashMap<String, Object>();
		params.put("q", query.q());
		params.put("terms", query.q().toLowerCase(Locale.ROOT));
		params.put("levels", sight.levels().stream().map(Enum::name).sorted().toArray(String[]::new));
		params.put("named", sight.named());
		params.put("owner", sight.owner());
		params.put("allKinds", query.kinds().isEmpty());
		params.put("kinds", query.kinds().stream().map(k -> k.toUpperCase(Locale.ROOT)).sorted().toArray(String[]::new));
		params.put("lang", query.lang());
		params.put("body", query.body());
		params.put("from", query.year() == null ? null : LocalDate.of(query.year(), 1, 1));
		params.put("until", query.year() == null ? null : LocalDate.of(query.year() + 1, 1, 1));
		params.put("cap", cap);
		params.put("byDate", query.byDate());
		params.put("size", query.size());
		params.put("offset", (query.page() - 1) * query.size());
		var results = reading.execute(status -> {
			// names within typo distance: "Kazakstan", "Казахтан" (the extension's default, 0.6, misses them)
			jdbc.sql("select set_config('pg_trgm.word_similarity_threshold', ?, true)").param(TYPO_SIMILARITY).query(String.class).single();
			var total = new long[] { -1 };
			var hits = new ArrayList<Hit>();
			jdbc.sql(SQL).params(params).query((rs, row) -> {
				total[0] = rs.getLong("total");
				hits.add(new Hit(rs.getString("kind").toLowerCase(Locale.ROOT), rs.getString("record_id"), rs.getString("title"),
						rs.getString("url"), snippet(rs.getString("snippet")), rs.getObject("day", LocalDate.class)));
				return null;
			}).list();
			if (total[0] < 0) {
				// past the last page (or nothing found): the total still counts what the viewer may see (up to cap + 1)
				total[0] = query.page() == 1 ? 0 : count(params);
			}
			boolean exact = total[0] <= cap;
			return new Results(Math.min(total[0], cap), exact, List.copyOf(hits));
		});
		return java.util.Objects.requireNonNull(results);
	}

	private long count(Map<String, Object> params) {
		var count = new LinkedHashMap<>(params);
		count.put("size", 1);
		count.put("offset", 0);
		var rows = jdbc.sql(SQL).params(count).query((rs, row) -> rs.getLong("total")).list();
		return rows.isEmpty() ? 0 : rows.get(0);
	}

	/** The headline as HTML: everything escaped, then the marks ts_headline put around the words found made {@code <mark>}. */
	static String snippet(@Nullable String headline) {
		if (headline == null) {
			return "";
		}
		return HtmlUtils.htmlEscape(headline, "UTF-8").replace(String.valueOf(START), "<mark>").replace(String.valueOf(STOP), "</mark>");
	}
}
