package org.kurultai.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the audit chain's key and checkpoints live, outside the database.
 *
 * @param key the chain's secret key, base64 of at least 32 bytes; when empty, {@code keyFile} is read (and made on first
 *        start)
 * @param keyFile the file holding the key (base64), made with owner-only permissions (600) if absent
 * @param checkpointFile the file signed checkpoints of the chain's head are appended to (owner-only permissions)
 * @param checkpointInterval how often a checkpoint is taken (one per interval among the instances of one database)
 * @param checkpointMailTo where each checkpoint is mailed; empty: not mailed
 * @param checkpointMailFrom the sender of those mails
 */
@ConfigurationProperties("kurultai.audit")
record AuditProperties(@Nullable String key, Path keyFile, Path checkpointFile, Duration checkpointInterval,
		@Nullable String checkpointMailTo, String checkpointMailFrom) {

	AuditProperties {
		if (keyFile == null) {
			keyFile = Path.of("data", "audit", "chain.key");
		}
		if (checkpointFile == null) {
			checkpointFile = Path.of("data", "audit", "checkpoints.log");
		}
		if (checkpointInterval == null || checkpointInterval.isZero() || checkpointInterval.isNegative()) {
			checkpointInterval = Duration.ofHours(1);
		}
		if (checkpointMailFrom == null || checkpointMailFrom.isBlank()) {
			checkpointMailFrom = "kurultai-audit@localhost";
		}
		key = key == null || key.isBlank() ? null : key.trim();
		checkpointMailTo = checkpointMailTo == null || checkpointMailTo.isBlank() ? null : checkpointMailTo.trim();
	}
}
