package org.kurultai.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * Loads a backup archive into the database of a Flyway configuration (its data source is the schema's owner), in one
 * transaction: a refused or failed restore leaves the database as it was.
 * <ol>
 * <li>The whole archive is read and checked first (manifest, every entry's SHA-256), and its schema version must be one
 * this version of Kurultai knows.</li>
 * <li>The database must be empty (no table, view or sequence in its schema), or {@code replace} must be asked for: then
 * every table, view, sequence, function and type of the schema is dropped first.</li>
 * <li>The schema is migrated to the archive's version; the tables' own triggers (append-only guards, checks, data
 * versions) are switched off and the foreign keys deferred to the end, where they are checked; every table is emptied of
 * what the migrations put in it, and loaded with {@code COPY … FROM STDIN}, each table's count checked against the
 * manifest; the sequences are set as they were; the triggers switched back on.</li>
 * <li>The schema is migrated on to this version's latest, and everything is committed at once.</li>
 * </ol>
 * The audit chain's rows come back as they were, so it verifies with the key it was written with. The data versions
 * ({@code data_version}, behind caches and HTTP validators) are the one thing moved on: each jumps past any version
 * served before and is dated now, so that no cached page or ETag from before the restore is taken as current.
 */
public final class DatabaseRestore {

	/**
	 * What was restored.
	 *
	 * @param file the archive
	 * @param manifest its manifest
	 * @param replaced whether a database holding data was replaced
	 * @param schemaVersion the schema's version after the restore
	 * @param took how long it took
	 */
	public record Summary(Path file, Manifest manifest, boolean replaced, String schemaVersion, Duration took) {

		public String line() {
			return "Restored %s (taken %s, schema version %s): %d tables, %,d rows, %d sequences%s; schema now at version %s, in %.1f s"
					.formatted(file, manifest.createdAt(), manifest.schemaVersion(), manifest.tables().size(), manifest.rows(),
							manifest.sequences().size(), replaced ? ", replacing what the database held" : "", schemaVersion,
							took.toMillis() / 1000.0);
		}
	}

	private DatabaseRestore() {
	}

	public static Summary restore(Configuration flyway, Path file, boolean replace, Progress progress) {
		var started = System.nanoTime();
		var archive = file.toAbsolutePath().normalize();
		try (var zip = open(archive)) {
			var manifest = check(zip, archive);
			var latest = latest(flyway);
			var version = MigrationVersion.fromVersion(manifest.schemaVersion());
			if (version.isNewerThan(latest.getVersion())) {
				throw new BackupFailure("Restore refused, nothing changed: " + archive + " was made by a newer Kurultai (schema version "
						+ manifest.schemaVersion() + "; this one knows versions up to " + latest + "): restore it with that version or a later one");
			}
			try (var connection = Objects.requireNonNull(flyway.getDataSource(), "Flyway's data source").getConnection()) {
				connection.setAutoCommit(false);
				try {
					var replaced = load(connection, flyway, zip, manifest, replace, progress);
					var now = new Sql(connection).schemaVersion(flyway.getTable());
					connection.commit();
					return new Summary(archive, manifest, replaced, Objects.requireNonNullElse(now, "?"),
							Duration.ofNanos(System.nanoTime() - started));
				}
				catch (SQLException | RuntimeException e) {
					connection.rollback();
					throw e;
				}
			}
		}
		catch (BackupFailure e) {
			throw e;
		}
		catch (SQLException | RuntimeException e) {
			throw new BackupFailure("Restore failed, the database is unchanged: " + reason(e), e);
		}
		catch (IOException e) {
			throw new BackupFailure("Restore refused, nothing changed: " + archive + " cannot be read (" + e.getMessage() + ")", e);
		}
	}

	private static ZipFile open(Path archive) throws IOException {
		if (!Files.isRegularFile(archive)) {
			throw new BackupFailure("Restore refused, nothing changed: there is no file " + archive);
		}
		try {
			return new ZipFile(archive.toFile());
		}
		catch (ZipException e) {
			throw new BackupFailure("Restore refused, nothing changed: " + archive + " is not a Kurultai backup, or it is damaged (not a "
					+ "whole zip archive: " + e.getMessage() + ")");
		}
	}

	/** Reads the manifest and checks every table's entry against its checksum, before the database is touched. */
	private static Manifest check(ZipFile zip, Path archive) throws IOException {
		var entry = zip.getEntry(Manifest.ENTRY);
		if (entry == null) {
			throw new BackupFailure("Restore refused, nothing changed: " + archive + " is not a Kurultai backup (it has no " + Manifest.ENTRY + ")");
		}
		Manifest manifest;
		try (var in = zip.getInputStream(entry)) {
			manifest = Manifest.read(in);
		}
		catch (BackupFailure e) {
			throw new BackupFailure("Restore refused, nothing changed: " + archive + ": " + e.getMessage());
		}
		for (var table : manifest.tables()) {
			var data = zip.getEntry(table.entry());
			if (data == null) {
				throw damaged(archive, "it has no rows for table " + table.name());
			}
			var digest = DatabaseBackup.sha256();
			try (var in = new DigestInputStream(zip.getInputStream(data), digest)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (ZipException e) {
				throw damaged(archive, "the rows of table " + table.name() + " cannot be read: " + e.getMessage());
			}
			if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(table.sha256())) {
				throw damaged(archive, "the rows of table " + table.name() + " do not match their checksum");
			}
		}
		return manifest;
	}

	private static BackupFailure damaged(Path archive, String what) {
		return new BackupFailure("Restore refused, nothing changed: " + archive + " is damaged: " + what);
	}

	/** The latest migration this version of Kurultai has. */
	private static MigrationInfo latest(Configuration flyway) {
		var info = Flyway.configure(flyway.getClassLoader()).configuration(flyway).load().info();
		MigrationInfo latest = null;
		for (var migration : info.all()) {
			if (migration.getVersion() != null && migration.getState().isResolved()
					&& (latest == null || migration.getVersion().isNewerThan(latest.getVersion()))) {
				latest = migration;
			}
		}
		if (latest == null) {
			throw new IllegalStateException("no migrations found in " + List.of(flyway.getLocations()));
		}
		return latest;
	}

	/** Everything that happens in the database, in the connection's one transaction; whether data was replaced. */
	private static boolean load(Connection connection, Configuration flyway, ZipFile zip, Manifest manifest, boolean replace,
			Progress progress) throws SQLException, IOException {
		var sql = new Sql(connection);
		sql.execute("set local lock_timeout = '30s'");
		var objects = sql.strings("select relname from pg_class where relnamespace = current_schema()::regnamespace "
				+ "and relkind in ('r', 'p', 'v', 'm', 'S', 'f') order by relname");
		var replaced = false;
		if (!objects.isEmpty()) {
			if (!replace) {
				var version = sql.schemaVersion(flyway.getTable());
				throw new BackupFailure("Restore refused, nothing changed: the database is not empty (" + objects.size()
						+ " tables, views or sequences" + (version == null ? "" : ", a Kurultai schema at version " + version)
						+ "). Restore into an empty database, or add --kurultai.backup.replace=true to drop everything in it and restore");
			}
			dropEverything(sql);
			replaced = true;
		}
		migrate(connection, flyway, manifest.schemaVersion());

		var expected = new TreeSet<String>();
		for (var table : sql.tables()) {
			if (!table.equals(flyway.getTable()) && !DatabaseBackup.SKIPPED.contains(table)) {
				expected.add(table);
			}
		}
		var archived = new TreeSet<String>();
		manifest.tables().forEach(table -> archived.add(table.name()));
		if (!expected.equals(archived)) {
			var missing = new TreeSet<>(expected);
			missing.removeAll(archived);
			var unknown = new TreeSet<>(archived);
			unknown.removeAll(expected);
			throw new BackupFailure("Restore refused: the archive does not match schema version " + manifest.schemaVersion()
					+ (missing.isEmpty() ? "" : "; it lacks the tables " + missing) + (unknown.isEmpty() ? "" : "; it has tables the schema has not: " + unknown));
		}
		for (var table : manifest.tables()) {
			if (!sql.columns(table.name()).equals(table.columns())) {
				throw new BackupFailure("Restore refused: the columns of table " + table.name() + " in the archive " + table.columns()
						+ " are not those of schema version " + manifest.schemaVersion() + ": " + sql.columns(table.name()));
			}
		}

		// the tables' own triggers off (append-only guards, checks, data versions): the rows are as they were written
		var triggers = new ArrayList<String[]>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("select t.tgrelid::regclass::text, t.tgname "
				+ "from pg_trigger t join pg_class c on c.oid = t.tgrelid where not t.tgisinternal and t.tgenabled = 'O' "
				+ "and c.relnamespace = current_schema()::regnamespace order by 1, 2")) {
			while (rows.next()) {
				triggers.add(new String[] { rows.getString(1), rows.getString(2) });
			}
		}
		for (var trigger : triggers) {
			sql.execute("alter table " + trigger[0] + " disable trigger " + Sql.quote(trigger[1]));
		}
		// what the migrations wrote (the audit chain's head, seeded rows) gives way to the archive's rows
		var everyTable = new ArrayList<String>();
		for (var table : sql.tables()) {
			if (!table.equals(flyway.getTable())) {
				everyTable.add(Sql.quote(table));
			}
		}
		if (!everyTable.isEmpty()) {
			sql.execute("truncate " + String.join(", ", everyTable));
		}

		// the foreign keys are checked once everything is in (some tables refer to each other): deferred for the load
		var deferred = sql.strings("select c.conrelid::regclass::text || ' alter constraint ' || quote_ident(c.conname) from pg_constraint c "
				+ "join pg_class t on t.oid = c.conrelid where c.contype = 'f' and not c.condeferrable "
				+ "and t.relnamespace = current_schema()::regnamespace order by 1");
		for (var constraint : deferred) {
			sql.execute("alter table " + constraint + " deferrable initially deferred");
		}
		sql.execute("set constraints all deferred");

		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var order = order(manifest.tables(), sql.references());
		int done = 0;
		for (var table : order) {
			long rows;
			try (InputStream in = zip.getInputStream(Objects.requireNonNull(zip.getEntry(table.entry())))) {
				rows = copy.copyIn("copy " + Sql.quote(table.name()) + " (" + Sql.list(table.columns()) + ") from stdin", in);
			}
			if (rows != table.rows()) {
				throw new BackupFailure("Restore failed, the database is unchanged: table " + table.name() + " got " + rows
						+ " rows where the archive says " + table.rows());
			}
			progress.table(++done, order.size(), table.name(), rows);
		}
		for (var sequence : manifest.sequences()) {
			if (sql.string("select to_regclass(?)::text", Sql.quote(sequence.name())) == null) {
				throw new BackupFailure("Restore refused: the archive's sequence " + sequence.name() + " is not in schema version "
						+ manifest.schemaVersion());
			}
			try (var statement = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
				statement.setString(1, Sql.quote(sequence.name()));
				statement.setLong(2, sequence.lastValue());
				statement.setBoolean(3, sequence.isCalled());
				statement.execute();
			}
		}
		try {
			sql.execute("set constraints all immediate");
		}
		catch (SQLException e) {
			throw new BackupFailure("Restore failed, the database is unchanged: the archive's rows break a foreign key (" + e.getMessage() + ")", e);
		}
		for (var constraint : deferred) {
			sql.execute("alter table " + constraint + " not deferrable");
		}
		for (var trigger : triggers) {
			sql.execute("alter table " + trigger[0] + " enable trigger " + Sql.quote(trigger[1]));
		}
		migrate(connection, flyway, "latest");
		if (sql.string("select to_regclass('data_version')::text") != null) {
			// past every version served before (this database's or the one replaced): no client's ETag or date matches by chance
			sql.execute("update data_version set version = greatest(version + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint), "
					+ "changed_at = greatest(changed_at, clock_timestamp())");
		}
		return replaced;
	}

	/** The tables, each after those its foreign keys refer to where they form no cycle (the keys are checked at the end). */
	static List<Manifest.Table> order(List<Manifest.Table> tables, Map<String, List<String>> references) {
		var byName = new java.util.LinkedHashMap<String, Manifest.Table>();
		tables.forEach(table -> byName.put(table.name(), table));
		var ordered = new LinkedHashSet<String>();
		var visiting = new java.util.HashSet<String>();
		for (var name : byName.keySet()) {
			visit(name, byName.keySet(), references, ordered, visiting);
		}
		return ordered.stream().map(byName::get).toList();
	}

	private static void visit(String name, Set<String> names, Map<String, List<String>> references, Set<String> ordered, Set<String> visiting) {
		if (ordered.contains(name) || !names.contains(name)) {
			return;
		}
		if (!visiting.add(name)) {
			return; // a cycle: its foreign keys are checked at the end anyway
		}
		for (var referenced : references.getOrDefault(name, List.of())) {
			visit(referenced, names, references, ordered, visiting);
		}
		visiting.remove(name);
		ordered.add(name);
	}

	/** Drops every table, view, sequence, function and type of the schema that no extension owns. */
	private static void dropEverything(Sql sql) throws SQLException {
		var notFromAnExtension = " and not exists (select from pg_depend d where d.objid = o.oid and d.deptype = 'e')";
		var relations = sql.strings("select quote_ident(o.relname) || ':' || o.relkind::text from pg_class o where o.relnamespace = "
				+ "current_schema()::regnamespace and o.relkind in ('v', 'm', 'r', 'p', 'f', 'S')" + notFromAnExtension);
		for (var kind : List.of("v:view", "m:materialized view", "f:foreign table", "r:table", "p:table", "S:sequence")) {
			var code = kind.substring(0, 1);
			var names = relations.stream().filter(relation -> relation.endsWith(":" + code))
					.map(relation -> relation.substring(0, relation.length() - 2)).toList();
			if (!names.isEmpty()) {
				sql.execute("drop " + kind.substring(2) + " if exists " + String.join(", ", names) + " cascade");
			}
		}
		for (var function : sql.strings("select o.oid::regprocedure::text from pg_proc o where o.pronamespace = current_schema()::regnamespace"
				+ notFromAnExtension)) {
			sql.execute("drop routine if exists " + function + " cascade");
		}
		for (var type : sql.strings("select o.oid::regtype::text from pg_type o where o.typnamespace = current_schema()::regnamespace "
				+ "and o.typtype in ('e', 'd', 'c', 'r', 'm') and (o.typtype <> 'c' or (select relkind from pg_class where oid = o.typrelid) = 'c')"
				+ notFromAnExtension)) {
			sql.execute("drop type if exists " + type + " cascade");
		}
	}

	/** Migrates the schema on this connection, within its transaction (Flyway's commits are held back). */
	private static void migrate(Connection connection, Configuration flyway, String target) {
		Flyway.configure(flyway.getClassLoader()).configuration(flyway).dataSource(new InTransaction(connection)).target(target).load()
				.migrate();
	}

	private static String reason(Throwable e) {
		var reason = e.getMessage();
		for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException) {
				reason = reason + " (" + cause.getMessage() + ")";
				break;
			}
		}
		return Objects.requireNonNullElse(reason, e.toString());
	}

	/** Hands out the one connection, in its transaction: a commit, a rollback, a change of auto-commit or a close is held back. */
	private static final class InTransaction extends AbstractDataSource {

		private final Connection connection;

		InTransaction(Connection target) {
			this.connection = (Connection) Proxy.newProxyInstance(DatabaseRestore.class.getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, arguments) -> {
						switch (method.getName()) {
						case "commit", "close", "setAutoCommit":
							return null;
						case "rollback":
							if (arguments == null || arguments.length == 0) {
								throw new SQLException("a migration failed within the restore's transaction");
							}
							break;
						case "isClosed":
							return false;
						default:
							break;
						}
						try {
							return method.invoke(target, arguments);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}

		@Override
		public Connection getConnection() {
			return connection;
		}

		@Override
		public Connection getConnection(@Nullable String username, @Nullable String password) {
			return connection;
		}
	}
}
