package org.kurultai.identity;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed-in person changes their own password: they give the current one (checked, and throttled
 * like sign-in: wrong guesses count towards the same limits), the new one follows the same rules as
 * any password (at least {@value Accounts#MINIMUM_PASSWORD_LENGTH} characters, Argon2id). The change
 * is audited and ends the person's other sessions, on every instance; the one they use stays.
 */
@Service
public class OwnPasswords {

	/** Longer than any password a person types; keeps hashing cheap to ask for. */
	static final int MAXIMUM_PASSWORD_LENGTH = 1000;

	private final Accounts accounts;
	private final PasswordEncoder encoder;
	private final SignInThrottle throttle;
	private final SignOuts signOuts;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	OwnPasswords(Accounts accounts, PasswordEncoder encoder, SignInThrottle throttle, SignOuts signOuts, AuditLog audit, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.signOuts = signOuts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Changes the person's password. {@code repeat} is the form's second typing of the new password
	 * (null from the API); {@code address} is where the request came from (for the throttle);
	 * {@code keepSession} the session that stays signed in (null: none). Answers how many other
	 * sessions ended.
	 */
	public int change(Account person, @Nullable String current, @Nullable String next, @Nullable String repeat, String address,
			@Nullable String keepSession) {
		if (next == null || next.isEmpty()) {
			throw new Refused("new", "identity.password.error.newMissing");
		}
		if (next.length() < Accounts.MINIMUM_PASSWORD_LENGTH) {
			throw new Refused("new", "identity.password.error.tooShort");
		}
		if (next.length() > MAXIMUM_PASSWORD_LENGTH) {
			throw new Refused("new", "identity.password.error.tooLong");
		}
		if (repeat != null && !repeat.equals(next)) {
			throw new Refused("repeat", "identity.password.error.repeat");
		}
		if (throttle.isThrottled(person.email(), address)) {
			throw new Throttled();
		}
		var hash = accounts.passwordHash(person);
		if (current == null || current.isEmpty() || current.length() > MAXIMUM_PASSWORD_LENGTH || hash == null
				|| !encoder.matches(current, hash)) {
			throttle.record(person.email(), address, false);
			throw new WrongCurrentPassword();
		}
		var ended = transactions.execute(status -> {
			jdbc.sql("update account set password_hash = ? where id = ?").params(encoder.encode(next), person.id()).update();
			var others = signOuts.otherSessions(person, keepSession);
			audit.record(new Act(person.email(), person.actsFor(), "account.password-changed", "account:" + person.email(), null,
					Map.of("otherSessionsEnded", others)));
			return others;
		});
		throttle.record(person.email(), address, true);
		return ended == null ? 0 : ended;
	}

	/** The new password breaks a rule; {@code field} is "new" or "repeat", {@code message} a message key. */
	public static class Refused extends RuntimeException {

		private final String field;
		private final String message;

		Refused(String field, String message) {
			super(field + ": " + message);
			this.field = field;
			this.message = message;
		}

		public String field() {
			return field;
		}

		public String message() {
			return message;
		}
	}

	/** The current password given is not the person's. */
	public static class WrongCurrentPassword extends RuntimeException {

		WrongCurrentPassword() {
			super("The current password is not right");
		}
	}

	/** Too many wrong passwords for this account or from this address: try again later. */
	public static class Throttled extends RuntimeException {

		Throttled() {
			super("Too many failed attempts");
		}
	}
}
