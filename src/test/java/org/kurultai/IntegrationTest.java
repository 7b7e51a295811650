package org.kurultai;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real embedded PostgreSQL 18 (a fresh one per test run, under
 * target/), with the CICA reference data loaded, on a random port. Every test class with this
 * annotation shares one application context, hence one database, and one {@link TestClock}: a test
 * moves time forward to pass a deadline instead of waiting for it. The data source counts each request's SQL
 * statements ({@link StatementCounter}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kurultai.database.embedded.data-directory=target/test-postgres/shared",
		"kurultai.database.embedded.clean=true",
		// the database is re-created at every start, so is the checkpoint file (a file belongs to one database's chain)
		"kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/shared/checkpoints-${random.uuid}.log",
		"kurultai.silence.poll-interval=PT0.25S",
		"spring.datasource.url=" })
@Import({ TestClock.Configuration.class, StatementCounter.Configuration.class })
public @interface IntegrationTest {
}
