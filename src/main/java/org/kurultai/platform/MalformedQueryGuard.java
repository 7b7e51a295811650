package org.kurultai.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An address the server cannot read is refused with a 400 before anything else happens, on the API (a problem:
 * {@code malformed-path}, {@code malformed-query}) and on the pages (the error page, saying what is wrong), in the
 * request's language, with no stack trace in the log: a path that is not percent-encoded UTF-8 ({@code /documents/%FF}),
 * a query string Tomcat cannot read (bad percent-encoding, bytes that are not UTF-8, a parameter without a name).
 * Tomcat parses parameters only when first asked, so without this a handler that reads none would act on the request (a
 * write included), and one that reads some would fail half-way (an exception, logged with its stack, and a bare 400).
 * A request with a body (a form, a multipart upload) has its query string checked here without reading the body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedQueryGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedQueryGuard.class);

	/** The key of the detail in {@code i18n/problems}. */
	static final String DETAIL = "problem.malformedQuery";

	/** The key of the detail for a path that cannot be read. */
	static final String PATH_DETAIL = "problem.malformedPath";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!readable(request.getRequestURI(), false)) {
			refuse(request, response, "malformed-path", PATH_DETAIL);
			return;
		}
		var query = request.getQueryString();
		if (query != null) {
			var contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
			if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE) || contentType.startsWith("multipart/")) {
				// Tomcat would read the body with the query: only the query is checked here, the rest is the handler's
				if (!readable(query, true)) {
					refuse(request, response, "malformed-query", DETAIL);
					return;
				}
			}
			else {
				try {
					request.getParameterNames();
				}
				catch (InvalidParameterException malformed) {
					refuse(request, response, "malformed-query", DETAIL);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/** A problem on the API (or for a client asking for JSON), the error page for people; one debug line in the log. */
	static void refuse(HttpServletRequest request, HttpServletResponse response, String type, String detail) throws IOException {
		log.debug("Refused {} {}: {}", request.getMethod(), type, detail);
		var accept = String.valueOf(request.getHeader("Accept"));
		var path = request.getRequestURI();
		if (path.startsWith("/api/") || path.startsWith("/v3/") || accept.contains(MediaType.APPLICATION_JSON_VALUE)
				|| accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
			ProblemWriter.write(request, response, HttpStatus.BAD_REQUEST, type, detail);
			return;
		}
		ErrorPages.refuse(request, HttpStatus.BAD_REQUEST, detail);
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

	/** Whether the text's percent-escapes are well formed and its bytes UTF-8 ({@code +} is a space in a query). */
	static boolean readable(String text, boolean query) {
		if (text.indexOf('%') < 0) {
			return true;
		}
		var bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
					return false;
				}
				bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
				i += 2;
			}
			else if (c < 0x80) {
				bytes.write(query && c == '+' ? ' ' : c);
			}
			else {
				// not ASCII as sent: Tomcat gave it as it came (ISO-8859-1); its bytes are what counts
				bytes.write(c & 0xFF);
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException malformed) {
			return false;
		}
	}
}
