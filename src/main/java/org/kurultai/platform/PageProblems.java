package org.kurultai.platform;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the web pages: an error page that says what went wrong, in the page's language, with the
 * right status. The page is rendered by {@link ErrorPages} (a forward to /error), so that it is a page
 * like every other, with the header of the person looking (their name, the sign-out button).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final ErrorPages pages;

	PageProblems(ErrorPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFound exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.NOT_FOUND, pages.detail(exception, locale));
	}

	@ExceptionHandler
	ModelAndView notAllowed(org.kurultai.shared.NotAllowed exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.FORBIDDEN, pages.detail(exception, locale));
	}

	@ExceptionHandler
	ModelAndView refused(org.kurultai.shared.RuleViolation exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.CONFLICT, pages.detail(exception, locale));
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidRequest exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.BAD_REQUEST, pages.detail(exception, locale));
	}

	@ExceptionHandler
	ModelAndView raced(org.springframework.dao.ConcurrencyFailureException exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.CONFLICT, pages.message("error.detail.raced", locale));
	}

	@ExceptionHandler
	ModelAndView refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.CONFLICT, pages.message("error.detail.conflict", locale));
	}

	/**
	 * A form body that cannot be read (percent-escapes that are not UTF-8, a parameter without a name): Tomcat parses it when
	 * a handler first asks for a parameter, after {@link MalformedQueryGuard} let the request by. A 400 like the guard's (a
	 * problem for a client asking for JSON, the error page for people), not an exception Tomcat logs with its stack.
	 */
	@ExceptionHandler
	void unreadable(InvalidParameterException exception, HttpServletRequest request, HttpServletResponse response) throws IOException {
		MalformedQueryGuard.refuse(request, response, "bad-request", "problem.unreadableRequest");
	}

	@ExceptionHandler
	ModelAndView mismatch(TypeMismatchException exception, Locale locale, HttpServletRequest request) {
		return ErrorPages.forward(request, HttpStatus.BAD_REQUEST, pages.message("error.detail.value", locale, String.valueOf(exception.getValue())));
	}
}
