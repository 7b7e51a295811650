package org.kurultai.decisions;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/** The rules a forum may decide by. Each judges a deliberation and says why. */
public enum DecisionRule {

	/** Adopted when no member State objects (CICA, for everything). */
	CONSENSUS("consensus") {
		@Override
		public Outcome judge(Deliberation deliberation) {
			var objecting = deliberation.memberObjections();
			return objecting.isEmpty() ? Outcome.adopted("No member State objected.", objecting)
					: Outcome.notAdopted("Objection by " + String.join(", ", objecting) + ".", objecting);
		}
	},

	/**
	 * Consensus minus one (the OSCE's 1992 Prague rule): adopted when no member objects other than
	 * the State the decision concerns, which cannot block it.
	 */
	CONSENSUS_MINUS_ONE("consensus minus one") {
		@Override
		public Outcome judge(Deliberation deliberation) {
			var objecting = new TreeSet<>(deliberation.memberObjections());
			boolean concernedObjected = deliberation.concerned() != null && objecting.remove(deliberation.concerned());
			var note = concernedObjected ? " The objection of " + deliberation.concerned() + ", the State concerned, does not block." : "";
			return objecting.isEmpty() ? Outcome.adopted("No member State other than the State concerned objected." + note, objecting)
					: Outcome.notAdopted("Objection by " + String.join(", ", objecting) + "." + note, objecting);
		}
	},

	/** Procedural matters by simple majority of the members present and voting: more for than against. */
	SIMPLE_MAJORITY("simple majority") {
		@Override
		public Outcome judge(Deliberation deliberation) {
			long inFavour = deliberation.memberVotes(Vote.FOR);
			long against = deliberation.memberVotes(Vote.AGAINST);
			long abstaining = deliberation.memberVotes(Vote.ABSTAIN);
			var tally = "For %d, against %d, abstaining %d.".formatted(inFavour, against, abstaining);
			return inFavour > against ? Outcome.adopted(tally, Set.of()) : Outcome.notAdopted(tally, Set.of());
		}
	};

	private final String label;

	DecisionRule(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public abstract Outcome judge(Deliberation deliberation);

	/**
	 * What a rule weighs: the members on the day, who was present (everyone, for a silence
	 * procedure), who objected and who voted how, and the State a decision concerns, if any.
	 * Objections and votes of non-members count for nothing.
	 */
	public record Deliberation(Set<String> members, @Nullable Set<String> present, Set<String> objecting, Map<String, Vote> votes,
			@Nullable String concerned) {

		public Deliberation {
			members = Set.copyOf(members);
			present = present == null ? null : Set.copyOf(present);
			objecting = Set.copyOf(objecting);
			votes = Map.copyOf(votes);
		}

		boolean counts(String participant) {
			return members.contains(participant) && (present == null || present.contains(participant));
		}

		Set<String> memberObjections() {
			var counted = new TreeSet<String>();
			objecting.stream().filter(this::counts).forEach(counted::add);
			return counted;
		}

		long memberVotes(Vote vote) {
			return votes.entrySet().stream().filter(entry -> counts(entry.getKey()) && entry.getValue() == vote).count();
		}
	}

	public record Outcome(boolean adopted, String explanation, Set<String> countedObjections) {

		public Outcome {
			countedObjections = Set.copyOf(countedObjections);
		}

		static Outcome adopted(String explanation, Set<String> objections) {
			return new Outcome(true, explanation, objections);
		}

		static Outcome notAdopted(String explanation, Set<String> objections) {
			return new Outcome(false, explanation, objections);
		}
	}
}
