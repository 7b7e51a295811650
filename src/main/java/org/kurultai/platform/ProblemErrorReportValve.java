package org.kurultai.platform;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.kurultai.shared.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Errors that Tomcat answers before a request reaches the application (a request line or headers
 * too large or malformed) are RFC 9457 problem documents too, not Tomcat's HTML page, in the
 * request's language where it can be read.
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
		var type = status >= 500 ? "internal" : status == 404 ? "not-found" : "bad-request";
		var title = ProblemWriter.title(type, resolved == null ? "Error" : resolved.getReasonPhrase(), locale);
		var detail = Refusal.format(null, status >= 500 ? "problem.internal" : "problem.unreadableRequest", null, locale);
		try {
			response.setContentType("application/problem+json");
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
			response.setCharacterEncoding("UTF-8");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(ProblemWriter.json(status, title, type, detail));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response is committed: nothing more can be said
		}
	}
}
