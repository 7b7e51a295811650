package org.kurultai.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 problem document straight to a response, for the places that answer before
 * Spring MVC does (security filters, the request-size guard, Tomcat's own errors).
 */
public final class ProblemWriter {

	private ProblemWriter() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status.value(), status.getReasonPhrase(), type, detail));
	}

	static String json(int status, String title, String type, String detail) {
		return "{\"type\":\"" + escape(ApiProblems.TYPE_BASE + type) + "\",\"title\":\"" + escape(title) + "\",\"status\":" + status
				+ ",\"detail\":\"" + escape(detail) + "\"}";
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
