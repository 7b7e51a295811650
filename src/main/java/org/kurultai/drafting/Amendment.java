package org.kurultai.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An amendment a delegation proposes against one named version of a document. It stays proposed
 * until the chair takes it into a new revision, a revision that leaves it out makes it outdated, or
 * the proposing State's delegation withdraws it (it then stays on the record as withdrawn).
 */
public record Amendment(long id, String document, int againstVersion, AmendmentKind kind, @Nullable String paragraph,
		@Nullable String alternative, Map<String, String> text, String proposedBy, List<String> cosponsors,
		Instant proposedAt, @Nullable String explanation, Status status, @Nullable Integer takenInto, List<String> invited,
		List<String> declined, @Nullable Instant withdrawnAt) {

	/**
	 * {@code cosponsors} are the States whose delegations accepted the proposer's invitation; the
	 * States {@code invited} have not answered yet, those that {@code declined} said no. Only the
	 * first sponsor the amendment (and the text it puts in).
	 */
	public Amendment {
		text = Map.copyOf(text);
		cosponsors = List.copyOf(cosponsors);
		invited = List.copyOf(invited);
		declined = List.copyOf(declined);
	}

	/** An amendment not withdrawn. */
	public Amendment(long id, String document, int againstVersion, AmendmentKind kind, @Nullable String paragraph,
			@Nullable String alternative, Map<String, String> text, String proposedBy, List<String> cosponsors, Instant proposedAt,
			@Nullable String explanation, Status status, @Nullable Integer takenInto, List<String> invited, List<String> declined) {
		this(id, document, againstVersion, kind, paragraph, alternative, text, proposedBy, cosponsors, proposedAt, explanation, status,
				takenInto, invited, declined, null);
	}

	/** An amendment whose co-sponsors have all accepted, with no invitation pending or declined. */
	public Amendment(long id, String document, int againstVersion, AmendmentKind kind, @Nullable String paragraph,
			@Nullable String alternative, Map<String, String> text, String proposedBy, List<String> cosponsors, Instant proposedAt,
			@Nullable String explanation, Status status, @Nullable Integer takenInto) {
		this(id, document, againstVersion, kind, paragraph, alternative, text, proposedBy, cosponsors, proposedAt, explanation, status,
				takenInto, List.of(), List.of());
	}

	public enum Status {
		PROPOSED, TAKEN_IN, OUTDATED, WITHDRAWN;

		public String label() {
			return this == TAKEN_IN ? "taken in" : name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The States that sponsor the amendment: the proposing one first, then those that accepted to co-sponsor it. */
	public List<String> sponsors() {
		var all = new java.util.ArrayList<String>();
		all.add(proposedBy);
		cosponsors.stream().filter(code -> !all.contains(code)).forEach(all::add);
		return List.copyOf(all);
	}

	public String againstName() {
		return DocumentVersion.name(againstVersion);
	}

	public @Nullable String takenIntoName() {
		return takenInto == null ? null : DocumentVersion.name(takenInto);
	}

	public String summary() {
		return switch (kind) {
			case INSERT -> paragraph == null ? "insert a paragraph at the beginning" : "insert a paragraph after " + paragraph;
			case REPLACE -> "replace paragraph " + paragraph;
			case DELETE -> "delete paragraph " + paragraph;
			case ALTERNATIVE -> "propose an alternative to paragraph " + paragraph;
			case CHOOSE_ALTERNATIVE -> "settle paragraph " + paragraph + " on " + alternative;
		};
	}
}
