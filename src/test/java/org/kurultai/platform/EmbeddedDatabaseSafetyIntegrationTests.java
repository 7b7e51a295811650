package org.kurultai.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The embedded database as the application runs on it: durable settings in force, passwords
 * required, and an application role that may append to the audit log but neither change it nor
 * switch its guard off.
 */
@IntegrationTest
class EmbeddedDatabaseSafetyIntegrationTests {

	private static final Path DATA = Path.of("target/test-postgres/shared").toAbsolutePath();

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aConfirmedWriteSurvivesACrash() {
		for (var setting : new String[] { "synchronous_commit", "fsync", "full_page_writes" }) {
			assertThat(jdbc.sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
		}
		assertThat(DatabaseSafetyCheck.inspect(dataSource).safe()).isTrue();
	}

	@Test
	void theApplicationConnectsAsItsOwnRoleWhichIsNoSuperuserAndOwnsNothing() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("kurultai_app");
		assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)")
				.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single()).isPositive();
	}

	@Test
	void theApplicationsRoleCannotChangeRemoveOrUnguardTheAuditLog() throws SQLException {
		try (var connection = dataSource.getConnection()) {
			for (var statement : new String[] { "update audit_entry set actor = 'someone else'", "delete from audit_entry",
					"truncate audit_entry", "alter table audit_entry disable trigger all",
					"alter table audit_entry disable trigger audit_entry_no_update" }) {
				var refusal = catchThrowableOfType(SQLException.class, () -> {
					try (var sql = connection.createStatement()) {
						sql.execute(statement);
					}
				});
				assertThat((Throwable) refusal).as(statement).isNotNull();
				assertThat(refusal.getSQLState()).as(statement + ": " + refusal.getMessage()).isEqualTo("42501"); // insufficient_privilege
				assertThat(refusal.getMessage()).as(statement).containsAnyOf("permission denied", "must be owner");
			}
		}
	}

	@Test
	void aConnectionWithoutTheRightPasswordIsRefused() {
		var url = EmbeddedDatabaseAccess.jdbcUrl(DATA);
		for (var user : new String[] { "postgres", "kurultai_app" }) {
			var withoutPassword = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, user, null).close());
			assertThat((Throwable) withoutPassword).as(user + " without a password").isNotNull();
			assertThat(withoutPassword.getMessage()).as(user + " without a password").containsIgnoringCase("password");
			var wrongPassword = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, user, "postgres").close());
			assertThat((Throwable) wrongPassword).as(user + " with a wrong password").isNotNull();
			assertThat(wrongPassword.getSQLState()).as(user + " with a wrong password").isEqualTo("28P01"); // invalid_password
		}
	}

	@Test
	void thePasswordsAreKeptInAFileOnlyItsOwnerMayRead() throws Exception {
		var file = DATA.resolve(EmbeddedDatabaseCredentials.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var connection = EmbeddedDatabaseAccess.superuser(DATA).getConnection(); var sql = connection.createStatement();
				var rows = sql.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getBoolean(1)).as("the file opens the database as its superuser").isTrue();
		}
	}
}
