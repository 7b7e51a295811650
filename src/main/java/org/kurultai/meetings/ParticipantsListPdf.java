package org.kurultai.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * A list of participants as a PDF: A4 pages set in Liberation Sans (bundled with PDFBox; Latin and Cyrillic), lines
 * given by the caller already in the request's language, wrapped between words, each page numbered in its footer. A
 * character the font cannot show is printed as '?'.
 */
final class ParticipantsListPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
	private static final PDRectangle PAGE = PDRectangle.A4;
	private static final float MARGIN = 56;
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
			PDType0Font font;
			try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IOException("PDFBox no longer bundles " + FONT);
				}
				font = PDType0Font.load(pdf, in);
			}
			var pages = new Pages(pdf, font, footer);
			try {
				for (var line : lines) {
					pages.write(line);
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

	private static final class Pages {

		private final PDDocument pdf;
		private final PDType0Font font;
		private final String footer;
		private final float width = PAGE.getWidth() - 2 * MARGIN;
		private final Map<Integer, Boolean> glyphs = new HashMap<>();
		private @Nullable PDPageContentStream stream;
		private int number;
		private float y;

		Pages(PDDocument pdf, PDType0Font font, String footer) {
			this.pdf = pdf;
			this.font = font;
			this.footer = footer;
		}

		void write(Line line) throws IOException {
			var size = line.style().size;
			var indent = line.style().indent;
			y -= line.style().before;
			for (var text : wrap(printable(line.text()), size, width - indent)) {
				float leading = size * LEADING;
				if (stream == null || y - leading < MARGIN) {
					newPage();
				}
				y -= leading;
				show(text, MARGIN + indent, y, size);
			}
		}

		private void newPage() throws IOException {
			finish();
			var page = new PDPage(PAGE);
			pdf.addPage(page);
			stream = new PDPageContentStream(pdf, page);
			number++;
			y = PAGE.getHeight() - MARGIN;
		}

		void finish() throws IOException {
			var current = stream;
			if (current != null) {
				try {
					var text = printable(footer + " — " + number);
					show(text, MARGIN + (width - width(text, 9)) / 2, 30, 9);
				}
				finally {
					stream = null;
					current.close();
				}
			}
		}

		private void show(String text, float x, float baseline, float size) throws IOException {
			var current = stream;
			if (current == null || text.isEmpty()) {
				return;
			}
			current.beginText();
			current.setFont(font, size);
			current.newLineAtOffset(x, baseline);
			current.showText(text);
			current.endText();
		}

		private float width(String text, float size) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		private List<String> wrap(String text, float size, float maxWidth) throws IOException {
			var lines = new ArrayList<String>();
			var line = new StringBuilder();
			for (var word : text.split(" ")) {
				if (word.isEmpty()) {
					continue;
				}
				var candidate = line.isEmpty() ? word : line + " " + word;
				if (width(candidate, size) <= maxWidth || line.isEmpty()) {
					line.setLength(0);
					line.append(candidate);
				}
				else {
					lines.add(line.toString());
					line.setLength(0);
					line.append(word);
				}
				// a word longer than the line is broken where it must be
				while (width(line.toString(), size) > maxWidth && line.length() > 1) {
					int cut = line.length() - 1;
					while (cut > 1 && width(line.substring(0, cut), size) > maxWidth) {
						cut--;
					}
					if (Character.isHighSurrogate(line.charAt(cut - 1))) {
						cut--;
					}
					lines.add(line.substring(0, cut));
					line.delete(0, cut);
				}
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		/** The text with every character the font cannot show (and every control character) as '?'. */
		private String printable(String text) {
			var out = new StringBuilder();
			text.codePoints().forEach(cp -> {
				if (Character.isWhitespace(cp)) {
					out.append(' ');
				}
				else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
					out.appendCodePoint(cp);
				}
				else {
					out.append('?');
				}
			});
			return out.toString();
		}

		private boolean hasGlyph(int codePoint) {
			if (Character.isISOControl(codePoint)) {
				return false;
			}
			try {
				font.encode(new String(Character.toChars(codePoint)));
				return Character.getType(codePoint) != Character.FORMAT;
			}
			catch (IOException | IllegalArgumentException missing) {
				return false;
			}
		}
	}
}
