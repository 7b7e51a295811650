package org.kurultai.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.kurultai.identity.Accounts;
import org.kurultai.notifications.Notification;
import org.kurultai.notifications.Notifications;
import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: once the forum's day has reached {@code kurultai.notices.digest-hour} (in the forum's time zone),
 * each person with notices they chose to receive daily and not yet digested gets one mail listing them, and the
 * notices are marked digested in the same transaction. The day's row ({@code notice_digest}, unique per person and
 * day) is written first, so a second instance (or a second run) finds it and sends nothing.
 */
@Component
class Digests {

	private static final Logger log = LoggerFactory.getLogger(Digests.class);

	private final JdbcClient jdbc;
	private final Notices notices;
	private final Notifications notifications;
	private final Accounts accounts;
	private final ForumClock clock;
	private final TransactionTemplate transactions;
	private final int hour;

	Digests(JdbcClient jdbc, Notices notices, Notifications notifications, Accounts accounts, ForumClock clock,
			PlatformTransactionManager transactions, @Value("${kurultai.notices.digest-hour:7}") int hour) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.notifications = notifications;
		this.accounts = accounts;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
		if (hour < 0 || hour > 23) {
			throw new IllegalStateException("kurultai.notices.digest-hour is an hour of the day, 0 to 23: " + hour);
		}
		this.hour = hour;
	}

	@Scheduled(fixedDelayString = "${kurultai.notices.digest-poll:PT5M}", initialDelayString = "${kurultai.notices.digest-poll:PT5M}")
	void poll() {
		try {
			var now = clock.now().atZone(clock.zone());
			if (now.getHour() >= hour) {
				send(now.toLocalDate());
			}
		}
		catch (RuntimeException failure) {
			log.warn("The daily digest failed; the next run tries again: {}", failure.toString());
		}
	}

	/** Sends the day's digests not sent yet; answers how many. */
	int send(LocalDate day) {
		var people = jdbc.sql("select distinct account_id from notice where delivery = 'DAILY' and digested_at is null")
				.query(UUID.class).list();
		int sent = 0;
		for (var person : people) {
			Boolean done = transactions.execute(status -> {
				boolean digested = digest(person, day);
				if (!digested) {
					status.setRollbackOnly();
				}
				return digested;
			});
			if (Boolean.TRUE.equals(done)) {
				sent++;
			}
		}
		return sent;
	}

	private boolean digest(UUID id, LocalDate day) {
		var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
		int claimed = jdbc.sql("insert into notice_digest (account_id, day, notices, created_at) values (?, ?, 0, ?) on conflict do nothing")
				.params(id, day, now).update();
		if (claimed == 0) {
			return false; // today's digest went out already (this instance or another)
		}
		var person = accounts.byId(id).filter(account -> account.active());
		var listed = jdbc.sql("""
				select * from notice where account_id = ? and delivery = 'DAILY' and digested_at is null
				order by created_at, id for update""").param(id).query((rs, row) -> Notices.notice(rs)).list();
		if (listed.isEmpty() || person.isEmpty()) {
			return false;
		}
		var account = person.get();
		var kinds = new LinkedHashSet<NoticeKind>();
		var items = new java.util.ArrayList<java.util.Map<String, String>>();
		for (var notice : listed) {
			kinds.add(notice.kind());
			items.add(java.util.Map.of("title", notice.title(), "body", notice.body(), "link", notices.absolute(notice.url())));
		}
		var model = new HashMap<String, Object>();
		model.put("notices", items);
		model.put("count", listed.size());
		model.put("day", Texts.day(day, account.language()));
		model.put("link", notices.absolute("/notifications"));
		model.put("settings", notices.absolute("/notifications#settings"));
		long mail = notifications.send(new Notification("notice-digest", account.email(), account.displayName(), account.language(), model,
				List.of(Texts.day(day, account.language()), listed.size()), notices.unsubscribeLink(id, kinds)));
		for (var notice : listed) {
			jdbc.sql("update notice set digested_at = ? where id = ?").params(now, notice.id()).update();
		}
		jdbc.sql("update notice_digest set mail_id = ?, notices = ? where account_id = ? and day = ?").params(mail, listed.size(), id, day)
				.update();
		return true;
	}
}
