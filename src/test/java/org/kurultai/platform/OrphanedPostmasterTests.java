package org.kurultai.platform;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the start does with a pid file that names no orphaned postmaster of ours: nothing. */
class OrphanedPostmasterTests {

	@TempDir
	Path data;

	@Test
	void withoutAPidFileThereIsNothingToDo() {
		assertThat(OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1))).isEqualTo(OrphanedPostmaster.Outcome.NONE);
	}

	@Test
	void aPidFileNamingADeadProcessIsLeftToPostgresql() throws Exception {
		var finished = new ProcessBuilder("true").start();
		finished.waitFor();
		Files.writeString(data.resolve("postmaster.pid"), finished.pid() + "\n" + data + "\n1700000000\n5432\n");

		assertThat(OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1))).isEqualTo(OrphanedPostmaster.Outcome.STALE_PID_FILE);
		assertThat(data.resolve("postmaster.pid")).exists();
	}

	@Test
	void aLiveProcessThatIsNoPostmasterIsNotTouched() throws Exception {
		var self = ProcessHandle.current();
		Files.writeString(data.resolve("postmaster.pid"), self.pid() + "\n" + data + "\n1700000000\n5432\n");

		assertThat(OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1))).isEqualTo(OrphanedPostmaster.Outcome.NOT_OURS);
	}

	@Test
	void aPostmasterOfAnotherDataDirectoryIsNotTouched(@TempDir Path other) throws Exception {
		var self = ProcessHandle.current();
		Files.writeString(data.resolve("postmaster.pid"), self.pid() + "\n" + other + "\n1700000000\n5432\n");

		assertThat(OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1))).isEqualTo(OrphanedPostmaster.Outcome.NOT_OURS);
	}

	@Test
	void aDataDirectoryWhoseLockIsHeldIsInUseAndItsPostmasterIsNotTouched() throws Exception {
		var self = ProcessHandle.current();
		Files.writeString(data.resolve("postmaster.pid"), self.pid() + "\n" + data + "\n1700000000\n5432\n");
		try (var channel = FileChannel.open(data.resolve(OrphanedPostmaster.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				var lock = channel.lock()) {
			assertThatThrownBy(() -> OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1)))
					.isInstanceOf(OrphanedPostmaster.DataDirectoryInUse.class).hasMessageContaining("is in use by a running Kurultai")
					.hasMessageContaining("GET /api/admin/audit/verification");
			assertThat(lock.isValid()).isTrue();
		}
		assertThat(OrphanedPostmaster.stopIfRunning(data, Duration.ofSeconds(1))).as("once the lock is free")
				.isEqualTo(OrphanedPostmaster.Outcome.NOT_OURS);
	}

	@Test
	void aDataDirectoryIsRunByOneEmbeddedDatabaseOfThisProcessAtATime() {
		OrphanedPostmaster.claim(data);
		try {
			assertThatThrownBy(() -> OrphanedPostmaster.claim(data)).isInstanceOf(OrphanedPostmaster.DataDirectoryInUse.class);
		}
		finally {
			OrphanedPostmaster.release(data);
		}
		OrphanedPostmaster.claim(data);
		OrphanedPostmaster.release(data);
	}
}
