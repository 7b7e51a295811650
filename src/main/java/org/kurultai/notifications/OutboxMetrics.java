package org.kurultai.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as metrics, read from the database when scraped (so every instance reports the same shared queue):
 * {@code kurultai_outbox_queue} (mails waiting to be sent) and {@code kurultai_outbox_failed} (mails given up on,
 * waiting for the administrator).
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("kurultai.outbox.queue", this, metrics -> metrics.count("sent_at is null and failed_at is null"))
				.description("Mails in the outbox waiting to be sent").register(registry);
		Gauge.builder("kurultai.outbox.failed", this, metrics -> metrics.count("failed_at is not null"))
				.description("Mails the outbox gave up on, waiting for the administrator").register(registry);
	}

	private double count(String condition) {
		return jdbc.sql("select count(*) from outbox_mail where " + condition).query(Long.class).single();
	}
}
