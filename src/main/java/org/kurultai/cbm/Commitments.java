package org.kurultai.cbm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;

/**
 * A State's commitments, derived from its history of changes, never stored as a state: on a day it
 * takes part in whatever it opted in to and has not since opted out of.
 */
public final class Commitments {

	private final List<CommitmentChange> history;

	public Commitments(List<CommitmentChange> history) {
		var sorted = new ArrayList<>(history);
		sorted.sort(Comparator.comparing(CommitmentChange::effectiveOn).thenComparing(CommitmentChange::id));
		this.history = List.copyOf(sorted);
	}

	public List<CommitmentChange> history() {
		return history;
	}

	/** The subjects (area, or area/measure) opted in to on the day, with the change that made it so. */
	public Map<String, CommitmentChange> on(LocalDate day) {
		var current = new LinkedHashMap<String, CommitmentChange>();
		for (var change : history) {
			if (change.effectiveOn().isAfter(day)) {
				break;
			}
			if (change.kind() == CommitmentChange.Kind.OPT_IN) {
				current.put(change.subject(), change);
			}
			else {
				current.remove(change.subject());
			}
		}
		return current;
	}

	public boolean committedTo(String priorityArea, @Nullable String measure, LocalDate day) {
		return on(day).containsKey(measure == null ? priorityArea : priorityArea + "/" + measure);
	}

	/** Did the State take part in the area (itself or one of its measures) at any time in the year? */
	public boolean tookPartIn(String area, int year) {
		var first = LocalDate.of(year, 1, 1);
		var last = LocalDate.of(year, 12, 31);
		if (on(first).values().stream().anyMatch(c -> c.priorityArea().equals(area))
				|| on(last).values().stream().anyMatch(c -> c.priorityArea().equals(area))) {
			return true;
		}
		return history.stream().filter(c -> c.priorityArea().equals(area))
				.anyMatch(c -> !c.effectiveOn().isBefore(first) && !c.effectiveOn().isAfter(last));
	}

	/**
	 * Checks that a new change follows the history: it is dated no earlier than the last change on
	 * the same subject, opts in only to what is not taken up, and out only of what is.
	 */
	public void check(CommitmentChange change) {
		var last = history.stream().filter(c -> c.subject().equals(change.subject())).reduce((a, b) -> b).orElse(null);
		if (last != null && change.effectiveOn().isBefore(last.effectiveOn())) {
			throw new OutOfOrder(change.subject(), last.effectiveOn());
		}
		boolean committed = last != null && last.kind() == CommitmentChange.Kind.OPT_IN;
		if (change.kind() == CommitmentChange.Kind.OPT_IN && committed) {
			throw new AlreadyCommitted(change.participant(), change.subject(), last.effectiveOn());
		}
		if (change.kind() == CommitmentChange.Kind.OPT_OUT && !committed) {
			throw new NotCommitted(change.participant(), change.subject());
		}
	}

	public static class AlreadyCommitted extends RuleViolation {

		AlreadyCommitted(String participant, String subject, LocalDate since) {
			super("problem.commitment.already", participant, subject, since);
		}

		@Override
		public String rule() {
			return "already-opted-in";
		}
	}

	public static class NotCommitted extends RuleViolation {

		NotCommitted(String participant, String subject) {
			super("problem.commitment.notCommitted", participant, subject);
		}

		@Override
		public String rule() {
			return "not-opted-in";
		}
	}

	public static class OutOfOrder extends RuleViolation {

		OutOfOrder(String subject, LocalDate last) {
			super("problem.commitment.outOfOrder", subject, last);
		}

		@Override
		public String rule() {
			return "commitment-out-of-order";
		}
	}
}
