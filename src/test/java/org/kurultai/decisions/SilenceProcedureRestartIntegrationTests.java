package org.kurultai.decisions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.kurultai.TestClock;
import org.kurultai.audit.AuditLog;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.Paragraph;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.Access;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deadlines and instances: a silence deadline passes while the application is down and the
 * procedure closes once on start; then two application instances on one database close a batch
 * of procedures, each exactly once. Every instance runs on one {@link TestClock}: a deadline passes
 * when the test moves it, not when a loaded machine gets there.
 */
class SilenceProcedureRestartIntegrationTests {

	static final String DATA = "target/test-postgres/restart";
	static final Duration LEAD = Duration.ofMinutes(5);

	/** The clock of every application this test starts (one JVM, one time). */
	final TestClock clock = new TestClock();

	@Test
	void aDeadlineThatPassesWhileTheAppIsDownClosesOnceOnStart() throws Exception {
		long decisionId;
		Instant deadline;
		org.springframework.util.FileSystemUtils.deleteRecursively(java.nio.file.Path.of(DATA));
		org.springframework.util.FileSystemUtils.deleteRecursively(EmbeddedDatabaseAccess.auditDirectory(DATA)); // a new database, a new checkpoint file
		try (var first = start()) {
			var officer = officer(first);
			var decision = circulate(first, officer, "While down");
			decisionId = decision.id();
			deadline = decision.deadline();
		}
		// the application is down as the deadline passes
		clock.advanceTo(deadline.plusSeconds(1));

		try (var second = start()) {
			var decisions = second.getBean(Decisions.class);
			var closed = decisions.decision(decisionId, Viewer.PUBLIC);
			assertThat(closed.status()).as("closed on start, before any poll").isEqualTo(DecisionStatus.ADOPTED);
			assertThat(closed.closedAt()).isAfter(deadline.plusMillis(900));
			assertThat(closings(second, decisionId)).isEqualTo(1);

			// a second instance on the same database, both polling: a batch of procedures, each closed once
			var arguments = new ArrayList<>(List.of(EmbeddedDatabaseAccess.externalArguments(second)));
			arguments.addAll(List.of("--kurultai.silence.poll-interval=PT0.05S", "--spring.main.banner-mode=off"));
			try (var other = builder().run(arguments.toArray(String[]::new))) {
				var officer = officer(second);
				var batch = new ArrayList<Decision>();
				for (int i = 0; i < 12; i++) {
					batch.add(circulate(i % 2 == 0 ? second : other, officer, "Batch " + i));
				}
				assertThat(batch).as("nothing closes before its deadline").allMatch(d -> decisions.decision(d.id(), Viewer.PUBLIC).open());
				var last = batch.stream().map(Decision::deadline).max(Instant::compareTo).orElseThrow();
				clock.advanceTo(last.plusSeconds(1));
				await("both instances' pollers close the batch").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
						.until(() -> batch.stream().noneMatch(d -> decisions.decision(d.id(), Viewer.PUBLIC).open()));
				var numbers = new ArrayList<Integer>();
				for (var decision : batch) {
					var closed2 = decisions.decision(decision.id(), Viewer.PUBLIC);
					assertThat(closed2.status()).isEqualTo(DecisionStatus.ADOPTED);
					assertThat(closings(second, decision.id())).as("decision %d closed once", decision.id()).isEqualTo(1);
					numbers.add(closed2.registerNumber());
				}
				assertThat(numbers).as("register numbers unique").doesNotHaveDuplicates();
				assertThat(second.getBean(AuditLog.class).verify().intact()).isTrue();
			}
		}
	}

	/** Starts the application as it runs in production: its embedded database keeps its data between runs. */
	private ConfigurableApplicationContext start() {
		return builder().run(
				"--kurultai.database.embedded.data-directory=" + DATA, "--kurultai.database.embedded.clean=false",
				"--spring.datasource.url=", "--kurultai.silence.poll-interval=PT0.05S", "--spring.main.banner-mode=off");
	}

	/** The application, on this test's clock. */
	private SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE)
				.initializers(context -> ((GenericApplicationContext) context).registerBean("testClock", Clock.class, () -> clock,
						definition -> definition.setPrimary(true)));
	}

	private static Account officer(ConfigurableApplicationContext context) {
		var accounts = context.getBean(Accounts.class);
		return accounts.byEmail("restart.officer@secretariat.example").orElseGet(() -> accounts.open("restart.officer@secretariat.example",
				"Officer", Role.SECRETARIAT_OFFICER, null, "a long enough password", "test", "test"));
	}

	private Decision circulate(ConfigurableApplicationContext context, Account officer, String title) {
		var drafting = context.getBean(Drafting.class);
		var document = drafting.table(officer, new Drafting.NewDocument(DocumentType.DECISION, title, "SOC", Access.PUBLIC, null, null,
				List.of(Paragraph.agreed("1", Map.of("en", "The Committee decides.")))));
		var deadline = LocalDateTime.ofInstant(clock.instant().plus(LEAD), ZoneId.of("Asia/Almaty")).truncatedTo(ChronoUnit.SECONDS);
		return context.getBean(Decisions.class).propose(officer, new Decisions.Proposal("SOC", document.id(), 0, null, null, null,
				Procedure.SILENCE, null, null, deadline, "Asia/Almaty", null));
	}

	private static long closings(ConfigurableApplicationContext context, long decisionId) {
		return context.getBean(JdbcClient.class)
				.sql("select count(*) from audit_entry where action = 'silence.closed' and subject = ?").param("decision:" + decisionId)
				.query(Long.class).single();
	}
}
