package org.kurultai.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Every problem document Spring MVC writes carries the request's id ({@link RequestIds}) as {@code requestId}. */
@RestControllerAdvice
class ProblemRequestIds implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			var id = RequestIds.current();
			if (id != null && (problem.getProperties() == null || !problem.getProperties().containsKey(RequestIds.KEY))) {
				problem.setProperty(RequestIds.KEY, id);
			}
		}
		return body;
	}
}
