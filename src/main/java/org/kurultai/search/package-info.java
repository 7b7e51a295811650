/**
 * Search: one search over the record in English and Russian — documents (their titles and each paragraph of their
 * current version, with the document's symbol, title and date), decisions and the register, meetings, participants
 * (their names in both languages, official and short, and what the sources note of former names), bodies (every name,
 * in both languages, and the aliases the sources use), timeline events, the measures of the Catalogue's adopted
 * editions and the CICA Fund's projects (title, purpose, priority area, States; seen as the project's state admits: a
 * draft by its State and the Secretariat, a submitted project by the participants, an approved one by the public).
 * <p>
 * Owns the search index ({@code search_entry}, V40: one row per searchable piece of a record and language, with a
 * stored {@code tsvector} under the {@code english} or {@code russian} configuration and a GIN index, and the names and
 * titles that tolerate typos under a {@code pg_trgm} trigram index) and how far it is built ({@code search_index_state}).
 * The index is derived data: {@link org.kurultai.search.SearchIndex} rebuilds the entries of a kind, in SQL
 * ({@code insert … select} from the records' own tables), whenever the data version of an area they come from has
 * moved ({@code platform.DataVersions}), before a search reads them and once in the background after start-up.
 * <p>
 * Who may see an entry is the record's access, copied into the entry and filtered in the query's where-clause with the
 * viewer's {@code identity.AccessPolicy.Sight} (derived from {@code AccessPolicy.maySee}), before ranking, counting and
 * snippets: what a viewer may not see shows in no result, total or snippet.
 * <ul>
 * <li>{@code GET /search?q=…}: the page (filters: kind, body, year, language; sorted by relevance or date; paged);</li>
 * <li>{@code GET /api/search?q=…}: {@code {total, results: [{kind, id, title, url, snippet, date}]}}; snippets are
 * HTML, the record's text escaped, the words found in {@code <mark>}.</li>
 * </ul>
 * Nobody depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
@org.jspecify.annotations.NullMarked
package org.kurultai.search;
