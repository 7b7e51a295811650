package org.kurultai.portal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The API names a source as the pages do: a seed document ({@code seed:<file>}, the reference data's internal name for it)
 * by its public address where it has one, otherwise by its title ({@link SourceTitles}, in English like the open data, so
 * that a program reads the same whatever its language); a web page stays its address. Done once here, for every JSON answer
 * of {@code /api/**}, so no module's answer can show an internal file name, whichever record kind or field ({@code sources},
 * {@code source}, {@code sources.references}) carries it. Requests are untouched: what a client sends is kept as sent.
 */
@RestControllerAdvice
class ApiSourceTitles implements ResponseBodyAdvice<Object> {

	/** A whole string value that is a seed document's reference. */
	private static final Pattern SEED = Pattern.compile("seed:[A-Za-z0-9_.-]+");

	private final SourceTitles titles;
	private final JsonMapper json;

	ApiSourceTitles(SourceTitles titles, JsonMapper json) {
		this.titles = titles;
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return converterType.getSimpleName().contains("Jackson");
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (body == null || body instanceof CharSequence || body instanceof byte[] || body instanceof Resource || body instanceof ProblemDetail
				|| !request.getURI().getPath().startsWith("/api/")
				|| !(MediaType.APPLICATION_JSON.isCompatibleWith(selectedContentType) || selectedContentType.getSubtype().endsWith("+json"))) {
			return body;
		}
		JsonNode tree = json.valueToTree(body);
		return rewrite(tree) ? tree : body;
	}

	/** Replaces, in place, each seed reference in the tree; whether there was one. */
	private boolean rewrite(JsonNode node) {
		boolean changed = false;
		if (node instanceof ObjectNode object) {
			for (var name : java.util.List.copyOf(object.propertyNames())) {
				var value = object.get(name);
				if (isSeed(value)) {
					object.put(name, shown(value.asString()));
					changed = true;
				}
				else {
					changed |= rewrite(value);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				var value = array.get(i);
				if (isSeed(value)) {
					array.set(i, StringNode.valueOf(shown(value.asString())));
					changed = true;
				}
				else {
					changed |= rewrite(value);
				}
			}
		}
		return changed;
	}

	private static boolean isSeed(JsonNode node) {
		return node.isString() && SEED.matcher(node.asString()).matches();
	}

	/** Where the seed is public, its address; otherwise its title. */
	private String shown(String reference) {
		var source = titles.of(reference, Locale.ENGLISH);
		return source.url() != null ? source.url() : source.title();
	}
}
