package org.kurultai.platform;

import java.util.Locale;

import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on the web pages: an error page that says what went wrong, in the page's language, with the right status. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	private final ErrorPages pages;

	PageProblems(ErrorPages pages) {
		this.pages = pages;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFound exception, Locale locale) {
		return pages.page(HttpStatus.NOT_FOUND, pages.detail(exception, locale), locale);
	}

	@ExceptionHandler
	ModelAndView notAllowed(org.kurultai.shared.NotAllowed exception, Locale locale) {
		return pages.page(HttpStatus.FORBIDDEN, pages.detail(exception, locale), locale);
	}

	@ExceptionHandler
	ModelAndView refused(org.kurultai.shared.RuleViolation exception, Locale locale) {
		return pages.page(HttpStatus.CONFLICT, pages.detail(exception, locale), locale);
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidRequest exception, Locale locale) {
		return pages.page(HttpStatus.BAD_REQUEST, pages.detail(exception, locale), locale);
	}

	@ExceptionHandler
	ModelAndView raced(org.springframework.dao.ConcurrencyFailureException exception, Locale locale) {
		return pages.page(HttpStatus.CONFLICT, pages.message("error.detail.raced", locale), locale);
	}

	@ExceptionHandler
	ModelAndView refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException exception, Locale locale) {
		return pages.page(HttpStatus.CONFLICT, pages.message("error.detail.conflict", locale), locale);
	}

	@ExceptionHandler
	ModelAndView mismatch(TypeMismatchException exception, Locale locale) {
		return pages.page(HttpStatus.BAD_REQUEST, pages.message("error.detail.value", locale, String.valueOf(exception.getValue())), locale);
	}
}
