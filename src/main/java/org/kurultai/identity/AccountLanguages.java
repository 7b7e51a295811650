package org.kurultai.identity;

import java.util.Map;

import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.platform.LanguageChosen;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in person's account remembers the language they choose (the switch in the header, or
 * the choice on their account page), so that their next sign-in, on any device, opens in it. A
 * change is audited like any other write to an account; choosing the language already set writes
 * nothing.
 */
@Component
class AccountLanguages {

	private final JdbcClient jdbc;
	private final AuditLog audit;

	AccountLanguages(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(LanguageChosen chosen) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof KurultaiUser user)) {
			return;
		}
		var language = chosen.language().getLanguage();
		if (Account.LANGUAGES.stream().noneMatch(supported -> supported.getLanguage().equals(language))) {
			return;
		}
		var before = jdbc.sql("select language from account where id = ? for update").param(user.account().id()).query(String.class)
				.optional();
		if (before.isEmpty() || before.get().equals(language)) {
			return;
		}
		jdbc.sql("update account set language = ? where id = ?").params(language, user.account().id()).update();
		var account = user.account();
		audit.record(new Act(account.email(), account.actsFor(), "account.language-chosen", "account:" + account.email(),
				Map.of("language", before.get()), Map.of("language", language)));
	}
}
