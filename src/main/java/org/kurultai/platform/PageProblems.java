package org.kurultai.platform;

import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Errors on the web pages: an error page that says what went wrong, with the right status. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

	@ExceptionHandler
	ModelAndView notFound(NotFound exception) {
		return ErrorPages.page(HttpStatus.NOT_FOUND, exception.getMessage());
	}

	@ExceptionHandler
	ModelAndView notAllowed(org.kurultai.shared.NotAllowed exception) {
		return ErrorPages.page(HttpStatus.FORBIDDEN, exception.getMessage());
	}

	@ExceptionHandler
	ModelAndView refused(org.kurultai.shared.RuleViolation exception) {
		return ErrorPages.page(HttpStatus.CONFLICT, exception.getMessage());
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidRequest exception) {
		return ErrorPages.page(HttpStatus.BAD_REQUEST, exception.getMessage());
	}

	@ExceptionHandler
	ModelAndView raced(org.springframework.dao.ConcurrencyFailureException exception) {
		return ErrorPages.page(HttpStatus.CONFLICT, "Another request changed this record at the same moment; nothing was written. Try again.");
	}

	@ExceptionHandler
	ModelAndView refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException exception) {
		return ErrorPages.page(HttpStatus.CONFLICT, "The request conflicts with the records as they stand; nothing was written.");
	}

	@ExceptionHandler
	ModelAndView mismatch(TypeMismatchException exception) {
		return ErrorPages.page(HttpStatus.BAD_REQUEST,
				"'%s' is not a valid value here; dates are written YYYY-MM-DD.".formatted(exception.getValue()));
	}
}
