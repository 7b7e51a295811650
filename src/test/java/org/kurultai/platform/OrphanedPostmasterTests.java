package org.kurultai.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
}
