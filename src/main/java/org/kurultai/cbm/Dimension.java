package org.kurultai.cbm;

import java.util.List;

/** A dimension of the Catalogue (military-political, economic, environmental, human, new challenges and threats). */
public record Dimension(String code, String name, List<PriorityArea> priorityAreas) {

	public Dimension {
		CatalogueEdition.requireCode(code);
		priorityAreas = List.copyOf(priorityAreas);
		if (priorityAreas.isEmpty()) {
			throw new CatalogueEdition.EditionInvalid("problem.catalogue.noPriorityArea", code);
		}
	}
}
