package org.kurultai.identity;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's predicates accept exactly what Spring Security's default patterns accept (StrictHttpFirewall 7.1). */
class RequestFirewallTests {

	static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
	static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointAloneIsJudgedAsSpringJudgesIt() {
		for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
			var text = Character.toString(point);
			assertThat(RequestFirewall.assignedAndNotControl(text)).as("name U+%04X", point).isEqualTo(NAMES.matcher(text).matches());
			assertThat(RequestFirewall.headerValue(text)).as("value U+%04X", point).isEqualTo(VALUES.matcher(text).matches());
		}
	}

	@Test
	void mixedTextsWithSurrogatesAndControlsAreJudgedAsSpringJudgesThem() {
		var random = new Random(13);
		char[] alphabet = { 'a', 'Z', '0', ' ', '\t', '\n', '\r', 0, 0x7f, 0x85, 0xa0, 'й', 0x378, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xfffe, '|' };
		for (int n = 0; n < 200_000; n++) {
			var text = new StringBuilder();
			for (int i = random.nextInt(8); i >= 0; i--) {
				text.append(alphabet[random.nextInt(alphabet.length)]);
			}
			var s = text.toString();
			assertThat(RequestFirewall.assignedAndNotControl(s)).as("name %s", s.chars().boxed().toList()).isEqualTo(NAMES.matcher(s).matches());
			assertThat(RequestFirewall.headerValue(s)).as("value %s", s.chars().boxed().toList()).isEqualTo(VALUES.matcher(s).matches());
		}
		assertThat(RequestFirewall.headerValue("Bearer kt_abc\tdef")).isTrue();
		assertThat(RequestFirewall.assignedAndNotControl("Content\tType")).isFalse();
		assertThat(RequestFirewall.headerValue("a\u0001b")).isFalse();
		assertThat(RequestFirewall.headerValue("")).isTrue();
	}
}
