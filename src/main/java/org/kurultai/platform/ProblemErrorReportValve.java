package org.kurultai.platform;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Errors that Tomcat answers before a request reaches the application (a request line or headers
 * too large or malformed) are RFC 9457 problem documents too, not Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		var status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var resolved = HttpStatus.resolve(status);
		var title = resolved == null ? "Error" : resolved.getReasonPhrase();
		var type = status >= 500 ? "internal" : status == 404 ? "not-found" : "bad-request";
		var detail = status >= 500 ? "The request could not be completed; nothing was changed."
				: "The request could not be read (too large or malformed); nothing was changed.";
		try {
			response.setContentType("application/problem+json");
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
