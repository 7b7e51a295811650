package org.kurultai.identity;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: after {@value #PER_ACCOUNT} failed sign-ins for one address in
 * the window, or {@value #PER_ADDRESS} from one network address, further attempts are refused
 * until the window has passed. Kept in PostgreSQL, so it holds across instances and restarts.
 */
@Component
class SignInThrottle {

	static final int PER_ACCOUNT = 5;
	static final int PER_ADDRESS = 20;
	static final Duration WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	SignInThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	boolean isThrottled(String email, String address) {
		var since = "now() - interval '" + WINDOW.toSeconds() + " seconds'";
		var forAccount = jdbc.sql("select count(*) from sign_in_attempt where lower(email) = lower(?) and not succeeded and at > " + since)
				.param(email).query(Integer.class).single();
		var fromAddress = jdbc.sql("select count(*) from sign_in_attempt where address = ? and not succeeded and at > " + since)
				.param(address).query(Integer.class).single();
		return forAccount >= PER_ACCOUNT || fromAddress >= PER_ADDRESS;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void record(String email, String address, boolean succeeded) {
		jdbc.sql("insert into sign_in_attempt (email, address, succeeded) values (?, ?, ?)")
				.params(email.length() > 254 ? email.substring(0, 254) : email, address, succeeded).update();
		if (succeeded) {
			jdbc.sql("delete from sign_in_attempt where lower(email) = lower(?) and not succeeded").param(email).update();
		}
	}
}
