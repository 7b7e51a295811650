package org.kurultai.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import org.kurultai.platform.DataVersions;
import org.kurultai.platform.DataVersions.Area;
import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the search index as current as the record: the entries of a kind are rebuilt, in one SQL statement from the
 * records' own tables, when the data version of an area they come from has moved since they were built. Asked before
 * every search ({@link #ensureCurrent}: no statement when nothing moved) and once in the background after start-up, so
 * the first start is not held up by it. The rebuild of a kind (delete its entries, insert them again, note the versions)
 * is one transaction under an advisory lock: readers see the old entries or the new ones, and two instances build once.
 * Documents, the many paragraphs, are built whole once; after that only the documents their triggers marked
 * ({@code search_dirty_document}, V45: the document or one of its versions changed) are written again, so a position on
 * an alternative rewrites nothing and a revision rewrites its own document.
 */
@Component
class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private static final String ENTRY = "insert into search_entry (kind, record_id, title, url, body, language, body_code, day, "
			+ "access_level, access_named, access_owner, owner_only, names) ";

	/** The kinds of entry, the areas each is read from, and the statement that writes them. */
	enum Kind {
		DOCUMENT(List.of(Area.DOCUMENTS), ENTRY + """
				select 'DOCUMENT', d.id, d.symbol || ' — ' || d.title, '/documents/' || d.id, coalesce(d.note, ''),
				       case when d.title ~ '[А-яЁё]' then 'ru' else 'en' end, d.body_code, coalesce(d.adopted_on, d.created_at::date),
				       d.access_level, d.access_named, null, false, null
				  from document d where true /*only these*/
				union all
				select 'DOCUMENT', d.id, d.symbol || ' — ' || d.title || ', ¶ ' || (p.para ->> 'label'),
				       '/documents/' || d.id || '#p-' || (p.para ->> 'label'), string_agg(t.value, ' ' order by t.ord), t.key, d.body_code,
				       coalesce(d.adopted_on, d.created_at::date), d.access_level, d.access_named, null, false, null
				  from document d
				  join lateral (select v.paragraphs from document_version v where v.document_id = d.id order by v.number desc limit 1) v on true
				 cross join lateral jsonb_array_elements(v.paragraphs) with ordinality as p(para, n)
				 cross join lateral (
				       select key, value, 0::bigint as ord from jsonb_each_text(coalesce(p.para -> 'text', '{}'::jsonb))
				       union all
				       select e.key, e.value, a.n from jsonb_array_elements(coalesce(p.para -> 'alternatives', '[]'::jsonb)) with ordinality as a(alt, n)
				        cross join lateral jsonb_each_text(coalesce(a.alt -> 'text', '{}'::jsonb)) e) t
				 where t.key in ('en', 'ru') and t.value <> '' /*only these*/
				 group by d.id, p.n, p.para ->> 'label', t.key""", false),
		DECISION(List.of(Area.DECISIONS, Area.DOCUMENTS), ENTRY + """
				select 'DECISION', dc.id::text,
				       coalesce(dc.body_code || '/' || dc.register_year || '/' || dc.register_number || ' — ', '')
				         || coalesce(d.title, dc.outcome_note, dc.body_code),
				       '/decisions/' || dc.id, concat_ws(' ', d.symbol, dc.outcome_note), 'en', dc.body_code,
				       coalesce(dc.decided_on, (dc.proposed_at at time zone :zone)::date),
				       coalesce(d.access_level, 'PUBLIC'), coalesce(d.access_named, cast('{}' as text[])), null, false, null
				  from decision dc left join document d on d.id = dc.document_id""", true),
		MEETING(List.of(Area.MEETINGS), ENTRY + """
				select 'MEETING', m.id, m.title, '/meetings/' || m.id,
				       concat_ws(' ', m.place, m.chaired_by, array_to_string(m.outcomes, ' '), m.note), 'en', m.body_code, m.starts_on,
				       m.access_level, m.access_named, null, false, null
				  from meeting m""", false),
		PARTICIPANT(List.of(Area.REGISTRY), ENTRY + """
				select 'PARTICIPANT', p.code, p.short_name_en, '/participants/' || p.code,
				       concat_ws(' ', p.official_name_en, p.code,
				                 (select string_agg(concat_ws(' ', s.how, s.note), ' ' order by s.starts_on) from status_period s
				                   where s.participant_code = p.code)),
				       'en', null, (select min(s.starts_on) from status_period s where s.participant_code = p.code), 'PUBLIC', cast('{}' as text[]), null, false,
				       lower(concat_ws(' | ', p.short_name_en, p.official_name_en))
				  from participant p
				union all
				select 'PARTICIPANT', p.code, coalesce(p.short_name_ru, p.short_name_en), '/participants/' || p.code,
				       concat_ws(' ', p.official_name_ru, p.code), 'ru', null,
				       (select min(s.starts_on) from status_period s where s.participant_code = p.code), 'PUBLIC', cast('{}' as text[]), null, false,
				       lower(concat_ws(' | ', p.short_name_ru, p.official_name_ru))
				  from participant p where p.short_name_ru is not null or p.official_name_ru is not null""", false),
		BODY(List.of(Area.ORGANS), ENTRY + """
				select 'BODY', b.code, coalesce((select n.name from body_name n where n.body_code = b.code
				                                  order by n.valid_until desc nulls first, n.valid_from desc nulls last limit 1), b.code),
				       '/bodies/' || b.code,
				       concat_ws(' ', b.purpose, b.created_how, b.frequency,
				                 (select string_agg(c.value || coalesce(' ' || c.note, ''), ' ') from body_claim c
				                   where c.body_code = b.code and c.topic = 'name')),
				       'en', b.code, b.created_on, 'PUBLIC', cast('{}' as text[]), null, false,
				       lower(concat_ws(' | ', b.code,
				             (select string_agg(concat_ws(' | ', n.name, n.short_name), ' | ') from body_name n where n.body_code = b.code),
				             (select string_agg(replace(c.value, ' / ', ' | '), ' | ') from body_claim c
				               where c.body_code = b.code and c.topic = 'name')))
				  from body b
				union all
				select 'BODY', b.code, (select n.name_ru from body_name n where n.body_code = b.code and n.name_ru is not null
				                         order by n.valid_until desc nulls first, n.valid_from desc nulls last limit 1),
				       '/bodies/' || b.code, '', 'ru', b.code, b.created_on, 'PUBLIC', cast('{}' as text[]), null, false,
				       lower((select string_agg(n.name_ru, ' | ') from body_name n where n.body_code = b.code))
				  from body b where exists (select 1 from body_name n where n.body_code = b.code and n.name_ru is not null)""", false),
		EVENT(List.of(Area.TIMELINE), ENTRY + """
				select 'EVENT', e.id, e.title, '/timeline?from=' || e.occurred_on || '&to=' || e.occurred_on, coalesce(e.note, ''),
				       case when e.title ~ '[А-яЁё]' then 'ru' else 'en' end, null, e.occurred_on, 'PUBLIC', cast('{}' as text[]), null, false, null
				  from historical_event e""", false),
		MEASURE(List.of(Area.CBM), ENTRY + """
				select 'MEASURE', e.code || ':' || (m.measure ->> 'code'), (a.area ->> 'name') || ' — ' || (m.measure ->> 'code'),
				       '/catalogue?edition=' || e.code, concat_ws(' ', m.measure ->> 'text', dm.dimension ->> 'name', e.title), 'en',
				       e.adopted_by, e.adopted_on, 'PUBLIC', cast('{}' as text[]), null, false, null
				  from catalogue_edition e
				 cross join lateral jsonb_array_elements(e.content) as dm(dimension)
				 cross join lateral jsonb_array_elements(coalesce(dm.dimension -> 'priorityAreas', '[]'::jsonb)) as a(area)
				 cross join lateral jsonb_array_elements(coalesce(a.area -> 'measures', '[]'::jsonb)) as m(measure)
				 where e.status = 'ADOPTED'""", false),
		/*
		 * The Fund's projects (fund_project, V47: their tables bump the DECISIONS area), their current revision's text: the title
		 * in each language, the purpose, the Catalogue's priority area (code and name), the States (owner first) and the
		 * partners. Who may see one follows its state as fund.ProjectState.access says (and FundPublicRecordIntegrationTests
		 * compares, state by state): a draft is its State's alone with the Secretariat (named participants: the owner), from
		 * submission until approval the participants', approved and after the public's; its State always sees it (owner).
		 */
		PROJECT(List.of(Area.DECISIONS, Area.REGISTRY, Area.CBM), ENTRY + """
				select 'PROJECT', p.id::text, r.content ->> 'titleEn', '/fund/projects/' || p.id,
				       concat_ws(' ', r.content ->> 'purpose', r.content ->> 'area', pa.name, st.names_en, r.content ->> 'partners'), 'en',
				       case when p.decision_id is not null then 'PRC' end, coalesce(p.decided_on, (p.created_at at time zone :zone)::date),
				       pac.level, pac.named, p.owner_code, false, null
				  from fund_project p
				  join fund_project_revision r on r.project = p.id and r.number = p.revision
				 cross join lateral (select case when p.state = 'DRAFT' then 'NAMED_PARTICIPANTS'
				                                 when p.state in ('APPROVED', 'IMPLEMENTING', 'CLOSED') then 'PUBLIC'
				                                 else 'PARTICIPANTS' end as level,
				                            case when p.state = 'DRAFT' then array[p.owner_code]::text[] else cast('{}' as text[]) end as named) pac
				  left join lateral (select a.area ->> 'name' as name from catalogue_edition e
				                      cross join lateral jsonb_array_elements(e.content) as dm(dimension)
				                      cross join lateral jsonb_array_elements(coalesce(dm.dimension -> 'priorityAreas', '[]'::jsonb)) as a(area)
				                      where e.status = 'ADOPTED' and a.area ->> 'code' = r.content ->> 'area'
				                      order by e.adopted_on desc limit 1) pa on true
				 cross join lateral (select string_agg(concat_ws(' ', s.short_name_en, s.official_name_en), ' ') as names_en
				                       from participant s
				                      where s.code = p.owner_code
				                         or s.code in (select jsonb_array_elements_text(coalesce(r.content -> 'implementingStates', '[]'::jsonb)))) st
				union all
				select 'PROJECT', p.id::text, r.content ->> 'titleRu', '/fund/projects/' || p.id, coalesce(st.names_ru, ''), 'ru',
				       case when p.decision_id is not null then 'PRC' end, coalesce(p.decided_on, (p.created_at at time zone :zone)::date),
				       case when p.state = 'DRAFT' then 'NAMED_PARTICIPANTS'
				            when p.state in ('APPROVED', 'IMPLEMENTING', 'CLOSED') then 'PUBLIC' else 'PARTICIPANTS' end,
				       case when p.state = 'DRAFT' then array[p.owner_code]::text[] else cast('{}' as text[]) end, p.owner_code, false, null
				  from fund_project p
				  join fund_project_revision r on r.project = p.id and r.number = p.revision
				 cross join lateral (select string_agg(concat_ws(' ', s.short_name_ru, s.official_name_ru), ' ') as names_ru
				                       from participant s
				                      where s.code = p.owner_code
				                         or s.code in (select jsonb_array_elements_text(coalesce(r.content -> 'implementingStates', '[]'::jsonb)))) st
				 where coalesce(r.content ->> 'titleRu', '') <> ''""", true);

		final List<Area> areas;
		final String insert;
		final boolean zoned;

		Kind(List<Area> areas, String insert, boolean zoned) {
			this.areas = areas;
			this.insert = insert;
			this.zoned = zoned;
		}
	}

	private final JdbcClient jdbc;
	private final DataVersions versions;
	private final TransactionTemplate transactions;
	private final ForumClock clock;
	private final JsonMapper json;
	private final ReentrantLock building = new ReentrantLock();
	/** Up to which versions each kind is known to be built (by this instance or another). */
	private volatile Map<Kind, Map<String, Long>> built = Map.of();

	SearchIndex(JdbcClient jdbc, DataVersions versions, TransactionTemplate transactions, ForumClock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.versions = versions;
		this.transactions = transactions;
		this.clock = clock;
		this.json = json;
	}

	/** Builds what is not yet built, in the background, once the application is ready (start-up does not wait for it). */
	@EventListener(ApplicationReadyEvent.class)
	void started() {
		var thread = new Thread(() -> {
			try {
				long start = System.nanoTime();
				var rebuilt = ensureCurrent();
				if (!rebuilt.isEmpty()) {
					log.info("Search index: {} built in {} ms", rebuilt, (System.nanoTime() - start) / 1_000_000);
				}
			}
			catch (RuntimeException failure) {
				log.warn("Search index: not built at start-up (built at the first search instead)", failure);
			}
		}, "search-index");
		thread.setDaemon(true);
		thread.start();
	}

	/** Brings every kind's entries up to the current data versions; the kinds rebuilt (none, without a statement, if nothing moved). */
	List<Kind> ensureCurrent() {
		if (stale(current()).isEmpty()) {
			return List.of();
		}
		building.lock();
		try {
			if (stale(current()).isEmpty()) {
				return List.of();
			}
			return rebuild();
		}
		finally {
			building.unlock();
		}
	}

	private Map<String, Long> current() {
		var map = new TreeMap<String, Long>();
		for (var area : Area.values()) {
			map.put(area.name(), versions.version(area));
		}
		return map;
	}

	private List<Kind> stale(Map<String, Long> current) {
		var known = built;
		return java.util.Arrays.stream(Kind.values()).filter(kind -> {
			var at = known.get(kind);
			// the versions in memory may lag behind what another instance built: stale only when an area moved past it
			return at == null || kind.areas.stream().anyMatch(area -> current.get(area.name()) > at.getOrDefault(area.name(), 0L));
		}).toList();
	}

	private static Map<String, Long> versionsOf(Kind kind, Map<String, Long> all) {
		var map = new TreeMap<String, Long>();
		kind.areas.forEach(area -> map.put(area.name(), all.getOrDefault(area.name(), 0L)));
		return map;
	}

	private List<Kind> rebuild() {
		var done = new EnumMap<Kind, Map<String, Long>>(Kind.class);
		var rebuilt = transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('kurultai.search-index'))").query(Object.class).single();
			// under the lock, read committed: the versions as committed now, and the rows at least as new as them
			var current = new TreeMap<String, Long>();
			jdbc.sql("select area, version from data_version").query((rs, row) -> current.put(rs.getString(1), rs.getLong(2))).list();
			var stored = new EnumMap<Kind, Map<String, Long>>(Kind.class);
			jdbc.sql("select kind, versions::text from search_index_state").query((rs, row) -> {
				stored.put(Kind.valueOf(rs.getString(1)), parse(rs.getString(2)));
				return null;
			}).list();
			var list = new java.util.ArrayList<Kind>();
			for (var kind : Kind.values()) {
				var wanted = versionsOf(kind, current);
				if (!wanted.equals(stored.get(kind))) {
					if (kind == Kind.DOCUMENT && stored.containsKey(kind)) {
						// built before: only the documents marked since (V45) are written again, none for a change of the area
						// that touched no text (a position, an amendment)
						var marked = jdbc.sql("delete from search_dirty_document returning document_id").query(String.class).list();
						if (!marked.isEmpty()) {
							var ids = marked.toArray(String[]::new);
							jdbc.sql("delete from search_entry where kind = 'DOCUMENT' and record_id = any(?)").param(ids).update();
							jdbc.sql(kind.insert.replace("/*only these*/", "and d.id = any(:ids)"))
									.param("ids", ids).update();
						}
					}
					else {
						if (kind == Kind.DOCUMENT) {
							jdbc.sql("delete from search_dirty_document").update();
						}
						jdbc.sql("delete from search_entry where kind = ?").param(kind.name()).update();
						var insert = jdbc.sql(kind.insert);
						if (kind.zoned) {
							insert = insert.param("zone", clock.zone().getId());
						}
						insert.update();
					}
					jdbc.sql("""
							insert into search_index_state (kind, versions, built_at) values (?, cast(? as jsonb), now())
							on conflict (kind) do update set versions = excluded.versions, built_at = excluded.built_at""")
							.params(kind.name(), json.writeValueAsString(wanted)).update();
					list.add(kind);
				}
				done.put(kind, wanted);
			}
			return list;
		});
		var next = new EnumMap<Kind, Map<String, Long>>(Kind.class);
		next.putAll(built);
		next.putAll(done);
		built = Map.copyOf(next);
		return rebuilt == null ? List.of() : rebuilt;
	}

	private Map<String, Long> parse(String versions) {
		var map = new TreeMap<String, Long>();
		json.readTree(versions).properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asLong()));
		return map;
	}
}
