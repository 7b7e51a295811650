package org.kurultai.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.KurultaiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A data directory from an earlier version (every local connection trusted, no passwords, the
 * application connecting as the superuser) is upgraded on its first start: passwords set and kept,
 * the application's role created, every connection then authenticated. Later starts reuse the
 * passwords.
 */
class EmbeddedDatabaseUpgradeIntegrationTests {

	private static final Path DATA = Path.of("target/test-postgres/upgrade").toAbsolutePath();

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run("--spring.datasource.url=",
				"--kurultai.database.embedded.data-directory=" + DATA, "--kurultai.database.embedded.clean=false",
				"--kurultai.reference.dataset=none", "--spring.main.banner-mode=off");
	}

	@Test
	void aDataDirectoryWithoutPasswordsIsGivenThemOnItsFirstStartAndKeepsItsData() throws Exception {
		FileSystemUtils.deleteRecursively(DATA);
		FileSystemUtils.deleteRecursively(EmbeddedDatabaseAccess.auditDirectory(DATA.toString()));
		// as an earlier version left it: trust, no passwords, migrated up to V15 by the superuser, who owns the tables
		try (var earlier = EmbeddedPostgres.builder().setDataDirectory(DATA.toFile()).setCleanDataDirectory(false).start()) {
			Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").target("15").load().migrate();
			try (var connection = earlier.getPostgresDatabase().getConnection(); var sql = connection.createStatement()) {
				sql.execute("create table kept (value text)");
				sql.execute("insert into kept values ('from before')");
			}
		}
		assertThat(DATA.resolve(EmbeddedDatabaseCredentials.FILE_NAME)).doesNotExist();

		EmbeddedDatabaseCredentials first;
		try (var context = start()) {
			first = EmbeddedDatabaseAccess.credentials(DATA);
			var jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("kurultai_app");
			assertThat(jdbc.sql("select value from kept").query(String.class).list()).as("granted by V16").containsExactly("from before");
			assertThat(jdbc.sql("select count(*) from audit_entry").query(Integer.class).single()).isNotNegative();
			assertThat(jdbc.sql("select has_table_privilege('audit_entry', 'UPDATE')").query(Boolean.class).single()).isFalse();
			var url = EmbeddedDatabaseAccess.jdbcUrl(DATA);
			var refused = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, "postgres", null).close());
			assertThat((Throwable) refused).as("the superuser without a password, after the upgrade").isNotNull();
		}
		assertThat(Files.readString(DATA.resolve("pg_hba.conf"))).doesNotContain("trust");

		try (var again = start()) {
			assertThat(EmbeddedDatabaseAccess.credentials(DATA)).as("the same passwords").isEqualTo(first);
			assertThat(again.getBean(JdbcClient.class).sql("select count(*) from kept").query(Integer.class).single()).isEqualTo(1);
		}
	}
}
