package org.kurultai.portal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A source as people read it ({@code @sourceTitles.all(list)} in {@code fragments :: sources}): a seed
 * document ({@code seed:<file>}) by its title in the page's language (messages
 * {@code portal.source.seed.<file>}; never by its internal file name) and, where it is public, its address; a web
 * page by its site's name, linked. The seeds' addresses are read once, at start, from {@code portal/seed-sources.properties}.
 */
@Component("sourceTitles")
public class SourceTitles {

	/** One source: what to call it and where it is (null when it is not public). */
	public record Source(String title, @Nullable String url) {
	}

	private final MessageSource messages;

	private final Map<String, String> seedAddresses;

	/**
	 * What each source is called in each language, worked out once (the texts and the seeds' addresses do not change
	 * while the application runs; a page of the timeline shows hundreds). Bounded: beyond it a source is worked out
	 * each time.
	 */
	private final Map<String, Source> shown = new java.util.concurrent.ConcurrentHashMap<>();
	private static final int MOST_KEPT = 20_000;

	SourceTitles(MessageSource messages) {
		this.messages = messages;
		var properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource("portal/seed-sources.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException exception) {
			throw new UncheckedIOException(exception);
		}
		var addresses = new TreeMap<String, String>();
		properties.stringPropertyNames().forEach(file -> addresses.put(file, properties.getProperty(file).strip()));
		this.seedAddresses = Map.copyOf(addresses);
	}

	public List<Source> all(@Nullable List<String> references) {
		return references == null ? List.of() : references.stream().map(this::of).toList();
	}

	public Source of(String reference) {
		var locale = LocaleContextHolder.getLocale();
		var key = locale.toLanguageTag() + "\n" + reference;
		var known = shown.get(key);
		if (known != null) {
			return known;
		}
		var source = of(reference, locale);
		if (shown.size() < MOST_KEPT) {
			shown.put(key, source);
		}
		return source;
	}

	/** A source as read in a language (the open data's files are in English, whatever the page's language). */
	public Source of(String reference, Locale locale) {
		if (reference.startsWith("seed:")) {
			var file = reference.substring("seed:".length());
			var title = messages.getMessage("portal.source.seed." + file.replaceFirst("\\.txt$", ""), null, null, locale);
			var address = seedAddresses.get(file);
			// a seed without a title is never shown by its internal file name
			return new Source(title != null ? title : messages.getMessage("portal.source.seed", null, locale),
					address == null || address.isEmpty() ? null : address);
		}
		if (reference.startsWith("https://") || reference.startsWith("http://")) {
			return new Source(site(reference), reference);
		}
		return new Source(reference, null);
	}

	/** "https://www.s-cica.org/index.php?…" → "s-cica.org". */
	static String site(String address) {
		try {
			var host = URI.create(address).getHost();
			if (host == null) {
				return address;
			}
			return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
		}
		catch (IllegalArgumentException notAnAddress) {
			return address;
		}
	}
}
