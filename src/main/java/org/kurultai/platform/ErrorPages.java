package org.kurultai.platform;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path: a problem document for the API (and for clients that ask for
 * JSON), an error page for people, in their language, with the header they see on every page
 * (signed in or not). Replaces Spring Boot's legacy error JSON.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	private static final String STATUS = ErrorPages.class.getName() + ".status";

	private static final String DETAIL = ErrorPages.class.getName() + ".detail";

	private static final String DETAIL_KEY = ErrorPages.class.getName() + ".detailKey";

	/** A page's refusal: rendered at /error with its status and what it says. */
	static ModelAndView forward(HttpServletRequest request, HttpStatus status, String detail) {
		request.setAttribute(STATUS, status);
		request.setAttribute(DETAIL, detail);
		return new ModelAndView("forward:/error");
	}

	/**
	 * A refusal made before Spring MVC (a filter), to be shown by the error page the container's error dispatch renders
	 * ({@code response.sendError}): its status and what it says, a message key said in the page's language.
	 */
	static void refuse(HttpServletRequest request, HttpStatus status, String detailKey) {
		request.setAttribute(STATUS, status);
		request.setAttribute(DETAIL_KEY, detailKey);
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, Locale locale) {
		if (request.getAttribute(STATUS) instanceof HttpStatus refused && request.getAttribute(DETAIL) instanceof String detail) {
			return page(refused, detail, locale);
		}
		if (request.getAttribute(STATUS) instanceof HttpStatus refused && request.getAttribute(DETAIL_KEY) instanceof String key) {
			return page(refused, messages.getMessage(key, null, locale), locale);
		}
		var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly, not forwarded here by an error: there is nothing at /error
		var status = HttpStatus.resolve(code instanceof Integer value ? value : 404);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		var forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		var uri = forwarded != null ? String.valueOf(forwarded) : request.getRequestURI();
		var accept = String.valueOf(request.getHeader("Accept"));
		var detail = status == HttpStatus.NOT_FOUND ? messages.getMessage("error.detail.missing", new Object[] { uri }, locale)
				: status.is5xxServerError() ? messages.getMessage("error.detail.internal", null, locale)
				: title(status, locale);
		if (uri.startsWith("/api/") || uri.startsWith("/v3/") || accept.contains(MediaType.APPLICATION_JSON_VALUE)
				|| accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
			var type = status == HttpStatus.NOT_FOUND ? "not-found" : status.is5xxServerError() ? "internal" : "bad-request";
			var problem = ApiProblems.literal(status, type, status.getReasonPhrase(), detail);
			problem.getBody().setInstance(java.net.URI.create(uri.startsWith("/") ? uri.replaceAll("[^A-Za-z0-9/._~-]", "") : "/"));
			return problem;
		}
		return page(status, status == HttpStatus.FORBIDDEN ? messages.getMessage("error.detail.forbidden", null, locale) : detail, locale);
	}

	/** The error page: the status, its name, what went wrong and the request's id, in the page's language. */
	ModelAndView page(HttpStatus status, String detail, Locale locale) {
		var model = new java.util.HashMap<String, Object>(Map.of("status", status.value(), "title", title(status, locale), "detail", detail));
		// the request's id, for the person to quote when they report the problem (it names the request's log lines)
		var id = RequestIds.current();
		if (id != null) {
			model.put("requestId", id);
		}
		var view = new ModelAndView("error", model);
		view.setStatus(status);
		return view;
	}

	/** What a refusal says, in the page's language where it can say it (a message key of its own), else its message. */
	String detail(Exception exception, Locale locale) {
		if (exception instanceof org.kurultai.shared.Refusal refusal) {
			return refusal.localizedMessage(messages, locale);
		}
		if (exception instanceof MessageSourceResolvable resolvable) {
			return messages.getMessage(resolvable, locale);
		}
		var message = exception.getLocalizedMessage();
		return message == null ? title(HttpStatus.BAD_REQUEST, locale) : message;
	}

	String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private String title(HttpStatus status, Locale locale) {
		return messages.getMessage("error.title." + status.value(), null, status.getReasonPhrase(), locale);
	}
}
