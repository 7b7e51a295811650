package org.kurultai.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification channel every module writes to. {@link #send} renders the notification in the
 * recipient's language and writes it to the outbox <em>in the caller's transaction</em> (there must
 * be one): the act and its mail are committed together or not at all. The worker sends it later.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final MailRenderer renderer;

	private final ForumClock clock;

	Notifications(JdbcClient jdbc, MailRenderer renderer, ForumClock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.clock = clock;
	}

	/** Writes the notification to the outbox in the caller's transaction; answers its outbox id. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long send(Notification notification) {
		var rendered = renderer.render(notification);
		var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
		return jdbc.sql("""
				insert into outbox_mail (kind, recipient, recipient_name, language, subject, text_body, html_body, created_at,
				    not_before, message_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(notification.template(), notification.to(), notification.toName(), notification.language().getLanguage(),
						rendered.subject(), rendered.text(), rendered.html(), now, now, "<" + UUID.randomUUID() + "@kurultai>")
				.query(Long.class).single();
	}

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
				rs.getInt("attempts"), rs.getString("last_error"), sent == null ? null : sent.toInstant(), rs.getString("message_id"));
	}
}
