package org.kurultai.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.kurultai.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL 18 (zonky binaries) when {@code spring.datasource.url} is not set.
 * <ul>
 * <li>Durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, always
 * (a confirmed write survives a crash of the machine); {@link DatabaseSafetyCheck} refuses to start
 * otherwise.</li>
 * <li>Passwords: every connection, local or TCP, authenticates with SCRAM-SHA-256 (Kurultai writes
 * {@code pg_hba.conf} at each start); the passwords are generated on the first start and kept in
 * {@link EmbeddedDatabaseCredentials}. A data directory from an earlier version (trust, no
 * passwords) is upgraded on its first start.</li>
 * <li>Two roles: the superuser runs the migrations and owns the schema; the application connects as
 * its own role ({@code spring.flyway.placeholders.appRole}), which may read and write the tables but
 * only read and append to the audit log (V16).</li>
 * <li>A postmaster left running by a killed earlier run is stopped first ({@link OrphanedPostmaster});
 * PostgreSQL's crash recovery takes care of a run that ended without a clean shutdown.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
	private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

	/** What the embedded database must run with, always: no setting trades durability for speed. */
	static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

	private static final String PG_HBA = """
			# Written by Kurultai at every start of its embedded PostgreSQL: every connection needs a password.
			local all all scram-sha-256
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	/** For the one start that upgrades a data directory from before passwords: the superuser, from this machine only. */
	private static final String PG_HBA_UPGRADE = """
			# Written by Kurultai while it sets the passwords of a data directory from an earlier version.
			host postgres postgres 127.0.0.1/32 trust
			host postgres postgres ::1/128 trust
			""";

	/**
	 * Every statement an application connection runs when it opens: a commit waits for the disk whatever the role's
	 * defaults say (the application's role may change its own, {@code ALTER ROLE … SET synchronous_commit = off}).
	 * {@code spring.datasource.hikari.connection-init-sql} says the same for an external database.
	 */
	static final String CONNECTION_INIT_SQL = "SET synchronous_commit = on";

	/** The running embedded database, the credentials that open it, and its data directory. */
	record Embedded(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials, Path directory) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				postgres.close();
			}
			finally {
				OrphanedPostmaster.release(directory);
			}
		}
	}

	@Bean(destroyMethod = "close")
	Embedded embeddedPostgres(EmbeddedDatabaseProperties properties,
			@Value("${spring.flyway.placeholders.appRole:kurultai_app}") String appRole) throws IOException {
		if (!ROLE_NAME.matcher(appRole).matches()) {
			throw new IllegalStateException("spring.flyway.placeholders.appRole must be a plain lower-case role name: " + appRole);
		}
		if (appRole.equals(EmbeddedDatabaseCredentials.SUPERUSER)) {
			throw new IllegalStateException("The embedded database's application role cannot be its superuser " + appRole
					+ ": leave KURULTAI_DB_USER unset (kurultai_app) or name another role");
		}
		var directory = properties.dataDirectory().toAbsolutePath().normalize();
		Files.createDirectories(directory);
		OrphanedPostmaster.claim(directory);
		try {
			return start(directory, properties, appRole);
		}
		catch (IOException | RuntimeException e) {
			OrphanedPostmaster.release(directory);
			throw e;
		}
	}

	private static Embedded start(Path directory, EmbeddedDatabaseProperties properties, String appRole) throws IOException {
		// refuses (touching nothing) if a running Kurultai holds the folder; else stops what a killed run left behind
		OrphanedPostmaster.stopIfRunning(directory, ORPHAN_STOP_TIMEOUT);
		if (properties.clean()) {
			FileSystemUtils.deleteRecursively(directory);
			Files.createDirectories(directory);
		}
		var fresh = !Files.exists(directory.resolve("postgresql.conf"));
		var credentialsFile = EmbeddedDatabaseCredentials.file(directory);
		var upgrade = !fresh && !Files.exists(credentialsFile);
		var credentials = fresh || upgrade ? EmbeddedDatabaseCredentials.generate(appRole)
				: EmbeddedDatabaseCredentials.read(directory).withAppRole(appRole);

		var builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory.toFile())
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setConnectConfig("password", credentials.superuserPassword());
		DURABILITY.forEach(builder::setServerConfig);
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		Path passwordFile = null;
		if (fresh) {
			// initdb sets the superuser's password and SCRAM for every connection: no moment without a password
			passwordFile = credentials.writeSuperuserPasswordFile(directory.resolveSibling(directory.getFileName() + ".initdb-password"));
			builder.setLocaleConfig("pwfile", passwordFile.toString()).setLocaleConfig("auth", "scram-sha-256");
		}
		builder.setDataDirectoryCustomizer(data -> {
			if (fresh) {
				credentials.write(data.toPath());
			}
			writeHba(data.toPath(), upgrade ? PG_HBA_UPGRADE : PG_HBA);
		});
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		finally {
			if (passwordFile != null) {
				Files.deleteIfExists(passwordFile);
			}
		}
		try {
			prepareRoles(postgres, credentials, upgrade);
			if (upgrade) {
				credentials.write(directory);
				writeHba(directory, PG_HBA);
				reload(postgres, credentials);
				log.warn("Embedded PostgreSQL in {} upgraded: passwords set (kept in {}), every connection now needs one", directory,
						credentialsFile);
			}
			else if (fresh) {
				log.info("Embedded PostgreSQL initialised in {}; its passwords are kept in {}", directory, credentialsFile);
			}
		}
		catch (RuntimeException e) {
			postgres.close();
			throw e;
		}
		log.info("Embedded PostgreSQL started on port {} with data in {} (fsync, synchronous_commit, full_page_writes on; "
				+ "passwords required; the application connects as {})", postgres.getPort(), directory, appRole);
		return new Embedded(postgres, credentials, directory);
	}

	/** The application's connections: its own role, which does not own the tables. */
	@Bean
	@Primary
	DataSource dataSource(Embedded embedded) {
		var dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(embedded.postgres().getJdbcUrl(embedded.credentials().appRole(), "postgres"));
		dataSource.setUsername(embedded.credentials().appRole());
		dataSource.setPassword(embedded.credentials().appPassword());
		dataSource.setPoolName("kurultai-embedded");
		dataSource.setMaximumPoolSize(20);
		dataSource.setConnectionInitSql(CONNECTION_INIT_SQL);
		return dataSource;
	}

	/** Flyway's connections: the superuser, which owns the schema. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource migrationDataSource(Embedded embedded) {
		return superuser(embedded.postgres(), embedded.credentials());
	}

	private static DataSource superuser(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials) {
		return new DriverManagerDataSource("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", credentials.superuser(),
				credentials.superuserPassword());
	}

	/**
	 * The superuser's password (on an upgrade) and the application's role with its password, on every start. The
	 * role's own defaults ({@code ALTER ROLE … SET}, which it may run on itself, in any database too) are cleared, so
	 * that what it set while running (say {@code synchronous_commit = off}) neither outlives a restart nor stops it.
	 */
	static void prepareRoles(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials, boolean upgrade) {
		try (var connection = superuser(postgres, credentials).getConnection(); var statement = connection.createStatement()) {
			// hashed by the server (password_encryption = scram-sha-256); the passwords are URL-safe Base64, nothing to escape
			if (upgrade) {
				statement.execute("alter role " + credentials.superuser() + " password '" + credentials.superuserPassword() + "'");
			}
			var role = credentials.appRole();
			statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then create role " + role
					+ " login; end if; end $$");
			statement.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
			statement.execute("alter role " + role + " password '" + credentials.appPassword() + "'");
			statement.execute("alter role " + role + " reset all");
			statement.execute("do $$ declare d name; begin for d in select datname from pg_db_role_setting s join pg_database db "
					+ "on db.oid = s.setdatabase where s.setrole = '" + role + "'::regrole loop "
					+ "execute format('alter role %I in database %I reset all', '" + role + "', d); end loop; end $$");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot prepare the roles of the embedded PostgreSQL", e);
		}
	}

	private static void reload(EmbeddedPostgres postgres, EmbeddedDatabaseCredentials credentials) {
		try (var connection = superuser(postgres, credentials).getConnection(); var statement = connection.createStatement()) {
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot reload the embedded PostgreSQL's configuration", e);
		}
	}

	private static void writeHba(Path dataDirectory, String content) {
		try {
			var temporary = OwnerOnlyFiles.createFile(dataDirectory.resolve("pg_hba.conf.new"));
			Files.writeString(temporary, content, StandardCharsets.UTF_8);
			Files.move(temporary, dataDirectory.resolve("pg_hba.conf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write pg_hba.conf in " + dataDirectory, e);
		}
	}

	static class NoExternalDatabase implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
		}
	}
}
