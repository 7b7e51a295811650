package org.kurultai.platform;

import java.io.IOException;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.kurultai.shared.Refusal;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors that Tomcat answers before a request reaches the application (a request line or headers too large or
 * malformed, a path that is not percent-encoded UTF-8) are RFC 9457 problem documents too, not Tomcat's HTML page, in
 * the request's language where it can be read — or, for a page asked for by a browser ({@code Accept: text/html}, not
 * under {@code /api/}), a plain error page saying the same. Either carries the request's id ({@link RequestIds}).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		var status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var resolved = HttpStatus.resolve(status);
		var locale = ProblemWriter.locale(request);
		var path = String.valueOf(request.getRequestURI());
		// the only path Tomcat refuses to decode is one whose percent-escapes are not UTF-8: say so
		var unreadablePath = status == 400 && !MalformedQueryGuard.readable(path, false);
		var type = status >= 500 ? "internal" : status == 404 ? "not-found" : unreadablePath ? "malformed-path" : "bad-request";
		var title = ProblemWriter.title(type, resolved == null ? "Error" : resolved.getReasonPhrase(), locale);
		var detail = Refusal.format(null,
				status >= 500 ? "problem.internal" : unreadablePath ? MalformedQueryGuard.PATH_DETAIL : "problem.unreadableRequest", null, locale);
		var id = RequestIds.idOf(request.getHeader(RequestIds.HEADER));
		MDC.put(RequestIds.KEY, id);
		try {
			response.setHeader(RequestIds.HEADER, id);
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
			response.setCharacterEncoding("UTF-8");
			var page = !path.startsWith("/api/") && !path.startsWith("/v3/") && String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains("text/html");
			response.setContentType(page ? "text/html" : "application/problem+json");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(page ? page(status, detail, id, locale) : ProblemWriter.json(status, title, type, detail));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response is committed: nothing more can be said
		}
		finally {
			MDC.remove(RequestIds.KEY);
		}
	}

	/** The error page as the application's says it (its status, its name, what went wrong, the request's id), unstyled. */
	static String page(int status, String detail, String id, Locale locale) {
		var title = common("error.title." + status, locale, HttpStatus.resolve(status) == null ? "Error" : HttpStatus.resolve(status).getReasonPhrase());
		var reference = common("error.reference", locale, "{0}").replace("{0}", id);
		return """
				<!DOCTYPE html>
				<html lang="%s">
				<head>
				  <meta charset="utf-8">
				  <meta name="viewport" content="width=device-width, initial-scale=1">
				  <title>%s · Kurultai</title>
				</head>
				<body>
				<main id="main">
				  <h1><span>%d</span> — <span>%s</span></h1>
				  <p class="problem" role="alert">%s</p>
				  <p class="note" id="request-id">%s</p>
				  <p><a href="/">%s</a></p>
				</main>
				</body>
				</html>
				""".formatted(locale.getLanguage(), escape(title), status, escape(title), escape(detail), escape(reference),
				escape(common("error.home", locale, "/")));
	}

	/** A text of the pages' common bundle in the language (the application's message source is out of reach here). */
	private static String common(String key, Locale locale, String otherwise) {
		try {
			var language = "ru".equals(locale.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ROOT;
			return ResourceBundle.getBundle("i18n/common", language,
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key).replace("''", "'");
		}
		catch (MissingResourceException missing) {
			return otherwise;
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}
}
