package org.kurultai.audit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes signed checkpoints of the audit chain's head: when the application is ready, every
 * {@code kurultai.audit.checkpoint-interval} (one per interval among the instances of one database), and when asked
 * ({@code --kurultai.command=audit-checkpoint}). Each is appended to the checkpoint file, logged, and mailed to
 * {@code kurultai.audit.checkpoint-mail-to} when that and a mail host ({@code spring.mail.host}) are configured. A chain
 * that does not verify is not checkpointed: it is logged as an error and mailed as an alert.
 */
@Component
class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final AuditLog audit;
	private final AuditProperties properties;
	private final ObjectProvider<JavaMailSender> mail;
	private final Environment environment;

	AuditCheckpoints(AuditLog audit, AuditProperties properties, ObjectProvider<JavaMailSender> mail, Environment environment) {
		this.audit = audit;
		this.properties = properties;
		this.mail = mail;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (environment.containsProperty("kurultai.command")) {
			return; // a one-off command: it checkpoints only if that is what it is for
		}
		take(false);
	}

	@Scheduled(fixedDelayString = "${kurultai.audit.checkpoint-interval:PT1H}", initialDelayString = "${kurultai.audit.checkpoint-interval:PT1H}")
	void onSchedule() {
		take(true);
	}

	/** Takes a checkpoint now (or, with {@code onlyIfDue}, if none was taken within the interval); never throws. */
	AuditLog.Checkpointing take(boolean onlyIfDue) {
		AuditLog.Checkpointing outcome;
		try {
			outcome = audit.checkpoint(onlyIfDue);
		}
		catch (RuntimeException failure) {
			log.error("Audit checkpoint failed; the next one is due in {}", properties.checkpointInterval(), failure);
			return new AuditLog.Checkpointing(null, null, "failed: " + failure);
		}
		var checkpoint = outcome.checkpoint();
		if (checkpoint != null) {
			log.info("Audit checkpoint: {}", checkpoint.line());
			send("Kurultai audit checkpoint: " + checkpoint.count() + " entries", """
					A signed checkpoint of the Kurultai audit chain. Keep this message: verification checks the database
					against the checkpoints in %s; this copy shows what the log held, should that file be lost or altered.

					entries: %d
					last position: %d
					last hash: %s
					taken at: %s

					%s
					""".formatted(audit.checkpointFile(), checkpoint.count(), checkpoint.seq(), checkpoint.hash(), checkpoint.at(),
					checkpoint.line()));
		}
		else if (outcome.verification() != null && !outcome.verification().intact()) {
			log.error("Audit chain does not verify; no checkpoint taken. {}", outcome.verification().summary());
			send("Kurultai audit chain BROKEN", outcome.verification().summary() + "\n");
		}
		else {
			log.debug("No audit checkpoint: {}", outcome.skipped());
		}
		return outcome;
	}

	private void send(String subject, String text) {
		var to = properties.checkpointMailTo();
		if (to == null) {
			return;
		}
		var sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("kurultai.audit.checkpoint-mail-to is {} but no mail host is configured (spring.mail.host): not mailed", to);
			return;
		}
		try {
			var message = new SimpleMailMessage();
			message.setFrom(properties.checkpointMailFrom());
			message.setTo(to);
			message.setSubject(subject);
			message.setText(text);
			sender.send(message);
		}
		catch (RuntimeException failure) { // MailException, and whatever the transport throws
			log.error("Mailing \"{}\" to {} failed (the checkpoint file has it): {}", subject, to, describe(failure));
		}
	}

	private static @Nullable String describe(Throwable failure) {
		return failure.getCause() != null ? failure + " / " + failure.getCause() : failure.toString();
	}
}
