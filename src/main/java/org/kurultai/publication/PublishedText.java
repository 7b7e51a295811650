package org.kurultai.publication;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.NegotiatedDocument;

/**
 * Everything an export shows: the document, the exact version adopted, the adopting body's name on
 * the day, the date, the place (if known), the register entry of the decision (null for a
 * historical record adopted before Kurultai), and the statements published with it.
 */
public record PublishedText(NegotiatedDocument document, DocumentVersion version, String language, String forum, String bodyName,
		LocalDate adoptedOn, @Nullable String place, @Nullable String registerSymbol, @Nullable String decisionRule,
		List<Statement> statements) {

	public PublishedText {
		statements = List.copyOf(statements);
	}

	/** A statement filed by a State with the decision, on the whole text (paragraph null) or one paragraph. */
	public record Statement(String participant, String participantName, String kind, @Nullable String paragraph, String text,
			LocalDate filedOn) {
	}
}
