package org.kurultai.shared;

import java.util.List;

/**
 * Where a fact comes from: seed documents ({@code seed:<file>}) or public pages (addresses).
 * Every historical record of the forum carries its sources.
 */
public record Sources(List<String> references) {

	public Sources {
		references = List.copyOf(references);
	}

	public static Sources of(List<String> references) {
		return new Sources(references);
	}

	/** Reads a PostgreSQL {@code text[]} column; null reads as no source. */
	public static Sources of(java.sql.@org.jspecify.annotations.Nullable Array array) throws java.sql.SQLException {
		return array == null ? none() : new Sources(List.of((String[]) array.getArray()));
	}

	public static Sources none() {
		return new Sources(List.of());
	}

	/** The first source, the one shown where there is room for only one; empty if none. */
	public String primary() {
		return references.isEmpty() ? "" : references.get(0);
	}

	public String[] toArray() {
		return references.toArray(String[]::new);
	}

	public boolean isEmpty() {
		return references.isEmpty();
	}
}
