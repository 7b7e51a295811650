package org.kurultai.cbm;

/** One measure of a priority area, with a code that stays the same from edition to edition. */
public record Measure(String code, String text) {

	public Measure {
		CatalogueEdition.requireCode(code);
		if (text == null || text.isBlank()) {
			throw new CatalogueEdition.EditionInvalid("problem.catalogue.measureText", code);
		}
	}
}
