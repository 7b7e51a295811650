package org.kurultai.publication;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.kurultai.drafting.DocumentStatus;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.DocumentVersion;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.publication.PublishedText.Statement;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An adopted text as Akoma Ntoso 3.0 XML. */
class AkomaNtosoTests {

	static final String TITLE = "Declaration on Dialogue and Confidence-Building";
	static final String SYMBOL = "CICA/MC/DECL/2026/1";
	static final LocalDate ADOPTED = LocalDate.of(2026, 6, 17);

	static final Paragraph PP1 = Paragraph.agreed("PP1", Map.of("en", "Recalling the Almaty Act of 4 June 2002,", "ru",
			"ссылаясь на Алматинский акт от 4 июня 2002 года,"));
	static final Paragraph PP2 = Paragraph.agreed("PP2", Map.of("en",
			"Reaffirming our commitment to the purposes and principles of the Charter of the United Nations,", "ru",
			"вновь подтверждая нашу приверженность целям и принципам Устава Организации Объединённых Наций,"));
	static final Paragraph P3 = Paragraph.agreed("3", Map.of("en",
			"We agree to strengthen confidence-building measures among the Member States in all their dimensions.", "ru",
			"Мы договорились укреплять меры доверия между государствами-членами во всех их измерениях."));
	static final Paragraph P4 = Paragraph.agreed("4", Map.of("en",
			"We shall not support any separatist movement on the territory of another Member State.", "ru",
			"Мы не будем поддерживать никакие сепаратистские движения на территории другого государства-члена."));
	static final Paragraph P4BIS = Paragraph.agreed("4bis", Map.of("en",
			"We welcome the contribution of observers to the work of the Conference.", "ru",
			"Мы приветствуем вклад наблюдателей в работу Совещания."));

	static final Statement RESERVATION = new Statement("IND", "India", "Reservation", "4",
			"India does not accept paragraph 4 for itself in so far as it concerns matters of internal jurisdiction.",
			LocalDate.of(2026, 6, 17));
	static final Statement EXPLANATION = new Statement("TUR", "Türkiye", "Explanation of position", null,
			"Türkiye joins the consensus and recalls its position on the question of observers.", LocalDate.of(2026, 6, 18));

	/** The Declaration as adopted, shown in {@code language}. */
	static PublishedText published(String language) {
		return published(language, TITLE, List.of(PP1, PP2, P3, P4, P4BIS), List.of(RESERVATION, EXPLANATION));
	}

	static PublishedText published(String language, String title, List<Paragraph> paragraphs, List<Statement> statements) {
		var created = Instant.parse("2026-05-01T09:00:00Z");
		var document = new NegotiatedDocument("doc-1", SYMBOL, DocumentType.DECLARATION, title, "MC", "mc-2026", "en",
				List.of("en", "ru"), Access.PUBLIC, DocumentStatus.ADOPTED, ADOPTED, DatePrecision.DAY, "KAZ", Sources.none(), null,
				2, created);
		var version = new DocumentVersion("doc-1", 2, paragraphs, 1, List.of(), created, "chair");
		return new PublishedText(document, version, language, "CICA", "Meeting of Ministers of Foreign Affairs", ADOPTED, "Almaty",
				"MC/2026/D/7", "consensus", statements);
	}

	static final PublishedText.Labels RUSSIAN = new PublishedText.Labels(java.util.Locale.forLanguageTag("ru"), "Принято:",
			"Запись в реестре", "Порядок принятия решения", "Заявления", "по тексту в целом", "по пункту", "представлено", "стр.",
			"не позднее");

	/** The Declaration as adopted, in Russian, with the export's words in Russian and Russian names. */
	static PublishedText publishedInRussian() {
		var english = published("ru");
		return new PublishedText(english.document(), english.version(), "ru", "СВМДА", english.bodyName(), english.adoptedOn(),
				english.place(), english.registerSymbol(), "консенсус",
				List.of(new Statement("IND", "Индия", "Оговорка", "4", "Индия не принимает пункт 4 в отношении себя.", ADOPTED)), RUSSIAN);
	}

	@Test
	void theRootIsAnAkomaNtosoDocInTheNamespace() throws Exception {
		var xml = parse(AkomaNtoso.render(published("en")));

		var root = xml.getDocumentElement();
		assertThat(root.getLocalName()).isEqualTo("akomaNtoso");
		assertThat(root.getNamespaceURI()).isEqualTo(AkomaNtoso.NAMESPACE);
		assertThat(string(xml, "/akn:akomaNtoso/akn:doc/@name")).isEqualTo("declaration");
		assertThat(nodes(xml, "/akn:akomaNtoso/akn:doc/*")).extracting(Node::getLocalName)
				.containsExactly("meta", "preface", "preamble", "mainBody", "conclusions");
	}

	@Test
	void theXmlDeclaresUtf8() {
		var bytes = AkomaNtoso.render(published("ru"));

		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
				.contains("ссылаясь на Алматинский акт");
	}

	@Test
	void operativeParagraphsAreNumberedAndPreambularOnesAreNot() throws Exception {
		var xml = parse(AkomaNtoso.render(published("en")));

		assertThat(number(xml, "count(//akn:mainBody/akn:paragraph)")).isEqualTo(3);
		assertThat(nodes(xml, "//akn:mainBody/akn:paragraph/akn:num")).extracting(Node::getTextContent)
				.containsExactly("3.", "4.", "4bis.");
		assertThat(nodes(xml, "//akn:mainBody/akn:paragraph/@eId")).extracting(Node::getNodeValue)
				.containsExactly("para_3", "para_4", "para_4bis");
		assertThat(string(xml, "//akn:paragraph[@eId='para_4bis']/akn:content/akn:p")).isEqualTo(P4BIS.text("en"));
		assertThat(nodes(xml, "//akn:preamble/akn:p")).extracting(Node::getTextContent).containsExactly(PP1.text("en"),
				PP2.text("en"));
		assertThat(nodes(xml, "//akn:preamble/akn:p/@eId")).extracting(Node::getNodeValue).containsExactly("pp_1", "pp_2");
		assertThat(number(xml, "count(//akn:preamble//akn:num)")).isZero();
	}

	@Test
	void theIdentificationNamesWorkExpressionAndManifestation() throws Exception {
		var xml = parse(AkomaNtoso.render(published("en")));

		var work = "/akn/int/doc/declaration/2026-06-17/cica-mc-decl-2026-1";
		assertThat(string(xml, "//akn:identification/@source")).isEqualTo("#kurultai");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRthis/@value")).isEqualTo(work + "/!main");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRuri/@value")).isEqualTo(work);
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRdate/@date")).isEqualTo("2026-06-17");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRdate/@name")).isEqualTo("adoption");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRauthor/@href")).isEqualTo("#mc");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRcountry/@value")).isEqualTo("int");
		assertThat(string(xml, "//akn:FRBRWork/akn:FRBRname/@value")).isEqualTo(TITLE);
		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRuri/@value")).isEqualTo(work + "/eng@2026-06-17");
		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRversionNumber/@value")).isEqualTo("Rev.2");
		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRlanguage/@language")).isEqualTo("eng");
		assertThat(string(xml, "//akn:FRBRManifestation/akn:FRBRuri/@value")).isEqualTo(work + "/eng@2026-06-17.akn");
		assertThat(string(xml, "//akn:publication/@date")).isEqualTo("2026-06-17");
		assertThat(string(xml, "//akn:publication/@name")).isEqualTo("CICA");
		assertThat(nodes(xml, "//akn:references/akn:TLCOrganization/@eId")).extracting(Node::getNodeValue)
				.containsExactly("kurultai", "mc", "ind", "tur");
		assertThat(string(xml, "//akn:TLCOrganization[@eId='mc']/@showAs")).isEqualTo("Meeting of Ministers of Foreign Affairs");
		assertThat(string(xml, "//akn:TLCOrganization[@eId='tur']/@href")).isEqualTo("/ontology/organization/tur");
	}

	@Test
	void thePrefaceGivesSymbolTitlePlaceAndDate() throws Exception {
		var xml = parse(AkomaNtoso.render(published("en")));

		assertThat(string(xml, "//akn:preface//akn:docNumber")).isEqualTo(SYMBOL);
		assertThat(string(xml, "//akn:preface//akn:docTitle")).isEqualTo(TITLE);
		assertThat(string(xml, "//akn:preface//akn:docDate/@date")).isEqualTo("2026-06-17");
		assertThat(string(xml, "//akn:preface/akn:p[@class='place-date']"))
				.isEqualTo("Adopted by Meeting of Ministers of Foreign Affairs, Almaty, 17 June 2026");
		assertThat(string(xml, "//akn:preface//akn:organization/@refersTo")).isEqualTo("#mc");
	}

	@Test
	void theRussianExpressionIsInRussian() throws Exception {
		var xml = parse(AkomaNtoso.render(published("ru")));

		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRlanguage/@language")).isEqualTo("rus");
		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRthis/@value")).endsWith("/rus@2026-06-17/!main");
		assertThat(string(xml, "//akn:paragraph[@eId='para_4']/akn:content/akn:p")).isEqualTo(P4.text("ru"));
		assertThat(string(xml, "//akn:preamble/akn:p[@eId='pp_1']")).isEqualTo(PP1.text("ru"));
	}

	@Test
	void aLanguageWithoutTheTextIsRefusedNeverFilledWithAnother() {
		assertThatThrownBy(() -> published("fr")).isInstanceOf(PublishedText.LanguageNotHeld.class)
				.satisfies(refused -> assertThat(((PublishedText.LanguageNotHeld) refused).paragraphs())
						.containsExactly("PP1", "PP2", "3", "4", "4bis"));
		var halfTranslated = Paragraph.agreed("5", Map.of("en", "We meet again in 2028."));
		assertThatThrownBy(() -> published("ru", TITLE, List.of(PP1, halfTranslated), List.of()))
				.isInstanceOf(PublishedText.LanguageNotHeld.class)
				.satisfies(refused -> assertThat(((PublishedText.LanguageNotHeld) refused).paragraphs()).containsExactly("5"));
	}

	@Test
	void theRussianExportWritesItsOwnWordsInRussian() throws Exception {
		var xml = parse(AkomaNtoso.render(publishedInRussian()));

		assertThat(string(xml, "//akn:FRBRExpression/akn:FRBRlanguage/@language")).isEqualTo("rus");
		assertThat(string(xml, "//akn:preface/akn:p[@class='place-date']"))
				.isEqualTo("Принято: Meeting of Ministers of Foreign Affairs, Almaty, 17 июня 2026");
		assertThat(string(xml, "//akn:conclusions/akn:p[@class='decision-rule']")).isEqualTo("Порядок принятия решения: консенсус");
		assertThat(string(xml, "//akn:p[@eId='statement_1']")).startsWith("Индия — Оговорка по пункту 4, представлено 17 июня 2026: ");
		assertThat(string(xml, "//akn:publication/@name")).isEqualTo("СВМДА");
	}

	@Test
	void languagesAreNamedByTheirBibliographicCodes() {
		assertThat(AkomaNtoso.languageCode("en")).isEqualTo("eng");
		assertThat(AkomaNtoso.languageCode("ru")).isEqualTo("rus");
		assertThat(AkomaNtoso.languageCode("zh")).isEqualTo("chi");
		assertThat(AkomaNtoso.languageCode("ar")).isEqualTo("ara");
		assertThat(AkomaNtoso.languageCode("fr")).isEqualTo("fre");
		assertThat(AkomaNtoso.languageCode("kk")).isEqualTo("kaz");
		assertThat(AkomaNtoso.languageCode("en-GB")).isEqualTo("eng");
		assertThat(AkomaNtoso.languageCode("xx")).isEqualTo("xx");
	}

	@Test
	void statementsFollowInTheConclusionsWithRefsToTheirParagraphs() throws Exception {
		var xml = parse(AkomaNtoso.render(published("en")));

		assertThat(string(xml, "//akn:conclusions/akn:p[@class='register']")).isEqualTo("Register entry: MC/2026/D/7");
		assertThat(string(xml, "//akn:conclusions/akn:p[@class='decision-rule']")).isEqualTo("Decision rule: consensus");
		var statements = nodes(xml, "//akn:conclusions/akn:blockContainer[@eId='statements']/akn:p");
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).getTextContent())
				.isEqualTo("India — Reservation on paragraph 4, filed 17 June 2026: " + RESERVATION.text());
		assertThat(statements.get(1).getTextContent())
				.isEqualTo("Türkiye — Explanation of position on the text as a whole, filed 18 June 2026: " + EXPLANATION.text());
		assertThat(nodes(xml, "//akn:blockContainer[@eId='statements']/akn:p/@eId")).extracting(Node::getNodeValue)
				.containsExactly("statement_1", "statement_2");
		assertThat(string(xml, "//akn:p[@eId='statement_1']/akn:ref/@href")).isEqualTo("#para_4");
		assertThat(number(xml, "count(//akn:p[@eId='statement_2']/akn:ref)")).isZero();
		assertThat(string(xml, "//akn:p[@eId='statement_2']/akn:organization/@refersTo")).isEqualTo("#tur");

		var ids = ids(xml);
		for (var href : nodes(xml, "//akn:ref/@href | //akn:FRBRauthor/@href | //@refersTo | //@source")) {
			assertThat(href.getNodeValue()).startsWith("#");
			assertThat(ids).contains(href.getNodeValue().substring(1));
		}
	}

	@Test
	void aStatementOnAPreambularParagraphRefersToIt() throws Exception {
		var onPreamble = new Statement("IND", "India", "Interpretive statement", "pp2", "India reads PP2 as it stands.", ADOPTED);
		var onNothing = new Statement("IND", "India", "Reservation", "99", "A paragraph that is not there.", ADOPTED);
		var xml = parse(AkomaNtoso.render(published("en", TITLE, List.of(PP1, PP2, P3), List.of(onPreamble, onNothing))));

		assertThat(string(xml, "//akn:p[@eId='statement_1']/akn:ref/@href")).isEqualTo("#pp_2");
		assertThat(string(xml, "//akn:p[@eId='statement_1']/akn:ref")).isEqualTo("PP2");
		assertThat(number(xml, "count(//akn:p[@eId='statement_2']/akn:ref)")).isZero();
		assertThat(string(xml, "//akn:p[@eId='statement_2']")).contains("on paragraph 99");
		assertThat(nodes(xml, "//akn:references/akn:TLCOrganization/@eId")).extracting(Node::getNodeValue)
				.containsExactly("kurultai", "mc", "ind");
	}

	@Test
	void eIdsAreUniqueAndPlain() throws Exception {
		for (var language : List.of("en", "ru")) {
			var xml = parse(AkomaNtoso.render(published(language)));

			var ids = new ArrayList<String>();
			for (var node : nodes(xml, "//@eId")) {
				ids.add(node.getNodeValue());
			}
			assertThat(ids).hasSizeGreaterThan(10).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9_]+"));
		}
	}

	@Test
	void clashingIdsAreMadeUnique() throws Exception {
		var odd = Paragraph.agreed("4.1", Map.of("en", "Four point one."));
		var odder = Paragraph.agreed("4-1", Map.of("en", "Four dash one."));
		var kurultai = new Statement("KURULTAI", "A State called Kurultai", "Reservation", "4-1", "On 4-1.", ADOPTED);
		var xml = parse(AkomaNtoso.render(published("en", TITLE, List.of(odd, odder), List.of(kurultai))));

		var ids = new ArrayList<String>();
		for (var node : nodes(xml, "//@eId")) {
			ids.add(node.getNodeValue());
		}
		assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9_]+")).contains("para_4_1", "para_4_1_2",
				"kurultai", "kurultai_2");
		assertThat(string(xml, "//akn:p[@eId='statement_1']/akn:ref/@href")).isEqualTo("#para_4_1_2");
		assertThat(string(xml, "//akn:p[@eId='statement_1']/akn:organization/@refersTo")).isEqualTo("#kurultai_2");
		assertThat(number(xml, "count(//akn:preamble)")).isZero();
	}

	@Test
	void markupCharactersRoundTrip() throws Exception {
		var title = "Declaration on \"Trust\" & <Dialogue> > 'Confrontation'";
		var wording = "If a < b && c > d, the \"principle\" of 'balance' applies; <b>not bold</b> &amp; not an entity.";
		var paragraph = Paragraph.agreed("1", Map.of("en", wording));
		var statement = new Statement("R&D", "Research <&> \"Development\"", "Reservation <x>", "1", "Text with <tags> & \"quotes\".",
				ADOPTED);
		var xml = parse(AkomaNtoso.render(published("en", title, List.of(paragraph), List.of(statement))));

		assertThat(string(xml, "//akn:docTitle")).isEqualTo(title);
		assertThat(string(xml, "//akn:FRBRname/@value")).isEqualTo(title);
		assertThat(string(xml, "//akn:paragraph/akn:content/akn:p")).isEqualTo(wording);
		assertThat(number(xml, "count(//akn:paragraph/akn:content/akn:p/*)")).isZero();
		assertThat(string(xml, "//akn:p[@eId='statement_1']")).contains("Research <&> \"Development\" — Reservation <x> on paragraph 1")
				.endsWith(": Text with <tags> & \"quotes\".");
		assertThat(string(xml, "//akn:TLCOrganization[@showAs='Research <&> \"Development\"']/@eId")).isEqualTo("r_d");
	}

	@Test
	void charactersXmlCannotHoldAreReplaced() throws Exception {
		var paragraph = Paragraph.agreed("1", Map.of("en", "Bell\u0007 and \uD800 lone surrogate, tab\tand\r\nnew line."));
		var xml = parse(AkomaNtoso.render(published("en", "Title\u0000", List.of(paragraph), List.of())));

		assertThat(string(xml, "//akn:paragraph/akn:content/akn:p")).isEqualTo("Bell\uFFFD and \uFFFD lone surrogate, tab\tand\nnew line.");
		assertThat(string(xml, "//akn:docTitle")).isEqualTo("Title\uFFFD");
		assertThat(number(xml, "count(//akn:blockContainer)")).isZero();
	}

	// XML helpers

	static Document parse(byte[] bytes) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
	}

	private static XPath xpath() {
		var xpath = XPathFactory.newInstance().newXPath();
		xpath.setNamespaceContext(new NamespaceContext() {

			@Override
			public String getNamespaceURI(String prefix) {
				return "akn".equals(prefix) ? AkomaNtoso.NAMESPACE : XMLConstants.NULL_NS_URI;
			}

			@Override
			public String getPrefix(String namespaceURI) {
				return AkomaNtoso.NAMESPACE.equals(namespaceURI) ? "akn" : null;
			}

			@Override
			public Iterator<String> getPrefixes(String namespaceURI) {
				return AkomaNtoso.NAMESPACE.equals(namespaceURI) ? List.of("akn").iterator() : List.<String>of().iterator();
			}
		});
		return xpath;
	}

	static String string(Document xml, String expression) throws Exception {
		return (String) xpath().evaluate(expression, xml, XPathConstants.STRING);
	}

	static double number(Document xml, String expression) throws Exception {
		return (Double) xpath().evaluate(expression, xml, XPathConstants.NUMBER);
	}

	static List<Node> nodes(Document xml, String expression) throws Exception {
		var list = (NodeList) xpath().evaluate(expression, xml, XPathConstants.NODESET);
		var nodes = new ArrayList<Node>();
		for (int i = 0; i < list.getLength(); i++) {
			nodes.add(list.item(i));
		}
		return nodes;
	}

	private static Set<String> ids(Document xml) throws Exception {
		var ids = new HashSet<String>();
		for (var node : nodes(xml, "//@eId")) {
			ids.add(node.getNodeValue());
		}
		return ids;
	}
}
