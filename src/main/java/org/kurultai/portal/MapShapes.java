package org.kurultai.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The countries of the world as SVG paths, read once at start-up from {@code map/countries.json}: Natural Earth's
 * admin-0 countries (public domain), projected once by {@code tools/map/project.mjs} (see its README for the source,
 * version, projection and how to make the file again). Each country is keyed by its ISO 3166-1 alpha-3 code, the
 * registry's code for a State; the few areas without one carry Natural Earth's own code.
 */
@Component
public class MapShapes {

	static final String RESOURCE = "map/countries.json";

	/** One country: its code, its outline in the map's units, Natural Earth's name, and where its marker goes if it is too small to see. */
	public record Shape(String code, String path, String name, int @Nullable [] marker) {
	}

	private final int width;
	private final int height;
	private final String source;
	private final Map<String, Shape> shapes;
	/** ISO 3166-1 alpha-3 → alpha-2, for the country names the JDK knows in every language. */
	private final Map<String, String> alpha2 = new HashMap<>();

	MapShapes() {
		this(new ClassPathResource(RESOURCE));
	}

	MapShapes(ClassPathResource resource) {
		JsonNode document;
		try (InputStream in = resource.getInputStream()) {
			document = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("the map's shapes (" + RESOURCE + ") cannot be read", unreadable);
		}
		width = document.get("width").asInt();
		height = document.get("height").asInt();
		source = document.get("source").asString();
		var read = new LinkedHashMap<String, Shape>();
		for (var country : document.get("countries")) {
			var marker = country.get("marker");
			var code = country.get("code").asString();
			read.put(code, new Shape(code, country.get("d").asString(), country.get("name").asString(),
					marker == null ? null : new int[] { marker.get(0).asInt(), marker.get(1).asInt() }));
		}
		if (read.isEmpty() || width <= 0 || height <= 0) {
			throw new IllegalStateException("the map's shapes (" + RESOURCE + ") are empty");
		}
		shapes = java.util.Collections.unmodifiableMap(read);
		for (var country : Locale.getISOCountries()) {
			alpha2.put(new Locale("", country).getISO3Country(), country);
		}
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	/** Where the shapes come from, as the file says. */
	public String source() {
		return source;
	}

	/** Every country, in the order of their codes. */
	public List<Shape> all() {
		return new ArrayList<>(shapes.values());
	}

	public @Nullable Shape of(String code) {
		return shapes.get(code);
	}

	/** The country's name in that language as the JDK's locale data (CLDR) gives it, or none for a code it does not know. */
	public @Nullable String nameIn(String code, Locale locale) {
		var country = alpha2.get(code);
		return country == null ? null : new Locale("", country).getDisplayCountry(locale);
	}
}
