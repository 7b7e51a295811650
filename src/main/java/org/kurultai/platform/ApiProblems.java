package org.kurultai.platform;

import java.net.URI;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.Refusal;
import org.kurultai.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the JSON API as an RFC 9457 problem ({@code application/problem+json}), with a
 * stable {@code type} per kind of error. Never a stack trace, never a 500 for bad input. The
 * {@code title} (by type) and the {@code detail} (the refusal's key, {@link Refusal}) are in the
 * request's language ({@link Languages}: the cookie, else {@code Accept-Language}), said by a
 * {@code Content-Language} header; the {@code type} is the same in every language.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	static final String TYPE_BASE = "https://kurultai.org/problems/";


	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound exception) {
		return problem(HttpStatus.NOT_FOUND, "not-found", exception);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidRequest exception) {
		var response = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", exception);
		response.getBody().setProperty("parameter", exception.parameter());
		return response;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAllowed(NotAllowed exception) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", exception);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> ruleViolated(RuleViolation exception) {
		return problem(HttpStatus.CONFLICT, exception.rule(), exception);
	}

	/** Two requests raced for the same record and the database kept them apart: nothing was written. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> raced(org.springframework.dao.ConcurrencyFailureException exception) {
		log.info("Concurrent write refused: {}", exception.getMessage());
		return problem(HttpStatus.CONFLICT, "concurrent-change", "problem.concurrentChange");
	}

	/** A constraint of the database refused the write, which a rule of the domain should have named first. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException exception) {
		log.warn("Write refused by a database constraint: {}", exception.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "conflict", "problem.conflict");
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
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "problem.internal");
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var name = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: String.valueOf(exception.getPropertyName());
		var expected = exception.getRequiredType();
		var key = expected != null && expected.getSimpleName().equals("LocalDate") ? "problem.parameter.date" : "problem.parameter.invalid";
		var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(key, name, String.valueOf(exception.getValue())));
		body.setType(URI.create(TYPE_BASE + "invalid-parameter"));
		body.setTitle(title("invalid-parameter"));
		body.setProperty("parameter", name);
		return ResponseEntity.badRequest().header(HttpHeaders.CONTENT_LANGUAGE, locale().toLanguageTag()).body(body);
	}

	/**
	 * The framework's own refusals (a body that cannot be read, a failed validation, a method or
	 * media type not served …) are said in the request's language too, where we know what they mean.
	 */
	@Override
	protected @org.jspecify.annotations.Nullable ResponseEntity<Object> handleExceptionInternal(Exception exception,
			@org.jspecify.annotations.Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		var response = super.handleExceptionInternal(exception, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			var detail = frameworkDetail(exception);
			if (detail != null) {
				problem.setDetail(detail);
			}
			if (exception instanceof MissingServletRequestParameterException missing) {
				problem.setProperty("parameter", missing.getParameterName());
			}
		}
		return response;
	}

	private @org.jspecify.annotations.Nullable String frameworkDetail(Exception exception) {
		if (exception instanceof HttpRequestMethodNotSupportedException unsupported) {
			return text("problem.http.methodNotSupported", unsupported.getMethod());
		}
		if (exception instanceof HttpMediaTypeNotSupportedException unsupported) {
			return text("problem.http.mediaTypeNotSupported", String.valueOf(unsupported.getContentType()));
		}
		if (exception instanceof HttpMediaTypeNotAcceptableException unacceptable) {
			return text("problem.http.notAcceptable", String.valueOf(unacceptable.getSupportedMediaTypes()));
		}
		if (exception instanceof MissingServletRequestParameterException missing) {
			return text("problem.parameter.missing", missing.getParameterName());
		}
		if (exception instanceof HttpMessageNotReadableException) {
			return text("problem.http.unreadableBody");
		}
		if (exception instanceof MethodArgumentNotValidException || exception instanceof HandlerMethodValidationException) {
			return text("problem.http.invalidContent");
		}
		if (exception instanceof NoResourceFoundException missing) {
			return text("problem.http.noResource", missing.getResourcePath());
		}
		return null;
	}

	/**
	 * The framework's own refusals (a body that cannot be read, a failed validation, a method or
	 * media type not served …) get a stable type of ours too, never the bare {@code about:blank},
	 * a title in the request's language and a {@code Content-Language}.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@org.jspecify.annotations.Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				var status = HttpStatus.resolve(statusCode.value());
				var slug = status == null ? "error" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
				problem.setType(URI.create(TYPE_BASE + slug));
				problem.setTitle(title(slug, status == null ? null : status.getReasonPhrase()));
			}
			var withLanguage = new HttpHeaders();
			withLanguage.putAll(headers);
			withLanguage.set(HttpHeaders.CONTENT_LANGUAGE, locale().toLanguageTag());
			headers = withLanguage;
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	ResponseEntity<ProblemDetail> malformedQuery() {
		return problem(HttpStatus.BAD_REQUEST, "malformed-query", "problem.malformedQuery");
	}

	/** A problem whose detail is a refusal, said in the request's language. */
	ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, Refusal refusal) {
		return problem(status, type, refusal.messageKey(), refusal.messageArguments());
	}

	/** A problem of a type, titled by the type, its detail the text {@code key} of {@code i18n/problems}, in the request's language. */
	ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String key, Object... arguments) {
		var locale = locale();
		var body = ProblemDetail.forStatusAndDetail(status, Refusal.format(getMessageSource(), key, arguments, locale));
		body.setType(URI.create(TYPE_BASE + type));
		body.setTitle(title(type));
		return ResponseEntity.status(status).header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag()).body(body);
	}

	/** The title of a type of problem ({@code problem.type.<type>.title}); a rule of the forum has the title of all rules. */
	String title(String type) {
		return title(type, null);
	}

	private String title(String type, @org.jspecify.annotations.Nullable String otherwise) {
		var locale = locale();
		var key = "problem.type." + type + ".title";
		var title = Refusal.format(getMessageSource(), key, null, locale);
		if (!title.equals(key)) {
			return title;
		}
		return otherwise != null ? otherwise : Refusal.format(getMessageSource(), "problem.type.rule.title", null, locale);
	}

	private String text(String key, Object... arguments) {
		return Refusal.format(getMessageSource(), key, arguments, locale());
	}

	/**
	 * A problem with a literal title and detail (for the container's error path, {@link ErrorPages}); a
	 * refusal of ours is said in the request's language by {@link #problem(HttpStatus, String, String, Object...)}.
	 */
	static ResponseEntity<ProblemDetail> literal(HttpStatus status, String type, String title, String detail) {
		var body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(TYPE_BASE + type));
		body.setTitle(title);
		return ResponseEntity.status(status).body(body);
	}

	/** The request's language, one of the working languages ({@link Languages}). */
	static Locale locale() {
		var supported = Languages.supported(LocaleContextHolder.getLocale().toLanguageTag());
		return supported != null ? supported : Languages.SUPPORTED.get(0);
	}
}
