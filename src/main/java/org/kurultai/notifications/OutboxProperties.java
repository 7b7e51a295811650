package org.kurultai.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox is delivered ({@code kurultai.mail.*}); the mail server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every mail, e.g. {@code kurultai@cica.example} or {@code "Kurultai <kurultai@cica.example>"}
 * @param pollInterval how often each instance looks for mails due (a commit that writes a mail also wakes it at once)
 * @param batchSize how many mails one pass sends at most, one transaction each
 * @param maxAttempts after this many failed attempts a mail is marked failed (the administrator may retry it)
 * @param initialBackoff the wait after the first failed attempt; it doubles with each further failure
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("kurultai.mail")
record OutboxProperties(String from, Duration pollInterval, int batchSize, int maxAttempts, Duration initialBackoff,
		Duration maxBackoff) {

	OutboxProperties {
		if (from == null || from.isBlank()) {
			from = "kurultai@localhost";
		}
		if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
			pollInterval = Duration.ofSeconds(5);
		}
		if (batchSize <= 0) {
			batchSize = 50;
		}
		if (maxAttempts <= 0) {
			maxAttempts = 10;
		}
		if (initialBackoff == null || initialBackoff.isZero() || initialBackoff.isNegative()) {
			initialBackoff = Duration.ofMinutes(1);
		}
		if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
			maxBackoff = initialBackoff.compareTo(Duration.ofHours(6)) > 0 ? initialBackoff : Duration.ofHours(6);
		}
	}

	/** The wait after the {@code attempts}-th failed attempt: initial × 2^(attempts − 1), at most {@link #maxBackoff}. */
	Duration backoff(int attempts) {
		var wait = initialBackoff;
		for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}
}
