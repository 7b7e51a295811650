package org.kurultai.platform;

import java.net.URI;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the JSON API as an RFC 9457 problem ({@code application/problem+json}), with a
 * stable {@code type} per kind of error. Never a stack trace, never a 500 for bad input.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final String TYPE_BASE = "https://kurultai.org/problems/";

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound exception) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", exception.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidRequest exception) {
		var response = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", exception.getMessage());
		response.getBody().setProperty("parameter", exception.parameter());
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAllowed(NotAllowed exception) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", exception.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ruleViolated(RuleViolation exception) {
		return problem(HttpStatus.CONFLICT, exception.rule(), "Refused by the rules of the forum", exception.getMessage());
	}

	/** Two requests raced for the same record and the database kept them apart: nothing was written. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> raced(org.springframework.dao.ConcurrencyFailureException exception) {
		log.info("Concurrent write refused: {}", exception.getMessage());
		return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
				"Another request changed this record at the same moment; nothing was written. Try again.");
	}

	/** A constraint of the database refused the write, which a rule of the domain should have named first. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException exception) {
		log.warn("Write refused by a database constraint: {}", exception.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
				"The request conflicts with the records as they stand; nothing was written.");
	}

	/**
	 * The query string could not be read (bad percent-encoding, bytes that are not UTF-8, a parameter
	 * without a name) is refused by {@link MalformedQueryGuard} first; this answers the same where
	 * Tomcat is first asked for a parameter after it (a form body). The client's request is malformed: 400.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableParameters(InvalidParameterException exception) {
		return malformedQuery();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unexpected(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException) {
				return malformedQuery();
			}
		}
		log.error("Unexpected error", exception);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"The request could not be completed; nothing was changed.");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: String.valueOf(exception.getPropertyName());
		var expected = exception.getRequiredType();
		var detail = expected != null && expected.getSimpleName().equals("LocalDate")
				? "Parameter '%s' must be a date written YYYY-MM-DD; got '%s'.".formatted(name, exception.getValue())
				: "Parameter '%s' has an invalid value '%s'.".formatted(name, exception.getValue());
		var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setType(URI.create(TYPE_BASE + "invalid-parameter"));
		body.setTitle("Invalid parameter");
		body.setProperty("parameter", name);
		return ResponseEntity.badRequest().body(body);
	}

	/**
	 * The framework's own refusals (a body that cannot be read, a failed validation, a method or
	 * media type not served …) get a stable type of ours too, never the bare {@code about:blank}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@org.jspecify.annotations.Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			var status = HttpStatus.resolve(statusCode.value());
			var slug = status == null ? "error" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
			problem.setType(URI.create(TYPE_BASE + slug));
			if (problem.getTitle() == null && status != null) {
				problem.setTitle(status.getReasonPhrase());
			}
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	static ResponseEntity<ProblemDetail> malformedQuery() {
		return problem(HttpStatus.BAD_REQUEST, "malformed-query", "Bad Request", MalformedQueryGuard.DETAIL);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		var body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(TYPE_BASE + type));
		body.setTitle(title);
		return ResponseEntity.status(status).body(body);
	}
}
