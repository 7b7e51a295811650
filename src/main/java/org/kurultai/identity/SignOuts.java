package org.kurultai.identity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.kurultai.shared.ForumClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends everything a person is signed in with, on every instance: their API tokens now, and (with
 * sessions kept in PostgreSQL) their sessions. Asked by deactivation and by "sign out everywhere".
 */
@Service
public class SignOuts {

	private final JdbcClient jdbc;

	private final ForumClock clock;

	SignOuts(JdbcClient jdbc, ForumClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Revokes the account's API tokens and ends its sessions; answers how many tokens were revoked. */
	@Transactional
	public int everywhere(UUID account) {
		return jdbc.sql("update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
				.params(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), account).update();
	}
}
