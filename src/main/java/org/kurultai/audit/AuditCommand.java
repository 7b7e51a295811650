package org.kurultai.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kurultai.jar --kurultai.command=verify-audit --spring.main.web-application-type=none}:
 * verifies the audit chain, prints the outcome and exits 0 if intact, 3 if broken.
 */
@Component
@ConditionalOnProperty(name = "kurultai.command", havingValue = "verify-audit")
class AuditCommand implements ApplicationRunner {

	private final AuditLog log;
	private final ConfigurableApplicationContext context;

	AuditCommand(AuditLog log, ConfigurableApplicationContext context) {
		this.log = log;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		var verification = log.verify();
		if (verification.intact()) {
			System.out.println("Audit chain intact: " + verification.entriesChecked() + " entries checked.");
		}
		else {
			System.out.println("Audit chain BROKEN at entry " + verification.firstBrokenEntry() + ": " + verification.problem());
		}
		var code = verification.intact() ? 0 : 3;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
