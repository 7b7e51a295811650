package org.kurultai.registry;

import java.util.Locale;
import java.util.regex.Pattern;

import org.kurultai.shared.NotFound;

/**
 * A participant's stable code: ISO 3166-1 alpha-3 for a State (KAZ, KOR, PSE), a short upper-case
 * code for an organization (UN, OSCE, TURKPA).
 */
public record ParticipantCode(String value) implements Comparable<ParticipantCode> {

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,10}");
	private static final Pattern ALPHA_3 = Pattern.compile("[A-Z]{3}");

	public ParticipantCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("A participant code is 2 to 10 capital letters; got '" + value + "'");
		}
	}

	public static ParticipantCode of(String value) {
		return new ParticipantCode(value);
	}

	/** Reads a code from a request: case-insensitive; a code of the wrong shape is simply unknown. */
	public static ParticipantCode parse(String value) {
		var normalized = value.trim().toUpperCase(Locale.ROOT);
		if (!SHAPE.matcher(normalized).matches()) {
			throw NotFound.of("problem.notFound.participant", value);
		}
		return new ParticipantCode(normalized);
	}

	boolean isAlpha3() {
		return ALPHA_3.matcher(value).matches();
	}

	@Override
	public int compareTo(ParticipantCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
