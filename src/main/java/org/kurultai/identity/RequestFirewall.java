package org.kurultai.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall, with its very rules but checked without regular expressions, and no observation of
 * each security filter (issue 13's third pass). Every request is wrapped by the firewall, which checks a header's name
 * and value each time anything reads it; Spring MVC's handler lookup reads {@code Content-Type}, {@code Content-Length}
 * and {@code Accept} once per candidate mapping, so a POST to {@code /api/decisions/{id}/statements} ran Spring's default
 * predicates (a {@code java.util.regex} match over Unicode categories per header read) hundreds of times: 17–26 % of the
 * JVM's CPU samples of an act. The predicates here accept exactly the same strings (checked against Spring's patterns
 * for every code point by {@code RequestFirewallTests}); printable ASCII, nearly every header, is decided by a range test.
 * Spring Security's own observations (a Micrometer observation around each of its ~15 filters, 5 % of an act's samples)
 * are off: the request's own observation ({@code http.server.requests}) still times every request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestFirewall {

	@Bean
	HttpFirewall httpFirewall() {
		var firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(RequestFirewall::assignedAndNotControl);
		firewall.setAllowedHeaderValues(RequestFirewall::headerValue);
		firewall.setAllowedParameterNames(RequestFirewall::assignedAndNotControl);
		return firewall;
	}

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: every code point assigned and not a control character. */
	static boolean assignedAndNotControl(String text) {
		return allowed(text, false);
	}

	/** Spring's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: the same, but a tab is allowed. */
	static boolean headerValue(String text) {
		return allowed(text, true);
	}

	private static boolean allowed(String text, boolean tab) {
		int length = text.length();
		for (int i = 0; i < length;) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int point = text.codePointAt(i);
			int type = Character.getType(point);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && point == '\t'))) {
				return false;
			}
			i += Character.charCount(point);
		}
		return true;
	}
}
