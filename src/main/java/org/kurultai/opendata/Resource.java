package org.kurultai.opendata;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.kurultai.platform.DataVersions.Area;

/**
 * One table of the open data: its name (the file's name, {@code /data/<name>.csv} and {@code .json}), the areas of the
 * record it reads (its files' validators), its columns, its key and its references to other tables, and how its rows are
 * read (through the modules' public read paths). Its title and description are the messages {@code opendata.resource.<name>}
 * and {@code opendata.resource.<name>.description}.
 */
record Resource(String name, List<Area> areas, List<Field> fields, List<String> primaryKey, List<ForeignKey> foreignKeys,
		Supplier<List<@Nullable Object[]>> rows) {

	/** A column whose values are keys of another table. */
	record ForeignKey(String field, String resource, String reference) {
	}

	Resource {
		areas = List.copyOf(areas);
		fields = List.copyOf(fields);
		primaryKey = List.copyOf(primaryKey);
		foreignKeys = List.copyOf(foreignKeys);
	}

	Area[] stampedBy() {
		return areas.toArray(Area[]::new);
	}
}
