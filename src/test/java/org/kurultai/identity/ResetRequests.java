package org.kurultai.identity;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** Password-reset requests are handled after the answer, by a worker: tests wait until none is waiting. */
public final class ResetRequests {

	private ResetRequests() {
	}

	public static void awaitHandled(JdbcClient jdbc) {
		await("password-reset requests handled").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
				.until(() -> jdbc.sql("select count(*) from password_reset_request").query(Integer.class).single() == 0);
	}
}
