package org.kurultai.decisions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decisions as metrics: {@code kurultai_decisions_open{procedure="SILENCE"|"MEETING"}} (open procedures, read from the
 * database when scraped) and {@code kurultai_silence_closings_total} (silence procedures this instance closed at their
 * deadline).
 */
@Component
class DecisionMetrics {

	private final JdbcClient jdbc;
	private final Counter closings;

	DecisionMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		for (var procedure : Procedure.values()) {
			Gauge.builder("kurultai.decisions.open", this, metrics -> metrics.open(procedure)).tag("procedure", procedure.name())
					.description("Decisions open, by procedure").register(registry);
		}
		this.closings = Counter.builder("kurultai.silence.closings").description("Silence procedures closed at their deadline")
				.register(registry);
	}

	private double open(Procedure procedure) {
		return jdbc.sql("select count(*) from decision where status = 'OPEN' and procedure = ?").param(procedure.name())
				.query(Long.class).single();
	}

	void silenceClosed() {
		closings.increment();
	}
}
