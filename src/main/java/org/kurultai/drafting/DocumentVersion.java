package org.kurultai.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;

/**
 * One immutable version of a document's text: number 0 is the draft, then Rev.1, Rev.2 …
 * {@code takenIn} names the amendments the chair took into it from the version it is based on.
 */
public record DocumentVersion(String document, int number, List<Paragraph> paragraphs, @Nullable Integer basedOn,
		List<Long> takenIn, Instant issuedAt, String issuedBy) {

	public DocumentVersion {
		paragraphs = List.copyOf(paragraphs);
		takenIn = List.copyOf(takenIn);
		if (number < 0) {
			throw new IllegalArgumentException("version numbers start at 0");
		}
		if (paragraphs.isEmpty()) {
			throw new EmptyText();
		}
		var labels = paragraphs.stream().map(paragraph -> paragraph.label().toLowerCase(java.util.Locale.ROOT)).distinct().count();
		if (labels != paragraphs.size()) {
			throw new Paragraph.ParagraphInvalid("problem.paragraph.sameNumber");
		}
	}

	/** "draft", "Rev.1", "Rev.2" … */
	public String name() {
		return name(number);
	}

	public static String name(int number) {
		return number == 0 ? "draft" : "Rev." + number;
	}

	/** Nothing is agreed until everything is agreed: any bracket keeps the text from adoption. */
	public boolean hasBrackets() {
		return paragraphs.stream().anyMatch(Paragraph::bracketed);
	}

	public List<Paragraph> bracketed() {
		return paragraphs.stream().filter(Paragraph::bracketed).toList();
	}

	/** The labels of the paragraphs (or of their alternatives) without text in the language: none when the version is held in it. */
	public List<String> missingIn(String language) {
		return paragraphs.stream().filter(paragraph -> paragraph.alternatives().isEmpty() ? paragraph.text(language).isBlank()
				: paragraph.alternatives().stream().anyMatch(alternative -> alternative.text(language).isBlank())).map(Paragraph::label).toList();
	}

	/** Whether every paragraph (and alternative) has its text in the language. */
	public boolean heldIn(String language) {
		return missingIn(language).isEmpty();
	}

	public Optional<Paragraph> paragraph(String label) {
		return paragraphs.stream().filter(paragraph -> paragraph.label().equalsIgnoreCase(label)).findFirst();
	}

	/** A version must hold at least one paragraph. */
	public static class EmptyText extends RuleViolation {

		EmptyText() {
			super("problem.drafting.versionEmpty");
		}

		@Override
		public String rule() {
			return "empty-text";
		}
	}
}
