package org.kurultai.cbm;

import java.util.List;
import java.util.Optional;

/** A priority area of a dimension and its measures; its code stays the same from edition to edition. */
public record PriorityArea(String code, String name, List<Measure> measures) {

	public PriorityArea {
		CatalogueEdition.requireCode(code);
		measures = List.copyOf(measures);
		if (name == null || name.isBlank()) {
			throw new CatalogueEdition.EditionInvalid("problem.catalogue.priorityAreaName", code);
		}
	}

	public Optional<Measure> measure(String code) {
		return measures.stream().filter(measure -> measure.code().equalsIgnoreCase(code)).findFirst();
	}
}
