package org.kurultai.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification channel every module writes to. {@link #send} renders the notification in the
 * recipient's language and writes it to the outbox <em>in the caller's transaction</em> (there must
 * be one): the act and its mail are committed together or not at all. The {@link MailWorker} sends it once the
 * transaction has committed (woken by the commit, or at its next poll), never a mail whose transaction rolled back.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final ForumClock clock;

	private final MailWorker worker;

	Notifications(JdbcClient jdbc, MailRenderer renderer, ForumClock clock, MailWorker worker) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.clock = clock;
		this.worker = worker;
	}

	/** Writes the notification to the outbox in the caller's transaction; answers its outbox id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long send(Notification notification) {
		var rendered = renderer.render(notification);
		var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
		wakeWorkerAfterCommit();
		return jdbc.sql("""
				insert into outbox_mail (kind, recipient, recipient_name, language, subject, text_body, html_body, created_at,
				    not_before, message_id, unsubscribe_url)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(notification.template(), notification.to(), notification.toName(), notification.language().getLanguage(),
						rendered.subject(), rendered.text(), rendered.html(), now, now, "<" + UUID.randomUUID() + "@kurultai>",
						notification.unsubscribeUrl())
				.query(Long.class).single();
	}

	/** Once per transaction: after it commits, the worker looks for due mails at once instead of at its next poll. */
	private void wakeWorkerAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(WAKE_UP)) {
			TransactionSynchronizationManager.bindResource(WAKE_UP, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_UP);
					if (status == STATUS_COMMITTED) {
						worker.wakeUp();
					}
				}
			});
		}
	}

	private static final Object WAKE_UP = new Object();

	/** The mails written for one recipient, newest first (the outbox page; tests). */
	@Transactional(readOnly = true)
	public List<OutboxMail> to(String recipient) {
		return jdbc.sql("select * from outbox_mail where lower(recipient) = lower(?) order by id desc").param(recipient.trim())
				.query((rs, row) -> mail(rs)).list();
	}

	static OutboxMail mail(ResultSet rs) throws SQLException {
		var sent = rs.getObject("sent_at", OffsetDateTime.class);
		return new OutboxMail(rs.getLong("id"), rs.getString("kind"), rs.getString("recipient"), rs.getString("recipient_name"),
				rs.getString("language"), rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("not_before", OffsetDateTime.class).toInstant(),
				rs.getInt("attempts"), rs.getString("last_error"), sent == null ? null : sent.toInstant(), rs.getString("message_id"),
				instant(rs, "last_attempt_at"), instant(rs, "failed_at"), rs.getString("unsubscribe_url"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}
}
