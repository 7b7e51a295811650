package org.kurultai.publication;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.shared.DatePrecision;

/**
 * Everything an export shows: the document, the exact version adopted, the language shown, the
 * adopting body's name on the day, the date, the place (if known), the register entry of the
 * decision (null for a historical record adopted before Kurultai), the statements published with
 * it, and the words the export itself writes ({@link Labels}) in the language shown.
 *
 * <p>An export is in one language only: every paragraph of the version must have its text in that
 * language, or the text is not held in it ({@link LanguageNotHeld}) — never another language's
 * text labelled as this one.
 */
public record PublishedText(NegotiatedDocument document, DocumentVersion version, String language, String forum, String bodyName,
		LocalDate adoptedOn, @Nullable String place, @Nullable String registerSymbol, @Nullable String decisionRule,
		List<Statement> statements, Labels labels) {

	public PublishedText {
		statements = List.copyOf(statements);
		var missing = missing(version, language);
		if (!missing.isEmpty()) {
			throw new LanguageNotHeld(document, language, missing);
		}
	}

	/** An export with the English labels. */
	public PublishedText(NegotiatedDocument document, DocumentVersion version, String language, String forum, String bodyName,
			LocalDate adoptedOn, @Nullable String place, @Nullable String registerSymbol, @Nullable String decisionRule,
			List<Statement> statements) {
		this(document, version, language, forum, bodyName, adoptedOn, place, registerSymbol, decisionRule, statements, Labels.ENGLISH);
	}

	/** The labels of the paragraphs (or of their alternatives) that have no text in the language. */
	public static List<String> missing(DocumentVersion version, String language) {
		return version.missingIn(language);
	}

	/** The paragraph's wording in the language shown (which it has: the constructor checked). */
	public String wording(Paragraph paragraph) {
		return paragraph.text(language);
	}

	/** A statement filed by a State with the decision, on the whole text (paragraph null) or one paragraph. */
	public record Statement(String participant, String participantName, String kind, @Nullable String paragraph, String text,
			LocalDate filedOn) {
	}

	/**
	 * The words an export writes around the text, in the export's language, and how it writes dates.
	 * {@code adoptedBy} precedes the body's name ("Adopted by" / "Принято:").
	 */
	public record Labels(Locale locale, String adoptedBy, String registerEntry, String decisionRule, String statements,
			String onTheWholeText, String onParagraph, String filed, String page, String attestedBy) {

		/** English, as the message bundle has it (for renderings outside a request). */
		public static final Labels ENGLISH = new Labels(Locale.ENGLISH, "Adopted by", "Register entry", "Decision rule", "Statements",
				"on the text as a whole", "on paragraph", "filed", "page", "by");

		private static final String DAY = "d MMMM uuuu";

		/** A date at its precision in the export's language: "17 June 2006" / "17 июня 2006", "June 2010", "2011". */
		public String date(LocalDate date, @Nullable DatePrecision precision) {
			return switch (precision == null ? DatePrecision.DAY : precision) {
				case DAY -> DateTimeFormatter.ofPattern(DAY, locale).format(date);
				case MONTH -> DateTimeFormatter.ofPattern("LLLL uuuu", locale).format(date);
				case YEAR -> Integer.toString(date.getYear());
				case ATTESTED -> attestedBy + " " + DateTimeFormatter.ofPattern("LLLL uuuu", locale).format(date);
			};
		}
	}

	/** The document's text is not held in the language asked for (answered 404 {@code language-not-held}). */
	public static class LanguageNotHeld extends RuntimeException {

		private final String document;

		private final String language;

		private final List<String> paragraphs;

		LanguageNotHeld(NegotiatedDocument document, String language, List<String> paragraphs) {
			super("%s has no text in '%s' (paragraphs %s)".formatted(document.symbol(), language, paragraphs));
			this.document = document.symbol();
			this.language = language;
			this.paragraphs = List.copyOf(paragraphs);
		}

		public String document() {
			return document;
		}

		public String language() {
			return language;
		}

		public List<String> paragraphs() {
			return paragraphs;
		}
	}
}
