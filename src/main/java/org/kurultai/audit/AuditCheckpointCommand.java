package org.kurultai.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kurultai.jar --kurultai.command=audit-checkpoint --spring.main.web-application-type=none}: takes a
 * signed checkpoint of the audit chain's head now (file, log, mail), prints it and exits 0; exits 3 if the chain does
 * not verify (no checkpoint is taken then), 1 if none could be taken.
 */
@Component
@ConditionalOnProperty(name = "kurultai.command", havingValue = "audit-checkpoint")
class AuditCheckpointCommand implements ApplicationRunner, ExitCodeGenerator {

	private final AuditCheckpoints checkpoints;
	private int exitCode;

	AuditCheckpointCommand(AuditCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Override
	public void run(ApplicationArguments args) {
		var outcome = checkpoints.take(false);
		if (outcome.checkpoint() != null) {
			System.out.println("Audit checkpoint taken: " + outcome.checkpoint().line());
			exitCode = 0;
		}
		else if (outcome.verification() != null && !outcome.verification().intact()) {
			System.out.println(outcome.verification().summary());
			exitCode = AuditCommand.BROKEN;
		}
		else {
			System.out.println("No audit checkpoint taken: " + outcome.skipped());
			exitCode = 1;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
