package org.kurultai.publication;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.DocumentType;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.drafting.Paragraph;
import org.kurultai.shared.DatePrecision;

/**
 * An adopted text as Akoma Ntoso 3.0 XML (OASIS LegalDocML): a {@code doc} named after the
 * document's type, with its FRBR identification (Work, the Expression in the language shown, and
 * this Manifestation), a preface giving symbol, title, place and date, the preambular paragraphs in
 * the preamble, the operative paragraphs as numbered {@code paragraph}s of the main body, and in the
 * conclusions the register entry of the decision and the statements filed with it, each linked to
 * the paragraph it concerns.
 *
 * <p>Every element id ({@code eId}) is unique in the document and made of {@code [a-z0-9_]}:
 * {@code pp_1} for preambular paragraph PP1, {@code para_4bis} for paragraph 4bis,
 * {@code statement_1} for the first statement, and the lower-cased code of each organization in the
 * references.
 */
public final class AkomaNtoso {

	/** The Akoma Ntoso 3.0 namespace. */
	public static final String NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

	/** The media type of an Akoma Ntoso manifestation. */
	public static final String MEDIA_TYPE = "application/akn+xml";

	/** ISO 639-1 codes whose ISO 639-2 bibliographic code differs from the terminology code Java knows. */
	private static final Map<String, String> BIBLIOGRAPHIC = Map.ofEntries(Map.entry("sq", "alb"), Map.entry("hy", "arm"),
			Map.entry("eu", "baq"), Map.entry("bo", "tib"), Map.entry("my", "bur"), Map.entry("cs", "cze"), Map.entry("zh", "chi"),
			Map.entry("cy", "wel"), Map.entry("de", "ger"), Map.entry("nl", "dut"), Map.entry("el", "gre"), Map.entry("fa", "per"),
			Map.entry("fr", "fre"), Map.entry("ka", "geo"), Map.entry("is", "ice"), Map.entry("mk", "mac"), Map.entry("mi", "mao"),
			Map.entry("ms", "may"), Map.entry("ro", "rum"), Map.entry("sk", "slo"));

	private AkomaNtoso() {
	}

	/** The text as UTF-8 Akoma Ntoso XML. */
	public static byte[] render(PublishedText text) {
		var out = new ByteArrayOutputStream();
		try {
			// The JDK's own writer, whatever StAX implementation the class path brings
			var xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
			new Writer(xml, text).write();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write " + text.document().symbol() + " as Akoma Ntoso", ex);
		}
		return out.toByteArray();
	}

	/**
	 * The ISO 639-2/B code Akoma Ntoso names a language by ("en" is "eng", "zh" is "chi", "fr" is
	 * "fre"); a code that is not ISO 639-1 is returned as given.
	 */
	public static String languageCode(String language) {
		var primary = language.strip().toLowerCase(Locale.ROOT);
		int subtag = primary.indexOf('-');
		if (subtag > 0) {
			primary = primary.substring(0, subtag);
		}
		if (primary.length() != 2) {
			return primary;
		}
		var bibliographic = BIBLIOGRAPHIC.get(primary);
		if (bibliographic != null) {
			return bibliographic;
		}
		try {
			var iso3 = new Locale(primary).getISO3Language();
			return iso3.isEmpty() ? primary : iso3;
		}
		catch (MissingResourceException ex) {
			return primary;
		}
	}

	/** The name of the {@code doc} element and the type in the document's IRI: "declaration", "concept-paper". */
	static String typeName(DocumentType type) {
		return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The symbol as it appears in the document's IRI: "CICA/MC/DECL/2006/1" is "cica-mc-decl-2006-1". */
	static String slug(String symbol) {
		var slug = symbol.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "document" : slug;
	}

	/** The paragraph's wording in the language shown: a text not held in that language is never exported in another. */
	static String wording(PublishedText text, Paragraph paragraph) {
		return text.wording(paragraph);
	}

	/** The date as the document states it, in the export's language: "17 June 2006" (or only the month or year when that is all that is known). */
	static String dateLabel(PublishedText text, LocalDate date) {
		return text.labels().date(date, text.document().adoptedPrecision());
	}

	/** Drops what XML 1.0 cannot hold (control characters, lone surrogates) and normalises line ends. */
	static String xmlText(String text) {
		return org.kurultai.shared.XmlText.legal(text.replace("\r\n", "\n").replace('\r', '\n'));
	}

	/** An id of {@code [a-z0-9_]}: "4bis" stays, "KAZ" is "kaz", "4.1" is "4_1". */
	static String idPart(String value) {
		var id = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
		return id.isEmpty() ? "x" : id;
	}

	/** Writes one document; holds the ids given out so far. */
	private static final class Writer {

		private final XMLStreamWriter xml;
		private final PublishedText text;
		private final NegotiatedDocument document;
		private final String date;
		private final Set<String> ids = new HashSet<>();
		private final String kurultai;
		private final Map<String, String> paragraphIds = new HashMap<>();
		private final String statementsId;
		private final List<String> statementIds;
		private final String body;
		/** Participant code → its TLCOrganization eId; its name. */
		private final Map<String, String> participantIds = new LinkedHashMap<>();
		private final Map<String, String> participantNames = new HashMap<>();
		private int depth;

		Writer(XMLStreamWriter xml, PublishedText text) {
			this.xml = xml;
			this.text = text;
			this.document = text.document();
			this.date = text.adoptedOn().toString();
			// Paragraph ids first, so that 4bis is para_4bis whatever the organizations are called
			this.kurultai = id("kurultai");
			for (var paragraph : text.version().paragraphs()) {
				paragraphIds.put(paragraph.label(), paragraph.preambular() ? id("pp_" + idPart(paragraph.label().substring(2)))
						: id("para_" + idPart(paragraph.label())));
			}
			this.statementsId = id("statements");
			var allocated = new ArrayList<String>();
			for (int i = 1; i <= text.statements().size(); i++) {
				allocated.add(id("statement_" + i));
			}
			this.statementIds = List.copyOf(allocated);
			this.body = id(document.body());
			for (var statement : text.statements()) {
				if (!participantIds.containsKey(statement.participant())) {
					participantIds.put(statement.participant(), id(statement.participant()));
					participantNames.put(statement.participant(), statement.participantName());
				}
			}
		}

		/** A fresh id: the wanted one made of {@code [a-z0-9_]}, with _2, _3 … added only on a clash. */
		private String id(String wanted) {
			var base = idPart(wanted);
			var id = base;
			for (int n = 2; !ids.add(id); n++) {
				id = base + "_" + n;
			}
			return id;
		}

		void write() throws XMLStreamException {
			xml.writeStartDocument("UTF-8", "1.0");
			indent();
			xml.writeStartElement("akomaNtoso");
			xml.writeDefaultNamespace(NAMESPACE);
			depth++;
			open("doc", "name", typeName(document.type()));
			meta();
			preface();
			var preambular = text.version().paragraphs().stream().filter(Paragraph::preambular).toList();
			var operative = text.version().paragraphs().stream().filter(paragraph -> !paragraph.preambular()).toList();
			if (!preambular.isEmpty()) {
				open("preamble");
				for (var paragraph : preambular) {
					leaf("p", wording(text, paragraph), "eId", paragraphIds.get(paragraph.label()));
				}
				close();
			}
			open("mainBody");
			if (operative.isEmpty()) {
				// mainBody must hold something
				leaf("p", "");
			}
			for (var paragraph : operative) {
				open("paragraph", "eId", paragraphIds.get(paragraph.label()));
				leaf("num", paragraph.label() + ".");
				open("content");
				leaf("p", wording(text, paragraph));
				close();
				close();
			}
			close();
			conclusions();
			close();
			close();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
		}

		private void meta() throws XMLStreamException {
			var work = "/akn/int/doc/" + typeName(document.type()) + "/" + date + "/" + slug(document.symbol());
			var expression = work + "/" + languageCode(text.language()) + "@" + date;
			open("meta");
			open("identification", "source", "#" + kurultai);
			open("FRBRWork");
			empty("FRBRthis", "value", work + "/!main");
			empty("FRBRuri", "value", work);
			empty("FRBRdate", "date", date, "name", "adoption");
			empty("FRBRauthor", "href", "#" + body);
			empty("FRBRcountry", "value", "int");
			empty("FRBRnumber", "value", slug(document.symbol()), "showAs", document.symbol());
			empty("FRBRname", "value", document.title());
			close();
			open("FRBRExpression");
			empty("FRBRthis", "value", expression + "/!main");
			empty("FRBRuri", "value", expression);
			empty("FRBRdate", "date", date, "name", "adoption");
			empty("FRBRauthor", "href", "#" + body);
			empty("FRBRversionNumber", "value", text.version().name());
			empty("FRBRlanguage", "language", languageCode(text.language()));
			close();
			open("FRBRManifestation");
			empty("FRBRthis", "value", expression + "/!main.akn");
			empty("FRBRuri", "value", expression + ".akn");
			empty("FRBRdate", "date", date, "name", "adoption");
			empty("FRBRauthor", "href", "#" + kurultai);
			empty("FRBRformat", "value", MEDIA_TYPE);
			close();
			close();
			empty("publication", "date", date, "name", text.forum(), "showAs", text.forum());
			open("references", "source", "#" + kurultai);
			organization(kurultai, "kurultai", "Kurultai");
			organization(body, document.body(), text.bodyName());
			for (var participant : participantIds.entrySet()) {
				organization(participant.getValue(), participant.getKey(), participantNames.get(participant.getKey()));
			}
			close();
			close();
		}

		private void organization(String eId, String code, @Nullable String name) throws XMLStreamException {
			empty("TLCOrganization", "eId", eId, "href", "/ontology/organization/" + idPart(code), "showAs",
					name == null || name.isBlank() ? code : name);
		}

		private void preface() throws XMLStreamException {
			open("preface");
			openMixed("p", "class", "symbol");
			inline("docNumber", document.symbol());
			endMixed();
			openMixed("p", "class", "title");
			inline("docTitle", document.title());
			endMixed();
			openMixed("p", "class", "place-date");
			characters(text.labels().adoptedBy() + " ");
			inline("organization", text.bodyName(), "refersTo", "#" + body);
			var place = text.place();
			characters(place == null || place.isBlank() ? ", " : ", " + place + ", ");
			inline("docDate", dateLabel(text, text.adoptedOn()), "date", date);
			endMixed();
			close();
		}

		private void conclusions() throws XMLStreamException {
			var registerSymbol = text.registerSymbol();
			var decisionRule = text.decisionRule();
			if (registerSymbol == null && decisionRule == null && text.statements().isEmpty()) {
				return;
			}
			open("conclusions");
			if (registerSymbol != null) {
				leaf("p", text.labels().registerEntry() + ": " + registerSymbol, "class", "register");
			}
			if (decisionRule != null) {
				leaf("p", text.labels().decisionRule() + ": " + decisionRule, "class", "decision-rule");
			}
			if (!text.statements().isEmpty()) {
				open("blockContainer", "eId", statementsId, "class", "statements");
				leaf("heading", text.labels().statements());
				for (int i = 0; i < text.statements().size(); i++) {
					statement(text.statements().get(i), statementIds.get(i));
				}
				close();
			}
			close();
		}

		private void statement(PublishedText.Statement statement, String eId) throws XMLStreamException {
			openMixed("p", "eId", eId, "class", idPart(statement.kind()));
			inline("organization", statement.participantName(), "refersTo", "#" + participantIds.get(statement.participant()));
			characters(" — " + statement.kind());
			var label = statement.paragraph();
			if (label == null) {
				characters(" " + text.labels().onTheWholeText());
			}
			else {
				var paragraph = text.version().paragraph(label);
				characters(" " + text.labels().onParagraph() + " ");
				if (paragraph.isPresent()) {
					inline("ref", paragraph.get().label(), "href", "#" + paragraphIds.get(paragraph.get().label()));
				}
				else {
					characters(label);
				}
			}
			characters(", " + text.labels().filed() + " ");
			inline("date", text.labels().date(statement.filedOn(), DatePrecision.DAY), "date", statement.filedOn().toString());
			characters(": " + statement.text());
			endMixed();
		}

		// Element-only content is indented with tabs; mixed content (a p and what is inline in it) gets no added whitespace.

		private void indent() throws XMLStreamException {
			xml.writeCharacters("\n" + "\t".repeat(depth));
		}

		private void open(String name, @Nullable String... attributes) throws XMLStreamException {
			indent();
			xml.writeStartElement(name);
			attributes(attributes);
			depth++;
		}

		private void close() throws XMLStreamException {
			depth--;
			indent();
			xml.writeEndElement();
		}

		private void empty(String name, @Nullable String... attributes) throws XMLStreamException {
			indent();
			xml.writeEmptyElement(name);
			attributes(attributes);
		}

		private void leaf(String name, String content, @Nullable String... attributes) throws XMLStreamException {
			openMixed(name, attributes);
			characters(content);
			endMixed();
		}

		private void openMixed(String name, @Nullable String... attributes) throws XMLStreamException {
			indent();
			xml.writeStartElement(name);
			attributes(attributes);
		}

		private void endMixed() throws XMLStreamException {
			xml.writeEndElement();
		}

		private void inline(String name, String content, @Nullable String... attributes) throws XMLStreamException {
			xml.writeStartElement(name);
			attributes(attributes);
			characters(content);
			xml.writeEndElement();
		}

		private void characters(String content) throws XMLStreamException {
			xml.writeCharacters(xmlText(content));
		}

		/** Name, value, name, value …; a null value leaves the attribute out. */
		private void attributes(@Nullable String... attributes) throws XMLStreamException {
			for (int i = 0; i + 1 < attributes.length; i += 2) {
				var name = attributes[i];
				var value = attributes[i + 1];
				if (name != null && value != null) {
					// A parser reads tabs and line ends in an attribute as spaces anyway
					xml.writeAttribute(name, xmlText(value).replace('\t', ' ').replace('\n', ' '));
				}
			}
		}
	}
}
