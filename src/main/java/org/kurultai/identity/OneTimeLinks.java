package org.kurultai.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links sent by mail: an invitation (72 hours) or a password reset (1 hour). The secret is in the link only;
 * the database keeps its SHA-256. A link works once, before it expires, and only while no newer link of the same purpose
 * for the same account replaced it. Always used inside the transaction of the act that issues or spends it.
 */
@Component
class OneTimeLinks {

	enum Purpose {
		INVITATION(Duration.ofHours(72)), PASSWORD_RESET(Duration.ofHours(1));

		final Duration validity;

		Purpose(Duration validity) {
			this.validity = validity;
		}
	}

	/** A link just issued: its secret (for the mail) and when it expires. */
	record Issued(String secret, Instant expiresAt) {
	}

	/** What a presented secret is: unknown, no longer usable, or usable for this account. */
	sealed interface Presented {
	}

	record Unknown() implements Presented {
	}

	record Spent(Purpose purpose) implements Presented {
	}

	record Usable(UUID link, UUID account, Purpose purpose) implements Presented {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final ForumClock clock;

	OneTimeLinks(JdbcClient jdbc, ForumClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a link, replacing every earlier unused one of the same purpose for the account. */
	@Transactional(propagation = Propagation.MANDATORY)
	Issued issue(UUID account, Purpose purpose) {
		var now = clock.now().truncatedTo(ChronoUnit.MICROS);
		replaceAll(account, purpose);
		var bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var expires = now.plus(purpose.validity);
		jdbc.sql("""
				insert into one_time_link (id, account_id, purpose, secret_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), account, purpose.name(), ApiTokens.hash(secret), utc(now), utc(expires))
				.update();
		return new Issued(secret, expires);
	}

	/** How many links of this purpose the account was sent since a moment. */
	@Transactional(propagation = Propagation.MANDATORY)
	int issuedSince(UUID account, Purpose purpose, Instant since) {
		return jdbc.sql("select count(*) from one_time_link where account_id = ? and purpose = ? and created_at > ?")
				.params(account, purpose.name(), utc(since)).query(Integer.class).single();
	}

	/** Makes every unused link of this purpose for the account unusable. */
	@Transactional(propagation = Propagation.MANDATORY)
	void replaceAll(UUID account, Purpose purpose) {
		jdbc.sql("update one_time_link set replaced_at = ? where account_id = ? and purpose = ? and used_at is null and replaced_at is null")
				.params(utc(clock.now()), account, purpose.name()).update();
	}

	/** Makes every unused link of the account unusable, whatever its purpose (deactivation). */
	@Transactional(propagation = Propagation.MANDATORY)
	void replaceAll(UUID account) {
		for (var purpose : Purpose.values()) {
			replaceAll(account, purpose);
		}
	}

	/** What the secret stands for, read without changing anything (the page that shows the form). */
	@Transactional(readOnly = true)
	Presented look(String secret, Purpose purpose) {
		return find(secret, purpose, false);
	}

	/** The same, the link's row locked: the act that spends it calls {@link #spend} in this transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Presented lock(String secret, Purpose purpose) {
		return find(secret, purpose, true);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void spend(UUID link) {
		jdbc.sql("update one_time_link set used_at = ? where id = ?").params(utc(clock.now()), link).update();
	}

	private Presented find(String secret, Purpose purpose, boolean lock) {
		if (secret == null || secret.length() < 20 || secret.length() > 100 || !secret.matches("[A-Za-z0-9_-]+")) {
			return new Unknown();
		}
		var row = jdbc.sql("select id, account_id, used_at, replaced_at, expires_at from one_time_link where secret_hash = ? and purpose = ?"
				+ (lock ? " for update" : "")).params(ApiTokens.hash(secret), purpose.name()).query((rs, n) -> {
					var usable = rs.getObject("used_at") == null && rs.getObject("replaced_at") == null
							&& rs.getObject("expires_at", OffsetDateTime.class).toInstant().isAfter(clock.now());
					return usable ? (Presented) new Usable(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), purpose)
							: new Spent(purpose);
				}).optional();
		return row.orElseGet(Unknown::new);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
