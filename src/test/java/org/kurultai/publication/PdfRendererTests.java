package org.kurultai.publication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kurultai.drafting.Paragraph;
import org.kurultai.publication.PublishedText.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** An adopted text as a PDF. */
class PdfRendererTests {

	@Test
	void theTextIsAllThere() throws IOException {
		var text = AkomaNtosoTests.published("en");

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			var content = text(pdf);

			assertThat(content).contains(AkomaNtosoTests.TITLE, AkomaNtosoTests.SYMBOL,
					"Adopted by Meeting of Ministers of Foreign Affairs, Almaty, 17 June 2026", "Register entry MC/2026/D/7",
					"Decision rule: consensus");
			for (var paragraph : text.version().paragraphs()) {
				assertThat(content).contains(normalised(paragraph.text("en")));
			}
			assertThat(content).contains("3. " + AkomaNtosoTests.P3.text("en"), "4bis. " + AkomaNtosoTests.P4BIS.text("en"))
					.doesNotContain("PP1");
			assertThat(content).contains("Statements", "India — Reservation on paragraph 4, filed 17 June 2026",
					normalised(AkomaNtosoTests.RESERVATION.text()),
					"Türkiye — Explanation of position on the text as a whole, filed 18 June 2026",
					normalised(AkomaNtosoTests.EXPLANATION.text()));
			assertThat(content.indexOf(AkomaNtosoTests.PP1.text("en"))).isLessThan(content.indexOf(AkomaNtosoTests.P4BIS.text("en")));
			assertThat(content.indexOf(AkomaNtosoTests.P4BIS.text("en"))).isLessThan(content.indexOf("Statements"));
			assertThat(content).contains(AkomaNtosoTests.SYMBOL + " — page 1");
		}
	}

	/** The Russian text, set in the bundled Liberation Sans, comes out of the PDF as Cyrillic, with the export's words in Russian. */
	@Test
	void theRussianTextIsInCyrillicWithRussianWords() throws IOException {
		var text = AkomaNtosoTests.publishedInRussian();

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			var content = text(pdf);

			for (var paragraph : text.version().paragraphs()) {
				assertThat(content).contains(normalised(paragraph.text("ru")));
				assertThat(content).doesNotContain(normalised(paragraph.text("en")));
			}
			assertThat(content).contains("3. " + AkomaNtosoTests.P3.text("ru"))
					.contains("Принято: Meeting of Ministers of Foreign Affairs, Almaty, 17 июня 2026")
					.contains("Запись в реестре MC/2026/D/7 — Порядок принятия решения: консенсус")
					.contains("Заявления", "Индия — Оговорка по пункту 4, представлено 17 июня 2026")
					.contains(AkomaNtosoTests.SYMBOL + " — стр. 1")
					.doesNotContain("?");
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ru");
		}
	}

	@Test
	void pagesAreA4AndTheDocumentIsDescribed() throws IOException {
		try (var pdf = Loader.loadPDF(PdfRenderer.render(AkomaNtosoTests.published("en")))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(1);
			assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
			assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(PDRectangle.A4.getHeight());
			var information = pdf.getDocumentInformation();
			assertThat(information.getTitle()).isEqualTo(AkomaNtosoTests.TITLE);
			assertThat(information.getSubject()).isEqualTo(AkomaNtosoTests.SYMBOL);
			assertThat(information.getProducer()).isEqualTo("Kurultai");
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
		}
	}

	@Test
	void cyrillicSurvives() throws IOException {
		var text = AkomaNtosoTests.published("ru");

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			var content = text(pdf);

			for (var paragraph : text.version().paragraphs()) {
				assertThat(content).contains(normalised(paragraph.text("ru")));
			}
			assertThat(content).contains("4. " + AkomaNtosoTests.P4.text("ru")).doesNotContain("?");
		}
	}

	@Test
	void aLongDocumentRunsOverSeveralNumberedPages() throws IOException {
		var paragraphs = new ArrayList<Paragraph>();
		paragraphs.add(AkomaNtosoTests.PP1);
		for (int n = 1; n <= 120; n++) {
			paragraphs.add(Paragraph.agreed(Integer.toString(n), Map.of("en", ("Paragraph " + n
					+ " calls upon the Member States to continue their consultations on the implementation of the confidence-building"
					+ " measures in the military-political, economic, environmental, humanitarian and new challenges dimensions, and to"
					+ " report to the Senior Officials Committee at its next session. ").repeat(2).strip())));
		}
		var text = AkomaNtosoTests.published("en", AkomaNtosoTests.TITLE, paragraphs,
				List.of(AkomaNtosoTests.RESERVATION, AkomaNtosoTests.EXPLANATION));

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			int pages = pdf.getNumberOfPages();
			assertThat(pages).isGreaterThan(5);
			for (int page = 1; page <= pages; page++) {
				assertThat(text(pdf, page, page)).contains(AkomaNtosoTests.SYMBOL + " — page " + page)
						.doesNotContain(" — page " + (page + 1));
			}
			// A paragraph running over a page break has that page's footer in the middle of its text
			var content = text(pdf).replaceAll(Pattern.quote(AkomaNtosoTests.SYMBOL) + " — page \\d+ ", "");
			for (var paragraph : paragraphs) {
				assertThat(content).contains(normalised(paragraph.text("en")));
			}
			assertThat(text(pdf, pages, pages)).contains("Statements", normalised(AkomaNtosoTests.EXPLANATION.text()));
			assertThat(text(pdf, 1, 1)).contains(AkomaNtosoTests.TITLE).doesNotContain("Statements");
		}
	}

	@Test
	void aWordLongerThanALineIsBrokenNotLost() throws IOException {
		var word = "x".repeat(400);
		var text = AkomaNtosoTests.published("en", AkomaNtosoTests.TITLE, List.of(Paragraph.agreed("1", Map.of("en", word))),
				List.of());

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			assertThat(text(pdf).replace(" ", "")).contains(word);
		}
	}

	@Test
	void charactersTheFontLacksBecomeQuestionMarks() throws IOException {
		var paragraph = Paragraph.agreed("1", Map.of("en", "Peace \uD83D\uDE00 and 中文 harmony\u0007, Ελλάδα and Türkiye."));
		var statement = new Statement("CHN", "China 中国", "Reservation", "1", "On \uD83D\uDE00 emoji.", AkomaNtosoTests.ADOPTED);
		var text = AkomaNtosoTests.published("en", "Title with \uD83D\uDE00 and 中文", List.of(paragraph), List.of(statement));

		assertThatCode(() -> PdfRenderer.render(text)).doesNotThrowAnyException();
		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			var content = text(pdf);

			assertThat(content).contains("Title with ? and ??", "Peace ? and ?? harmony, Ελλάδα and Türkiye.", "China ?? — Reservation",
					"On ? emoji.");
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Title with \uD83D\uDE00 and 中文");
		}
	}

	@Test
	void noRegisterEntryNoPlaceNoStatements() throws IOException {
		var base = AkomaNtosoTests.published("en");
		var text = new PublishedText(base.document(), base.version(), "en", "CICA", "Meeting of Ministers of Foreign Affairs",
				base.adoptedOn(), null, null, null, List.of());

		try (var pdf = Loader.loadPDF(PdfRenderer.render(text))) {
			assertThat(text(pdf)).contains("Adopted by Meeting of Ministers of Foreign Affairs, 17 June 2026")
					.doesNotContain("Register entry", "Statements");
		}
	}

	private static String text(PDDocument pdf) throws IOException {
		return text(pdf, 1, pdf.getNumberOfPages());
	}

	/** The text of pages {@code from} to {@code to}, whitespace collapsed to single spaces. */
	private static String text(PDDocument pdf, int from, int to) throws IOException {
		var stripper = new PDFTextStripper();
		stripper.setStartPage(from);
		stripper.setEndPage(to);
		return normalised(stripper.getText(pdf));
	}

	private static String normalised(String text) {
		return text.replaceAll("\\s+", " ").strip();
	}
}
