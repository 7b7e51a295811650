package org.kurultai.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.kurultai.shared.OwnerOnlyFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where checkpoints are kept: appended to the checkpoint file (owner-only; each line written whole, under an
 * exclusive lock of the file, so instances sharing it never interleave), and a copy in {@code audit_checkpoint}.
 */
@Component
class CheckpointStore {

	/** One JVM may run several application contexts on the same file (tests): the OS lock is per process. */
	private static final ReentrantLock IN_THIS_PROCESS = new ReentrantLock();

	private final JdbcClient jdbc;
	private final Path file;

	CheckpointStore(JdbcClient jdbc, AuditProperties properties) {
		this.jdbc = jdbc;
		this.file = properties.checkpointFile().toAbsolutePath();
	}

	Path file() {
		return file;
	}

	/** Appends to the file first (the copy that counts), then to the table; in the caller's transaction. */
	void append(Checkpoint checkpoint) {
		appendToFile(checkpoint.line());
		jdbc.sql("insert into audit_checkpoint (chain, at, line) values (cast(? as uuid), ?, ?)").params(checkpoint.chain(),
				OffsetDateTime.ofInstant(checkpoint.at(), ZoneOffset.UTC), checkpoint.line()).update();
	}

	/**
	 * The rows of this chain that the database records as taken after {@code since}, not yet read or trusted: the
	 * recorded time is not signed, and the application's role may insert rows.
	 */
	List<Stored> recordedInDatabaseSince(String chain, Instant since) {
		return jdbc.sql("select id, line from audit_checkpoint where chain = cast(? as uuid) and at > ? order by id")
				.params(chain, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
				.query((rs, row) -> new Stored("audit_checkpoint " + rs.getLong("id"), rs.getString("line"))).list();
	}

	/**
	 * Every line of the file and every row of the table, each with where it came from. A file that cannot be read is
	 * noted, not fatal: the table's copies are still checked.
	 */
	List<Stored> readAll(List<String> notices) {
		var stored = new ArrayList<Stored>();
		if (Files.exists(file)) {
			try {
				var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (!lines.get(i).isBlank()) {
						stored.add(new Stored(file.getFileName() + " line " + (i + 1), lines.get(i)));
					}
				}
			}
			catch (IOException e) {
				notices.add("the checkpoint file " + file + " cannot be read: " + e);
			}
		}
		jdbc.sql("select id, line from audit_checkpoint order by id")
				.query((rs, row) -> new Stored("audit_checkpoint " + rs.getLong("id"), rs.getString("line"))).list().forEach(stored::add);
		return stored;
	}

	private void appendToFile(String line) {
		var bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
		IN_THIS_PROCESS.lock();
		try {
			OwnerOnlyFiles.createDirectories(file.getParent());
			var options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
			try (var channel = FileChannel.open(file, options, OwnerOnlyFiles.attributes(file.getParent()));
					var lock = channel.lock()) {
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			// a file made by someone else, or by hand: only the owner reads the checkpoints
			OwnerOnlyFiles.restrict(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
		}
		finally {
			IN_THIS_PROCESS.unlock();
		}
	}

	/** A checkpoint as stored, not yet read or trusted. */
	record Stored(String where, String line) {
	}
}
