package org.kurultai.drafting;

/** What an amendment does to the version it is proposed against. */
public enum AmendmentKind {
	/** Insert a new paragraph after the named one (or at the beginning when none is named). */
	INSERT,
	/** Replace the named paragraph's text. */
	REPLACE,
	/** Delete the named paragraph. */
	DELETE,
	/** Put forward another wording of the named paragraph, which then stands in brackets as an alternative. */
	ALTERNATIVE,
	/** Settle a bracketed paragraph on one of its alternatives. */
	CHOOSE_ALTERNATIVE;

	public boolean needsText() {
		return this == INSERT || this == REPLACE || this == ALTERNATIVE;
	}
}
