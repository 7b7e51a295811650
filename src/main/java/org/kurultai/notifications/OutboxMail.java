package org.kurultai.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A mail in the outbox, as rendered for its recipient; {@code sentAt} is null until it has gone out. */
public record OutboxMail(long id, String kind, String recipient, @Nullable String recipientName, String language, String subject,
		String textBody, String htmlBody, Instant createdAt, Instant notBefore, int attempts, @Nullable String lastError,
		@Nullable Instant sentAt, String messageId) {
}
