package org.kurultai.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.kurultai.platform.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what. The public reads everything public with GET; administration needs a
 * Secretariat administrator; every other act needs a signed-in person (and, in the domain, the
 * right to act). The API answers 401 and 403 as RFC 9457 problem documents; pages send people to
 * the sign-in page or show a "forbidden" page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain kurultaiSecurity(HttpSecurity http, ApiTokens tokens, Accounts accounts, ApplicationContext context,
			ObjectProvider<ClientRegistrationRepository> ministries, PasskeyProperties passkeyProperties, SignIns signIns) throws Exception {
		if (ministries.getIfAvailable() != null) {
			// sign-in through a ministry's OpenID Connect provider, when one is configured
			http.oauth2Login(oidc -> oidc.loginPage("/login")
					.userInfoEndpoint(userInfo -> userInfo.oidcUserService(MinistrySignIn.users(accounts)))
					.successHandler(MinistrySignIn.signInAsAccount(accounts, signIns))
					.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?unknown")));
		}
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		// password sign-in goes through ThrottledAuthenticationProvider, the application's one AuthenticationProvider bean
		http.authorizeHttpRequests(requests -> {
			for (var rule : RouteRules.ALL) {
				var matcher = rule.method() == null ? requests.requestMatchers(rule.pattern())
						: requests.requestMatchers(rule.method(), rule.pattern());
				if (rule.isPublic()) {
					matcher.permitAll();
				}
				else {
					matcher.hasAnyRole(RouteRules.roleNames(rule));
				}
				if (rule.isPublic() && RouteRules.isGet(rule)) {
					requests.requestMatchers(HttpMethod.HEAD, rule.pattern()).permitAll();
				}
			}
			// a route nobody wrote a rule for is closed to everyone; an address that leads nowhere stays a 404
			requests.anyRequest().access(new UnknownRoutes(context));
		})
				// every sign-in records itself and sets the page language to the account's (SignIns)
				.formLogin(form -> form.loginPage("/login").successHandler(signIns.then(passwordSignedIn()))
						.failureHandler((request, response, exception) -> {
							// the form comes back with the e-mail address typed (kept in the session, never in the address)
							var typed = request.getParameter("username");
							if (typed != null && typed.length() <= 254) {
								request.getSession().setAttribute(IdentityPages.TYPED_EMAIL, typed);
							}
							response.sendRedirect(request.getContextPath()
									+ (exception instanceof SignInThrottled ? "/login?throttled" : "/login?error"));
						}))
				.logout(logout -> logout.logoutSuccessUrl("/?signedOut"))
				.exceptionHandling(exceptions -> exceptions
						.defaultAuthenticationEntryPointFor((request, response, exception) -> problem(response, HttpStatus.UNAUTHORIZED,
								"unauthorized", "problem.security.signIn"), api)
						.defaultAccessDeniedHandlerFor((request, response, exception) -> {
							// nobody signed in (a write without a token fails its CSRF check first): that is a 401, not a 403
							var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
							if (authentication == null || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
								problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "problem.security.signIn");
							}
							else {
								problem(response, HttpStatus.FORBIDDEN, "forbidden", "problem.security.forbidden");
							}
						}, api)
						.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
						.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
				.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
				.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
				// a request carrying a bearer token sends no cookie the browser could be tricked into sending
				.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::presentsToken,
						// the header's language switch: it must not open a session (and a CSRF token) for every reader of a public
						// page; forging it changes nothing but the language the victim reads in
						request -> "/language".equals(request.getRequestURI()),
						// a notice mail's unsubscribe link (RFC 8058 one-click: the mail client posts without a session); the
						// random token in the address is the only key, and forging it needs the token
						request -> request.getRequestURI().startsWith("/unsubscribe/")))
				.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
				.addFilterBefore(new MetricsToken(context.getEnvironment().getProperty("kurultai.metrics.token"),
						RouteRules.ALL.stream().filter(RouteRule::scraped).map(RouteRule::pattern).toList()), BearerTokenFilter.class)
				.addFilterBefore(new PrincipalNormalizer(accounts), AuthorizationFilter.class)
				// passkeys: registration on the account page, sign-in on the sign-in page (our pages, not the default ones)
				.webAuthn(passkeys -> passkeys.rpName("Kurultai").rpId(passkeyProperties.rpId()).disableDefaultRegistrationPage(true)
						.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {

							@Override
							public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
								// the filter's own answer ({"authenticated": true, "redirectUrl": …}), after recording the sign-in
								filter.setAuthenticationSuccessHandler(signIns.then(new HttpMessageConverterAuthenticationSuccessHandler()));
								return filter;
							}
						}));
		return http.build();
	}

	/** After a password sign-in: back to the page that asked for it, else the account page. */
	private static SavedRequestAwareAuthenticationSuccessHandler passwordSignedIn() {
		var handler = new SavedRequestAwareAuthenticationSuccessHandler();
		handler.setDefaultTargetUrl("/account");
		return handler;
	}

	static void problem(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
		ProblemWriter.write(response, status, type, detail);
	}

}
