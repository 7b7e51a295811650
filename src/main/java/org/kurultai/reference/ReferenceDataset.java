package org.kurultai.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The resource files of one dataset, read with the forum's conventions (snake_case keys, ISO dates). */
final class ReferenceDataset {

	static final String[] FILES = { "participants.yaml", "bodies.yaml", "chairmanship.yaml", "meetings.yaml", "timeline.yaml",
			"contradictions.yaml", "attested-counts.yaml" };

	/** Made when a file is first read (a holder class): a restart, which only compares checksums, never builds it. */
	private static final class Yaml {

		static final YAMLMapper MAPPER = YAMLMapper.builder()
				.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build();
	}

	private final String name;

	ReferenceDataset(String name) {
		this.name = name;
	}

	String name() {
		return name;
	}

	<T> T read(String file, Class<T> type) {
		try (var input = resource(file).getInputStream()) {
			return Yaml.MAPPER.readValue(input, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read reference/" + name + "/" + file, e);
		}
	}

	boolean has(String file) {
		return resource(file).exists();
	}

	/** SHA-256 over the dataset's files, to tell whether what was loaded is what ships. */
	String checksum() {
		return checksum(FILES);
	}

	/** SHA-256 over some of the dataset's files. */
	String checksum(String... files) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			for (var file : files) {
				if (has(file)) {
					try (var input = resource(file).getInputStream()) {
						digest.update(input.readAllBytes());
					}
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private ClassPathResource resource(String file) {
		return new ClassPathResource("reference/" + name + "/" + file);
	}
}
