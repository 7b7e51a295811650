package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * A new edition of the Catalogue as the Secretariat records it for a body to adopt: its whole content, checked as an
 * edition's, and never changed afterwards (a change is another proposal). It is not the Catalogue: no edition is in
 * force, and nothing is committed against it, until a decision adopts it ({@code ADOPT_CATALOGUE_EDITION}) and it
 * becomes a {@link CatalogueEdition} from the decision's effective day, with the decision's body and meeting.
 */
public record ProposedEdition(String code, String title, Sources sources, @Nullable String note, List<Dimension> dimensions,
		Instant proposedAt, String proposedBy) {

	public ProposedEdition {
		dimensions = CatalogueEdition.checked(code, dimensions);
		if (title == null || title.isBlank()) {
			throw new CatalogueEdition.EditionInvalid("problem.cbm.editionTitle", code);
		}
	}

	/** The edition as adopted by a body's decision, in force from {@code on}. */
	CatalogueEdition adoptedBy(String body, LocalDate on, @Nullable String meeting, DecisionReference decision) {
		return new CatalogueEdition(code, title, on, DatePrecision.DAY, body, meeting, null, sources, note, dimensions, decision);
	}

	public int measureCount() {
		return dimensions.stream().flatMap(d -> d.priorityAreas().stream()).mapToInt(area -> area.measures().size()).sum();
	}
}
