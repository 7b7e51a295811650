package org.kurultai.publication;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.publication.PublishedText.Statement;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of Akoma Ntoso export validates against the OASIS Akoma Ntoso 3.0 schema: each document type (the
 * {@code doc}'s name), in English and Russian, and each shape the writer produces — with and without a preamble,
 * without operative paragraphs, without conclusions, with statements on a paragraph, on the whole text and on a
 * paragraph no longer in the text, without a place, with a date known only to the month.
 */
class AkomaNtosoSchemaTests {

	static Stream<Arguments> typesAndLanguages() {
		return Stream.of(DocumentType.values()).flatMap(type -> Stream.of(Arguments.of(type, "en"), Arguments.of(type, "ru")));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("typesAndLanguages")
	void everyDocumentTypeValidates(DocumentType type, String language) {
		var text = text(type, language, DatePrecision.DAY, "Almaty",
				List.of(AkomaNtosoTests.PP1, AkomaNtosoTests.PP2, AkomaNtosoTests.P3, AkomaNtosoTests.P4, AkomaNtosoTests.P4BIS),
				List.of(AkomaNtosoTests.RESERVATION, AkomaNtosoTests.EXPLANATION), "MC/2026/D/7", "consensus");

		assertThat(AkomaNtosoSchema.problems(AkomaNtoso.render(text))).isEmpty();
	}

	static Stream<Arguments> shapes() {
		var operativeOnly = List.of(AkomaNtosoTests.P3, AkomaNtosoTests.P4);
		var preambleOnly = List.of(AkomaNtosoTests.PP1, AkomaNtosoTests.PP2);
		var onAParagraphGone = new Statement("IND", "India", "Reservation", "9", "On a paragraph no longer in the text.",
				LocalDate.of(2026, 6, 17));
		return Stream.of(
				Arguments.of("no preamble", text(DocumentType.DECISION, "en", DatePrecision.DAY, "Astana", operativeOnly,
						List.of(AkomaNtosoTests.RESERVATION), "SOC/2026/D/1", "consensus")),
				Arguments.of("no operative paragraph", text(DocumentType.STATEMENT, "en", DatePrecision.DAY, "Astana", preambleOnly,
						List.of(), "SOC/2026/D/2", null)),
				Arguments.of("no conclusions", text(DocumentType.ACT, "ru", DatePrecision.DAY, null, operativeOnly, List.of(), null, null)),
				Arguments.of("a decision rule only", text(DocumentType.RESOLUTION, "en", DatePrecision.DAY, "Baku", operativeOnly,
						List.of(), null, "consensus minus one")),
				Arguments.of("statements only, one on a paragraph gone", text(DocumentType.DECLARATION, "en", DatePrecision.DAY, "",
						operativeOnly, List.of(onAParagraphGone, AkomaNtosoTests.EXPLANATION), null, null)),
				Arguments.of("a date known to the month", text(DocumentType.CATALOGUE, "en", DatePrecision.MONTH, "Almaty",
						operativeOnly, List.of(), "CSO/2004/D/1", "consensus")),
				Arguments.of("in Russian with Russian words", AkomaNtosoTests.publishedInRussian()),
				Arguments.of("ids that clash with organization codes", clashing()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void everyShapeValidates(String shape, PublishedText text) {
		var xml = AkomaNtoso.render(text);

		assertThat(AkomaNtosoSchema.problems(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void theSchemaRefusesWhatIsNotAkomaNtoso() {
		// the validator can fail: an element the schema does not know, and a doc without its name
		var valid = new String(AkomaNtoso.render(AkomaNtosoTests.published("en")), StandardCharsets.UTF_8);

		assertThat(AkomaNtosoSchema.problems(valid.replace("<preface>", "<foreword>").replace("</preface>", "</foreword>")
				.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
		assertThat(AkomaNtosoSchema.problems(valid.replace("<doc name=\"declaration\">", "<doc>").getBytes(StandardCharsets.UTF_8)))
				.isNotEmpty();
	}

	/** Paragraph labels and participant codes whose ids would clash without the writer's suffixes. */
	static PublishedText clashing() {
		var paragraphs = new ArrayList<Paragraph>();
		paragraphs.add(Paragraph.agreed("PPKAZ", Map.of("en", "Recalling,")));
		paragraphs.add(Paragraph.agreed("statements", Map.of("en", "A paragraph named as the statements' container.")));
		paragraphs.add(Paragraph.agreed("4.1", Map.of("en", "A numbered sub-paragraph.")));
		var statements = List.of(new Statement("KAZ", "Kazakhstan", "Statement", "statements", "On it.", LocalDate.of(2026, 6, 17)),
				new Statement("MC", "Meeting", "Statement", null, "A participant coded as the body.", LocalDate.of(2026, 6, 17)));
		return text(DocumentType.DECISION, "en", DatePrecision.DAY, "Almaty", paragraphs, statements, "MC/2026/D/9", "consensus");
	}

	static PublishedText text(DocumentType type, String language, DatePrecision precision, String place, List<Paragraph> paragraphs,
			List<Statement> statements, String register, String rule) {
		var created = Instant.parse("2026-05-01T09:00:00Z");
		var adopted = precision == DatePrecision.MONTH ? LocalDate.of(2026, 6, 1) : AkomaNtosoTests.ADOPTED;
		var document = new NegotiatedDocument("doc-" + type.name().toLowerCase(), "CICA/MC/" + type.abbreviation() + "/2026/1",
				type, type.label() + " on dialogue", "MC", "mc-2026", "en", List.of("en", "ru"), Access.PUBLIC, DocumentStatus.ADOPTED,
				adopted, precision, "KAZ", Sources.none(), null, 2, created);
		var version = new DocumentVersion(document.id(), 2, paragraphs, 1, List.of(), created, "chair");
		var english = new PublishedText(document, version, language, "CICA", "Meeting of Ministers of Foreign Affairs", adopted, place,
				register, rule, statements);
		return "ru".equals(language) ? new PublishedText(document, version, language, "СВМДА", english.bodyName(), adopted, place,
				register, rule, statements, AkomaNtosoTests.RUSSIAN) : english;
	}
}
