package org.kurultai.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string the server cannot read (bad percent-encoding, bytes that are not UTF-8, a
 * parameter without a name) is refused on the API with a 400 problem before anything else happens:
 * Tomcat parses parameters only when first asked, so without this a handler that reads none would
 * act on the request (a write included), and one that reads some would fail half-way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedQueryGuard extends OncePerRequestFilter {

	/** The key of the detail in {@code i18n/problems}. */
	static final String DETAIL = "problem.malformedQuery";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getQueryString() == null || !request.getRequestURI().startsWith("/api/")
				// a form body would be read with the query: leave it to the handler (ApiProblems answers 400 too)
				|| (request.getContentType() != null && request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterNames();
		}
		catch (InvalidParameterException malformed) {
			ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, "malformed-query", DETAIL);
			return;
		}
		chain.doFilter(request, response);
	}
}
