package org.kurultai.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The links of every page to static resources (the webjars' version-less addresses, {@code /css/…}, {@code /js/…}) are
 * resolved by Spring's resource chain once per address, not per link and request.
 *
 * <p>Spring Boot enables the resource chain because webjars-locator-lite is on the class path, and then registers a
 * {@link ResourceUrlEncodingFilter}: every {@code @{…}} link a template writes ({@code response.encodeURL}) is looked up
 * as a static resource in each class-path location ({@code /**} is mapped to them), and a link that is not one — almost
 * every link, {@code /participants/KAZ} say — is looked up again on every request, as the resolver chain caches only
 * what it found. Profiled under load, those class-path look-ups took 62 % of the CPU (issue 13). This filter takes its
 * place (Spring Boot's backs off when one is registered): only the static resources' prefixes are asked, and each
 * answer is kept (the resources in the application's jar do not change while it runs). Every page shows the same
 * addresses as before ({@code /webjars/htmx.org/dist/htmx.min.js} still becomes the versioned address).
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

	/** The addresses of the static resources (as {@code identity.RouteRules} opens them); no other link is one. */
	static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/", "/favicon.ico");

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(ObjectProvider<ResourceUrlProvider> resources) {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new Filter(resources));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Resolves a link to a static resource once; any other link is left as it is. */
	static final class Filter extends ResourceUrlEncodingFilter {

		private final ObjectProvider<ResourceUrlProvider> resources;
		private final Map<String, String> resolved = new ConcurrentHashMap<>();

		Filter(ObjectProvider<ResourceUrlProvider> resources) {
			this.resources = resources;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
			if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
				chain.doFilter(request, new Links(httpResponse, http.getContextPath(), this));
			}
			else {
				chain.doFilter(request, response);
			}
		}

		/** The address of a link as the resource chain resolves it (the same address when it is no static resource). */
		String resolve(String contextPath, String url) {
			if (!url.startsWith(contextPath) || !isStatic(url, contextPath.length())) {
				return url;
			}
			int end = url.length();
			for (int i = contextPath.length(); i < url.length(); i++) {
				var c = url.charAt(i);
				if (c == '?' || c == '#' || c == ';') {
					end = i;
					break;
				}
			}
			var lookupPath = url.substring(contextPath.length(), end);
			var found = resolved.get(lookupPath);
			if (found == null) {
				var provider = resources.getIfAvailable();
				if (provider == null || provider.getHandlerMap().isEmpty()) {
					// the resource handlers are not known yet (the context is starting): nothing to keep
					return url;
				}
				@Nullable String resolvedPath = provider.getForLookupPath(lookupPath);
				found = resolvedPath == null ? lookupPath : resolvedPath;
				resolved.put(lookupPath, found);
			}
			return found.equals(lookupPath) ? url : contextPath + found + url.substring(end);
		}

		private static boolean isStatic(String url, int from) {
			for (var prefix : PREFIXES) {
				if (url.startsWith(prefix, from)) {
					return true;
				}
			}
			return false;
		}
	}

	private static final class Links extends HttpServletResponseWrapper {

		private final String contextPath;
		private final Filter filter;

		Links(HttpServletResponse response, String contextPath, Filter filter) {
			super(response);
			this.contextPath = contextPath;
			this.filter = filter;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(filter.resolve(contextPath, url));
		}
	}
}
