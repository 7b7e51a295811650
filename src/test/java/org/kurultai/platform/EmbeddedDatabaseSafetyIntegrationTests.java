package org.kurultai.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

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

	@Autowired
	EmbeddedDatabaseConfiguration.Embedded embedded;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

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

	/**
	 * Probe: the application's role may change its own defaults. Turning synchronous_commit off for itself made new
	 * pooled connections commit before the disk, and the next start refuse the embedded database.
	 */
	@Test
	void theApplicationsRoleCannotTurnSynchronousCommitOffForItself() throws Exception {
		var credentials = embedded.credentials();
		var asTheRoleDefaultsSay = new DriverManagerDataSource(EmbeddedDatabaseAccess.jdbcUrl(DATA), credentials.appRole(),
				credentials.appPassword());
		try {
			try (var connection = dataSource.getConnection(); var sql = connection.createStatement()) {
				sql.execute("alter role " + credentials.appRole() + " set synchronous_commit = off");
				sql.execute("alter role " + credentials.appRole() + " in database postgres set synchronous_commit = off");
			}
			assertThat(synchronousCommit(asTheRoleDefaultsSay)).as("the role's own default took").isEqualTo("off");

			dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
			assertThat(synchronousCommit(dataSource)).as("a new connection of the application").isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");

			// what every start of the embedded database does before the safety check
			EmbeddedDatabaseConfiguration.prepareRoles(embedded.postgres(), credentials, false);
			assertThat(synchronousCommit(asTheRoleDefaultsSay)).as("the role's defaults after a start").isEqualTo("on");
			assertThat(DatabaseSafetyCheck.check(asTheRoleDefaultsSay, true).safe()).isTrue();
		}
		finally {
			try (var connection = EmbeddedDatabaseAccess.superuser(DATA).getConnection(); var sql = connection.createStatement()) {
				sql.execute("alter role " + credentials.appRole() + " reset all");
				sql.execute("alter role " + credentials.appRole() + " in database postgres reset all");
			}
		}
	}

	/** Probe: with UPDATE on the sequences the application's role could set audit_entry_id_seq back and block every audited write. */
	@Test
	void theApplicationsRoleCannotSetASequenceBackButStillAppendsToTheAuditLog() throws SQLException {
		try (var connection = dataSource.getConnection()) {
			var refusal = catchThrowableOfType(SQLException.class, () -> {
				try (var sql = connection.createStatement()) {
					sql.execute("select setval('audit_entry_id_seq', 1, false)");
				}
			});
			assertThat((Throwable) refusal).isNotNull();
			assertThat(refusal.getSQLState()).as(refusal.getMessage()).isEqualTo("42501");
		}
		var entry = transactions.execute(status -> audit.record(new Act("sequence.probe@secretariat.example", "SECRETARIAT",
				"probe.sequence", "audit_entry_id_seq", null, null)));
		assertThat(entry).isNotNull();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'probe.sequence'").query(Integer.class).single()).isEqualTo(1);
	}

	private static String synchronousCommit(DataSource source) throws SQLException {
		try (var connection = source.getConnection(); var sql = connection.createStatement();
				var rows = sql.executeQuery("show synchronous_commit")) {
			rows.next();
			return rows.getString(1);
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
