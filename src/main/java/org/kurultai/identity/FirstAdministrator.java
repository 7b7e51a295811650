package org.kurultai.identity;

import org.kurultai.audit.Act;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Makes the first Secretariat administrator from configuration, once; never a default password. */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final AdministratorProperties properties;
	private final Accounts accounts;

	FirstAdministrator(AdministratorProperties properties, Accounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(properties.email()) || !StringUtils.hasText(properties.password())) {
			if (!accounts.hasAdministrator()) {
				log.info("No Secretariat administrator yet: set KURULTAI_ADMIN_EMAIL and KURULTAI_ADMIN_PASSWORD to make one");
			}
			return;
		}
		if (accounts.byEmail(properties.email()).isPresent()) {
			return;
		}
		try {
			accounts.open(properties.email(), StringUtils.hasText(properties.name()) ? properties.name() : "Secretariat administrator",
					Role.SECRETARIAT_ADMINISTRATOR, null, properties.password(), Act.SYSTEM, "SECRETARIAT");
			log.info("Made the Secretariat administrator {}", properties.email());
		}
		catch (Accounts.EmailTaken raced) {
			// another instance made it at the same moment
		}
	}
}
