package org.kurultai.notifications;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outbox as the Secretariat administrator sees it: every mail, newest first, and a retry for a failed one. */
@Service
class Outbox {

	static final int MAX_LIMIT = 500;

	/** A filter: a status, part of the recipient's address or name, how many at most. */
	record Query(@Nullable OutboxStatus status, @Nullable String recipient, int limit) {

		Query {
			if (limit < 1 || limit > MAX_LIMIT) {
				throw InvalidRequest.of("limit", "problem.outbox.limit", MAX_LIMIT);
			}
			recipient = recipient == null || recipient.isBlank() ? null : recipient.strip();
			if (recipient != null && (recipient.length() > 320 || recipient.indexOf('\u0000') >= 0)) {
				throw InvalidRequest.of("recipient", "problem.outbox.recipient");
			}
		}
	}

	/** Only a failed mail is retried by hand (the others are on their way). */
	static final class NotFailed extends RuleViolation {

		NotFailed(long id, OutboxStatus status) {
			super("problem.outbox.notFailed", Long.toString(id), status.slug());
		}

		@Override
		public String rule() {
			return "outbox-mail-not-failed";
		}
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ForumClock clock;

	private final MailWorker worker;

	Outbox(JdbcClient jdbc, AuditLog audit, ForumClock clock, MailWorker worker) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.worker = worker;
	}

	/** Whether mails go out at all (a mail server is configured). */
	boolean delivering() {
		return worker.configured();
	}

	@Transactional(readOnly = true)
	List<OutboxMail> find(Query query) {
		var sql = new StringBuilder("select * from outbox_mail where true");
		var params = new java.util.ArrayList<Object>();
		if (query.status() != null) {
			sql.append(switch (query.status()) {
				case SENT -> " and sent_at is not null";
				case FAILED -> " and failed_at is not null";
				case WAITING -> " and sent_at is null and failed_at is null and attempts = 0";
				case RETRYING -> " and sent_at is null and failed_at is null and attempts > 0";
			});
		}
		if (query.recipient() != null) {
			sql.append(" and (strpos(lower(recipient), lower(?)) > 0 or strpos(lower(coalesce(recipient_name, '')), lower(?)) > 0)");
			params.add(query.recipient());
			params.add(query.recipient());
		}
		sql.append(" order by id desc limit ?");
		params.add(query.limit());
		return jdbc.sql(sql.toString()).params(params).query((rs, row) -> Notifications.mail(rs)).list();
	}

	@Transactional(readOnly = true)
	OutboxMail mail(long id) {
		return jdbc.sql("select * from outbox_mail where id = ?").param(id).query((rs, row) -> Notifications.mail(rs)).optional()
				.orElseThrow(() -> NotFound.of("problem.outbox.unknown", Long.toString(id)));
	}

	/**
	 * Gives a failed mail a new round of attempts, due now; audited. The worker is woken once the retry has committed.
	 */
	@Transactional
	OutboxMail retry(long id, String actor, String onBehalfOf) {
		var before = jdbc.sql("select * from outbox_mail where id = ? for update").param(id).query((rs, row) -> Notifications.mail(rs))
				.optional().orElseThrow(() -> NotFound.of("problem.outbox.unknown", Long.toString(id)));
		if (before.status() != OutboxStatus.FAILED) {
			throw new NotFailed(id, before.status());
		}
		var now = OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
		jdbc.sql("update outbox_mail set failed_at = null, attempts = 0, not_before = ? where id = ?").params(now, id).update();
		var after = mail(id);
		audit.record(new Act(actor, onBehalfOf, "outbox-mail.retried", "outbox-mail:" + id, state(before), state(after)));
		org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
				new org.springframework.transaction.support.TransactionSynchronization() {

					@Override
					public void afterCommit() {
						worker.wakeUp();
					}
				});
		return after;
	}

	/** What the audit keeps of a mail's delivery (not its text: it may carry a one-time link). */
	private static Map<String, Object> state(OutboxMail mail) {
		var state = new LinkedHashMap<String, Object>();
		state.put("status", mail.status().slug());
		state.put("recipient", mail.recipient());
		state.put("kind", mail.kind());
		state.put("attempts", mail.attempts());
		state.put("notBefore", mail.notBefore().toString());
		state.put("failedAt", mail.failedAt() == null ? null : mail.failedAt().toString());
		state.put("lastError", mail.lastError());
		return state;
	}
}
