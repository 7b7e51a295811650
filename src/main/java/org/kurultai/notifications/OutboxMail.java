package org.kurultai.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A mail in the outbox, as rendered for its recipient; {@code sentAt} is null until it has gone out, {@code failedAt}
 * is set when the worker gave up on it (an administrator may retry it); {@code unsubscribeUrl} is the one-click
 * unsubscribe link of a mail one subscribed to (null for the others).
 */
public record OutboxMail(long id, String kind, String recipient, @Nullable String recipientName, String language, String subject,
		String textBody, String htmlBody, Instant createdAt, Instant notBefore, int attempts, @Nullable String lastError,
		@Nullable Instant sentAt, String messageId, @Nullable Instant lastAttemptAt, @Nullable Instant failedAt,
		@Nullable String unsubscribeUrl) {

	/** Waiting (never tried), retrying (tried and failed), sent, or failed (given up). */
	public OutboxStatus status() {
		if (sentAt != null) {
			return OutboxStatus.SENT;
		}
		if (failedAt != null) {
			return OutboxStatus.FAILED;
		}
		return attempts == 0 ? OutboxStatus.WAITING : OutboxStatus.RETRYING;
	}
}
