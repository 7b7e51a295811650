package org.kurultai.calendars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal calendar tokens: the secret in the address of a person's own feed. Only its SHA-256 is kept; the secret
 * is told once, when made. A person has at most one working token: making one revokes the one before (a rotation).
 * A token works only while it is not revoked and its account is active. Making and revoking are audited.
 */
@Service
@Transactional(readOnly = true)
public class CalendarTokens {

	static final String PREFIX = "kc_";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final AuditLog audit;
	private final ForumClock clock;

	CalendarTokens(JdbcClient jdbc, Accounts accounts, AuditLog audit, ForumClock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A token just made: its secret, known only now, and when it was made. */
	public record Issued(String secret, Instant createdAt) {

		@Override
		public String toString() {
			return "Issued[createdAt=" + createdAt + "]";
		}
	}

	/** Makes the person a new token, revoking the working one if any. */
	@Transactional
	public Issued issue(Account owner) {
		lock(owner);
		var now = clock.now().truncatedTo(ChronoUnit.MICROS);
		var revoked = revokeWorking(owner, now);
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var id = UUID.randomUUID();
		jdbc.sql("insert into calendar_token (id, account_id, token_hash, created_at) values (?, ?, ?, ?)")
				.params(id, owner.id(), hash(secret), utc(now)).update();
		audit.record(new Act(owner.email(), owner.actsFor(), revoked ? "calendar-token.rotated" : "calendar-token.issued",
				"calendar-token:" + id, null, Map.of("createdAt", now.toString())));
		return new Issued(secret, now);
	}

	/** Revokes the person's working token; true if there was one. */
	@Transactional
	public boolean revoke(Account owner) {
		lock(owner);
		var now = clock.now().truncatedTo(ChronoUnit.MICROS);
		var working = working(owner);
		if (working == null) {
			return false;
		}
		revokeWorking(owner, now);
		audit.record(new Act(owner.email(), owner.actsFor(), "calendar-token.revoked", "calendar-token:" + working.id(),
				Map.of("revoked", false), Map.of("revoked", true)));
		return true;
	}

	/** When the person's working token was made, if they have one (its secret is not known any more). */
	public Optional<Instant> workingSince(Account owner) {
		return Optional.ofNullable(working(owner)).map(Working::createdAt);
	}

	/** The active account a presented secret stands for, if the token works; nothing is told of why not. */
	public Optional<Account> account(@Nullable String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select account_id from calendar_token where token_hash = ? and revoked_at is null").param(hash(secret))
				.query(UUID.class).optional().flatMap(accounts::byId).filter(Account::active);
	}

	private record Working(UUID id, Instant createdAt) {
	}

	private @Nullable Working working(Account owner) {
		return jdbc.sql("select id, created_at from calendar_token where account_id = ? and revoked_at is null").param(owner.id())
				.query((rs, row) -> new Working(rs.getObject("id", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
				.optional().orElse(null);
	}

	private boolean revokeWorking(Account owner, Instant now) {
		return jdbc.sql("update calendar_token set revoked_at = ? where account_id = ? and revoked_at is null")
				.params(utc(now), owner.id()).update() > 0;
	}

	/** One person's tokens change one at a time (two tabs rotating at once end with one working token, not an error). */
	private void lock(Account owner) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("calendar-token:" + owner.id()).query((rs, row) -> 1)
				.single();
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
