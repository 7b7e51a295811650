package org.kurultai.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends what a person is signed in with, on every instance at once: their API tokens and their
 * sessions, which live in PostgreSQL (Spring Session JDBC, V21) and are found by the principal
 * name Spring Session indexes them under (the account's e-mail address, whether the person signed
 * in with a password, a passkey or through their ministry). Asked by deactivation, by "sign out
 * everywhere" and, for the other sessions only, by a change of password.
 *
 * <p>Sessions are deleted with the statement that finds them, in the caller's transaction: a
 * deactivation and the end of its sessions commit together, and no session has to be read (or
 * still be readable) to be ended. A request of that session already running on another instance
 * cannot bring it back: Spring Session updates a stored session, it never re-creates a deleted one.
 */
@Service
public class SignOuts {

	private final JdbcClient jdbc;
	private final ForumClock clock;
	private final AuditLog audit;

	SignOuts(JdbcClient jdbc, ForumClock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** Revokes the account's API tokens and ends all its sessions; answers how many tokens were revoked. */
	@Transactional
	public int everywhere(UUID account) {
		var revoked = jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
				.params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), account).update();
		emailOf(account).ifPresent(email -> endSessions(email, null));
		return revoked;
	}

	/** "Sign out everywhere", asked by the person themselves: every session (this one too) and every token, audited. */
	@Transactional
	public Ended everywhereBy(Account person) {
		var sessions = sessionsOf(person.email());
		var tokens = everywhere(person.id());
		audit.record(new Act(person.email(), person.actsFor(), "account.signed-out-everywhere", "account:" + person.email(), null,
				Map.of("sessionsEnded", sessions, "tokensRevoked", tokens)));
		return new Ended(sessions, tokens);
	}

	/** Ends the person's sessions except the one given (the one they are using); answers how many ended. */
	@Transactional
	public int otherSessions(Account person, @Nullable String keep) {
		return endSessions(person.email(), keep);
	}

	/** How many sessions the person has, on all instances. */
	@Transactional(readOnly = true)
	public int sessionsOf(String email) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?").param(principal(email)).query(Integer.class)
				.single();
	}

	private int endSessions(String email, @Nullable String keep) {
		// the sessions' attributes go with them (on delete cascade)
		return jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
				.params(principal(email), keep == null ? "" : keep).update();
	}

	private java.util.Optional<String> emailOf(UUID account) {
		return jdbc.sql("select email from account where id = ?").param(account).query(String.class).optional();
	}

	/** The name Spring Session indexes a person's sessions under: the account's e-mail address as stored (lower case). */
	private static String principal(String email) {
		return email.trim().toLowerCase(java.util.Locale.ROOT);
	}

	/** What "sign out everywhere" ended. */
	public record Ended(int sessions, int tokens) {
	}
}
