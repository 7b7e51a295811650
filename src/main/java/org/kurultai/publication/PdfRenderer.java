package org.kurultai.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.platform.PdfPages;
import org.kurultai.shared.DatePrecision;

/**
 * An adopted text as a PDF: A4 pages set in Liberation Sans (the font PDFBox bundles, which covers
 * Latin and Cyrillic), the title, symbol, the body, place and date of adoption and the register
 * entry of the decision, then the paragraphs (preambular ones unnumbered, operative ones with a
 * hanging number), then the statements filed with the decision. Each page carries the symbol and
 * its number in the footer. A character the font has no glyph for is printed as '?'.
 */
public final class PdfRenderer {

	private static final float LEADING = 1.3f;

	private static final float TITLE_SIZE = 16;
	private static final float HEADING_SIZE = 13;
	private static final float BODY_SIZE = 11;
	private static final float NOTE_SIZE = 10;

	private static final float PARAGRAPH_GAP = 6;

	private PdfRenderer() {
	}

	/** The text as the bytes of a PDF file. */
	public static byte[] render(PublishedText text) {
		var document = text.document();
		try (var pdf = new PDDocument()) {
			var pages = new PdfPages(pdf, LEADING, number -> document.symbol() + " — " + text.labels().page() + " " + number);
			try {
				write(text, pages);
			}
			finally {
				pages.finish();
			}
			var information = pdf.getDocumentInformation();
			information.setTitle(document.title());
			information.setSubject(document.symbol());
			information.setAuthor(text.bodyName());
			information.setCreator("Kurultai");
			information.setProducer("Kurultai");
			pdf.getDocumentCatalog().setLanguage(text.language());
			var out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render " + document.symbol() + " as PDF", ex);
		}
	}

	private static void write(PublishedText text, PdfPages pages) throws IOException {
		var document = text.document();
		pages.centered(document.title(), TITLE_SIZE);
		pages.gap(4);
		pages.centered(document.symbol(), BODY_SIZE);
		pages.gap(8);
		var place = text.place();
		var labels = text.labels();
		pages.centered(labels.adoptedBy() + " " + text.bodyName() + (place == null || place.isBlank() ? "" : ", " + place) + ", "
				+ AkomaNtoso.dateLabel(text, text.adoptedOn()), BODY_SIZE);
		var registerSymbol = text.registerSymbol();
		var decisionRule = text.decisionRule();
		if (registerSymbol != null || decisionRule != null) {
			pages.gap(2);
			var decision = registerSymbol == null ? "" : labels.registerEntry() + " " + registerSymbol;
			if (decisionRule != null) {
				decision += (decision.isEmpty() ? "" : " — ") + labels.decisionRule() + ": " + decisionRule;
			}
			pages.centered(decision, NOTE_SIZE);
		}
		pages.gap(18);

		var paragraphs = text.version().paragraphs();
		float indent = 28;
		for (var paragraph : paragraphs) {
			if (!paragraph.preambular()) {
				indent = Math.max(indent, pages.width(number(paragraph), BODY_SIZE) + 10);
			}
		}
		for (var paragraph : paragraphs) {
			pages.block(paragraph.preambular() ? null : number(paragraph), text.wording(paragraph), BODY_SIZE, indent);
			pages.gap(PARAGRAPH_GAP);
		}

		if (!text.statements().isEmpty()) {
			pages.gap(12);
			pages.keep(HEADING_SIZE * LEADING + 3 * BODY_SIZE * LEADING);
			pages.block(null, labels.statements(), HEADING_SIZE, 0);
			pages.gap(4);
			for (var statement : text.statements()) {
				pages.keep(NOTE_SIZE * LEADING + 2 * BODY_SIZE * LEADING);
				pages.block(null, heading(statement, labels), NOTE_SIZE, 0);
				pages.block(null, statement.text(), BODY_SIZE, 0);
				pages.gap(PARAGRAPH_GAP);
			}
		}
	}

	private static String number(Paragraph paragraph) {
		return paragraph.label() + ".";
	}

	/** "India — Reservation on paragraph 4, filed 17 June 2026". */
	private static String heading(PublishedText.Statement statement, PublishedText.Labels labels) {
		var paragraph = statement.paragraph();
		return statement.participantName() + " — " + statement.kind() + " "
				+ (paragraph == null ? labels.onTheWholeText() : labels.onParagraph() + " " + paragraph) + ", " + labels.filed() + " "
				+ labels.date(statement.filedOn(), DatePrecision.DAY);
	}
}
