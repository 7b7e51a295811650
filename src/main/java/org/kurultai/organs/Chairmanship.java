package org.kurultai.organs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

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

	/** The State elected to the chair and not yet in office on that day (chair-elect until its handover), if any. */
	public Optional<ChairTerm> electOn(LocalDate day) {
		return terms.stream().filter(term -> term.electOn(day)).findFirst();
	}

	/**
	 * A State elected chair by a decision of {@code decidedOn}: chair-elect from then, chair from the
	 * {@code handover} (until {@code until}, or open). The term holding on the handover ends then; a
	 * term beginning on or after the handover refuses the election. Re-electing the sitting chair is a
	 * new (renewal) term. If the very term is recorded already (the same State from the same day), the
	 * election is only linked to it.
	 */
	public Chairmanship elect(String chair, LocalDate handover, @Nullable LocalDate until, LocalDate decidedOn,
			@Nullable String decidedAt, Sources sources, @Nullable DecisionRef decision) {
		var recorded = terms.stream().filter(term -> term.from().equals(handover)).findFirst();
		if (recorded.isPresent()) {
			if (!recorded.get().chair().equals(chair)) {
				throw new ChangeRefused("problem.organs.effect.chairTermAfterHandover", chair, handover, recorded.get().chair(),
						recorded.get().from());
			}
			return replacing(recorded.get(), linked(recorded.get(), decision));
		}
		if (until != null && !until.isAfter(handover)) {
			throw new ChangeRefused("problem.organs.effect.endsBeforeStart", handover, until);
		}
		if (handover.isBefore(decidedOn)) {
			// an election never rewrites the chairmanship of days already past: the chair then acted as chair
			throw new ChangeRefused("problem.organs.effect.handoverBeforeElection", chair, handover, decidedOn);
		}
		var later = terms.stream().filter(term -> term.from().isAfter(handover)).findFirst();
		if (later.isPresent()) {
			throw new ChangeRefused("problem.organs.effect.chairTermAfterHandover", chair, handover, later.get().chair(),
					later.get().from());
		}
		// a term another State holds on the handover ends then (a successor's election ends the sitting chair's term), but not a
		// chair-elect's term not yet begun when this election is decided: that is a second election for the same term
		var held = terms.stream().filter(term -> term.holdsOn(handover) && !term.chair().equals(chair)).findFirst();
		if (held.isPresent() && held.get().from().isAfter(decidedOn)) {
			throw new ChangeRefused("problem.organs.effect.chairTermOverlaps", chair, handover, held.get().chair(), held.get().from());
		}
		var next = new ArrayList<ChairTerm>();
		for (var term : terms) {
			next.add(term.holdsOn(handover) ? term.endingOn(handover) : term);
		}
		next.add(new ChairTerm(chair, handover, DatePrecision.DAY, until, decidedOn, decidedAt, null, null, sources, null, decision));
		return new Chairmanship(next);
	}

	/**
	 * The term of {@code chair} holding on {@code on} is extended to {@code until}; refused when another
	 * State chairs on that day, when the new end is not later, or when the next term would overlap. A
	 * term already ending on {@code until} is only linked to the decision.
	 */
	public Chairmanship extend(String chair, LocalDate on, LocalDate until, @Nullable DecisionRef decision) {
		var term = termOn(on).orElseThrow(() -> new ChangeRefused("problem.organs.effect.notTheChair", chair, on, "—"));
		if (!term.chair().equals(chair)) {
			throw new ChangeRefused("problem.organs.effect.notTheChair", chair, on, term.chair());
		}
		if (until.equals(term.until())) {
			return replacing(term, linked(term, decision));
		}
		if (term.until() == null || !until.isAfter(term.until())) {
			throw new ChangeRefused("problem.organs.effect.notAnExtension", chair, until, term.until() == null ? "—" : term.until());
		}
		var following = terms.stream().filter(other -> other.from().isAfter(term.from())).findFirst();
		if (following.isPresent() && following.get().from().isBefore(until)) {
			throw new ChangeRefused("problem.organs.effect.extensionOverlaps", chair, until, following.get().chair(),
					following.get().from());
		}
		var extended = term.endingOn(until);
		return replacing(term, term.decision() == null && decision != null ? extended.decidedBy(decision) : extended);
	}

	/** The same chairmanship with one term in place of another (checked again). */
	public Chairmanship replacing(ChairTerm old, ChairTerm replacement) {
		var next = new ArrayList<ChairTerm>();
		for (var term : terms) {
			next.add(term == old ? replacement : term);
		}
		return new Chairmanship(next);
	}

	/** The same chairmanship with one more term (checked again). */
	public Chairmanship adding(ChairTerm term) {
		var next = new ArrayList<>(terms);
		next.add(term);
		return new Chairmanship(next);
	}

	/** A record linked to a decision: once linked, it keeps the first decision that caused it. */
	private static ChairTerm linked(ChairTerm term, @Nullable DecisionRef decision) {
		return term.decision() == null && decision != null ? term.decidedBy(decision) : term;
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
