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
import java.util.List;

import org.kurultai.Delegations;
import org.kurultai.IntegrationTest;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.ApiTokens;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.annotation.Autowired;
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
	@Autowired Accounts accounts;
	@Autowired ApiTokens tokens;
	@Autowired ForumClock clock;

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
		// the Declaration is held in English only: Russian is a language of the forum, but not of this text
		var russian = http.send(get("/api/documents/DECLARATION-2006/pdf?language=ru"), HttpResponse.BodyHandlers.ofString());
		assertThat(russian.statusCode()).isEqualTo(404);
		assertThat(russian.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(russian.body()).get("type").asString()).isEqualTo("https://kurultai.org/problems/language-not-held");
		assertThat(JSON.readTree(russian.body()).get("detail").asString()).contains("CICA/", "'ru'");
		assertThat(http.send(get("/api/documents/DECLARATION-2006/akn?language=ru"), HttpResponse.BodyHandlers.ofString()).statusCode())
				.isEqualTo(404);
		// a language the forum does not use, or no language at all, is a bad request
		for (var language : List.of("fr", "xx", "e%20n", "english")) {
			var bad = http.send(get("/api/documents/DECLARATION-2006/pdf?language=" + language), HttpResponse.BodyHandlers.ofString());
			assertThat(bad.statusCode()).as(language).isEqualTo(400);
			assertThat(JSON.readTree(bad.body()).get("parameter").asString()).isEqualTo("language");
		}
		// the page offers the exports in the languages the text is held in, and no other
		var page = http.send(get("/documents/DECLARATION-2006"), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("id=\"export-pdf-en\"", "id=\"export-akn-en\"").doesNotContain("export-pdf-ru", "export-akn-ru");
	}

	/**
	 * A text negotiated in English and Russian and adopted at a meeting exports in Russian as Russian:
	 * the PDF (set in the bundled Liberation Sans) yields the Cyrillic text and the export's own words
	 * in Russian, the Akoma Ntoso expression is "rus"; a text adopted in English only is refused in
	 * Russian with 404 language-not-held, never given in English under a Russian name.
	 */
	@Test
	void anAdoptedTextExportsInEachLanguageItIsHeldInAndOnlyThose() throws Exception {
		var api = new Delegations(port, accounts, tokens);
		var secretariat = api.secretariat("exports-ru");
		var chair = api.coordinator("exports-ru", "AZE");
		var today = clock.today();
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Session on languages", "from": "%s", "until": "%s", "place": "Astana"}""".formatted(today, today));
		assertThat(meeting.status()).as(meeting.toString()).isEqualTo(201);
		var bilingual = adopt(api, secretariat, chair, meeting.json().get("id").asString(), """
				{"type": "STATEMENT", "title": "Statement on working languages", "body": "SOC", "access": "PUBLIC", "languages": ["en", "ru"],
				 "originalLanguage": "en", "paragraphs": [
				  {"label": "PP1", "status": "AGREED", "text": {"en": "Recalling the Almaty Act,", "ru": "ссылаясь на Алматинский акт,"}},
				  {"label": "1", "status": "AGREED", "text": {"en": "We work in English and Russian.",
				   "ru": "Мы работаем на английском и русском языках."}}]}""");
		var englishOnly = adopt(api, secretariat, chair, meeting.json().get("id").asString(), """
				{"type": "STATEMENT", "title": "Statement in English only", "body": "SOC", "access": "PUBLIC", "languages": ["en", "ru"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We work in English for now."}}]}""");

		var pdf = http.send(get("/api/documents/" + bilingual + "/pdf?language=ru"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("-ru.pdf");
		try (var document = Loader.loadPDF(pdf.body())) {
			var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("ссылаясь на Алматинский акт,", "1. Мы работаем на английском и русском языках.", "Принято:",
					"Порядок принятия решения: консенсус").doesNotContain("We work in English", "Recalling", "?");
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ru");
		}
		var english = http.send(get("/api/documents/" + bilingual + "/pdf?language=en"), HttpResponse.BodyHandlers.ofByteArray());
		try (var document = Loader.loadPDF(english.body())) {
			assertThat(new PDFTextStripper().getText(document)).contains("We work in English and Russian.").doesNotContain("Мы работаем");
		}

		var akn = http.send(get("/api/documents/" + bilingual + "/akn?language=ru"), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(akn.statusCode()).isEqualTo(200);
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		var xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(akn.body()));
		var language = (org.w3c.dom.Element) xml.getElementsByTagNameNS(AkomaNtoso.NAMESPACE, "FRBRlanguage").item(0);
		assertThat(language.getAttribute("language")).isEqualTo("rus");
		assertThat(xml.getElementsByTagNameNS(AkomaNtoso.NAMESPACE, "preamble").item(0).getTextContent()).contains("ссылаясь на Алматинский акт,");
		assertThat(xml.getElementsByTagNameNS(AkomaNtoso.NAMESPACE, "mainBody").item(0).getTextContent())
				.contains("Мы работаем на английском и русском языках.").doesNotContain("We work");

		for (var format : List.of("pdf", "akn")) {
			var refused = http.send(get("/api/documents/" + englishOnly + "/" + format + "?language=ru"), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(format).isEqualTo(404);
			assertThat(JSON.readTree(refused.body()).get("type").asString()).endsWith("/language-not-held");
			assertThat(http.send(get("/api/documents/" + englishOnly + "/" + format + "?language=en"), HttpResponse.BodyHandlers.ofString())
					.statusCode()).isEqualTo(200);
		}

		var page = http.send(get("/documents/" + bilingual), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).contains("export-pdf-en", "export-pdf-ru", "export-akn-ru", "language=ru");
		var englishPage = http.send(get("/documents/" + englishOnly), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(englishPage).contains("export-pdf-en").doesNotContain("export-pdf-ru");
	}

	/**
	 * A decision page names States, never codes, in the page's language: the outcome of an objection
	 * by Kazakhstan at a meeting reads "Objection by Kazakhstan." in English and "Возражение:
	 * Казахстан." in Russian, the rule and status in the language too.
	 */
	@Test
	void theDecisionPageNamesTheStatesInThePagesLanguage() throws Exception {
		var api = new Delegations(port, accounts, tokens);
		var secretariat = api.secretariat("decision-ru");
		var chair = api.coordinator("decision-ru", "AZE");
		var kazakhstan = api.coordinator("decision-ru", "KAZ");
		var today = clock.today();
		var meeting = api.post("/api/meetings", secretariat, """
				{"body": "SOC", "title": "Session on names", "from": "%s", "until": "%s", "place": "Astana"}""".formatted(today, today));
		var tabled = api.post("/api/documents", secretariat, """
				{"type": "STATEMENT", "title": "Statement on names", "body": "SOC", "access": "PUBLIC", "languages": ["en", "ru"],
				 "paragraphs": [{"label": "1", "status": "AGREED", "text": {"en": "We use names.", "ru": "Мы называем имена."}}]}""");
		var proposed = api.post("/api/decisions", chair, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ"]}"""
				.formatted(tabled.json().get("id").asString(), meeting.json().get("id").asString()));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		var id = proposed.json().get("id").asLong();
		var objection = api.post("/api/decisions/" + id + "/objections", kazakhstan, """
				{"reasons": "Paragraph 1 needs consultation with our capital."}""");
		assertThat(objection.status()).as(objection.toString()).isBetween(200, 201);
		var closed = api.post("/api/decisions/" + id + "/close", chair, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("NOT_ADOPTED");

		var russian = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/decisions/" + id))
				.header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(russian).contains("lang=\"ru\"", "Возражение: Казахстан.", "Присутствовали: Азербайджан, Казахстан.", "не принято",
				"консенсус (вопрос существа)").doesNotContain("Objection by", "KAZ.", "Present:");
		var english = http.send(get("/decisions/" + id), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(english).contains("Objection by Kazakhstan.", "Present: Azerbaijan, Kazakhstan.", "not adopted")
				.doesNotContain("Objection by KAZ");
	}

	/** Tables the draft, puts it for decision at the meeting in session today and closes it: adopted. Returns its id. */
	private static String adopt(Delegations api, Delegations.Actor secretariat, Delegations.Actor chair, String meeting, String draft) {
		var tabled = api.post("/api/documents", secretariat, draft);
		assertThat(tabled.status()).as(tabled.toString()).isEqualTo(201);
		var id = tabled.json().get("id").asString();
		var decision = api.post("/api/decisions", chair, """
				{"body": "SOC", "document": "%s", "version": 0, "procedure": "MEETING", "meeting": "%s", "present": ["AZE", "KAZ"]}"""
				.formatted(id, meeting));
		assertThat(decision.status()).as(decision.toString()).isEqualTo(201);
		var closed = api.post("/api/decisions/" + decision.json().get("id").asLong() + "/close", chair, null);
		assertThat(closed.json().get("status").asString()).as(closed.toString()).isEqualTo("ADOPTED");
		return id;
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
