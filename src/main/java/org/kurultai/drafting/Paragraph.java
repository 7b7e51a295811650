package org.kurultai.drafting;

import java.util.List;
import java.util.Map;

import org.kurultai.shared.RuleViolation;

/**
 * A numbered paragraph of a version: its label ("PP1" for a preambular paragraph, "4", or "4bis"
 * for one inserted after 4, as negotiators number them), how far it is agreed, its text in each
 * language, and, while bracketed, its alternatives. Labels stay the same from version to version,
 * so amendments and comparisons can name a paragraph across revisions.
 */
public record Paragraph(String label, ParagraphStatus status, Map<String, String> text, List<Alternative> alternatives,
		List<String> sponsors) {

	public Paragraph {
		text = Map.copyOf(text);
		alternatives = List.copyOf(alternatives);
		sponsors = sponsorCodes(sponsors);
		if (!label.matches("[A-Za-z0-9.\\-]{1,20}")) {
			throw new ParagraphInvalid("problem.paragraph.number", label);
		}
		if (!alternatives.isEmpty() && status != ParagraphStatus.BRACKETED) {
			throw new ParagraphInvalid("problem.paragraph.alternativesBracketed", label);
		}
		if (text.isEmpty() && alternatives.isEmpty()) {
			throw new ParagraphInvalid("problem.paragraph.noText", label);
		}
		var alternativeLabels = alternatives.stream().map(Alternative::label).distinct().count();
		if (alternativeLabels != alternatives.size()) {
			throw new ParagraphInvalid("problem.paragraph.alternativeTwice", label);
		}
	}

	public static Paragraph agreed(String label, Map<String, String> text) {
		return new Paragraph(label, ParagraphStatus.AGREED, text, List.of(), List.of());
	}

	public String text(String language) {
		return text.getOrDefault(language, "");
	}

	public boolean bracketed() {
		return status == ParagraphStatus.BRACKETED;
	}

	public boolean preambular() {
		return label.startsWith("PP");
	}

	public java.util.Optional<Alternative> alternative(String label) {
		return alternatives.stream().filter(alternative -> alternative.label().equalsIgnoreCase(label)).findFirst();
	}

	Paragraph withStatus(ParagraphStatus newStatus) {
		return new Paragraph(label, newStatus, text, newStatus == ParagraphStatus.BRACKETED ? alternatives : List.of(), sponsors);
	}

	/** A paragraph's content breaks the rules of the text. */
	public static class ParagraphInvalid extends RuleViolation {

		public ParagraphInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "paragraph-invalid";
		}
	}

	/** Sponsors as participant codes, each once: " kaz", "KAZ" and "kaz" are one sponsor. */
	static List<String> sponsorCodes(List<String> sponsors) {
		var codes = new java.util.ArrayList<String>();
		for (var sponsor : sponsors) {
			if (sponsor == null || sponsor.isBlank()) {
				throw new ParagraphInvalid("problem.paragraph.sponsorCode");
			}
			var code = sponsor.trim().toUpperCase(java.util.Locale.ROOT);
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return List.copyOf(codes);
	}
}
