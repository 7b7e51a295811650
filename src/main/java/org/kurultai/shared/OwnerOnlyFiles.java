package org.kurultai.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read (secrets: the embedded database's passwords, the audit
 * key, the audit checkpoints): POSIX 600 and 700 where the file system has POSIX permissions; elsewhere
 * (e.g. Windows) the owner-only read and write flags {@link java.io.File} can set.
 */
public final class OwnerOnlyFiles {

	public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
	public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private OwnerOnlyFiles() {
	}

	/** The folder and any missing parents, made owner-only (an existing folder is left as it is). */
	public static void createDirectories(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		if (posix(directory)) {
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
		}
		else {
			Files.createDirectories(directory);
		}
	}

	/** The attributes that make a file created in this folder owner-only from its first byte. */
	public static FileAttribute<?>[] attributes(Path directory) {
		return posix(directory) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
	}

	/** A new empty owner-only file in place of any file of that name. */
	public static Path createFile(Path file) throws IOException {
		Files.deleteIfExists(file);
		var created = Files.createFile(file, attributes(file.toAbsolutePath().getParent()));
		if (!posix(created)) {
			var asFile = created.toFile();
			asFile.setReadable(false, false);
			asFile.setWritable(false, false);
			asFile.setReadable(true, true);
			asFile.setWritable(true, true);
		}
		return created;
	}

	/** Whether others than its owner may read or write the file (only knowable on POSIX file systems). */
	public static boolean isOpenToOthers(Path file) throws IOException {
		return posix(file) && !Files.getPosixFilePermissions(file).equals(FILE);
	}

	/** Makes an existing file owner-only (where POSIX permissions exist). */
	public static void restrict(Path file) throws IOException {
		if (isOpenToOthers(file)) {
			Files.setPosixFilePermissions(file, FILE);
		}
	}

	/** Whether the file system of the path (or of its nearest existing parent) has POSIX permissions. */
	public static boolean posix(Path path) {
		var existing = path.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return (existing != null ? existing : path).getFileSystem().supportedFileAttributeViews().contains("posix");
	}
}
