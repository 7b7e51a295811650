package org.kurultai.platform.backup;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kurultai.backup.*}: the options of {@code --kurultai.command=backup} and {@code restore}.
 *
 * @param file the archive to write (default {@code ./data/backups/kurultai-<UTC time>.zip}) or to restore (required)
 * @param replace whether a restore may drop what a database holds (default false: a restore goes into an empty database only)
 */
@ConfigurationProperties("kurultai.backup")
public record BackupProperties(@Nullable Path file, boolean replace) {
}
