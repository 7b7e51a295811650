package org.kurultai.notifications;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox through the mail server of Spring Boot's {@code spring.mail.*} (see ADR 10). Each mail is claimed in
 * its own transaction with {@code select … for update skip locked}, handed to the mail server, and marked sent in that
 * same transaction: a second instance skips the locked row and finds it sent once the lock is released; a process that
 * dies before the commit leaves the row unsent (PostgreSQL rolls the claim back with the connection), so it is sent
 * again, with the same {@code Message-ID}. A failure counts an attempt, keeps the error, and puts the mail off by an
 * exponential back-off from the injected clock; after {@code kurultai.mail.max-attempts} it is marked failed and waits
 * for an administrator. Without a mail server ({@code spring.mail.host} unset) nothing is sent and mails stay in the
 * outbox, which the Secretariat administrator reads at {@code /admin/outbox}.
 */
@Component
class MailWorker {

	private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

	private static final int MAX_ERROR_LENGTH = 2000;

	/** What one pass did: how many mails it claimed, and how many of them the mail server accepted. */
	record Pass(int claimed, int sent) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final @Nullable JavaMailSender sender;

	private final OutboxProperties properties;

	private final ForumClock clock;

	private final InternetAddress from;

	private final @Nullable TaskScheduler scheduler;

	private final ReentrantLock running = new ReentrantLock();

	private volatile boolean again;

	@Autowired
	MailWorker(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> sender,
			OutboxProperties properties, ForumClock clock, ObjectProvider<TaskScheduler> scheduler) {
		this(jdbc, transactions, sender.getIfAvailable(), properties, clock, scheduler.getIfAvailable());
	}

	/** A worker of its own (tests: another instance on the same database, another mail server). */
	MailWorker(JdbcClient jdbc, PlatformTransactionManager transactions, @Nullable JavaMailSender sender, OutboxProperties properties,
			ForumClock clock, @Nullable TaskScheduler scheduler) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.sender = sender;
		this.properties = properties;
		this.clock = clock;
		this.scheduler = scheduler;
		try {
			this.from = new InternetAddress(properties.from(), true);
		}
		catch (AddressException invalid) {
			throw new IllegalStateException("kurultai.mail.from is not an e-mail address: " + properties.from(), invalid);
		}
	}

	/** Whether a mail server is configured; without one mails stay in the outbox. */
	boolean configured() {
		return sender != null;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (sender == null) {
			log.warn("Mail is not configured (no spring.mail.host): notifications stay in the outbox; the Secretariat administrator "
					+ "reads them at /admin/outbox");
			return;
		}
		log.info("Mail goes out as {} every {} (and at once after a commit that writes one)", properties.from(),
				properties.pollInterval());
		wakeUp(); // what waited while the application was down, off the starting thread (a mail server may be slow)
	}

	@Scheduled(fixedDelayString = "${kurultai.mail.poll-interval:PT5S}", initialDelayString = "${kurultai.mail.poll-interval:PT5S}")
	void poll() {
		if (sender == null) {
			return;
		}
		again = true;
		// one pass at a time per instance; a wake-up during a pass makes it go round once more
		while (again && running.tryLock()) {
			try {
				while (again) {
					again = false;
					var pass = sendDue(clock.now());
					if (pass.claimed() >= properties.batchSize()) {
						again = true;
					}
				}
			}
			catch (RuntimeException failure) { // the database, not a mail: the next poll tries again
				log.warn("Sending the outbox failed; the next poll retries: {}", failure.toString());
			}
			finally {
				running.unlock();
			}
		}
	}

	/** After a commit that wrote a mail: look at once, on the scheduler's (virtual) thread, not the committing one. */
	void wakeUp() {
		if (sender != null && scheduler != null) {
			// at once: a moment already past (the forum's clock may be set ahead of the scheduler's, as in tests)
			scheduler.schedule(this::poll, java.time.Instant.EPOCH);
		}
	}

	/**
	 * Sends the mails due at {@code now} (at most a batch), each in its own transaction; answers what it did. Nothing
	 * without a mail server.
	 */
	Pass sendDue(Instant now) {
		if (sender == null) {
			return new Pass(0, 0);
		}
		int claimed = 0;
		int sent = 0;
		while (claimed < properties.batchSize()) {
			var outcome = transactions.execute(status -> sendNext(now));
			if (outcome == null || outcome.isEmpty()) {
				break;
			}
			claimed++;
			if (outcome.get()) {
				sent++;
			}
		}
		return new Pass(claimed, sent);
	}

	/** Claims the next due mail (skipping those another transaction holds), sends it, records the outcome. */
	private Optional<Boolean> sendNext(Instant now) {
		var at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		var claimed = jdbc.sql("""
				select * from outbox_mail where sent_at is null and failed_at is null and not_before <= ?
				order by not_before, id limit 1 for update skip locked""").param(at).query((rs, row) -> Notifications.mail(rs)).optional();
		if (claimed.isEmpty()) {
			return Optional.empty();
		}
		var mail = claimed.get();
		try {
			send(mail, now);
		}
		catch (MessagingException | UnsupportedEncodingException | MailParseException | MailPreparationException unsendable) {
			recordFailure(mail, at, unsendable, true);
			return Optional.of(false);
		}
		catch (MailException failure) {
			recordFailure(mail, at, failure, false);
			return Optional.of(false);
		}
		jdbc.sql("update outbox_mail set sent_at = ?, last_attempt_at = ?, attempts = attempts + 1 where id = ?").params(at, at, mail.id())
				.update();
		return Optional.of(true);
	}

	private void send(OutboxMail mail, Instant now) throws MessagingException, UnsupportedEncodingException {
		var session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
		var message = new StableIdMessage(session, mail.messageId());
		message.setFrom(from);
		var to = new InternetAddress(mail.recipient(), mail.recipientName(), "UTF-8");
		to.validate();
		message.setRecipient(Message.RecipientType.TO, to);
		message.setSubject(mail.subject(), "UTF-8");
		message.setSentDate(Date.from(now));
		message.setHeader("Content-Language", mail.language());
		message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies, please
		if (mail.unsubscribeUrl() != null) {
			// RFC 2369 and RFC 8058: the mail client's own "unsubscribe" button posts List-Unsubscribe=One-Click to the link
			message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		var text = new MimeBodyPart();
		text.setText(mail.textBody(), "UTF-8", "plain");
		var html = new MimeBodyPart();
		html.setText(mail.htmlBody(), "UTF-8", "html");
		message.setContent(new MimeMultipart("alternative", text, html));
		message.saveChanges();
		java.util.Objects.requireNonNull(sender).send(message);
	}

	private void recordFailure(OutboxMail mail, OffsetDateTime at, Exception failure, boolean never) {
		int attempts = mail.attempts() + 1;
		var error = describe(failure);
		if (never || attempts >= properties.maxAttempts()) {
			jdbc.sql("update outbox_mail set attempts = ?, last_attempt_at = ?, last_error = ?, failed_at = ? where id = ?")
					.params(attempts, at, error, at, mail.id()).update();
			log.error("Mail {} ({}) to {} failed after {} attempt(s), left for an administrator at /admin/outbox: {}", mail.id(),
					mail.kind(), mail.recipient(), attempts, error);
		}
		else {
			var next = at.plus(properties.backoff(attempts));
			jdbc.sql("update outbox_mail set attempts = ?, last_attempt_at = ?, last_error = ?, not_before = ? where id = ?")
					.params(attempts, at, error, next, mail.id()).update();
			log.warn("Mail {} ({}) to {} failed (attempt {}), next attempt at {}: {}", mail.id(), mail.kind(), mail.recipient(), attempts,
					next.toInstant(), error);
		}
	}

	private static String describe(Throwable failure) {
		var text = new StringBuilder(failure.getClass().getSimpleName());
		if (failure.getMessage() != null) {
			text.append(": ").append(failure.getMessage().strip());
		}
		var cause = failure.getCause();
		if (cause != null && cause != failure && cause.getMessage() != null && !text.toString().contains(cause.getMessage().strip())) {
			text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage().strip()).append(')');
		}
		return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
	}

	/** A message that keeps the outbox row's {@code Message-ID} whenever it is saved (so a resend has the same one). */
	static final class StableIdMessage extends MimeMessage {

		private final String messageId;

		StableIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
