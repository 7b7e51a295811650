package org.kurultai.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kurultai.jar --kurultai.command=verify-audit --spring.main.web-application-type=none}:
 * verifies the audit chain against its key and its checkpoints, prints the outcome and exits 0 if intact, 3 if
 * broken.
 */
@Component
@ConditionalOnProperty(name = "kurultai.command", havingValue = "verify-audit")
class AuditCommand implements ApplicationRunner, ExitCodeGenerator {

	static final int BROKEN = 3;

	private final AuditLog log;
	private int exitCode;

	AuditCommand(AuditLog log) {
		this.log = log;
	}

	@Override
	public void run(ApplicationArguments args) {
		var verification = log.verify();
		System.out.println(verification.summary());
		if (verification.latestCheckpoint() != null) {
			System.out.println("Latest checkpoint: " + verification.latestCheckpoint().line());
		}
		verification.notices().forEach(notice -> System.out.println("Note: " + notice));
		exitCode = verification.intact() ? 0 : BROKEN;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
