package org.kurultai.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import org.kurultai.shared.OwnerOnlyFiles;

/**
 * The passwords of the embedded PostgreSQL: its superuser (which owns the schema and runs the
 * migrations) and the application's role (which cannot alter the audit table). Generated on the
 * first start, kept in {@value #FILE_NAME} inside the data directory with owner-only permissions
 * (POSIX 600; the data directory itself is 700), and reused on later starts. A backup of the data
 * directory carries the passwords that open it.
 *
 * @param superuser the superuser's name ({@code postgres})
 * @param superuserPassword its password
 * @param appRole the application's role
 * @param appPassword its password
 */
public record EmbeddedDatabaseCredentials(String superuser, String superuserPassword, String appRole, String appPassword) {

	/** The name of the file in the data directory. */
	public static final String FILE_NAME = "kurultai-credentials.properties";

	static final String SUPERUSER = "postgres";

	private static final SecureRandom random = new SecureRandom();

	@Override
	public String toString() {
		return "EmbeddedDatabaseCredentials[superuser=" + superuser + ", appRole=" + appRole + ", passwords hidden]";
	}

	/** The credentials file of an embedded database's data directory. */
	public static Path file(Path dataDirectory) {
		return dataDirectory.resolve(FILE_NAME);
	}

	/** Reads the credentials kept in a data directory. */
	public static EmbeddedDatabaseCredentials read(Path dataDirectory) {
		var properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file(dataDirectory), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the embedded database's credentials in " + file(dataDirectory), e);
		}
		return new EmbeddedDatabaseCredentials(required(properties, "superuser.name"), required(properties, "superuser.password"),
				required(properties, "app.name"), required(properties, "app.password"));
	}

	private static String required(Properties properties, String key) {
		var value = properties.getProperty(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("the embedded database's credentials file has no " + key);
		}
		return value;
	}

	static EmbeddedDatabaseCredentials generate(String appRole) {
		return new EmbeddedDatabaseCredentials(SUPERUSER, password(), appRole, password());
	}

	/** 256 random bits, URL-safe Base64: nothing to quote in a properties file, a JDBC URL or SQL. */
	private static String password() {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The same passwords for another application role name. */
	EmbeddedDatabaseCredentials withAppRole(String role) {
		return new EmbeddedDatabaseCredentials(superuser, superuserPassword, role, appPassword);
	}

	/** Writes the file atomically, readable and writable by its owner only. */
	void write(Path dataDirectory) {
		var properties = new Properties();
		properties.setProperty("superuser.name", superuser);
		properties.setProperty("superuser.password", superuserPassword);
		properties.setProperty("app.name", appRole);
		properties.setProperty("app.password", appPassword);
		try {
			var temporary = OwnerOnlyFiles.createFile(dataDirectory.resolve(FILE_NAME + ".new"));
			try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
				properties.store(writer, "Kurultai's embedded PostgreSQL: keep secret (the data directory opens with these)");
			}
			Files.move(temporary, file(dataDirectory), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the embedded database's credentials in " + dataDirectory, e);
		}
	}

	/** Writes the superuser's password alone, for initdb's --pwfile. */
	Path writeSuperuserPasswordFile(Path file) {
		try {
			return Files.writeString(OwnerOnlyFiles.createFile(file), superuserPassword + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write " + file, e);
		}
	}
}
