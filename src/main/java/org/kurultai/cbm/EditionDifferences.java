package org.kurultai.cbm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed from one edition to another, by code: dimensions, priority areas and measures added,
 * removed, or kept under another name or wording.
 */
public record EditionDifferences(String from, String to, List<Change> changes) {

	public enum Kind {
		ADDED, REMOVED, CHANGED
	}

	public enum Level {
		DIMENSION, PRIORITY_AREA, MEASURE
	}

	/** One difference; {@code before}/{@code after} are the name or text in each edition (null where absent). */
	public record Change(Level level, Kind kind, String code, String dimension, @org.jspecify.annotations.Nullable String before,
			@org.jspecify.annotations.Nullable String after) {
	}

	public long count(Level level, Kind kind) {
		return changes.stream().filter(c -> c.level() == level && c.kind() == kind).count();
	}

	public static EditionDifferences between(CatalogueEdition from, CatalogueEdition to) {
		var changes = new ArrayList<Change>();
		compare(Level.DIMENSION, dimensions(from), dimensions(to), changes);
		compare(Level.PRIORITY_AREA, areas(from), areas(to), changes);
		compare(Level.MEASURE, measures(from), measures(to), changes);
		return new EditionDifferences(from.code(), to.code(), List.copyOf(changes));
	}

	private record Named(String name, String dimension) {
	}

	private static void compare(Level level, Map<String, Named> before, Map<String, Named> after, List<Change> changes) {
		before.forEach((code, named) -> {
			var now = after.get(code);
			if (now == null) {
				changes.add(new Change(level, Kind.REMOVED, code, named.dimension(), named.name(), null));
			}
			else if (!Objects.equals(now.name(), named.name())) {
				changes.add(new Change(level, Kind.CHANGED, code, now.dimension(), named.name(), now.name()));
			}
		});
		after.forEach((code, named) -> {
			if (!before.containsKey(code)) {
				changes.add(new Change(level, Kind.ADDED, code, named.dimension(), null, named.name()));
			}
		});
	}

	private static Map<String, Named> dimensions(CatalogueEdition edition) {
		var map = new LinkedHashMap<String, Named>();
		edition.dimensions().forEach(d -> map.put(d.code(), new Named(d.name(), d.code())));
		return map;
	}

	private static Map<String, Named> areas(CatalogueEdition edition) {
		var map = new LinkedHashMap<String, Named>();
		edition.dimensions().forEach(d -> d.priorityAreas().forEach(a -> map.put(a.code(), new Named(a.name(), d.code()))));
		return map;
	}

	private static Map<String, Named> measures(CatalogueEdition edition) {
		var map = new LinkedHashMap<String, Named>();
		edition.dimensions().forEach(d -> d.priorityAreas().forEach(a -> a.measures().forEach(m -> map.put(m.code(), new Named(m.text(), d.code())))));
		return map;
	}
}
