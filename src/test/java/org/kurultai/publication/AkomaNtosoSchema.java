package org.kurultai.publication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The OASIS Akoma Ntoso 3.0 schema ({@code src/test/resources/akomantoso/}, see the README there), compiled once,
 * offline: its one import ({@code xml.xsd}) is the copy beside it, and the factory may open no other address.
 */
final class AkomaNtosoSchema {

	private static final Schema SCHEMA = load();

	private AkomaNtosoSchema() {
	}

	private static Schema load() {
		URL main = Objects.requireNonNull(AkomaNtosoSchema.class.getResource("/akomantoso/akomantoso30.xsd"), "akomantoso30.xsd");
		try {
			var factory = SchemaFactory.newDefaultInstance();
			// only local files (the schema and the xml.xsd beside it): never the network
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			return factory.newSchema(new StreamSource(main.openStream(), main.toExternalForm()));
		}
		catch (SAXException ex) {
			throw new IllegalStateException("The Akoma Ntoso schema does not compile", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every error and warning the schema finds in the document; empty when it is valid. */
	static List<String> problems(byte[] xml) {
		var problems = new ArrayList<String>();
		var validator = SCHEMA.newValidator();
		try {
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			validator.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(SAXParseException ex) {
					problems.add("warning " + ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
				}

				@Override
				public void error(SAXParseException ex) {
					problems.add("error " + ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
				}

				@Override
				public void fatalError(SAXParseException ex) {
					problems.add("fatal " + ex.getLineNumber() + ":" + ex.getColumnNumber() + " " + ex.getMessage());
				}
			});
			validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXException ex) {
			if (problems.isEmpty()) {
				problems.add(ex.getMessage());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}
}
