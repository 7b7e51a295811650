package org.kurultai.platform.backup;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.flywaydb.core.Flyway;
import org.kurultai.shared.ForumClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kurultai.jar --kurultai.command=backup --spring.main.web-application-type=none
 * [--kurultai.backup.file=backup.zip]}: writes a backup of the configured database (embedded or external, read as the
 * schema's owner, the migrations' user) while others may go on using it, prints each table and a summary, and exits 0;
 * 1 if no archive could be written (and none is left behind).
 */
@Component
@ConditionalOnProperty(name = "kurultai.command", havingValue = "backup")
class BackupCommand implements ApplicationRunner, ExitCodeGenerator {

	static final int FAILED = 1;

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final Flyway flyway;
	private final BackupProperties properties;
	private final ForumClock clock;
	private int exitCode;

	BackupCommand(Flyway flyway, BackupProperties properties, ForumClock clock) {
		this.flyway = flyway;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var now = clock.now();
		var file = properties.file() != null ? properties.file() : Path.of("data", "backups", "kurultai-" + STAMP.format(now) + "Z.zip");
		try {
			System.out.println("Backing up the database to " + file.toAbsolutePath().normalize());
			var configuration = flyway.getConfiguration();
			var summary = DatabaseBackup.backup(Objects.requireNonNull(configuration.getDataSource()), file, configuration.getTable(), now,
					Progress.CONSOLE);
			System.out.println(summary.line());
			System.out.println("Not in the backup: the audit chain's key (kurultai.audit.key or key-file) and its checkpoint file, "
					+ "the signed-in sessions. Keep the key apart from the backups: without it the audit chain cannot be verified.");
			exitCode = 0;
		}
		catch (BackupFailure failure) {
			System.out.println(failure.getMessage());
			exitCode = FAILED;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}
}
