package org.kurultai.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.kurultai.platform.PdfPages;

/**
 * A list of participants as a PDF: A4 pages set in Liberation Sans (bundled with PDFBox; Latin and Cyrillic), lines
 * given by the caller already in the request's language, wrapped between words, each page numbered in its footer. A
 * character the font cannot show is printed as '?'.
 */
final class ParticipantsListPdf {

	private static final float LEADING = 1.35f;

	/** How a line is set: its size and indentation, and the space before it. */
	enum Style {
		TITLE(16, 0, 0), SUBTITLE(11, 0, 2), GROUP(13, 0, 14), PARTICIPANT(12, 0, 10), LINE(10.5f, 16, 1), PERSON(10.5f, 32, 0);

		final float size;
		final float indent;
		final float before;

		Style(float size, float indent, float before) {
			this.size = size;
			this.indent = indent;
			this.before = before;
		}
	}

	record Line(Style style, String text) {
	}

	private ParticipantsListPdf() {
	}

	static byte[] render(String title, String language, String footer, List<Line> lines) {
		try (var pdf = new PDDocument()) {
			var pages = new PdfPages(pdf, LEADING, number -> footer + " — " + number);
			try {
				for (var line : lines) {
					pages.gap(line.style().before);
					pages.block(null, line.text(), line.style().size, line.style().indent);
				}
			}
			finally {
				pages.finish();
			}
			var information = pdf.getDocumentInformation();
			information.setTitle(title);
			information.setCreator("Kurultai");
			information.setProducer("Kurultai");
			pdf.getDocumentCatalog().setLanguage(language);
			var out = new ByteArrayOutputStream();
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException failed) {
			throw new UncheckedIOException("Could not render the list of participants as PDF", failed);
		}
	}
}
