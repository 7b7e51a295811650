package org.kurultai.tasks;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What each person saw of each draft the last time they opened its page: the version and the number of amendments. */
@Repository
class SeenDrafts {

	record Seen(int version, int amendments) {
	}

	private final JdbcClient jdbc;

	SeenDrafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everything the person has seen, by document; one query. */
	@Transactional(readOnly = true)
	Map<String, Seen> of(UUID account) {
		var seen = new HashMap<String, Seen>();
		jdbc.sql("select document_id, version, amendments from task_seen where account_id = ?").param(account)
				.query((rs, row) -> seen.put(rs.getString("document_id"), new Seen(rs.getInt("version"), rs.getInt("amendments")))).list();
		return seen;
	}

	/** The person has seen this version with this many amendments; written only when it changes what was seen. */
	@Transactional
	void record(UUID account, String document, Seen seen, Instant at) {
		jdbc.sql("""
				insert into task_seen (account_id, document_id, version, amendments, seen_at) values (?, ?, ?, ?, ?)
				on conflict (account_id, document_id) do update
				   set version = excluded.version, amendments = excluded.amendments, seen_at = excluded.seen_at
				 where task_seen.version <> excluded.version or task_seen.amendments <> excluded.amendments""")
				.params(account, document, seen.version(), seen.amendments(), java.sql.Timestamp.from(at)).update();
	}
}
