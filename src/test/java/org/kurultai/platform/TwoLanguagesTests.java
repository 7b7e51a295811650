package org.kurultai.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing text exists in English and Russian: each bundle has the same keys in both
 * languages, no template carries a literal text (it names a message key instead), and no page
 * controller puts a literal sentence into a page.
 */
class TwoLanguagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	/** Words shown as they are in every language: the product's name and each language's own name. */
	private static final Set<String> AS_IS = Set.of("Kurultai", "English", "Русский", "API", "PDF", "Akoma Ntoso", "CSV", "iCalendar",
			"OpenAPI", "JSON", "XML");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final List<String> TEXT_ATTRIBUTES = List.of("placeholder", "title", "alt", "aria-label", "label");

	static List<String> basenames() throws IOException {
		var yaml = Files.readString(RESOURCES.resolve("application.yml"));
		var matcher = Pattern.compile("basename: (\\S+)").matcher(yaml);
		assertThat(matcher.find()).as("spring.messages.basename in application.yml").isTrue();
		return List.of(matcher.group(1).split(","));
	}

	static Properties bundle(String basename, String suffix) throws IOException {
		var properties = new Properties();
		try (InputStream in = Files.newInputStream(RESOURCES.resolve(basename + suffix + ".properties"))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyKeyExistsInBothLanguages() throws IOException {
		var problems = new ArrayList<String>();
		var seen = new TreeSet<String>();
		for (var basename : basenames()) {
			var english = bundle(basename, "");
			var russian = bundle(basename, "_ru");
			for (var key : english.stringPropertyNames()) {
				if (!russian.containsKey(key)) {
					problems.add(basename + ": '" + key + "' is in English only");
				}
				else if (russian.getProperty(key).isBlank()) {
					problems.add(basename + ": '" + key + "' is empty in Russian");
				}
				if (!seen.add(key)) {
					problems.add(basename + ": '" + key + "' is also defined in another bundle");
				}
			}
			for (var key : russian.stringPropertyNames()) {
				if (!english.containsKey(key)) {
					problems.add(basename + ": '" + key + "' is in Russian only");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noTemplateCarriesALiteralText() throws IOException {
		var problems = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
				var name = TEMPLATES.relativize(file).toString();
				if (name.endsWith(".html")) {
					literalsInHtml(name, Files.readString(file), problems);
				}
				else if (name.endsWith(".txt")) {
					literalsInText(name, Files.readString(file), problems);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	static void literalsInHtml(String name, String html, List<String> problems) {
		var document = Jsoup.parse(html, "", Parser.htmlParser());
		for (var element : document.getAllElements()) {
			for (var attribute : TEXT_ATTRIBUTES) {
				var value = element.attr(attribute);
				if (element.hasAttr(attribute) && !element.hasAttr("th:" + attribute) && !element.hasAttr("th:attr")
						&& isText(value)) {
					problems.add(name + ": <" + element.tagName() + " " + attribute + "=\"" + value + "\">");
				}
			}
			if (element.tagName().equals("input") && Set.of("submit", "button").contains(element.attr("type"))
					&& isText(element.attr("value")) && !element.hasAttr("th:value")) {
				problems.add(name + ": <input value=\"" + element.attr("value") + "\">");
			}
			if (Set.of("script", "style").contains(element.tagName()) || replaced(element)) {
				continue;
			}
			for (var child : element.childNodes()) {
				if (child instanceof TextNode text && isText(text.text())) {
					problems.add(name + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
				}
			}
		}
	}

	/** The element's body is replaced when the template is rendered (th:text and the like), here or above. */
	private static boolean replaced(Element element) {
		for (var e = element; e != null; e = e.parent()) {
			for (var attribute : List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:inline")) {
				if (e.hasAttr(attribute) && !(attribute.equals("th:remove") && e.attr(attribute).equals("tag"))) {
					return true;
				}
			}
		}
		return false;
	}

	static void literalsInText(String name, String text, List<String> problems) {
		var outside = text.replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]|\\[#.*?]|\\[/.*?]", "");
		for (var line : outside.split("\n")) {
			if (isText(line)) {
				problems.add(name + ": \"" + line.strip() + "\"");
			}
		}
	}

	private static boolean isText(String value) {
		var stripped = value.strip();
		if (stripped.isEmpty() || !LETTER.matcher(stripped).find() || AS_IS.contains(stripped)) {
			return false;
		}
		// an expression, not text
		return !(stripped.startsWith("${") || stripped.startsWith("#{") || stripped.startsWith("@{") || stripped.startsWith("*{"));
	}

	/**
	 * Page controllers put message keys and data into pages, never sentences: a string literal in a
	 * controller that reads like words for people (two words or more, with a letter) fails here.
	 */
	@Test
	void noControllerCarriesALiteralSentence() throws IOException {
		var literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
		var sentence = Pattern.compile("\\p{L}{2,}[ ,.;:!?'’-]+\\p{L}{2,}");
		var problems = new ArrayList<String>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				var source = Files.readString(file);
				if (!(source.contains("@Controller") || source.contains("@ControllerAdvice") || source.contains("ErrorController"))) {
					continue;
				}
				if (source.contains("@RestController") && !source.contains("ModelAndView")) {
					continue; // the JSON API: its texts are problem documents, translated where they are made
				}
				var lines = source.split("\n");
				for (int i = 0; i < lines.length; i++) {
					var line = lines[i].strip();
					if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*") || line.startsWith("@")
							|| line.contains("log.") || line.contains(".sql(")) {
						continue;
					}
					var matcher = literal.matcher(line);
					while (matcher.find()) {
						var value = matcher.group(1);
						if (sentence.matcher(value).find() && !value.startsWith("redirect:") && !value.startsWith("forward:")
								&& !value.matches("[a-z0-9._ :/{}-]*") && !value.contains("::")
								&& !value.matches("[a-z]+(\\.[A-Za-z0-9_-]+)+")) { // a message key, e.g. problem.cbm.yearRange
							problems.add(file + ":" + (i + 1) + ": \"" + value + "\"");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}
}
