package org.kurultai.identity;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Who may call one route: the public, or people in some roles. A route is a method (null: any)
 * and a path pattern as Spring writes it ({@code /api/participants/{code}}, {@code /css/**}).
 */
public record RouteRule(@Nullable HttpMethod method, String pattern, boolean isPublic, Set<Role> roles) {

	public RouteRule {
		roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
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
