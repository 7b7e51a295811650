package org.kurultai.platform;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An external PostgreSQL is the operator's: the start-up check names each setting that may lose
 * confirmed writes and each privilege that lets the application rewrite the audit log, in a WARN,
 * and starts. The same findings on the embedded database, Kurultai's own, stop the start. And an
 * external database set up with the two roles the README gives runs the application as a role that
 * cannot touch the audit log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseSafetyIntegrationTests {

	private EmbeddedPostgres postgres;

	@BeforeAll
	void startAnUnsafePostgres() throws Exception {
		FileSystemUtils.deleteRecursively(Path.of("target/test-audit/external/external-safety")); // the databases are new
		postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of("target/test-postgres/external").toAbsolutePath().toFile())
				.setCleanDataDirectory(true).setServerConfig("synchronous_commit", "off").setServerConfig("fsync", "off")
				.setServerConfig("full_page_writes", "off").start();
		try (var connection = postgres.getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
			sql.execute("create database checked");
			// one user for everything, not a superuser: it migrates and owns the tables
			sql.execute("create role lone login password 'lone password'");
			sql.execute("create database lone owner lone");
			// what the README asks a DBA to run
			sql.execute("create role kurultai_owner login password 'owner password'");
			sql.execute("create role kurultai_app login password 'app password'");
			sql.execute("create database kurultai owner kurultai_owner");
		}
		try (var connection = postgres.getDatabase("postgres", "checked").getConnection(); var sql = connection.createStatement()) {
			sql.execute("create table audit_entry (id bigint primary key)");
		}
	}

	@AfterAll
	void stopPostgres() throws Exception {
		postgres.close();
	}

	private ConfigurableApplicationContext start(String database, String user, String password, String migrationUser,
			String migrationPassword) {
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
				"--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
				"--spring.flyway.user=" + migrationUser, "--spring.flyway.password=" + migrationPassword,
				"--kurultai.reference.dataset=none", "--spring.main.banner-mode=off",
				"--kurultai.admin.email=first.admin@secretariat.example", "--kurultai.admin.password=a long enough first password"));
		arguments.addAll(List.of(EmbeddedDatabaseAccess.auditArguments("external-safety", database)));
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run(arguments.toArray(String[]::new));
	}

	@Test
	void eachSettingThatMayLoseAConfirmedWriteIsNamedInAWarning(CapturedOutput output) {
		var verdict = DatabaseSafetyCheck.check(postgres.getDatabase("postgres", "checked"), false);

		assertThat(verdict.safe()).isFalse();
		assertThat(verdict.settings()).containsEntry("synchronous_commit", "off").containsEntry("fsync", "off")
				.containsEntry("full_page_writes", "off");
		assertThat(verdict.findings()).hasSize(4).anySatisfy(finding -> assertThat(finding).contains("superuser"));
		assertThat(output.getOut()).contains("WARN").contains("UNSAFE DATABASE: synchronous_commit is off (should be on): a commit is confirmed before it is on disk")
				.contains("UNSAFE DATABASE: fsync is off").contains("UNSAFE DATABASE: full_page_writes is off")
				.contains("a superuser: it can disable the audit log's triggers");
	}

	@Test
	void theSameSettingsOnTheEmbeddedDatabaseStopTheStart() {
		assertThatThrownBy(() -> DatabaseSafetyCheck.check(postgres.getDatabase("postgres", "checked"), true))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("synchronous_commit is off")
				.hasMessageContaining("fsync is off").hasMessageContaining("full_page_writes is off");
	}

	@Test
	void withOneUserForEverythingTheApplicationMigratesAndIsWarnedThatItOwnsTheAuditTable(CapturedOutput output) {
		try (var context = start("lone", "lone", "lone password", "lone", "lone password")) {
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from audit_entry").query(Integer.class).single()).isEqualTo(1);
			assertThat(output.getOut()).contains("UNSAFE DATABASE: the application role lone owns the audit table audit_entry");
		}
	}

	@Test
	void withTheTwoRolesOfTheReadmeTheApplicationAppendsToTheAuditLogButCannotChangeIt(CapturedOutput output) throws Exception {
		try (var context = start("kurultai", "kurultai_app", "app password", "kurultai_owner", "owner password")) {
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("kurultai_app");
			assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.opened'").query(Integer.class).single())
					.as("the first administrator, audited by the application's role").isEqualTo(1);
			var verdict = DatabaseSafetyCheck.inspect(context.getBean(javax.sql.DataSource.class));
			assertThat(verdict.settings()).as("every application connection sets it on (connection-init-sql), whatever the server's "
					+ "or the role's default").containsEntry("synchronous_commit", "on");
			assertThat(verdict.findings()).as("only the settings of this test database").hasSize(2)
					.noneSatisfy(finding -> assertThat(finding).contains("audit"));
			try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
				for (var statement : new String[] { "update audit_entry set actor = 'x'", "delete from audit_entry", "truncate audit_entry",
						"alter table audit_entry disable trigger all" }) {
					var refusal = catchThrowableOfType(SQLException.class, () -> {
						try (var sql = connection.createStatement()) {
							sql.execute(statement);
						}
					});
					assertThat((Throwable) refusal).as(statement).isNotNull();
					assertThat(refusal.getSQLState()).as(statement).isEqualTo("42501");
				}
			}
			assertThat(output.getOut()).doesNotContain("owns the audit table");
		}
	}
}
