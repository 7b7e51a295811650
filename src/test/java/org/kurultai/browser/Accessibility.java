package org.kurultai.browser;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;

/** axe-core (Deque's, through its Playwright binding) run on the page as it stands: WCAG 2.x A and AA rules and best practices. */
final class Accessibility {

	static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

	private Accessibility() {
	}

	/** Every violation axe finds on the page. */
	static List<Rule> check(Page page) {
		return new AxeBuilder(page).withTags(TAGS).analyze().getViolations();
	}

	/** The violations whose impact is critical or serious. */
	static List<Rule> seriousOrWorse(List<Rule> violations) {
		return violations.stream().filter(rule -> "critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())).toList();
	}

	/** Each rule with its impact, the number of elements it fails and the first of them. */
	static String describe(List<Rule> violations) {
		return violations.stream()
				.map(rule -> rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size() + "): "
						+ (rule.getNodes().isEmpty() ? "" : rule.getNodes().get(0).getHtml()))
				.collect(Collectors.joining("\n"));
	}
}
