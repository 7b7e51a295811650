package org.kurultai.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer kt_…}: signs the request in as the token's owner, for this request
 * only. An unknown, expired or revoked token is answered 401 at once, never treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	BearerTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	static boolean presentsToken(HttpServletRequest request) {
		var header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!presentsToken(request) || request.getAttribute(MetricsToken.ADMITTED) != null) {
			chain.doFilter(request, response);
			return;
		}
		var account = tokens.authenticate(request.getHeader("Authorization").substring(7).trim());
		if (account.isEmpty()) {
			SecurityConfiguration.problem(response, org.springframework.http.HttpStatus.UNAUTHORIZED, "invalid-token",
					"The API token is unknown, expired or revoked.");
			return;
		}
		var user = new KurultaiUser(account.get(), null);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
