package org.kurultai.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left running by an earlier run of the application that ended without stopping it
 * (the JVM killed with SIGKILL): it still holds the data directory, and a new start would fail with
 * {@code lock file "postmaster.pid" already exists}. Before the embedded database starts, such a
 * postmaster (alive, a {@code postgres} process, serving our data directory) is shut down with
 * {@code pg_ctl stop -m fast} (its own binary's pg_ctl), or SIGTERM, then SIGKILL after a bounded
 * wait; PostgreSQL's crash recovery does the rest on the next start. A pid file naming a dead
 * process is left to PostgreSQL, which ignores it.
 * <p>
 * A postmaster is an orphan only if no live JVM holds its data directory: zonky's
 * {@code EmbeddedPostgres} holds an OS file lock on {@value #LOCK_FILE} in the data directory for
 * its whole life (the OS drops it when the JVM dies, even by SIGKILL). If that lock is held, a
 * running Kurultai (a server, or a second instance started by mistake) owns the folder: nothing is
 * touched and the start fails with {@link DataDirectoryInUse}.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	/** The file zonky's EmbeddedPostgres (2.2.2) locks, with {@code FileChannel.tryLock}, while it runs. */
	static final String LOCK_FILE = "epg-lock";

	/**
	 * The data directories whose embedded database this JVM runs. Their lock file is not opened here at all: POSIX
	 * record locks belong to the process, and closing any descriptor of the file would drop the lock zonky holds.
	 */
	private static final Set<Path> RUNNING_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

	private OrphanedPostmaster() {
	}

	/** The data directory is held by a running Kurultai: its database must not be stopped, nor the folder used. */
	static final class DataDirectoryInUse extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		DataDirectoryInUse(Path dataDirectory, String by) {
			super("The data folder " + dataDirectory + " is in use by a running Kurultai (" + by + "); stop it first, "
					+ "or use GET /api/admin/audit/verification while it runs. Its database was not touched.");
		}
	}

	/**
	 * Claims a data directory for an embedded database this JVM is about to run, until {@link #release}.
	 *
	 * @throws DataDirectoryInUse if this JVM already runs one on it
	 */
	static void claim(Path dataDirectory) {
		if (!RUNNING_IN_THIS_JVM.add(key(dataDirectory))) {
			throw new DataDirectoryInUse(dataDirectory, "in this process");
		}
	}

	static void release(Path dataDirectory) {
		RUNNING_IN_THIS_JVM.remove(key(dataDirectory));
	}

	private static Path key(Path dataDirectory) {
		return dataDirectory.toAbsolutePath().normalize();
	}

	/**
	 * Whether another process holds the data directory's lock file, i.e. runs an embedded database on it. Tries to take
	 * the lock and, if it got it, releases it at once (zonky takes it again when it starts).
	 */
	static boolean lockedByAnotherProcess(Path dataDirectory) {
		var lockFile = dataDirectory.resolve(LOCK_FILE);
		if (!Files.isRegularFile(lockFile)) {
			return false; // nobody ever ran here, or only a version that did not lock: nothing holds it
		}
		try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			var lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException heldInThisJvm) {
			return true;
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot tell whether a running Kurultai holds " + dataDirectory + " (" + lockFile + ")", e);
		}
	}

	/** What was found and done. */
	enum Outcome {
		NONE, STALE_PID_FILE, NOT_OURS, STOPPED
	}

	/**
	 * Stops the postmaster of an earlier run that is gone.
	 *
	 * @throws DataDirectoryInUse if a live process holds the data directory: its postmaster is no orphan
	 */
	static Outcome stopIfRunning(Path dataDirectory, Duration timeout) {
		if (lockedByAnotherProcess(dataDirectory)) {
			throw new DataDirectoryInUse(dataDirectory, "another process holds " + dataDirectory.resolve(LOCK_FILE));
		}
		var pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Outcome.NONE;
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			log.warn("Cannot read {}: leaving it to PostgreSQL", pidFile, e);
			return Outcome.NONE;
		}
		if (lines.size() < 2) {
			return Outcome.STALE_PID_FILE;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return Outcome.STALE_PID_FILE;
		}
		var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			log.info("{} names process {}, which is no longer running: PostgreSQL will recover", pidFile, pid);
			return Outcome.STALE_PID_FILE;
		}
		var command = process.get().info().command().orElse("");
		if (!sameDirectory(Path.of(lines.get(1).trim()), dataDirectory) || !isPostgres(command)) {
			log.warn("{} names process {} ({}), which is not a postmaster of this data directory: not touching it", pidFile, pid,
					command.isEmpty() ? "command unknown" : command);
			return Outcome.NOT_OURS;
		}
		log.warn("An embedded PostgreSQL (pid {}) left running by an earlier run still holds {}: stopping it", pid, dataDirectory);
		var stopped = pgCtl(command).map(pgCtl -> stopWithPgCtl(pgCtl, dataDirectory, timeout)).orElse(false);
		if (!stopped) {
			log.warn("Stopping postmaster {} with SIGTERM", pid);
			process.get().destroy();
		}
		if (!waitForExit(process.get(), timeout)) {
			log.warn("Postmaster {} did not stop within {}: killing it", pid, timeout);
			process.get().destroyForcibly();
			if (!waitForExit(process.get(), timeout)) {
				throw new IllegalStateException("The postmaster " + pid + " holding " + dataDirectory + " cannot be stopped");
			}
		}
		log.info("The orphaned postmaster {} is stopped; PostgreSQL's crash recovery completes on start", pid);
		return Outcome.STOPPED;
	}

	private static boolean sameDirectory(Path recorded, Path ours) {
		try {
			return Files.isSameFile(recorded, ours);
		}
		catch (IOException e) {
			return recorded.toAbsolutePath().normalize().equals(ours.toAbsolutePath().normalize());
		}
	}

	private static boolean isPostgres(String command) {
		var name = Path.of(command.isEmpty() ? "unknown" : command).getFileName().toString();
		return name.equals("postgres") || name.equals("postgres.exe");
	}

	/** The pg_ctl next to the postmaster's own binary, as zonky unpacks them. */
	private static Optional<Path> pgCtl(String postgresCommand) {
		var bin = Path.of(postgresCommand).getParent();
		if (bin == null) {
			return Optional.empty();
		}
		return Optional.of(bin.resolve("pg_ctl")).filter(Files::isExecutable)
				.or(() -> Optional.of(bin.resolve("pg_ctl.exe")).filter(Files::isExecutable));
	}

	private static boolean stopWithPgCtl(Path pgCtl, Path dataDirectory, Duration timeout) {
		try {
			var command = new ArrayList<String>();
			if (LinuxUtils.isUnshareAvailable()) {
				// as root, as zonky runs PostgreSQL's binaries: in a user namespace (pg_ctl refuses to run as root)
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(pgCtl.toString(), "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t",
					Long.toString(Math.max(1, timeout.toSeconds()))));
			var stop = new ProcessBuilder(command).redirectErrorStream(true).start();
			var output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!stop.waitFor(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS)) {
				stop.destroyForcibly();
				return false;
			}
			log.info("pg_ctl stop -m fast: {}", output);
			return stop.exitValue() == 0;
		}
		catch (IOException e) {
			log.warn("pg_ctl stop failed", e);
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean waitForExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			return !process.isAlive();
		}
		catch (ExecutionException e) {
			return !process.isAlive();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}
}
