package org.kurultai.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * At start, asks the configured database (embedded or external), through the application's own
 * connections, whether a confirmed write survives a crash ({@code fsync}, {@code synchronous_commit},
 * {@code full_page_writes}) and whether the application's role is kept from the audit log's guard
 * (it must not be a superuser nor own {@code audit_entry}, or it could disable the triggers).
 * <p>
 * For the embedded database this is Kurultai's own configuration: any finding stops the start. For
 * an external one each finding is logged as a WARN naming the setting and what it risks; the
 * operator decides.
 */
@Component
public class DatabaseSafetyCheck implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(DatabaseSafetyCheck.class);

	private static final Map<String, String> RISKS = Map.of(
			"fsync", "PostgreSQL does not force writes to disk: a power cut or OS crash can corrupt the whole database",
			"synchronous_commit", "a commit is confirmed before it is on disk: a crash loses the last confirmed writes",
			"full_page_writes", "a crash during a page write can leave torn pages that recovery cannot repair");

	private final DataSource dataSource;
	private final boolean embedded;

	DatabaseSafetyCheck(DataSource dataSource, ObjectProvider<EmbeddedDatabaseConfiguration.Embedded> embedded,
			ObjectProvider<FlywayMigrationInitializer> migrations) {
		this.dataSource = dataSource;
		this.embedded = embedded.getIfAvailable() != null;
		// the schema first, so that the owner of the audit table can be asked
		migrations.getIfAvailable();
	}

	/** What the check found: one sentence per unsafe setting or privilege. */
	public record Verdict(Map<String, String> settings, String role, List<String> findings) {

		public boolean safe() {
			return findings.isEmpty();
		}
	}

	@Override
	public void afterPropertiesSet() {
		check(dataSource, embedded);
	}

	/**
	 * Inspects a database and acts on the verdict: throws for the embedded one, warns for an external one.
	 *
	 * @return the verdict
	 */
	public static Verdict check(DataSource dataSource, boolean embedded) {
		var verdict = inspect(dataSource);
		if (verdict.safe()) {
			log.info("Database checked: {} as role {}", verdict.settings(), verdict.role());
			return verdict;
		}
		if (embedded) {
			throw new IllegalStateException("The embedded PostgreSQL is not configured safely: " + String.join("; ", verdict.findings()));
		}
		for (var finding : verdict.findings()) {
			log.warn("UNSAFE DATABASE: {}", finding);
		}
		return verdict;
	}

	/** Reads the settings and the application role's privileges, without judging. */
	public static Verdict inspect(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			var settings = new LinkedHashMap<String, String>();
			var findings = new ArrayList<String>();
			for (var setting : List.of("synchronous_commit", "fsync", "full_page_writes")) {
				var value = show(connection, setting);
				settings.put(setting, value);
				if (!"on".equalsIgnoreCase(value)) {
					findings.add(setting + " is " + value + " (should be on): " + RISKS.get(setting));
				}
			}
			String role;
			boolean superuser;
			try (var statement = connection.createStatement();
					var rows = statement.executeQuery("select current_user, rolsuper from pg_roles where rolname = current_user")) {
				rows.next();
				role = rows.getString(1);
				superuser = rows.getBoolean(2);
			}
			if (superuser) {
				findings.add("the application connects as " + role + ", a superuser: it can disable the audit log's triggers and "
						+ "rewrite history (connect as a role that owns nothing, see README)");
			}
			try (var statement = connection.prepareStatement(
					"select pg_has_role(current_user, c.relowner, 'USAGE') from pg_class c where c.oid = to_regclass('audit_entry')");
					var rows = statement.executeQuery()) {
				if (rows.next() && rows.getBoolean(1) && !superuser) {
					findings.add("the application role " + role + " owns the audit table audit_entry: it can disable its triggers "
							+ "and rewrite history (set KURULTAI_DB_MIGRATION_USER to the owner role, see README)");
				}
			}
			return new Verdict(Map.copyOf(settings), role, List.copyOf(findings));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot check the database's durability settings", e);
		}
	}

	private static String show(Connection connection, String setting) throws SQLException {
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("show " + setting)) {
			rows.next();
			return rows.getString(1);
		}
	}
}
