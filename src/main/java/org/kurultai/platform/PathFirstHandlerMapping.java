package org.kurultai.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler look-up with the path tested first, and cheaply. A request whose path has no mapping of its own
 * (any path with a variable, such as {@code /api/decisions/{id}/objections}) is tested against every one of the ~250
 * mappings, and {@link RequestMappingInfo#getMatchingCondition} tests the method, parameters, headers,
 * {@code Content-Type}, {@code Accept} and API version before the path: each POST mapping read and parsed headers for a
 * path it can never match, and even the path test reads the parsed path from the request's attributes through every
 * wrapper of the filter chain. Here a mapping is first passed over when the path, as written, does not begin with the
 * literal part of any of its patterns (up to the last {@code /} before a variable or wildcard); the others are tested
 * exactly as Spring does. A path with {@code %} or {@code ;} (whose segments match in their decoded form, without
 * their parameters) is always tested in full. A condition is a pure test and the look-up keeps a mapping only when every
 * condition holds, so the order changes what it costs, not what it finds ({@code PathFirstHandlerMappingIntegrationTests}
 * compares the two on every mapping and every path made from them). ADR 13, fourth pass.
 */
final class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/** The path being looked up on this thread (a look-up may nest: an error dispatch within a dispatch). */
	private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

	/** Each mapping's literal prefixes, one per pattern. */
	private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		var outer = LOOKUP_PATH.get();
		LOOKUP_PATH.set(lookupPath);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			if (outer == null) {
				LOOKUP_PATH.remove();
			}
			else {
				LOOKUP_PATH.set(outer);
			}
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		return getMatchingMapping(info, request, LOOKUP_PATH.get());
	}

	/** The mapping's condition that matches the request, as Spring's; {@code path}: the look-up path, if known. */
	@Nullable
	RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request, @Nullable String path) {
		var patterns = info.getPathPatternsCondition();
		if (patterns != null) {
			if (path != null && path.indexOf('%') < 0 && path.indexOf(';') < 0 && !fits(path, prefixes.computeIfAbsent(info, PathFirstHandlerMapping::prefixes))) {
				return null;
			}
			if (patterns.getMatchingCondition(request) == null) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean fits(String path, String[] prefixes) {
		for (var prefix : prefixes) {
			if (path.startsWith(prefix) && (path.length() == prefix.length() || prefix.isEmpty() || path.charAt(prefix.length()) == '/')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Per pattern, what every path it matches begins with: the pattern up to the last {@code /} before its first variable
	 * or wildcard (all of it if it has none), with no {@code /} at the end, so that {@code /css/**} also fits {@code /css}.
	 */
	static String[] prefixes(RequestMappingInfo info) {
		var patterns = info.getPathPatternsCondition();
		if (patterns == null) {
			return new String[] { "" };
		}
		return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(PathFirstHandlerMapping::prefix).toArray(String[]::new);
	}

	static String prefix(String pattern) {
		int wild = pattern.length();
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				wild = i;
				break;
			}
		}
		var literal = wild == pattern.length() ? pattern : pattern.substring(0, pattern.lastIndexOf('/', wild - 1) + 1);
		while (literal.endsWith("/")) {
			literal = literal.substring(0, literal.length() - 1);
		}
		return literal;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		WebMvcRegistrations pathFirstHandlerMapping() {
			return new WebMvcRegistrations() {
				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new PathFirstHandlerMapping();
				}
			};
		}
	}
}
