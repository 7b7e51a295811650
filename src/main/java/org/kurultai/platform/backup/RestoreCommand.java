package org.kurultai.platform.backup;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar kurultai.jar --kurultai.command=restore --kurultai.backup.file=backup.zip
 * --spring.main.web-application-type=none [--kurultai.backup.replace=true]}: restores an archive into the configured
 * database (embedded or external, as the schema's owner) in place of the migrations at start, before anything else
 * reads or writes it, prints each table and a summary, and exits 0. A refused or failed restore changes nothing, says
 * why and stops the start (exit code 1).
 */
@Component
@ConditionalOnProperty(name = "kurultai.command", havingValue = "restore")
class RestoreCommand implements FlywayMigrationStrategy, ApplicationRunner, ExitCodeGenerator {

	private final BackupProperties properties;
	private DatabaseRestore.@Nullable Summary summary;

	RestoreCommand(BackupProperties properties) {
		this.properties = properties;
	}

	@Override
	public void migrate(Flyway flyway) {
		var file = properties.file();
		if (file == null) {
			throw new BackupFailure("Restore refused, nothing changed: name the archive with --kurultai.backup.file=<file>");
		}
		System.out.println("Restoring " + file.toAbsolutePath().normalize() + (properties.replace() ? " (replacing what the database holds)" : ""));
		summary = DatabaseRestore.restore(flyway.getConfiguration(), file, properties.replace(), Progress.CONSOLE);
		System.out.println(summary.line());
	}

	@Override
	public void run(ApplicationArguments args) {
		System.out.println("Restore done. The audit chain verifies with the key it was written with (--kurultai.command=verify-audit); "
				+ "checkpoints in the checkpoint file taken after the backup make it read as TRUNCATED, as it is: the entries written "
				+ "since are gone. Everyone signs in again.");
	}

	@Override
	public int getExitCode() {
		return summary != null ? 0 : BackupCommand.FAILED;
	}
}
