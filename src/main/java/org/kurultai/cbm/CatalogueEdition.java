package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * The Catalogue of Confidence-Building Measures as it stood after one act of the forum: its
 * dimensions, priority areas and measures. An edition is adopted once and never changes; a change
 * is a new edition. Codes are unique within an edition and stable across editions, which is what
 * lets two editions be compared and commitments outlive an update. An edition adopted by a decision
 * recorded in Kurultai (the effect {@code ADOPT_CATALOGUE_EDITION}) names it; before adoption it is a
 * {@link ProposedEdition}.
 */
public record CatalogueEdition(String code, String title, LocalDate adoptedOn, DatePrecision precision, String adoptedBy,
		@Nullable String meeting, @Nullable String document, Sources sources, @Nullable String note, List<Dimension> dimensions,
		@Nullable DecisionReference decision) {

	public CatalogueEdition {
		dimensions = checked(code, dimensions);
	}

	/** An edition adopted by no decision recorded in Kurultai (the forum's history, as its sources give it). */
	public CatalogueEdition(String code, String title, LocalDate adoptedOn, DatePrecision precision, String adoptedBy,
			@Nullable String meeting, @Nullable String document, Sources sources, @Nullable String note, List<Dimension> dimensions) {
		this(code, title, adoptedOn, precision, adoptedBy, meeting, document, sources, note, dimensions, null);
	}

	/**
	 * What adopting this edition by a decision of {@code body} from {@code on} does: as it is already adopted, only
	 * links the same adoption (that body, that day) recorded without a decision; nothing if this very decision
	 * adopted it; anything else is refused: an adopted edition never changes.
	 */
	ByDecision adoptedBy(String body, LocalDate on, DecisionReference byDecision) {
		if (decision != null) {
			if (decision.id() == byDecision.id()) {
				return ByDecision.NOTHING;
			}
			throw new Catalogue.EditionAdopted(code);
		}
		if (adoptedBy.equals(body) && adoptedOn.equals(on)) {
			return ByDecision.LINK;
		}
		throw new Catalogue.EditionAdopted(code);
	}

	/** The edition's code and content checked against the Catalogue's rules: the content, unmodifiable. */
	static List<Dimension> checked(String code, List<Dimension> dimensions) {
		requireCode(code);
		dimensions = List.copyOf(dimensions);
		if (dimensions.isEmpty()) {
			throw new EditionInvalid("problem.catalogue.noDimension", code);
		}
		var codes = new HashSet<String>();
		Stream.concat(dimensions.stream().map(Dimension::code),
				Stream.concat(dimensions.stream().flatMap(d -> d.priorityAreas().stream()).map(PriorityArea::code),
						dimensions.stream().flatMap(d -> d.priorityAreas().stream()).flatMap(a -> a.measures().stream()).map(Measure::code)))
				.forEach(c -> {
					if (!codes.add(c.toUpperCase(java.util.Locale.ROOT))) {
						throw new EditionInvalid("problem.catalogue.codeTwice", code, c);
					}
				});
		return dimensions;
	}

	static void requireCode(String code) {
		if (code == null || !code.matches("[0-9A-Z][0-9A-Z-]{0,59}")) {
			throw new EditionInvalid("problem.catalogue.code", code);
		}
	}

	public List<PriorityArea> priorityAreas() {
		return dimensions.stream().flatMap(d -> d.priorityAreas().stream()).toList();
	}

	public Optional<PriorityArea> priorityArea(String code) {
		return priorityAreas().stream().filter(area -> area.code().equalsIgnoreCase(code)).findFirst();
	}

	public Optional<Dimension> dimensionOf(String priorityArea) {
		return dimensions.stream().filter(d -> d.priorityAreas().stream().anyMatch(a -> a.code().equalsIgnoreCase(priorityArea)))
				.findFirst();
	}

	public int measureCount() {
		return priorityAreas().stream().mapToInt(area -> area.measures().size()).sum();
	}

	/** An edition's content breaks the Catalogue's rules. */
	public static class EditionInvalid extends RuleViolation {

		public EditionInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "catalogue-edition-invalid";
		}
	}
}
