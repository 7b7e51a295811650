package org.kurultai.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.kurultai.shared.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The audit chain's secret, held outside the database: {@code kurultai.audit.key} (base64), or else the key file,
 * made on first start with owner-only permissions. Two keys are derived from it, one for the entries' hashes and one
 * for the checkpoints' signatures, so neither can stand in for the other; a short key id names it in checkpoints.
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	static final int MINIMUM_BYTES = 32;

	private final byte[] chainKey;
	private final byte[] checkpointKey;
	private final String id;

	@Autowired
	AuditKey(AuditProperties properties) {
		this(properties.key() != null ? decode(properties.key(), "kurultai.audit.key") : fromFile(properties.keyFile()));
	}

	AuditKey(byte[] secret) {
		if (secret.length < MINIMUM_BYTES) {
			throw new IllegalStateException("The audit key must have at least " + MINIMUM_BYTES + " bytes");
		}
		this.chainKey = hmac(secret, "kurultai audit chain v2".getBytes(StandardCharsets.UTF_8));
		this.checkpointKey = hmac(secret, "kurultai audit checkpoint v1".getBytes(StandardCharsets.UTF_8));
		this.id = HexFormat.of().formatHex(hmac(secret, "kurultai audit key id".getBytes(StandardCharsets.UTF_8)), 0, 8);
	}

	/** The hash of a keyed entry, from its canonical content. */
	String chainHash(String canonical) {
		return HexFormat.of().formatHex(hmac(chainKey, canonical.getBytes(StandardCharsets.UTF_8)));
	}

	/** The signature of a checkpoint. */
	String sign(String payload) {
		return HexFormat.of().formatHex(hmac(checkpointKey, payload.getBytes(StandardCharsets.UTF_8)));
	}

	boolean signed(String payload, String signature) {
		return MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
	}

	/** Names the key (not secret: derived one-way), so a checkpoint says which key signed it. */
	String id() {
		return id;
	}

	private static byte[] decode(String base64, String source) {
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("The audit key in " + source + " is not base64", e);
		}
	}

	/** Reads the key file, or makes it: complete before it appears (written aside, then linked), so never half read. */
	private static byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				if (OwnerOnlyFiles.isOpenToOthers(file)) {
					log.warn("The audit key file {} may be read by others than its owner ({}): chmod 600 it",
							file.toAbsolutePath(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
				}
				return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
			}
			var directory = file.toAbsolutePath().getParent();
			OwnerOnlyFiles.createDirectories(directory);
			var secret = new byte[MINIMUM_BYTES];
			new SecureRandom().nextBytes(secret);
			var aside = Files.createTempFile(directory, ".chain", ".key", OwnerOnlyFiles.attributes(directory));
			try {
				Files.writeString(aside, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII,
						StandardOpenOption.TRUNCATE_EXISTING);
				try {
					Files.createLink(file, aside);
				}
				catch (UnsupportedOperationException noHardLinks) {
					// a file system without hard links: a move that refuses to replace is as safe (FileAlreadyExistsException below)
					Files.move(aside, file);
				}
				log.warn("Made a new audit chain key in {} (owner-only). Keep a copy of it apart from the database's backups: "
						+ "without it the audit chain cannot be verified.", file.toAbsolutePath());
				return secret;
			}
			catch (FileAlreadyExistsException another) {
				// another instance made it at the same moment: use theirs
				Arrays.fill(secret, (byte) 0);
				return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
			}
			finally {
				Files.deleteIfExists(aside);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or make the audit key file " + file.toAbsolutePath(), e);
		}
	}


	private static byte[] hmac(byte[] key, byte[] message) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
