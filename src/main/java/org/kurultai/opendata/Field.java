package org.kurultai.opendata;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One column of a resource, as its Table Schema describes it: its name, Frictionless type, whether it is required and the
 * values it may take (an enumeration); its description is the message {@code opendata.field.<resource>.<name>}.
 */
record Field(String name, Type type, boolean required, @Nullable List<String> values) {

	/** The Table Schema types the resources use. */
	enum Type {
		STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), DATE("date"), DATETIME("datetime");

		private final String frictionless;

		Type(String frictionless) {
			this.frictionless = frictionless;
		}

		String frictionless() {
			return frictionless;
		}
	}

	static Field required(String name, Type type) {
		return new Field(name, type, true, null);
	}

	static Field optional(String name, Type type) {
		return new Field(name, type, false, null);
	}

	/** A text column whose values are these (some of an enumeration's). */
	static Field oneOf(String name, boolean required, List<String> values) {
		return new Field(name, Type.STRING, required, List.copyOf(values));
	}

	static <E extends Enum<E>> Field oneOf(String name, boolean required, Class<E> values) {
		return new Field(name, Type.STRING, required, java.util.Arrays.stream(values.getEnumConstants()).map(Enum::name).toList());
	}
}
