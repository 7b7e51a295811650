package org.kurultai.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path: a problem document for the API (and for clients that ask for
 * JSON), an error page for people. Replaces Spring Boot's legacy error JSON.
 */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly, not forwarded here by an error: there is nothing at /error
		var status = HttpStatus.resolve(code instanceof Integer value ? value : 404);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		var uri = forwarded != null ? String.valueOf(forwarded) : request.getRequestURI();
		var accept = String.valueOf(request.getHeader("Accept"));
		var detail = status == HttpStatus.NOT_FOUND ? "There is nothing at " + uri + "."
				: status.is5xxServerError() ? "The request could not be completed; nothing was changed."
				: status.getReasonPhrase();
		if (uri.startsWith("/api/") || uri.startsWith("/v3/") || accept.contains(MediaType.APPLICATION_JSON_VALUE)
				|| accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
			var type = status == HttpStatus.NOT_FOUND ? "not-found" : status.is5xxServerError() ? "internal" : "bad-request";
			var problem = ApiProblems.literal(status, type, status.getReasonPhrase(), detail);
			problem.getBody().setInstance(java.net.URI.create(uri.startsWith("/") ? uri.replaceAll("[^A-Za-z0-9/._~-]", "") : "/"));
			return problem;
		}
		return page(status, detail);
	}

	static ModelAndView page(HttpStatus status, String detail) {
		var view = new ModelAndView("error", Map.of("status", status.value(), "title", status.getReasonPhrase(), "detail", detail));
		view.setStatus(status);
		return view;
	}
}
