package org.kurultai.identity;

import org.kurultai.audit.Act;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: one account per role, so a newcomer can try each. Never in production:
 * the password is published in the README.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "kurultai-demo-2026";

	private final Accounts accounts;
	private final Accreditations accreditations;

	DemoAccounts(Accounts accounts, Accreditations accreditations) {
		this.accounts = accounts;
		this.accreditations = accreditations;
	}

	@Override
	public void run(ApplicationArguments args) {
		open("admin@demo.kurultai.org", "Demo Secretariat administrator", Role.SECRETARIAT_ADMINISTRATOR, null);
		open("officer@demo.kurultai.org", "Demo Secretariat officer", Role.SECRETARIAT_OFFICER, null);
		open("coordinator.kaz@demo.kurultai.org", "Demo national coordinator of Kazakhstan", Role.NATIONAL_COORDINATOR, "KAZ");
		open("coordinator.aze@demo.kurultai.org", "Demo national coordinator of Azerbaijan (the chair)", Role.NATIONAL_COORDINATOR, "AZE");
		open("coordinator.ind@demo.kurultai.org", "Demo national coordinator of India", Role.NATIONAL_COORDINATOR, "IND");
		open("coordinator.jpn@demo.kurultai.org", "Demo national coordinator of Japan", Role.NATIONAL_COORDINATOR, "JPN");
		open("delegate.kaz@demo.kurultai.org", "Demo delegate of Kazakhstan (member)", Role.DELEGATE, "KAZ");
		open("delegate.jpn@demo.kurultai.org", "Demo delegate of Japan (observer)", Role.DELEGATE, "JPN");
		open("expert@demo.kurultai.org", "Demo expert", Role.EXPERT, null);
		accredit("coordinator.kaz@demo.kurultai.org", "delegate.kaz@demo.kurultai.org");
		accredit("coordinator.jpn@demo.kurultai.org", "delegate.jpn@demo.kurultai.org");
	}

	/** The demo delegates are proposed by their coordinator and accredited by the demo Secretariat. */
	private void accredit(String coordinator, String delegate) {
		var proposer = accounts.byEmail(coordinator).orElseThrow();
		var officer = accounts.byEmail("officer@demo.kurultai.org").orElseThrow();
		try {
			var proposal = accreditations.propose(proposer, delegate);
			accreditations.accredit(proposal.id(), officer);
		}
		catch (Accreditations.AlreadyInDelegation done) {
			// accredited on an earlier start
		}
	}

	private void open(String email, String name, Role role, String participant) {
		if (accounts.byEmail(email).isEmpty()) {
			try {
				accounts.open(email, name, role, participant, PASSWORD, Act.SYSTEM, "SECRETARIAT");
			}
			catch (Accounts.EmailTaken raced) {
				// another instance made it at the same moment
			}
		}
	}
}
