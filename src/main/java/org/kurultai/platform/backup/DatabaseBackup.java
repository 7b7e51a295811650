package org.kurultai.platform.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.kurultai.shared.OwnerOnlyFiles;
import org.postgresql.PGConnection;

/**
 * Writes a backup archive (see the package's description) from one snapshot of the database: every table of the current
 * schema but Flyway's history and Spring Session's, every sequence, and the schema's Flyway version.
 */
public final class DatabaseBackup {

	/** Flyway's history table, unless configured otherwise. */
	public static final String HISTORY_TABLE = "flyway_schema_history";

	/**
	 * Not backed up: the signed-in sessions (after a restore everyone signs in again) and the search index, which is
	 * derived from the record and built again, kind by kind, once the restored instance starts (emptied by the restore).
	 */
	public static final Set<String> SKIPPED = Set.of("spring_session", "spring_session_attributes", "search_entry", "search_index_state", "search_dirty_document");

	/**
	 * What was written.
	 *
	 * @param file the archive
	 * @param manifest its manifest
	 * @param bytes its size
	 * @param took how long it took
	 */
	public record Summary(Path file, Manifest manifest, long bytes, Duration took) {

		public String line() {
			return "Backup written to %s: %d tables, %,d rows, %d sequences, schema version %s, %,d bytes, in %.1f s".formatted(file,
					manifest.tables().size(), manifest.rows(), manifest.sequences().size(), manifest.schemaVersion(), bytes,
					took.toMillis() / 1000.0);
		}
	}

	private DatabaseBackup() {
	}

	/**
	 * Backs up the database behind a data source (best its schema's owner, which reads every table) in one read-only
	 * REPEATABLE READ transaction.
	 */
	public static Summary backup(DataSource dataSource, Path file, String historyTable, Instant now, Progress progress) {
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				return write(connection, file, historyTable, now, progress);
			}
			finally {
				connection.rollback();
			}
		}
		catch (SQLException e) {
			throw new BackupFailure("Backup failed, no archive written: " + e.getMessage(), e);
		}
	}

	/**
	 * Gives the whole archive its name, never over a file of that name: one may have appeared while the backup was written
	 * (a rename would silently replace it). A hard link is made atomically or not at all; where the file system has none,
	 * a move that refuses an existing file.
	 */
	private static void publish(Path partial, Path target) throws IOException {
		try {
			Files.createLink(target, partial);
		}
		catch (FileAlreadyExistsException appeared) {
			throw appeared(target);
		}
		catch (UnsupportedOperationException | IOException noLinks) {
			try {
				Files.move(partial, target);
			}
			catch (FileAlreadyExistsException appeared) {
				throw appeared(target);
			}
			return;
		}
		Files.delete(partial);
	}

	private static BackupFailure appeared(Path target) {
		return new BackupFailure("Backup refused: " + target + " appeared while the backup was written; it is left as it is "
				+ "(name another file with --kurultai.backup.file)");
	}

	/**
	 * Writes the archive from a connection already in a REPEATABLE READ transaction (every table read in its snapshot);
	 * the archive appears whole at {@code file} or not at all.
	 */
	public static Summary write(Connection connection, Path file, String historyTable, Instant now, Progress progress) throws SQLException {
		var started = System.nanoTime();
		if (connection.getAutoCommit() || connection.getTransactionIsolation() < Connection.TRANSACTION_REPEATABLE_READ) {
			throw new IllegalArgumentException("a backup reads in one REPEATABLE READ transaction");
		}
		var target = file.toAbsolutePath().normalize();
		if (Files.exists(target)) {
			throw new BackupFailure("Backup refused: " + target + " already exists (name another file with --kurultai.backup.file)");
		}
		var jdbc = new Sql(connection);
		var schemaVersion = jdbc.schemaVersion(historyTable);
		if (schemaVersion == null) {
			throw new BackupFailure("Backup refused: the database holds no Kurultai schema (no " + historyTable + ")");
		}
		var server = jdbc.string("show server_version");
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		var tables = jdbc.tables().stream().filter(name -> !name.equals(historyTable) && !SKIPPED.contains(name)).toList();
		Path partial = null;
		try {
			var directory = target.getParent();
			OwnerOnlyFiles.createDirectories(directory);
			partial = OwnerOnlyFiles.createFile(directory.resolve(target.getFileName() + ".partial"));
			var written = new ArrayList<Manifest.Table>();
			try (var zip = new ZipOutputStream(Files.newOutputStream(partial))) {
				for (var name : tables) {
					var columns = jdbc.columns(name);
					var table = new Manifest.Table(name, columns, 0, "");
					zip.putNextEntry(new ZipEntry(table.entry()));
					var digest = sha256();
					var out = new DigestOutputStream(new Unclosable(zip), digest);
					var rows = copy.copyOut("copy (select " + Sql.list(columns) + " from " + Sql.quote(name) + ") to stdout", out);
					out.flush();
					zip.closeEntry();
					written.add(new Manifest.Table(name, columns, rows, HexFormat.of().formatHex(digest.digest())));
					progress.table(written.size(), tables.size(), name, rows);
				}
				var manifest = new Manifest(Manifest.FORMAT, now.toString(), schemaVersion, server, List.copyOf(written), jdbc.sequences());
				zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
				manifest.write(new Unclosable(zip));
				zip.closeEntry();
				zip.finish();
				zip.close();
				publish(partial, target);
				partial = null;
				return new Summary(target, manifest, Files.size(target), Duration.ofNanos(System.nanoTime() - started));
			}
		}
		catch (IOException e) {
			throw new BackupFailure("Backup failed, no archive written: cannot write " + target + " (" + e.getMessage() + ")", e);
		}
		finally {
			if (partial != null) {
				try {
					Files.deleteIfExists(partial);
				}
				catch (IOException ignored) {
					// the failure that brought us here says more
				}
			}
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The archive's stream, which an entry's writer must not close. */
	private static final class Unclosable extends FilterOutputStream {

		Unclosable(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			out.write(bytes, offset, length);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
