package org.kurultai.identity;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Who may call one route: the public, or people in some roles. A route is a method (null: any)
 * and a path pattern as Spring writes it ({@code /api/participants/{code}}, {@code /css/**}). A {@code scraped} route
 * also admits a metrics scraper that presents the metrics token.
 */
public record RouteRule(@Nullable HttpMethod method, String pattern, boolean isPublic, Set<Role> roles, boolean scraped) {

	public RouteRule {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
	}

	public RouteRule(@Nullable HttpMethod method, String pattern, boolean isPublic, Set<Role> roles) {
		this(method, pattern, isPublic, roles, false);
	}

	/** People in these roles, and a metrics scraper presenting the configured metrics token ({@link MetricsToken}). */
	static RouteRule scrapedOrOnly(HttpMethod method, String pattern, Role... roles) {
		return new RouteRule(method, pattern, false, Set.of(roles), true);
	}

	static RouteRule publicly(HttpMethod method, String pattern) {
		return new RouteRule(method, pattern, true, Set.of());
	}

	static RouteRule signedIn(HttpMethod method, String pattern) {
		return new RouteRule(method, pattern, false, EnumSet.allOf(Role.class));
	}

	static RouteRule only(HttpMethod method, String pattern, Role... roles) {
		return new RouteRule(method, pattern, false, Set.of(roles));
	}

	/** May someone in this role (null: the public) call the route? */
	public boolean allows(@Nullable Role role) {
		return isPublic || (role != null && roles.contains(role));
	}
}
