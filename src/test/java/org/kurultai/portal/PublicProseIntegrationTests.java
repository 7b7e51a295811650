package org.kurultai.portal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kurultai.IntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the public reads names a source by its title, never by the names the reference data's makers used among
 * themselves: no "seed 001" (nor "seeds 000, 001", "the seed says"), no seed file ({@code seed:…}), no id of a note on
 * contradictory sources ("X-P1", "X-M3"), no internal name of a list of participants ("L-2001-seed001") or of a series
 * ("member_count_series"). Crawled as a reader or a program would: every page the sitemap lists (in both languages for
 * the fixed pages), the feeds, the open data (the page, the package, every resource in CSV and JSON), the read API (each
 * record's answer, the Akoma Ntoso and PDF exports of each public document), the public calendar, and the search (page
 * and API) for the words those names were made of. For a page, what a reader sees counts: its text and the attributes a
 * browser shows or a crawler reads (titles, labels, meta descriptions), not an anchor's id.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicProseIntegrationTests {

	/** The internal names: a seed by number or as a source noun, a seed file, a contradiction's id, a list's or series' name. */
	static final Pattern INTERNAL = Pattern.compile(
			"(?i)\\bseeds?\\b|seed:|seed\\d|\\bX-[A-Z]\\d+\\b|[a-z]_series\\b|\\bL-\\d{4}\\b");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort int port;
	@Value("${kurultai.public-url}") String publicUrl;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void thePatternFindsEveryKindOfInternalName() {
		for (var internal : List.of("in seed 001's list", "(seeds 000, 001)", "Seed 004 says", "the seed says", "seed:001_x.txt",
				"see X-P1", "(X-M3)", "member_count_series gives", "List L-2001-seed001", "List L-2022-02 (external)")) {
			assertThat(INTERNAL.matcher(internal).find()).as(internal).isTrue();
		}
		for (var plain : List.of("Kazakhstan Today (2002)", "CICA/MM/2004", "the Second Summit, 17 June 2006", "exchange of series",
				"Max-Planck", "a list of 16 members", "X-ray")) {
			assertThat(INTERNAL.matcher(plain).find()).as(plain).isFalse();
		}
	}

	@Test
	void noPublicPageExportFeedApiAnswerOrSearchShowsAnInternalNameOfASource() throws Exception {
		var failures = new TreeMap<String, Set<String>>();
		var read = new int[1];

		// every public page the sitemap lists (each public record's page); the fixed pages in Russian too
		var sitemap = Jsoup.parse(get("/sitemap.xml"), "", org.jsoup.parser.Parser.xmlParser());
		var pages = new LinkedHashSet<String>();
		sitemap.select("url > loc").forEach(loc -> pages.add(loc.text().substring(publicUrl.length())));
		assertThat(pages).hasSizeGreaterThan(100).contains("/sources", "/timeline", "/participants/KAZ", "/bodies/SOC");
		pages.addAll(List.of("/meetings/CMFA-7/agenda", "/catalogue/differences?from=2013&to=2021", "/commitments?participant=KAZ",
				"/participants/map?asOf=2006-06-18", "/changes?from=1999-01-01&to=2024-01-01"));
		for (var page : pages) {
			check(page, "en", failures, read);
			if (!page.matches(".*/[A-Z0-9-]*\\d[^/]*$") && !page.startsWith("/participants/") && !page.startsWith("/bodies/")) {
				check(page, "ru", failures, read);
			}
		}

		// the feeds and the public calendar
		for (var feed : List.of("decisions", "documents", "meetings", "timeline")) {
			check("/feeds/" + feed + ".atom", "en", failures, read);
			check("/feeds/" + feed + ".atom?lang=ru", "ru", failures, read);
		}
		check("/calendar.ics", "en", failures, read);

		// the open data: the package and every resource, as CSV and as JSON
		check("/data/datapackage.json", "en", failures, read);
		var descriptor = JSON.readTree(get("/data/datapackage.json"));
		assertThat(descriptor.get("resources").size()).isGreaterThan(10);
		for (var resource : descriptor.get("resources")) {
			var path = resource.get("path").asString();
			var stem = path.replaceFirst("\\.(csv|json)$", "");
			check("/data/" + stem + ".csv", "en", failures, read);
			check("/data/" + stem + ".json", "en", failures, read);
		}

		// the read API: each list, and each public record's answer and exports
		for (var list : List.of("/api/participants", "/api/participants/counts", "/api/participants/changes?from=1990-01-01&to=2030-01-01", "/api/bodies",
				"/api/chairmanship", "/api/chairmanship/terms", "/api/secretariat", "/api/meetings", "/api/timeline", "/api/documents",
				"/api/decisions", "/api/catalogue", "/api/catalogue/editions", "/api/commitments?participant=KAZ", "/api/cbm/events", "/api/cbm/plans",
				"/api/exchange/types", "/api/applications")) {
			check(list, "en", failures, read);
		}
		for (var page : pages) {
			var record = Pattern.compile("^/(participants|bodies|meetings|documents|decisions)/([^/?]+)$").matcher(page);
			if (record.matches() && !page.equals("/participants/map")) {
				check("/api" + page, "en", failures, read);
				if (record.group(1).equals("documents")) {
					check("/api" + page + "/akn", "en", failures, read);
					check("/api" + page + "/pdf", "en", failures, read);
				}
				if (record.group(1).equals("meetings")) {
					check("/api" + page + "/agenda", "en", failures, read);
				}
			}
		}

		// the search: the words the internal names were made of, and words of the notes that cited them
		for (var query : List.of("seed", "seeds", "series", "skeleton", "list", "founding member", "observer", "summit", "Kuwait",
				"Thailand", "chairmanship", "Secretariat", "Catalogue", "Council", "external", "source")) {
			var q = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
			check("/api/search?q=" + q + "&size=50", "en", failures, read);
			check("/api/search?q=" + q + "&size=50&page=2", "en", failures, read);
			if (!INTERNAL.matcher(query).find()) { // the page repeats the query it was asked
				check("/search?q=" + q, "en", failures, read);
			}
		}

		assertThat(read[0]).as("answers read").isGreaterThan(400);
		var report = new StringBuilder();
		failures.forEach((address, names) -> report.append(address).append(": ").append(names).append('\n'));
		assertThat(failures).as("internal names shown publicly (%d answers):%n%s", failures.size(), report).isEmpty();
	}

	private void check(String address, String language, TreeMap<String, Set<String>> failures, int[] read) throws IOException {
		var response = fetch(address, language);
		read[0]++;
		if (response.statusCode() == 409 && (address.endsWith("/akn") || address.endsWith("/pdf"))) {
			return; // a document whose text is not held has no export
		}
		if (response.statusCode() != 200 && response.statusCode() != 302) {
			failures.put(address + " (" + language + ")", Set.of("answered " + response.statusCode()));
			return;
		}
		var type = response.headers().firstValue("Content-Type").orElse("");
		String text;
		if (type.startsWith("application/pdf")) {
			try (var pdf = Loader.loadPDF(response.body())) {
				text = new PDFTextStripper().getText(pdf);
			}
		}
		else if (type.startsWith("text/html")) {
			// what the reader sees and what a browser or crawler shows of the attributes (not an anchor's id, a class or a script)
			var document = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8));
			var shown = new StringBuilder(document.text());
			document.select("[title], [aria-label], [alt], [placeholder], meta[content]").forEach(element -> {
				for (var attribute : List.of("title", "aria-label", "alt", "placeholder", "content")) {
					shown.append(' ').append(element.attr(attribute));
				}
			});
			text = shown.toString();
		}
		else {
			text = new String(response.body(), StandardCharsets.UTF_8);
		}
		var found = new TreeSet<String>();
		var matcher = INTERNAL.matcher(text);
		while (matcher.find()) {
			var from = Math.max(0, matcher.start() - 30);
			var to = Math.min(text.length(), matcher.end() + 30);
			found.add(matcher.group() + " «" + text.substring(from, to).replace('\n', ' ') + "»");
		}
		if (!found.isEmpty()) {
			failures.put(address + " (" + language + ")", found);
		}
	}

	private HttpResponse<byte[]> fetch(String address, String language) {
		try {
			var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + address)).timeout(Duration.ofSeconds(30))
					.header("Accept", address.startsWith("/api/") || address.startsWith("/data/") && !address.equals("/data")
							? "*/*" : "text/html,*/*;q=0.8")
					.header("Accept-Language", language).build();
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String get(String address) {
		return new String(fetch(address, "en").body(), StandardCharsets.UTF_8);
	}
}
