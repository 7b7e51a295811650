package org.kurultai.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password-reset requests, answered before anyone looks the address up. The request only writes a row
 * ({@code password_reset_request}) while the requester waits; once it commits, a worker thread (and, as a safety net,
 * every instance's scheduler) takes each row under {@code FOR UPDATE SKIP LOCKED}, looks the address up, mails an active
 * account its link ({@link Accounts#sendPasswordReset}) and deletes the row — in one transaction, so a request is handled
 * once, across restarts and instances, and never lost.
 */
@Service
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final JdbcClient jdbc;

	private final ForumClock clock;

	private final Accounts accounts;

	private final TransactionTemplate transactions;

	private final org.springframework.scheduling.TaskScheduler scheduler;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	PasswordResets(JdbcClient jdbc, ForumClock clock, Accounts accounts, PlatformTransactionManager transactionManager,
			org.springframework.scheduling.TaskScheduler scheduler) {
		this.scheduler = scheduler;
		this.jdbc = jdbc;
		this.clock = clock;
		this.accounts = accounts;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Writes the request in the caller's transaction; the worker handles it once that commits. */
	@Transactional(propagation = Propagation.MANDATORY)
	void queue(String email) {
		jdbc.sql("insert into password_reset_request (email, requested_at) values (?, ?)")
				.params(email, OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC)).update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wake();
			}
		});
	}

	/** Handles the waiting requests on the worker thread (never on the requester's). */
	void wake() {
		if (scheduled.compareAndSet(false, true)) {
			try {
				// at once (a moment already past), on the scheduler's thread (virtual with spring.threads.virtual.enabled)
				scheduler.schedule(() -> {
					scheduled.set(false);
					handleWaiting();
				}, Instant.EPOCH);
			}
			catch (org.springframework.core.task.TaskRejectedException shuttingDown) {
				scheduled.set(false);
			}
		}
	}

	/** The safety net: requests left by a wake-up that did not run (a crash, a restart) are handled here. */
	@Scheduled(fixedDelayString = "${kurultai.password-reset.poll-interval:PT10S}", initialDelayString = "${kurultai.password-reset.poll-interval:PT10S}")
	void poll() {
		wake();
	}

	/** Handles every waiting request, one per transaction; answers how many this call handled. */
	int handleWaiting() {
		int handled = 0;
		while (true) {
			try {
				Boolean one = transactions.execute(status -> {
					var next = jdbc.sql("select id, email from password_reset_request order by id limit 1 for update skip locked")
							.query((rs, row) -> new Object[] { rs.getLong("id"), rs.getString("email") }).optional();
					if (next.isEmpty()) {
						return false;
					}
					accounts.sendPasswordReset((String) next.get()[1]);
					jdbc.sql("delete from password_reset_request where id = ?").param(next.get()[0]).update();
					return true;
				});
				if (!Boolean.TRUE.equals(one)) {
					return handled;
				}
				handled++;
			}
			catch (RuntimeException failed) {
				// the row stays and is tried again at the next poll
				log.warn("A password-reset request could not be handled yet: {}", failed.getMessage());
				return handled;
			}
		}
	}

	/** How many requests wait (tests wait for none). */
	int waiting() {
		return jdbc.sql("select count(*) from password_reset_request").query(Integer.class).single();
	}
}
