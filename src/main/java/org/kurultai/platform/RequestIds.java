package org.kurultai.platform;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a plain token (letters, digits, {@code . _ -},
 * at most 64), otherwise a new random one. The id is in the response's {@code X-Request-Id}, in every log line written
 * while the request is handled (the MDC key {@code requestId}, in the log pattern and in JSON logs), and in every
 * problem document ({@code requestId}), so that a person's error report leads to the log lines of their request.
 * First of all filters, so that even the security filters' answers and logs carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

	/** The header that carries the id, in and out. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key (and the problem documents' property) that carries it. */
	public static final String KEY = "requestId";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var id = idOf(request.getHeader(HEADER));
		request.setAttribute(KEY, id);
		response.setHeader(HEADER, id);
		MDC.put(KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// the error page is written in the same request: it keeps the id the request was given
		return false;
	}

	/** The caller's id if it is a plain token, else a new one (16 random bytes, hex). */
	static String idOf(@Nullable String given) {
		if (given != null && PLAIN.matcher(given).matches()) {
			return given;
		}
		var bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/** The id of the request being handled on this thread, if any. */
	public static @Nullable String current() {
		return MDC.get(KEY);
	}
}
