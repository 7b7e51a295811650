package org.kurultai.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kurultai.IntegrationTest;

/** axe-core on the main public pages, as the public sees them: nothing critical or serious. */
@IntegrationTest
class AccessibilityBrowserTests extends BrowserTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/participants", "/documents", "/meetings" })
	void axeFindsNothingCriticalOrSerious(String path) {
		open(path);

		var violations = Accessibility.check(page);
		System.out.println("[axe] " + path + ": " + violations.size() + " rules violated\n" + Accessibility.describe(violations));

		assertEquals(List.of(), Accessibility.seriousOrWorse(violations).stream().map(rule -> rule.getId()).toList(),
				() -> Accessibility.describe(violations));
	}
}
