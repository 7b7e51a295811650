package org.kurultai.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an archive holds: its entry {@value #ENTRY}.
 *
 * @param format the archive format ({@value #FORMAT})
 * @param createdAt when the snapshot was taken (ISO-8601, UTC)
 * @param schemaVersion the Flyway version of the schema the rows belong to
 * @param server the PostgreSQL server's version
 * @param tables each table, in the order written
 * @param sequences each sequence's state
 */
public record Manifest(String format, String createdAt, String schemaVersion, String server, List<Table> tables,
		List<Sequence> sequences) {

	/** The name of this format; a later incompatible one gets another. */
	public static final String FORMAT = "kurultai-backup/1";

	/** The manifest's entry in the archive. */
	public static final String ENTRY = "manifest.json";

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
			.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	/**
	 * One table.
	 *
	 * @param name its name
	 * @param columns the columns written, in order (generated columns are not)
	 * @param rows how many rows
	 * @param sha256 the SHA-256 of its entry (hex)
	 */
	public record Table(String name, List<String> columns, long rows, String sha256) {

		/** Its entry in the archive: the rows in COPY text format, UTF-8. */
		public String entry() {
			return "data/" + name + ".copy";
		}
	}

	/**
	 * One sequence, as {@code setval(name, lastValue, isCalled)} restores it.
	 *
	 * @param name its name
	 * @param lastValue its last value
	 * @param isCalled whether that value was handed out
	 */
	public record Sequence(String name, long lastValue, boolean isCalled) {
	}

	public long rows() {
		return tables.stream().mapToLong(Table::rows).sum();
	}

	void write(OutputStream out) throws IOException {
		try {
			json.writeValue(out, this);
		}
		catch (JacksonException e) {
			throw new IOException(e);
		}
	}

	static Manifest read(InputStream in) {
		Manifest manifest;
		try {
			manifest = json.readValue(in, Manifest.class);
		}
		catch (JacksonException e) {
			throw new BackupFailure("Not a Kurultai backup: its manifest cannot be read (" + e.getOriginalMessage() + ")");
		}
		if (!FORMAT.equals(manifest.format())) {
			throw new BackupFailure("Not a Kurultai backup of a known format: " + manifest.format() + " (this version reads " + FORMAT + ")");
		}
		if (blank(manifest.schemaVersion()) || manifest.tables() == null || manifest.sequences() == null) {
			throw new BackupFailure("Not a Kurultai backup: its manifest lacks the schema version, the tables or the sequences");
		}
		for (var table : manifest.tables()) {
			if (blank(table.name()) || table.columns() == null || table.columns().isEmpty() || blank(table.sha256()) || table.rows() < 0) {
				throw new BackupFailure("Not a Kurultai backup: its manifest names a table without name, columns, rows or checksum");
			}
		}
		return manifest;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
