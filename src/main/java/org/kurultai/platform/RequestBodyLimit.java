package org.kurultai.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API takes small JSON bodies: one announced larger than {@value #LIMIT} bytes is refused
 * with 413 before anything reads it; one of unknown length is cut off once it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

	static final long LIMIT = 64 * 1024;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > LIMIT) {
			ProblemWriter.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "problem.payloadTooLarge", LIMIT);
			return;
		}
		// a body of unknown length (chunked) is counted as it is read, and cut off past the limit
		chain.doFilter(request.getContentLengthLong() < 0 ? new CappedRequest(request) : request, response);
	}

	/** Reading past the limit fails, so the body is refused as unreadable (400) and nothing is changed. */
	static final class CappedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		CappedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
			var in = super.getInputStream();
			return new jakarta.servlet.ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					var b = in.read();
					if (b >= 0 && ++read > LIMIT) {
						throw new IOException("Request body larger than " + LIMIT + " bytes");
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					var n = in.read(buffer, offset, length);
					if (n > 0 && (read += n) > LIMIT) {
						throw new IOException("Request body larger than " + LIMIT + " bytes");
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(jakarta.servlet.ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
