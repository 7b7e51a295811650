package org.kurultai.drafting;

/** The kinds of text the forum negotiates, issues or receives. */
public enum DocumentType {
	DECLARATION("Declaration", "DECL"), ACT("Act", "ACT"), STATEMENT("Statement", "STAT"), DECISION("Decision", "DEC"),
	REGULATION("Regulations", "REG"), CATALOGUE("Catalogue", "CAT"), CONCEPT_PAPER("Concept paper", "CP"),
	ACTION_PLAN("Action plan", "AP"), REPORT("Report", "REP"), NOTE_VERBALE("Note verbale", "NV"),
	RESOLUTION("Resolution", "RES");

	private final String label;
	private final String abbreviation;

	DocumentType(String label, String abbreviation) {
		this.label = label;
		this.abbreviation = abbreviation;
	}

	public String label() {
		return label;
	}

	/** The short form used in symbols. */
	public String abbreviation() {
		return abbreviation;
	}
}
