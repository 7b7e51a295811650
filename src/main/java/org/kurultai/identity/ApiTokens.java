package org.kurultai.identity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Making, listing, revoking and checking personal API tokens. Making and revoking are audited. */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

	static final String PREFIX = "kt_";
	static final int MAXIMUM_DAYS = 365;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ForumClock clock;

	ApiTokens(JdbcClient jdbc, AuditLog audit, ForumClock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A token just made, with its secret: the only time the secret is known. */
	public record Issued(ApiToken token, String secret) {
	}

	@Transactional
	public Issued issue(Account owner, String name, int days) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw InvalidRequest.of("name", "problem.token.name");
		}
		if (days < 1 || days > MAXIMUM_DAYS) {
			throw InvalidRequest.of("expiresInDays", "problem.token.lifetime", MAXIMUM_DAYS);
		}
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.now().truncatedTo(ChronoUnit.MICROS);
		var token = new ApiToken(UUID.randomUUID(), owner.id(), name.trim(), secret.substring(0, 10), now,
				now.plus(Duration.ofDays(days)), null, null);
		jdbc.sql("""
				insert into api_token (id, account_id, name, secret_hash, prefix, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
				.params(token.id(), owner.id(), token.name(), hash(secret), token.prefix(), utc(token.createdAt()), utc(token.expiresAt()))
				.update();
		audit.record(new Act(owner.email(), owner.actsFor(), "api-token.issued", "api-token:" + token.id(), null,
				Map.of("name", token.name(), "expiresAt", token.expiresAt().toString())));
		return new Issued(token, secret);
	}

	public List<ApiToken> of(Account owner) {
		return jdbc.sql("select * from api_token where account_id = ? order by created_at desc").param(owner.id())
				.query((rs, row) -> token(rs)).list();
	}

	public List<ApiToken> all() {
		return jdbc.sql("select * from api_token order by created_at desc").query((rs, row) -> token(rs)).list();
	}

	/** Revokes a token: its owner may revoke their own, a Secretariat administrator any. */
	@Transactional
	public ApiToken revoke(UUID id, Account by) {
		var token = jdbc.sql("select * from api_token where id = ? for update").param(id).query((rs, row) -> token(rs)).optional()
				.filter(found -> found.account().equals(by.id()) || by.role() == Role.SECRETARIAT_ADMINISTRATOR)
				.orElseThrow(() -> NotFound.of("problem.notFound.token", id));
		if (token.revokedAt() != null) {
			return token;
		}
		jdbc.sql("update api_token set revoked_at = now() where id = ?").param(id).update();
		audit.record(new Act(by.email(), by.actsFor(), "api-token.revoked", "api-token:" + id, Map.of("revoked", false),
				Map.of("revoked", true)));
		return jdbc.sql("select * from api_token where id = ?").param(id).query((rs, row) -> token(rs)).single();
	}

	/**
	 * The account a presented secret stands for, if the token works now: the token and its owner in one statement.
	 * "Last used" is noted to the minute, in a statement of its own: a busy client's requests neither each write (and
	 * wait for the disk) nor open a read-write transaction (whose commit makes the data versions be read again).
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	public Optional<Account> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		record Working(UUID id, Account account, boolean stale) {
		}
		var token = jdbc.sql("""
				select t.id as token_id, t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as stale, a.*
				from api_token t join account a on a.id = t.account_id
				where t.secret_hash = ? and t.revoked_at is null and t.expires_at > now()""").param(hash(secret))
				.query((rs, row) -> new Working(rs.getObject("token_id", UUID.class), AccountRepository.account(rs), rs.getBoolean("stale")))
				.optional();
		token.filter(Working::stale).ifPresent(working -> jdbc.sql("update api_token set last_used_at = now() where id = ?")
				.param(working.id()).update());
		return token.map(Working::account).filter(Account::active);
	}

	static String hash(String secret) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static ApiToken token(ResultSet rs) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("name"),
				rs.getString("prefix"), instant(rs, "created_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				instant(rs, "last_used_at"));
	}
}
