package org.kurultai.organs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.kurultai.shared.RuleViolation;

/**
 * The chairmanship of the forum through time: terms that never overlap, the handovers between
 * them, and the Troika (previous, current, next chair) on any day.
 */
public final class Chairmanship {

	private final List<ChairTerm> terms;

	public Chairmanship(List<ChairTerm> terms) {
		var sorted = new ArrayList<>(terms);
		sorted.sort(Comparator.comparing(ChairTerm::from));
		for (int i = 1; i < sorted.size(); i++) {
			var earlier = sorted.get(i - 1);
			if (earlier.until() == null || earlier.until().isAfter(sorted.get(i).from())) {
				throw new TermsInvalid("problem.chairmanship.termsOverlap", earlier.chair(),
						earlier.from(), sorted.get(i).chair(), sorted.get(i).from());
			}
		}
		this.terms = List.copyOf(sorted);
	}

	public Optional<ChairTerm> termOn(LocalDate day) {
		return terms.stream().filter(term -> term.holdsOn(day)).findFirst();
	}

	/**
	 * The Troika on a day: the current chair; the previous chair (the last State other than the
	 * current chair to have held the chairmanship); the next chair if already decided by that day.
	 */
	public Troika troikaOn(LocalDate day) {
		var current = termOn(day).orElse(null);
		var before = current != null ? current.from() : day;
		ChairTerm previous = null;
		for (var term : terms) {
			if (term.until() != null && !term.until().isAfter(before) && !day.isBefore(term.until())
					&& (current == null || !term.chair().equals(current.chair()))) {
				previous = term;
			}
		}
		ChairTerm next = null;
		for (var term : terms) {
			var after = current == null || current.until() == null ? day : current.until();
			if (term != current && term.from().isAfter(day) && !term.from().isBefore(after) && term.decidedBy(day)) {
				next = term;
				break;
			}
		}
		return new Troika(day, previous, current, next);
	}

	/** Every passing of the chairmanship from one term to the next, in order. */
	public List<Handover> handovers() {
		var handovers = new ArrayList<Handover>();
		for (int i = 1; i < terms.size(); i++) {
			var earlier = terms.get(i - 1);
			var later = terms.get(i);
			handovers.add(new Handover(later.from(), earlier.chair(), later.chair(), earlier.chair().equals(later.chair()),
					later.handoverAt(), later.handoverOccasion(), later.sources()));
		}
		return handovers;
	}

	public List<ChairTerm> terms() {
		return terms;
	}

	/** Terms of the chairmanship never overlap and each ends after it starts. */
	public static class TermsInvalid extends RuleViolation {

		TermsInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "chair-terms-invalid";
		}
	}
}
