package org.kurultai.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A metrics scraper's access to {@code /actuator/prometheus} without an account: {@code Authorization: Bearer <token>}
 * with the token configured as {@code kurultai.metrics.token} (empty: no scraper is admitted; the Secretariat still
 * reads the metrics signed in or with a personal API token). Compared in constant time on SHA-256 digests. The
 * scraper is admitted to the routes marked {@link RouteRule#scraped()} only — the filter acts on no other path — and
 * acts for no one.
 */
final class MetricsToken extends OncePerRequestFilter {

	/** The role a scraper holds for the request. */
	static final String SCRAPER = "METRICS_SCRAPER";

	/** Set on a request the scraper's token admitted: the personal API token filter leaves it alone. */
	static final String ADMITTED = MetricsToken.class.getName() + ".admitted";

	private final byte @Nullable [] digest;

	private final List<String> paths;

	MetricsToken(@Nullable String token, List<String> paths) {
		this.digest = token == null || token.isBlank() ? null : sha256(token.trim());
		this.paths = List.copyOf(paths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return digest == null || !BearerTokenFilter.presentsToken(request) || !paths.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var presented = request.getHeader("Authorization").substring(7).trim();
		if (digest == null || !MessageDigest.isEqual(digest, sha256(presented))) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(ADMITTED, Boolean.TRUE);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
				List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER))));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
