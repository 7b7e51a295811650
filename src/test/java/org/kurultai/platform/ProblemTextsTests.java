package org.kurultai.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.Refusal;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal is said in English and Russian: no throw site in the code carries an English
 * sentence (it names a key of {@code i18n/problems} and gives the data as arguments), every key the
 * code names is in both languages, and the texts are well-formed patterns with the same arguments.
 */
class ProblemTextsTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern KEY = Pattern.compile("problem\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-]");

	// unrolled (no alternation inside the repetition), so a long text block does not overflow the regex engine's stack
	private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

	record Source(Path path, String text) {
	}

	static List<Source> sources() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
				try {
					return new Source(f, Files.readString(f));
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).toList();
		}
	}

	/** The arguments of the call whose opening parenthesis is at {@code open}, split at the top level. */
	static List<String> arguments(String text, int open) {
		var arguments = new ArrayList<String>();
		int depth = 0;
		var current = new StringBuilder();
		for (int i = open + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) != '"') {
					end += text.charAt(end) == '\\' ? 2 : 1;
				}
				current.append(text, i, end + 1);
				i = end;
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					arguments.add(current.toString().strip());
					return arguments;
				}
				depth--;
			}
			if (c == ',' && depth == 0) {
				arguments.add(current.toString().strip());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		return arguments;
	}

	/** The argument names a key (or chooses between keys): every text in it is a key, and it has one. */
	static boolean namesAKey(String argument) {
		if (argument.equals("key")) {
			return true;
		}
		var literals = LITERAL.matcher(argument.replaceAll("\"[^\"]*\"\\.equals\\(", "("));
		boolean any = false;
		while (literals.find()) {
			if (!KEY.matcher(literals.group(1)).matches()) {
				return false;
			}
			any = true;
		}
		return any;
	}

	static int line(String text, int index) {
		return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
	}

	@Test
	void noRefusalIsAnEnglishSentence() throws IOException {
		var sources = sources();
		// the refusals whose constructors take a key, and those that build their key from data
		var keyed = new TreeSet<String>();
		var refusalClasses = new TreeSet<String>();
		var subclass = Pattern.compile("class (\\w+) extends RuleViolation");
		for (var source : sources) {
			var found = subclass.matcher(source.text());
			while (found.find()) {
				refusalClasses.add(found.group(1));
				if (source.text().contains(found.group(1) + "(String key, Object... arguments)")) {
					keyed.add(found.group(1));
				}
			}
		}
		assertThat(refusalClasses).as("rule violations found by the scan").hasSizeGreaterThan(50);
		var problems = new ArrayList<String>();
		var oldWay = Pattern.compile("new (InvalidRequest|NotFound|NotAllowed)\\(");
		var factory = Pattern.compile("\\b(InvalidRequest|NotFound|NotAllowed)\\.of\\(");
		var construction = Pattern.compile("new (?:\\w+\\.)*(" + String.join("|", keyed) + ")\\(");
		var superCall = Pattern.compile("\\bsuper\\(");
		for (var source : sources) {
			var text = source.text();
			var where = SOURCES.relativize(source.path()).toString();
			if (where.startsWith("org/kurultai/shared/") && Stream.of("InvalidRequest", "NotFound", "NotAllowed", "RuleViolation", "Refusal")
					.anyMatch(name -> where.endsWith("/" + name + ".java"))) {
				continue;
			}
			Matcher m = oldWay.matcher(text);
			while (m.find()) {
				problems.add(where + ":" + line(text, m.start()) + " makes a " + m.group(1) + " the old way, with English text: use "
						+ m.group(1) + ".of(key, arguments…)");
			}
			m = factory.matcher(text);
			while (m.find()) {
				var arguments = arguments(text, m.end() - 1);
				var key = m.group(1).equals("InvalidRequest") ? (arguments.size() > 1 ? arguments.get(1) : "") : arguments.get(0);
				if (!namesAKey(key)) {
					problems.add(where + ":" + line(text, m.start()) + " says " + key + " instead of naming a key problem.…");
				}
			}
			m = construction.matcher(text);
			while (m.find()) {
				var first = arguments(text, m.end() - 1).get(0);
				if (!namesAKey(first)) {
					problems.add(where + ":" + line(text, m.start()) + " makes a " + m.group(1) + " with " + first + " instead of a key problem.…");
				}
			}
			if (subclass.matcher(text).find()) {
				m = superCall.matcher(text);
				while (m.find()) {
					var all = arguments(text, m.end() - 1);
					var first = all.get(0);
					// a rule violation names its key first; a keyed InvalidRequest subclass names it after the parameter
					if (all.stream().noneMatch(ProblemTextsTests::namesAKey)) {
						problems.add(where + ":" + line(text, m.start()) + " gives a rule violation the text " + first + " instead of a key problem.…");
					}
				}
			}
		}
		assertThat(problems).as("refusals that only English can say").isEmpty();
	}

	@Test
	void everyKeyTheCodeNamesIsInBothLanguages() throws IOException {
		var english = TwoLanguagesTests.bundle("i18n/problems", "");
		var russian = TwoLanguagesTests.bundle("i18n/problems", "_ru");
		var used = new TreeSet<String>();
		for (var source : sources()) {
			var literals = LITERAL.matcher(source.text());
			while (literals.find()) {
				if (KEY.matcher(literals.group(1)).matches()) {
					used.add(literals.group(1));
				}
			}
		}
		assertThat(used).as("keys named in the code").hasSizeGreaterThan(200);
		var missing = new ArrayList<String>();
		for (var key : used) {
			if (!english.containsKey(key)) {
				missing.add(key + " (English)");
			}
			if (!russian.containsKey(key)) {
				missing.add(key + " (Russian)");
			}
		}
		assertThat(missing).as("keys the code names that a bundle lacks").isEmpty();
	}

	@Test
	void textsAreWellFormedPatternsWithTheSameArgumentsInBothLanguages() throws IOException {
		var english = TwoLanguagesTests.bundle("i18n/problems", "");
		var russian = TwoLanguagesTests.bundle("i18n/problems", "_ru");
		var problems = new ArrayList<String>();
		for (var bundle : List.of(english, russian)) {
			for (var key : bundle.stringPropertyNames()) {
				var text = bundle.getProperty(key);
				if (text.replace("''", "").contains("'")) {
					problems.add(key + ": a lone apostrophe (write '') in " + text);
				}
				try {
					new MessageFormat(text);
				}
				catch (IllegalArgumentException malformed) {
					problems.add(key + ": not a pattern: " + text);
				}
			}
		}
		for (var key : english.stringPropertyNames()) {
			if (russian.containsKey(key) && !placeholders(english, key).equals(placeholders(russian, key))) {
				problems.add(key + ": English uses " + placeholders(english, key) + ", Russian " + placeholders(russian, key));
			}
		}
		assertThat(problems).isEmpty();
	}

	private static TreeSet<String> placeholders(Properties bundle, String key) {
		var found = new TreeSet<String>();
		var m = PLACEHOLDER.matcher(bundle.getProperty(key));
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	@Test
	void aRefusalIsEnglishInItsMessageAndSaidInEitherLanguage() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		var russian = Locale.forLanguageTag("ru");

		var unknown = NotFound.of("problem.notFound.participant", "XYZ");
		assertThat(unknown.getMessage()).isEqualTo("No participant 'XYZ'");
		assertThat(unknown.localizedMessage(messages, Locale.ENGLISH)).isEqualTo("No participant 'XYZ'");
		assertThat(unknown.localizedMessage(messages, russian)).isEqualTo("Участник «XYZ» не найден");

		var invalid = InvalidRequest.of("to", "problem.dateSpan.toBeforeFrom", LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 7));
		assertThat(invalid.parameter()).isEqualTo("to");
		assertThat(invalid.getMessage()).isEqualTo("'to' (30 November 2026) is before 'from' (7 December 2026).");
		assertThat(invalid.localizedMessage(messages, russian)).isEqualTo("Дата «to» (30 ноября 2026) раньше даты «from» (7 декабря 2026).");

		// a number is data, written plainly (never "2,026")
		var year = NotAllowed.of("problem.token.lifetime", 2026);
		assertThat(year.getMessage()).isEqualTo("A token lives 1 to 2026 days.");

		// a refusal made the old way keeps its text in every language, and a missing key shows as itself
		@SuppressWarnings("deprecation")
		var old = new NotAllowed("You may not.");
		assertThat(old.localizedMessage(messages, russian)).isEqualTo("You may not.");
		assertThat(Refusal.format(messages, "problem.no.such.key", null, russian)).isEqualTo("problem.no.such.key");
	}
}
