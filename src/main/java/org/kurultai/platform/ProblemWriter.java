package org.kurultai.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes an RFC 9457 problem document straight to a response, for the places that answer before
 * Spring MVC does (security filters, the request-size guard, Tomcat's own errors). Title and detail
 * are in the request's language ({@link Languages}), with a {@code Content-Language} header.
 */
public final class ProblemWriter {

	private ProblemWriter() {
	}

	/**
	 * A problem of a type; {@code detail} is a key of {@code i18n/problems} ({@code problem.…}, filled
	 * with the arguments) said in the language of the request being answered.
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String type, String detail, Object... arguments)
			throws IOException {
		var attributes = RequestContextHolder.getRequestAttributes();
		write(attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null, response, status, type, detail, arguments);
	}

	/** The same, for the request given. */
	public static void write(@Nullable HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail, Object... arguments) throws IOException {
		var locale = locale(request);
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		response.getWriter().write(json(status.value(), title(type, status.getReasonPhrase(), locale), type,
				Refusal.format(null, detail, arguments, locale)));
	}

	/** The language of a request (English where it cannot be read, e.g. a malformed one). */
	static Locale locale(@Nullable HttpServletRequest request) {
		if (request == null) {
			return Languages.SUPPORTED.get(0);
		}
		try {
			return new Languages().resolveLocale(request);
		}
		catch (RuntimeException unreadable) {
			return Languages.SUPPORTED.get(0);
		}
	}

	/** The title of a type ({@code problem.type.<type>.title}), else the status's reason phrase. */
	static String title(String type, String otherwise, Locale locale) {
		var key = "problem.type." + type + ".title";
		var title = Refusal.format(null, key, null, locale);
		return title.equals(key) ? otherwise : title;
	}

	static String json(int status, String title, String type, String detail) {
		var id = RequestIds.current();
		return "{\"type\":\"" + escape(ApiProblems.TYPE_BASE + type) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\"" + (id == null ? "" : ",\"" + RequestIds.KEY + "\":\"" + escape(id) + "\"") + "}";
	}

	private static String escape(String text) {
		var escaped = new StringBuilder(text.length());
		for (var c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}
}
