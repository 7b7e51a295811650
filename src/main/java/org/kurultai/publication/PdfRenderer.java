package org.kurultai.publication;

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
import org.kurultai.drafting.Paragraph;
import org.kurultai.shared.DatePrecision;

/**
 * An adopted text as a PDF: A4 pages set in Liberation Sans (the font PDFBox bundles, which covers
 * Latin and Cyrillic), the title, symbol, the body, place and date of adoption and the register
 * entry of the decision, then the paragraphs (preambular ones unnumbered, operative ones with a
 * hanging number), then the statements filed with the decision. Each page carries the symbol and
 * its number in the footer. A character the font has no glyph for is printed as '?'.
 */
public final class PdfRenderer {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static final PDRectangle PAGE = PDRectangle.A4;
	private static final float MARGIN = 56;
	private static final float FOOTER_BASELINE = 30;
	private static final float LEADING = 1.3f;

	private static final float TITLE_SIZE = 16;
	private static final float HEADING_SIZE = 13;
	private static final float BODY_SIZE = 11;
	private static final float NOTE_SIZE = 10;
	private static final float FOOTER_SIZE = 9;

	private static final float PARAGRAPH_GAP = 6;

	private PdfRenderer() {
	}

	/** The text as the bytes of a PDF file. */
	public static byte[] render(PublishedText text) {
		var document = text.document();
		try (var pdf = new PDDocument()) {
			var pages = new Pages(pdf, font(pdf), document.symbol(), text.labels().page());
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

	private static PDType0Font font(PDDocument pdf) throws IOException {
		try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IOException("PDFBox no longer bundles " + FONT);
			}
			return PDType0Font.load(pdf, in);
		}
	}

	private static void write(PublishedText text, Pages pages) throws IOException {
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

	/** The pages written so far, the one being written, and where on it the next line goes. */
	private static final class Pages {

		private final PDDocument pdf;
		private final PDType0Font font;
		private final String footer;
		private final float width = PAGE.getWidth() - 2 * MARGIN;
		/** Code point → whether the font has a glyph for it. */
		private final Map<Integer, Boolean> glyphs = new HashMap<>();
		private @Nullable PDPageContentStream stream;
		private int number;
		/** The baseline of the last line written. */
		private float y;

		private final String pageWord;

		Pages(PDDocument pdf, PDType0Font font, String symbol, String pageWord) {
			this.pdf = pdf;
			this.font = font;
			this.footer = symbol;
			this.pageWord = pageWord;
		}

		/** Lines centred on the page. */
		void centered(String text, float size) throws IOException {
			for (var line : wrap(text, size, width)) {
				var stream = advance(size);
				show(stream, line, MARGIN + (width - width(line, size)) / 2, y, size);
			}
		}

		/** A block of text set {@code indent} from the margin, with its label (if any) hanging in the margin before it. */
		void block(@Nullable String label, String text, float size, float indent) throws IOException {
			var lines = wrap(text, size, width - indent);
			for (int i = 0; i < lines.size(); i++) {
				var stream = advance(size);
				if (i == 0 && label != null) {
					show(stream, printable(label), MARGIN, y, size);
				}
				show(stream, lines.get(i), MARGIN + indent, y, size);
			}
		}

		void gap(float height) {
			y -= height;
		}

		/** Starts a new page unless {@code height} more fits on this one. */
		void keep(float height) throws IOException {
			if (stream == null || y - height < MARGIN) {
				newPage();
			}
		}

		/** Ends the page being written with its footer, after its text so that it is read last. */
		void finish() throws IOException {
			var current = stream;
			if (current != null) {
				stream = null;
				try {
					var line = printable(footer + " — " + pageWord + " " + number);
					show(current, line, MARGIN + (width - width(line, FOOTER_SIZE)) / 2, FOOTER_BASELINE, FOOTER_SIZE);
				}
				finally {
					current.close();
				}
			}
		}

		float width(String text, float size) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		/** Moves to the next line, on a new page if this one is full. */
		private PDPageContentStream advance(float size) throws IOException {
			float leading = size * LEADING;
			if (stream == null || y - leading < MARGIN) {
				newPage();
			}
			y -= leading;
			return current();
		}

		private PDPageContentStream current() {
			var current = stream;
			if (current == null) {
				throw new IllegalStateException("No page is being written");
			}
			return current;
		}

		private void newPage() throws IOException {
			finish();
			var page = new PDPage(PAGE);
			pdf.addPage(page);
			stream = new PDPageContentStream(pdf, page);
			number++;
			y = PAGE.getHeight() - MARGIN;
		}

		private void show(PDPageContentStream stream, String line, float x, float baseline, float size) throws IOException {
			if (line.isEmpty()) {
				return;
			}
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(x, baseline);
			stream.showText(line);
			stream.endText();
		}

		/**
		 * The text in lines that fit {@code maxWidth}, broken between words (a word longer than a
		 * line is broken where it must) and wherever the text has a line break.
		 */
		List<String> wrap(String text, float size, float maxWidth) throws IOException {
			var lines = new ArrayList<String>();
			float space = width(" ", size);
			for (var hardLine : printable(text).split("\n")) {
				var line = new StringBuilder();
				float lineWidth = 0;
				for (var word : hardLine.split(" ")) {
					if (word.isEmpty()) {
						continue;
					}
					float wordWidth = width(word, size);
					if (line.length() > 0 && lineWidth + space + wordWidth <= maxWidth) {
						line.append(' ').append(word);
						lineWidth += space + wordWidth;
						continue;
					}
					if (line.length() > 0) {
						lines.add(line.toString());
						line.setLength(0);
					}
					while (wordWidth > maxWidth) {
						int cut = fitting(word, size, maxWidth);
						lines.add(word.substring(0, cut));
						word = word.substring(cut);
						wordWidth = width(word, size);
					}
					line.append(word);
					lineWidth = wordWidth;
				}
				if (line.length() > 0) {
					lines.add(line.toString());
				}
			}
			if (lines.isEmpty()) {
				lines.add("");
			}
			return lines;
		}

		/** How many chars of the word fit on a line: at least one code point. */
		private int fitting(String word, float size, float maxWidth) throws IOException {
			int end = word.offsetByCodePoints(0, 1);
			while (end < word.length()) {
				int next = word.offsetByCodePoints(end, 1);
				if (width(word.substring(0, next), size) > maxWidth) {
					break;
				}
				end = next;
			}
			return end;
		}

		/**
		 * The text as the font can print it: whitespace becomes a space (line breaks stay), control
		 * and format characters go, and anything the font has no glyph for becomes '?'.
		 */
		String printable(String text) {
			var out = new StringBuilder(text.length());
			text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(point -> {
				if (point == '\n') {
					out.append('\n');
				}
				else if (Character.isWhitespace(point)) {
					out.append(' ');
				}
				else if (Character.getType(point) == Character.CONTROL || Character.getType(point) == Character.FORMAT) {
					// nothing to print
				}
				else {
					out.appendCodePoint(hasGlyph(point) ? point : '?');
				}
			});
			return out.toString();
		}

		private boolean hasGlyph(int point) {
			return glyphs.computeIfAbsent(point, key -> {
				try {
					font.encode(new String(Character.toChars(key)));
					return true;
				}
				catch (IllegalArgumentException | IOException ex) {
					return false;
				}
			});
		}
	}
}
