package org.kurultai.identity;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule of the route table: a request that reaches a handler nobody wrote a rule for is
 * denied; a request that reaches no handler at all passes on, to be answered 404 like any address
 * that leads nowhere.
 */
class UnknownRoutes implements AuthorizationManager<RequestAuthorizationContext> {

	private final ApplicationContext context;
	private volatile List<RequestMappingInfoHandlerMapping> mappings;

	UnknownRoutes(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext object) {
		return new AuthorizationDecision(!reachesAHandler(object.getRequest()));
	}

	private boolean reachesAHandler(HttpServletRequest request) {
		if (mappings == null) {
			mappings = List.copyOf(context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values());
		}
		var parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
		if (!parsed) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			for (var mapping : mappings) {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			return false;
		}
		catch (Exception routeExistsForAnotherMethodOrType) {
			return true;
		}
		finally {
			if (!parsed) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}
}
