package org.kurultai.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A mail of the outbox as the API shows it to the Secretariat administrator. Its plain text is given while the mail has
 * not gone out (that is how a one-time link is read where no mail server is configured); once sent it belongs to its
 * recipient and {@code text} is null.
 */
record OutboxEntry(long id, String kind, String status, String recipient, @Nullable String recipientName, String language,
		String subject, String messageId, Instant createdAt, Instant notBefore, int attempts, @Nullable Instant lastAttemptAt,
		@Nullable String lastError, @Nullable Instant sentAt, @Nullable Instant failedAt, @Nullable String text) {

	static OutboxEntry of(OutboxMail mail) {
		return new OutboxEntry(mail.id(), mail.kind(), mail.status().slug(), mail.recipient(), mail.recipientName(), mail.language(),
				mail.subject(), mail.messageId(), mail.createdAt(), mail.notBefore(), mail.attempts(), mail.lastAttemptAt(), mail.lastError(),
				mail.sentAt(), mail.failedAt(), mail.sentAt() == null ? mail.textBody() : null);
	}
}
