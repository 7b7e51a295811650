package org.kurultai.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * Text set on A4 pages of a PDF, for every PDF Kurultai writes (adopted texts, lists of participants): Liberation Sans
 * (bundled with PDFBox; Latin and Cyrillic), lines wrapped between words (a word longer than a line where it must),
 * blocks with a hanging label, centred lines, gaps, "keep together", and each page's footer written last so that it is
 * read last. A character the font cannot show is printed as '?'; control and format characters are dropped. The pages
 * written so far, the one being written, and where on it the next line goes.
 */
public final class PdfPages {

	/** The font every Kurultai PDF is set in: Liberation Sans, bundled with PDFBox (Latin and Cyrillic). */
	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
	private static final PDRectangle PAGE = PDRectangle.A4;
	private static final float MARGIN = 56;
	private static final float FOOTER_BASELINE = 30;
	private static final float FOOTER_SIZE = 9;

	private final PDDocument pdf;
	private final PDType0Font font;
	private final IntFunction<String> footer;
	private final float leading;
	private final float width = PAGE.getWidth() - 2 * MARGIN;
	/** Code point → whether the font has a glyph for it. */
	private final Map<Integer, Boolean> glyphs = new HashMap<>();
	private @Nullable PDPageContentStream stream;
	private int number;
	/** The baseline of the last line written. */
	private float y;

	/**
	 * Pages of {@code pdf} set in Liberation Sans, lines {@code leading} times their size apart, each page's
	 * footer the line {@code footer} gives for its number.
	 */
	public PdfPages(PDDocument pdf, float leading, IntFunction<String> footer) throws IOException {
		this.pdf = pdf;
		this.font = font(pdf);
		this.leading = leading;
		this.footer = footer;
	}

	/** Liberation Sans, loaded into the document. */
	private static PDType0Font font(PDDocument pdf) throws IOException {
		try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
			if (in == null) {
				throw new IOException("PDFBox no longer bundles " + FONT);
			}
			return PDType0Font.load(pdf, in);
		}
	}

	/** Lines centred on the page. */
	public void centered(String text, float size) throws IOException {
		for (var line : wrap(text, size, width)) {
			var stream = advance(size);
			show(stream, line, MARGIN + (width - width(line, size)) / 2, y, size);
		}
	}

	/** A block of text set {@code indent} from the margin, with its label (if any) hanging in the margin before it. */
	public void block(@Nullable String label, String text, float size, float indent) throws IOException {
		var lines = wrap(text, size, width - indent);
		for (int i = 0; i < lines.size(); i++) {
			var stream = advance(size);
			if (i == 0 && label != null) {
				show(stream, printable(label), MARGIN, y, size);
			}
			show(stream, lines.get(i), MARGIN + indent, y, size);
		}
	}

	public void gap(float height) {
		y -= height;
	}

	/** Starts a new page unless {@code height} more fits on this one. */
	public void keep(float height) throws IOException {
		if (stream == null || y - height < MARGIN) {
			newPage();
		}
	}

	/** Ends the page being written with its footer, after its text so that it is read last. */
	public void finish() throws IOException {
		var current = stream;
		if (current != null) {
			stream = null;
			try {
				var line = printable(footer.apply(number));
				show(current, line, MARGIN + (width - width(line, FOOTER_SIZE)) / 2, FOOTER_BASELINE, FOOTER_SIZE);
			}
			finally {
				current.close();
			}
		}
	}

	public float width(String text, float size) throws IOException {
		return font.getStringWidth(text) / 1000 * size;
	}

	/** Moves to the next line, on a new page if this one is full. */
	private PDPageContentStream advance(float size) throws IOException {
		float leading = size * this.leading;
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
	public List<String> wrap(String text, float size, float maxWidth) throws IOException {
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
	public String printable(String text) {
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
