package org.kurultai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.kurultai.platform.EmbeddedDatabaseCredentials;
import org.kurultai.platform.EmbeddedDatabaseProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For tests: connections to the embedded PostgreSQL of a running application as its superuser
 * (which owns the schema), or as the application's role, with the passwords from the credentials
 * file in the data directory and the port from {@code postmaster.pid}.
 */
public final class EmbeddedDatabaseAccess {

	private EmbeddedDatabaseAccess() {
	}

	public static Path dataDirectory(ApplicationContext context) {
		return context.getBean(EmbeddedDatabaseProperties.class).dataDirectory().toAbsolutePath().normalize();
	}

	public static EmbeddedDatabaseCredentials credentials(Path dataDirectory) {
		return EmbeddedDatabaseCredentials.read(dataDirectory.toAbsolutePath().normalize());
	}

	/** The JDBC URL of the running embedded database of a data directory (database {@code postgres}). */
	public static String jdbcUrl(Path dataDirectory) {
		return "jdbc:postgresql://localhost:" + port(dataDirectory) + "/postgres";
	}

	public static DataSource superuser(Path dataDirectory) {
		var credentials = credentials(dataDirectory);
		return new DriverManagerDataSource(jdbcUrl(dataDirectory), credentials.superuser(), credentials.superuserPassword());
	}

	public static DataSource superuser(ApplicationContext context) {
		return superuser(dataDirectory(context));
	}

	/** The port the postmaster listens on: the fourth line of its {@code postmaster.pid}. */
	public static int port(Path dataDirectory) {
		try {
			return Integer.parseInt(Files.readAllLines(dataDirectory.toAbsolutePath().resolve("postmaster.pid")).get(3).trim());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Command-line arguments for a second application instance on the embedded database of a running one: the same
	 * database, and the same audit key and checkpoint file (one chain, one key).
	 */
	public static String[] externalArguments(ApplicationContext context) {
		var directory = dataDirectory(context);
		var credentials = credentials(directory);
		var environment = context.getEnvironment();
		return new String[] { "--spring.datasource.url=" + jdbcUrl(directory), "--spring.datasource.username=" + credentials.appRole(),
				"--spring.datasource.password=" + credentials.appPassword(), "--spring.flyway.user=" + credentials.superuser(),
				"--spring.flyway.password=" + credentials.superuserPassword(),
				"--kurultai.audit.key=" + environment.getProperty("kurultai.audit.key", ""),
				"--kurultai.audit.key-file=" + environment.getRequiredProperty("kurultai.audit.key-file"),
				"--kurultai.audit.checkpoint-file=" + environment.getRequiredProperty("kurultai.audit.checkpoint-file") };
	}

	/**
	 * Where the tests' default audit key and checkpoint file of an embedded data directory are (as named by
	 * {@code kurultai.database.embedded.data-directory}, see src/test/resources/config/application.yml): a test that
	 * deletes its data directory to start afresh deletes this too, as an operator who re-creates a database starts a new
	 * checkpoint file.
	 */
	public static Path auditDirectory(String dataDirectory) {
		return Path.of("target/test-audit/" + dataDirectory).toAbsolutePath().normalize();
	}

	/** The audit key and checkpoint file of one database on an external server, apart from every other database's. */
	public static String[] auditArguments(String test, String database) {
		var directory = Path.of("target/test-audit/external", test, database).toAbsolutePath();
		return new String[] { "--kurultai.audit.key-file=" + directory.resolve("chain.key"),
				"--kurultai.audit.checkpoint-file=" + directory.resolve("checkpoints.log") };
	}
}
