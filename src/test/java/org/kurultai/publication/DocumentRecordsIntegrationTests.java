package org.kurultai.publication;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kurultai.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CICA's documents named in the seeds are records with dates, bodies and sources; the 2006 Almaty
 * Declaration is held with its full text, and as an adopted text it exports as Akoma Ntoso and PDF.
 */
@IntegrationTest
class DocumentRecordsIntegrationTests {

	@LocalServerPort int port;

	private final HttpClient http = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void thePublicSeesTheForumsDocumentsWithDatesBodiesAndSources() throws Exception {
		var documents = json("/api/documents");
		assertThat(documents.size()).isGreaterThanOrEqualTo(25);
		for (var document : documents) {
			if (document.get("id").asString().startsWith("CICA-")) {
				continue; // recorded by other tests in this run
			}
			assertThat(document.get("status").asString()).isEqualTo("ADOPTED");
			assertThat(document.get("symbol").asString()).startsWith("CICA/");
			assertThat(document.get("date").asString()).isNotBlank();
			assertThat(json("/api/documents/" + document.get("id").asString()).get("sources")).isNotEmpty();
		}
		var declaration1999 = json("/api/documents/DECLARATION-1999");
		assertThat(declaration1999.at("/document/body").asString()).isEqualTo("CMFA");
		assertThat(declaration1999.at("/document/date").asString()).isEqualTo("1999-09-14");
		assertThat(declaration1999.get("meeting").asString()).isEqualTo("CMFA-1");
		assertThat(declaration1999.get("note").asString()).contains("imperative");
		assertThat(json("/api/documents/ALMATY-ACT-2002").at("/document/date").asString()).isEqualTo("2002-06-04");
		assertThat(json("/api/documents/ASTANA-STATEMENT-2022").at("/document/body").asString()).isEqualTo("CHSG");
		assertThat(json("/api/documents?type=CATALOGUE")).extracting(node -> node.get("id").asString())
				.contains("CATALOGUE-2004", "CATALOGUE-2021");
	}

	@Test
	void theSecondSummitDeclarationIsHeldWithItsNumberedParagraphs() throws Exception {
		var declaration = json("/api/documents/DECLARATION-2006");
		assertThat(declaration.at("/document/date").asString()).isEqualTo(LocalDate.of(2006, 6, 17).toString());
		assertThat(declaration.at("/document/body").asString()).isEqualTo("CHSG");
		var paragraphs = declaration.at("/current/paragraphs");
		var operative = 0;
		for (var paragraph : paragraphs) {
			assertThat(paragraph.get("status").asString()).isEqualTo("AGREED");
			if (!paragraph.get("label").asString().startsWith("PP")) {
				operative++;
				assertThat(paragraph.get("label").asString()).isEqualTo(String.valueOf(operative));
			}
		}
		assertThat(operative).isEqualTo(25);
		assertThat(paragraphs.get(0).at("/text/en").asString()).startsWith("We, the Heads of State or Government");
		var first = text(paragraphs, "1");
		assertThat(first).contains("on the basis of consensus");
		assertThat(text(paragraphs, "20")).contains("on the basis of consensus");
		assertThat(text(paragraphs, "23")).contains("5th October as the CICA Day");
	}

	@Test
	void theAdoptedDeclarationExportsAsAkomaNtosoAndPdf() throws Exception {
		var akn = http.send(get("/api/documents/DECLARATION-2006/akn"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(akn.statusCode()).isEqualTo(200);
		assertThat(akn.headers().firstValue("Content-Type").orElse("")).startsWith("application/akn+xml");
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(akn.body()));
		assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo(AkomaNtoso.NAMESPACE);
		assertThat(xml.getElementsByTagNameNS(AkomaNtoso.NAMESPACE, "paragraph").getLength()).isEqualTo(25);
		var date = (org.w3c.dom.Element) xml.getElementsByTagNameNS(AkomaNtoso.NAMESPACE, "FRBRdate").item(0);
		assertThat(date.getAttribute("date")).isEqualTo("2006-06-17");

		var pdf = http.send(get("/api/documents/DECLARATION-2006/pdf"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (var document = Loader.loadPDF(pdf.body())) {
			var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("We decide to hold the 3rd CICA Summit in 2010.");
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
		}
	}

	@Test
	void aDocumentWithoutTextOrNotAdoptedDoesNotExport() throws Exception {
		var noText = http.send(get("/api/documents/DECLARATION-1999/akn"), HttpResponse.BodyHandlers.ofString());
		assertThat(noText.statusCode()).isEqualTo(409);
		assertThat(noText.body()).contains("no-text-held");
		assertThat(http.send(get("/api/documents/NO-SUCH-THING/pdf"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
		assertThat(http.send(get("/api/documents/DECLARATION-2006/pdf?language=ru"), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(400);
	}

	@Test
	void theDocumentPagesShowTheRecordsAndTheText() throws Exception {
		var list = http.send(get("/documents"), HttpResponse.BodyHandlers.ofString());
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Almaty Act").contains("DECLARATION-2006");
		var page = http.send(get("/documents/DECLARATION-2006"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("We decide to mark 5th October").contains("export-akn").contains("(original)");
		var record = http.send(get("/documents/DECLARATION-1999"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(record).contains("not its text").contains("imperative");
	}

	private JsonNode json(String path) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
	}

	private static String text(JsonNode paragraphs, String label) {
		for (var paragraph : paragraphs) {
			if (paragraph.get("label").asString().equals(label)) {
				return paragraph.at("/text/en").asString();
			}
		}
		throw new AssertionError("no paragraph " + label);
	}
}
