package org.kurultai.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening and finding accounts. Every write is audited in its own transaction. */
@Service
@Transactional(readOnly = true)
public class Accounts {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	private final AccountRepository repository;
	private final PasswordEncoder passwords;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;

	Accounts(AccountRepository repository, PasswordEncoder passwords, Registry registry, AuditLog audit, ForumClock clock) {
		this.clock = clock;
		this.repository = repository;
		this.passwords = passwords;
		this.registry = registry;
		this.audit = audit;
	}

	public Optional<Account> byEmail(String email) {
		return repository.byEmail(email);
	}

	public List<Account> all() {
		return repository.all();
	}

	public boolean hasAdministrator() {
		return repository.anyWithRole(Role.SECRETARIAT_ADMINISTRATOR);
	}

	/**
	 * Opens an account. {@code password} may be null for a person who signs in only through their
	 * ministry's identity provider.
	 */
	@Transactional
	public Account open(String email, String displayName, Role role, @Nullable String participant, @Nullable String password,
			String actor, String actorActsFor) {
		if (participant != null && !registry.isRegistered(ParticipantCode.parse(participant))) {
			throw NotFound.of("problem.notFound.participant", participant);
		}
		var account = new Account(UUID.randomUUID(), email, displayName, role,
				participant == null ? null : ParticipantCode.parse(participant).value(), true, clock.now());
		if (repository.byEmail(account.email()).isPresent()) {
			throw new EmailTaken(account.email());
		}
		if (password != null && password.length() < MINIMUM_PASSWORD_LENGTH) {
			throw new PasswordTooShort();
		}
		repository.insert(account, password == null ? null : passwords.encode(password));
		audit.record(new Act(actor, actorActsFor, "account.opened", "account:" + account.email(), null,
				Map.of("email", account.email(), "role", role.name(), "participant", String.valueOf(account.participant()))));
		return account;
	}

	@Nullable String passwordHash(Account account) {
		return repository.passwordHash(account.id());
	}

	/** One account per e-mail address. */
	public static class EmailTaken extends RuleViolation {

		EmailTaken(String email) {
			super("problem.account.emailTaken", email);
		}

		@Override
		public String rule() {
			return "email-taken";
		}
	}

	/** Passwords have at least twelve characters. */
	public static class PasswordTooShort extends RuleViolation {

		PasswordTooShort() {
			super("problem.account.passwordTooShort", MINIMUM_PASSWORD_LENGTH);
		}

		@Override
		public String rule() {
			return "password-too-short";
		}
	}
}
