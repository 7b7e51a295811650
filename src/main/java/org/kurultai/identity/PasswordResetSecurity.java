package org.kurultai.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST /api/password-reset} is for anyone, from a script as well as a browser: nobody is signed in, so there is
 * no session to forge a request with, and no CSRF token is asked. It answers the same whatever the address. Every other
 * route goes through the main filter chain ({@code SecurityConfiguration}, built from {@link RouteRules}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PasswordResetSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain passwordResetRequests(HttpSecurity http) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/password-reset"))
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.csrf(csrf -> csrf.disable())
				.sessionManagement(sessions -> sessions.sessionCreationPolicy(
						org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY)));
		return http.build();
	}
}
