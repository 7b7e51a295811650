package org.kurultai.notices;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unsubscribe links of notice mails (RFC 8058 one-click): a token names a person and the kinds its mail told of;
 * only its SHA-256 is kept. Reading it ({@link #link}) changes nothing (link scanners follow links); posting it
 * ({@link #unsubscribe}) turns those kinds' mails off — the kinds always mailed at once stay as they are.
 */
@Service
class Unsubscribes {

	/** What a link would change: whose, which kinds may be turned off, which may not, and whether it was used. */
	record Link(Account person, List<NoticeKind> kinds, List<NoticeKind> kept, boolean used) {
	}

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final Notices notices;
	private final ForumClock clock;
	private final AuditLog audit;

	Unsubscribes(JdbcClient jdbc, Accounts accounts, Notices notices, ForumClock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.notices = notices;
		this.clock = clock;
		this.audit = audit;
	}

	private record Row(UUID account, String kinds, boolean used) {
	}

	@Transactional(readOnly = true)
	public Link link(String token) {
		var row = row(token, false);
		return link(row);
	}

	private Link link(Row row) {
		var person = accounts.byId(row.account()).orElseThrow(() -> NotFound.of("problem.notices.unsubscribeUnknown"));
		var kinds = new ArrayList<NoticeKind>();
		var kept = new ArrayList<NoticeKind>();
		for (var name : Arrays.stream(row.kinds().split(",")).filter(s -> !s.isBlank()).toList()) {
			var kind = NoticeKind.named(name);
			if (kind != null) {
				(kind.alwaysImmediate() ? kept : kinds).add(kind);
			}
		}
		return new Link(person, List.copyOf(kinds), List.copyOf(kept), row.used());
	}

	private Row row(String token, boolean lock) {
		if (token.length() > 100) {
			throw NotFound.of("problem.notices.unsubscribeUnknown");
		}
		return jdbc.sql("select account_id, kinds, used_at from notice_unsubscribe where token_hash = ?" + (lock ? " for update" : ""))
				.param(Notices.sha256(token))
				.query((rs, n) -> new Row(rs.getObject("account_id", UUID.class), rs.getString("kinds"), rs.getObject("used_at") != null))
				.optional().orElseThrow(() -> NotFound.of("problem.notices.unsubscribeUnknown"));
	}

	/** Turns the link's kinds off (no mail; still listed in-app); answers what it did. Posting it again changes nothing more. */
	@Transactional
	public Link unsubscribe(String token) {
		var row = row(token, true);
		var link = link(row);
		var before = notices.settings(link.person());
		for (var kind : link.kinds()) {
			notices.set(link.person().id(), kind, Delivery.OFF);
		}
		jdbc.sql("update notice_unsubscribe set used_at = coalesce(used_at, ?) where token_hash = ?")
				.params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), Notices.sha256(token)).update();
		var after = notices.settings(link.person());
		if (!after.equals(before)) {
			audit.record(new Act(link.person().email(), link.person().actsFor(), "notices.unsubscribed", "account:" + link.person().id(),
					Notices.describe(before), Notices.describe(after)));
		}
		return link;
	}
}
