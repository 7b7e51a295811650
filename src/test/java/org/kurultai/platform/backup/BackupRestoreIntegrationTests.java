package org.kurultai.platform.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kurultai.Delegations;
import org.kurultai.EmbeddedDatabaseAccess;
import org.kurultai.IntegrationTest;
import org.kurultai.KurultaiApplication;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backup of the test database (the CICA data, a meeting, a document, a decision taken at the meeting and their audit
 * entries) restored into a fresh empty database holds every row of every table and every sequence as they were in the
 * backup's snapshot (compared by count and an MD5 of each table's ordered rows); through the commands too, after which
 * the audit chain verifies with the key it was written with. A restore over data without {@code replace}, of an archive
 * from a newer schema, of a damaged archive, or one that fails halfway, is refused and leaves the database as it was.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreIntegrationTests {

	private static final Path FOLDER = Path.of("target/test-backups").toAbsolutePath();

	@LocalServerPort int port;
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;
	@Autowired ApplicationContext context;

	private final List<String> databases = new ArrayList<>();
	private Path archive;
	private Map<String, String> source;
	private String meeting;
	private long decision;
	private long latestDataVersion;

	@BeforeAll
	void writeAndBackUp() throws Exception {
		FileSystemUtils.deleteRecursively(FOLDER);
		var api = new Delegations(port, accounts, tokens);
		var secretariat = api.secretariat("backup");
		var chair = api.coordinator("backup", "AZE");
		var document = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Statement kept in a backup", "body": "SOC", "access": "PARTICIPANTS", "languages": ["en"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We keep copies."}}]}""");
		assertThat(document.status()).as(document.toString()).isEqualTo(201);
		var today = clock.today();
		var convened = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Session kept in a backup", "from": "%s", "until": "%s", "place": "Astana", "access": "PARTICIPANTS"}"""
				.formatted(today, today));
		assertThat(convened.status()).as(convened.toString()).isEqualTo(201);
		meeting = convened.json().get("id").asString();
		var taken = api.post("/api/decisions", chair, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ"]}"""
				.formatted(document.json().get("id").asString(), meeting));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
		decision = taken.json().get("id").asLong();

		archive = FOLDER.resolve("round-trip.zip");
		try (var connection = EmbeddedDatabaseAccess.superuser(context).getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			source = contents(connection); // the snapshot the backup reads too
			try (var sql = connection.createStatement(); var rows = sql.executeQuery("select max(version) from data_version")) {
				rows.next();
				latestDataVersion = rows.getLong(1);
			}
			DatabaseBackup.write(connection, archive, DatabaseBackup.HISTORY_TABLE, clock.now(), Progress.NONE);
			connection.rollback();
		}
		assertThat(source).containsKeys("meeting", "decision", "audit_entry", "participant", "sequence audit_entry_id_seq");
		assertThat(rows(source, "audit_entry")).isPositive();
		assertThat(rows(source, "participant")).as("the CICA data").isGreaterThan(20);
	}

	@AfterAll
	void dropDatabases() throws SQLException {
		try (var connection = EmbeddedDatabaseAccess.superuser(context).getConnection(); var sql = connection.createStatement()) {
			for (var database : databases) {
				sql.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	@Test
	void aRestoredBackupHoldsEveryRowOfEveryTableAndEverySequence() throws Exception {
		var target = database();
		var tables = new ArrayList<String>();
		var summary = DatabaseRestore.restore(flyway(target), archive, false, (done, total, table, rows) -> tables.add(table));

		var restored = contents(target);
		assertRestored(restored);
		assertThat(summary.manifest().tables()).hasSize(tables.size());
		assertThat(summary.replaced()).isFalse();
		assertThat(tables.indexOf("meeting")).as("referenced tables first").isLessThan(tables.indexOf("decision"));
		try (var connection = dataSource(target).getConnection(); var sql = connection.createStatement();
				var rows = sql.executeQuery("select count(*) from decision d join meeting m on m.id = d.meeting_id where d.id = " + decision
						+ " and m.id = '" + meeting + "'")) {
			rows.next();
			assertThat(rows.getInt(1)).as("the decision taken at the meeting").isEqualTo(1);
			try (var versions = sql.executeQuery("select min(version) from data_version")) {
				versions.next();
				assertThat(versions.getLong(1)).as("every data version past those served before").isGreaterThan(latestDataVersion);
			}
			assertThatThrownBy(() -> sql.execute("delete from audit_entry")).as("the audit log's guards are back on")
					.hasMessageContaining("audit entries cannot be changed or removed");
		}
	}

	@Test
	void theCommandsBackUpAndRestoreAndTheAuditChainVerifiesWithItsKey(CapturedOutput output) throws Exception {
		var file = FOLDER.resolve("command.zip");
		assertThat(command("postgres", "backup", "--kurultai.backup.file=" + file)).isZero();
		assertThat(output.getOut()).containsPattern("\\[\\d+/\\d+\\] meeting: \\d+ rows").contains("Backup written to " + file)
				.contains("Not in the backup: the audit chain's key");
		assertThat(org.kurultai.shared.OwnerOnlyFiles.isOpenToOthers(file)).as("owner-only, as the data it holds").isFalse();
		assertThat(Files.exists(FOLDER.resolve("command.zip.partial"))).isFalse();
		assertThat(command("postgres", "backup", "--kurultai.backup.file=" + file)).as("refused: never over an earlier backup").isEqualTo(1);
		assertThat(output.getOut()).contains("Backup refused: " + file + " already exists");

		var target = database();
		assertThat(command(target, "restore", "--kurultai.backup.file=" + file)).isZero();
		assertThat(output.getOut()).contains("Restored " + file).contains("Restore done");
		Manifest manifest;
		try (var zip = new ZipFile(file.toFile()); var in = zip.getInputStream(zip.getEntry(Manifest.ENTRY))) {
			manifest = Manifest.read(in);
		}
		var restored = contents(target);
		for (var table : manifest.tables()) {
			assertThat(rows(restored, table.name())).as(table.name()).isEqualTo(table.rows());
		}
		assertThat(restored.keySet()).containsAll(manifest.tables().stream().map(Manifest.Table::name).toList());
		assertThat(rows(restored, "decision")).isGreaterThanOrEqualTo(rows(source, "decision"));

		assertThat(command(target, "verify-audit")).as(output.getOut()).isZero();
		assertThat(output.getOut()).contains("The audit chain is intact");

		assertThat(command(target, "restore", "--kurultai.backup.file=" + file)).as("refused: not empty").isEqualTo(1);
		assertThat(output.getOut()).contains("Restore refused, nothing changed: the database is not empty");
	}

	@Test
	void theRestoreCommandFillsAFreshEmbeddedDatabase(CapturedOutput output) throws Exception {
		var directory = Path.of("target/test-postgres/backup-restore").toAbsolutePath();
		var key = context.getEnvironment().getRequiredProperty("kurultai.audit.key-file");
		try (var restored = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE).run("--spring.datasource.url=",
				"--kurultai.database.embedded.data-directory=" + directory, "--kurultai.database.embedded.clean=true",
				"--kurultai.audit.key-file=" + Path.of(key).toAbsolutePath(), "--kurultai.audit.checkpoint-file=" + FOLDER.resolve("embedded-checkpoints.log"),
				"--kurultai.command=restore", "--kurultai.backup.file=" + archive, "--spring.main.banner-mode=off")) {
			assertThat(output.getOut()).contains("Restored " + archive);
			try (var connection = EmbeddedDatabaseAccess.superuser(directory).getConnection()) {
				assertRestored(contents(connection));
			}
			assertThat(SpringApplication.exit(restored)).isZero();
		}
	}

	@Test
	void aRestoreOverDataIsRefusedUnlessReplaceIsAskedFor() throws Exception {
		var target = database();
		DatabaseRestore.restore(flyway(target), archive, false, Progress.NONE);
		try (var connection = dataSource(target).getConnection(); var sql = connection.createStatement()) {
			sql.execute("insert into reference_dataset (name, checksum, records) values ('written after the restore', 'none', 0)");
		}
		var before = contents(target);

		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), archive, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("Restore refused, nothing changed: the database is not empty")
				.hasMessageContaining("--kurultai.backup.replace=true");
		assertThat(contents(target)).isEqualTo(before);

		var summary = DatabaseRestore.restore(flyway(target), archive, true, Progress.NONE);
		assertThat(summary.replaced()).isTrue();
		assertRestored(contents(target));
	}

	@Test
	void anArchiveFromANewerSchemaIsRefused() throws Exception {
		var newer = rewrite("newer.zip", Manifest.ENTRY, manifest -> manifest.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"999\""));
		var target = database();
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), newer, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("made by a newer Kurultai (schema version 999");
		assertThat(contents(target)).as("nothing created").isEmpty();
	}

	@Test
	void aDamagedArchiveIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
		var target = database();
		var cut = FOLDER.resolve("cut.zip");
		var bytes = Files.readAllBytes(archive);
		Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), cut, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("is not a Kurultai backup, or it is damaged");

		var altered = rewrite("altered.zip", "data/meeting.copy", rows -> rows.replace("Session kept in a backup", "Session altered"));
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), altered, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("is damaged: the rows of table meeting do not match their checksum");

		var noManifest = FOLDER.resolve("not-a-backup.zip");
		try (var zip = new ZipOutputStream(Files.newOutputStream(noManifest))) {
			zip.putNextEntry(new ZipEntry("something.txt"));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), noManifest, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("is not a Kurultai backup (it has no manifest.json)");
		assertThat(contents(target)).as("nothing created").isEmpty();
	}

	@Test
	void aRestoreThatFailsHalfwayLeavesTheDatabaseAsItWas() throws Exception {
		// checksums right, but one more audit entry than the rows hold: found once the tables before it are loaded
		var wrong = rewrite("wrong-count.zip", Manifest.ENTRY, manifest -> manifest.replaceFirst(
				"(\"name\" : \"audit_entry\",\\s*\"columns\" : \\[[^\\]]*\\],\\s*\"rows\" : )(\\d+)",
				"$1" + (rows(source, "audit_entry") + 1)));
		assertThat(Files.readString(FOLDER.resolve("wrong-count.manifest.json"))).contains("\"rows\" : " + (rows(source, "audit_entry") + 1));
		var target = database();
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), wrong, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("Restore failed, the database is unchanged: table audit_entry got " + rows(source, "audit_entry"));
		assertThat(contents(target)).as("not even the schema").isEmpty();

		// checksums and counts right, but the meeting the decision was taken at is not there
		var orphaned = withoutRow("orphaned.zip", "meeting", "Session kept in a backup");
		assertThatThrownBy(() -> DatabaseRestore.restore(flyway(target), orphaned, false, Progress.NONE)).isInstanceOf(BackupFailure.class)
				.hasMessageContaining("Restore failed, the database is unchanged: the archive's rows break a foreign key");
		assertThat(contents(target)).as("not even the schema").isEmpty();
	}

	/** A copy of the archive without the rows of a table that contain a text, its manifest made to match. */
	private Path withoutRow(String name, String table, String text) throws IOException {
		var copy = FOLDER.resolve(name);
		try (var zip = new ZipFile(archive.toFile()); var out = new ZipOutputStream(Files.newOutputStream(copy))) {
			Manifest manifest;
			try (var in = zip.getInputStream(zip.getEntry(Manifest.ENTRY))) {
				manifest = Manifest.read(in);
			}
			var tables = new ArrayList<Manifest.Table>();
			for (var each : manifest.tables()) {
				byte[] rows;
				try (var in = zip.getInputStream(zip.getEntry(each.entry()))) {
					rows = in.readAllBytes();
				}
				var kept = each;
				if (each.name().equals(table)) {
					var lines = new String(rows, StandardCharsets.UTF_8).lines().filter(line -> !line.contains(text)).toList();
					assertThat(lines).as("a row left out").hasSize((int) each.rows() - 1);
					rows = lines.stream().map(line -> line + "\n").collect(java.util.stream.Collectors.joining()).getBytes(StandardCharsets.UTF_8);
					kept = new Manifest.Table(each.name(), each.columns(), lines.size(),
							java.util.HexFormat.of().formatHex(DatabaseBackup.sha256().digest(rows)));
				}
				tables.add(kept);
				out.putNextEntry(new ZipEntry(each.entry()));
				out.write(rows);
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry(Manifest.ENTRY));
			new Manifest(manifest.format(), manifest.createdAt(), manifest.schemaVersion(), manifest.server(), tables, manifest.sequences())
					.write(out);
			out.closeEntry();
		}
		return copy;
	}

	@Test
	void aFileThatAppearsUnderTheArchivesNameWhileTheBackupIsWrittenIsNeverOverwritten() throws Exception {
		// e.g. a second backup to the same name (a timer and a person), finishing first: its archive must survive
		var raced = FOLDER.resolve("raced-" + UUID.randomUUID() + ".zip");
		var earlier = "an earlier archive".getBytes(StandardCharsets.UTF_8);
		Progress appearing = (done, total, table, rows) -> {
			if (done == 1) {
				try {
					Files.write(raced, earlier);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}
		};
		try (var connection = EmbeddedDatabaseAccess.superuser(context).getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			assertThatThrownBy(() -> DatabaseBackup.write(connection, raced, DatabaseBackup.HISTORY_TABLE, clock.now(), appearing))
					.isInstanceOf(BackupFailure.class).hasMessageContaining("appeared while the backup was written");
			connection.rollback();
		}
		assertThat(Files.readAllBytes(raced)).as("the file that appeared is left as it was").isEqualTo(earlier);
		assertThat(Files.exists(raced.resolveSibling(raced.getFileName() + ".partial"))).as("no partial file stays").isFalse();
	}

	@Test
	void theTablesAreLoadedEachAfterThoseItRefersTo() {
		var a = new Manifest.Table("a", List.of("id"), 0, "x");
		var b = new Manifest.Table("b", List.of("id"), 0, "x");
		var c = new Manifest.Table("c", List.of("id"), 0, "x");
		assertThat(DatabaseRestore.order(List.of(a, b, c), Map.of("a", List.of("c", "a"), "c", List.of("b")))).containsExactly(b, c, a);
		assertThat(DatabaseRestore.order(List.of(a, b), Map.of("a", List.of("b"), "b", List.of("a")))).as("a cycle: checked at the end")
				.containsExactlyInAnyOrder(a, b);
	}

	private int command(String database, String command, String... more) {
		var arguments = new ArrayList<>(List.of(EmbeddedDatabaseAccess.externalArguments(context)));
		var url = EmbeddedDatabaseAccess.jdbcUrl(EmbeddedDatabaseAccess.dataDirectory(context));
		arguments.replaceAll(argument -> argument.startsWith("--spring.datasource.url=")
				? "--spring.datasource.url=" + url.substring(0, url.lastIndexOf('/') + 1) + database : argument);
		// its own checkpoint file: a file belongs to one database's chain
		arguments.replaceAll(argument -> argument.startsWith("--kurultai.audit.checkpoint-file=")
				? "--kurultai.audit.checkpoint-file=" + FOLDER.resolve("checkpoints-" + database + ".log") : argument);
		arguments.addAll(List.of("--kurultai.command=" + command, "--spring.main.banner-mode=off"));
		arguments.addAll(List.of(more));
		try {
			var application = new SpringApplicationBuilder(KurultaiApplication.class).web(WebApplicationType.NONE)
					.run(arguments.toArray(String[]::new));
			return SpringApplication.exit(application);
		}
		catch (RuntimeException failedToStart) {
			return 1;
		}
	}

	private String database() throws SQLException {
		var name = "restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (var connection = EmbeddedDatabaseAccess.superuser(context).getConnection(); var sql = connection.createStatement()) {
			sql.execute("create database " + name);
		}
		databases.add(name);
		return name;
	}

	private DataSource dataSource(String database) {
		var directory = EmbeddedDatabaseAccess.dataDirectory(context);
		var credentials = EmbeddedDatabaseAccess.credentials(directory);
		var url = EmbeddedDatabaseAccess.jdbcUrl(directory);
		return new DriverManagerDataSource(url.substring(0, url.lastIndexOf('/') + 1) + database, credentials.superuser(),
				credentials.superuserPassword());
	}

	private Configuration flyway(String database) {
		var appRole = EmbeddedDatabaseAccess.credentials(EmbeddedDatabaseAccess.dataDirectory(context)).appRole();
		return Flyway.configure().dataSource(dataSource(database)).locations("classpath:db/migration")
				.placeholders(Map.of("appRole", appRole));
	}

	private Map<String, String> contents(String database) throws SQLException {
		try (var connection = dataSource(database).getConnection()) {
			return contents(connection);
		}
	}

	/** Each table's row count and the MD5 of its rows in order, and each sequence's state (Flyway's history and the sessions aside). */
	private static Map<String, String> contents(Connection connection) throws SQLException {
		var tables = new ArrayList<String>();
		var sequences = new ArrayList<String>();
		try (var sql = connection.createStatement(); var rows = sql.executeQuery("select relname, relkind from pg_class "
				+ "where relnamespace = current_schema()::regnamespace and relkind in ('r', 'S') order by relname")) {
			while (rows.next()) {
				(rows.getString(2).equals("S") ? sequences : tables).add(rows.getString(1));
			}
		}
		var contents = new TreeMap<String, String>();
		for (var table : tables) {
			if (table.equals(DatabaseBackup.HISTORY_TABLE) || DatabaseBackup.SKIPPED.contains(table)) {
				continue;
			}
			try (var sql = connection.createStatement(); var rows = sql.executeQuery("select count(*), md5(coalesce(string_agg(t::text, "
					+ "E'\\n' order by t::text), '')) from \"" + table + "\" t")) {
				rows.next();
				contents.put(table, rows.getLong(1) + " rows, md5 " + rows.getString(2));
			}
		}
		for (var sequence : sequences) {
			// a sequence of a table not backed up (the search index's, built again after a restore) moves with its table
			if (DatabaseBackup.SKIPPED.stream().anyMatch(skipped -> sequence.startsWith(skipped + "_"))) {
				continue;
			}
			try (var sql = connection.createStatement(); var rows = sql.executeQuery("select last_value, is_called from \"" + sequence + "\"")) {
				rows.next();
				contents.put("sequence " + sequence, rows.getLong(1) + " " + rows.getBoolean(2));
			}
		}
		return contents;
	}

	/** Every table and sequence with the same rows as in the backup's snapshot, but the data versions, each moved on. */
	private void assertRestored(Map<String, String> restored) {
		var expected = new TreeMap<>(source);
		var actual = new TreeMap<>(restored);
		assertThat(rows(actual, "data_version")).isEqualTo(rows(expected, "data_version")).isPositive();
		expected.remove("data_version");
		actual.remove("data_version");
		assertThat(actual).as("every table and sequence, each with the same rows").isEqualTo(expected);
	}

	private static long rows(Map<String, String> contents, String table) {
		return Long.parseLong(contents.get(table).substring(0, contents.get(table).indexOf(' ')));
	}

	/** A copy of the archive with one entry changed (the others as they are). */
	private Path rewrite(String name, String entry, UnaryOperator<String> change) throws IOException {
		var copy = FOLDER.resolve(name);
		var entries = new LinkedHashMap<String, byte[]>();
		try (var zip = new ZipFile(archive.toFile())) {
			for (var each : java.util.Collections.list(zip.entries())) {
				try (var in = zip.getInputStream(each)) {
					entries.put(each.getName(), in.readAllBytes());
				}
			}
		}
		var changed = change.apply(new String(entries.get(entry), StandardCharsets.UTF_8));
		assertThat(changed).as("the change applies").isNotEqualTo(new String(entries.get(entry), StandardCharsets.UTF_8));
		entries.put(entry, changed.getBytes(StandardCharsets.UTF_8));
		if (entry.equals(Manifest.ENTRY)) {
			Files.writeString(FOLDER.resolve(name.replace(".zip", ".manifest.json")), changed);
		}
		try (var zip = new ZipOutputStream(Files.newOutputStream(copy))) {
			for (var each : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(each.getKey()));
				zip.write(each.getValue());
				zip.closeEntry();
			}
		}
		return copy;
	}
}
