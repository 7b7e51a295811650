package org.kurultai.notices;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.kurultai.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the CICA reference data on a database of its own (not the shared one of
 * {@code IntegrationTest}: its mail goes somewhere) and a real SMTP server in-process ({@link MailServer}, GreenMail),
 * the outbox worker polling every second (and woken by each commit). Every class with this annotation shares the one
 * context, database, mail server and {@link TestClock}; each test uses people of its own and asserts on their mail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"kurultai.database.embedded.data-directory=target/test-postgres/notices", "kurultai.database.embedded.clean=true",
		"kurultai.audit.checkpoint-file=target/test-audit/target/test-postgres/notices/checkpoints-${random.uuid}.log",
		"kurultai.silence.poll-interval=PT0.25S", "spring.datasource.url=", "spring.mail.host=127.0.0.1",
		"kurultai.mail.from=kurultai@cica.test", "kurultai.mail.poll-interval=PT1S", "kurultai.public-url=https://kurultai.test",
		"kurultai.notices.reminder-interval=PT24H", "kurultai.notices.digest-poll=PT24H" })
@Import(TestClock.Configuration.class)
@ContextConfiguration(initializers = MailServer.class)
public @interface NoticesTest {
}
