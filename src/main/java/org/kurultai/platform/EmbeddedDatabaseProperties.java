package org.kurultai.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that Kurultai starts itself when no external database is configured.
 *
 * @param dataDirectory where the database files live between runs
 * @param port the port to listen on (0: any free port)
 * @param clean wipe the data directory on start (tests only)
 */
@ConfigurationProperties("kurultai.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean clean) {

	public EmbeddedDatabaseProperties {
		if (dataDirectory == null) {
			dataDirectory = Path.of("data", "postgres");
		}
	}
}
