package org.kurultai.tasks;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.Drafting;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.ForumClock;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * When a signed-in person opens a document's page ({@code GET /documents/{id}}) and it is shown to
 * them, what they saw of it — its current version and how many amendments it has — is recorded, so
 * that a draft awaits them again only when it has changed since. Read through {@link Drafting} as
 * the person (the page answered 200, so they may see it); nothing is recorded for the public, for
 * a page that failed, or for a document without text.
 */
@Configuration(proxyBeanMethods = false)
class DocumentPageSeen implements WebMvcConfigurer, HandlerInterceptor {

	private final Drafting drafting;
	private final AccessPolicy access;
	private final SeenDrafts seen;
	private final ForumClock clock;

	DocumentPageSeen(Drafting drafting, AccessPolicy access, SeenDrafts seen, ForumClock clock) {
		this.drafting = drafting;
		this.access = access;
		this.seen = seen;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/documents/*");
	}

	/** After the page's handler succeeded, before it is rendered: what the handler read is what the person sees. */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || page == null || authentication == null
				|| !(authentication.getPrincipal() instanceof KurultaiUser user)) {
			return;
		}
		@SuppressWarnings("unchecked")
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		var id = variables == null ? null : variables.get("id");
		if (id == null) {
			return;
		}
		try {
			var viewer = access.viewer(user.account(), clock.today());
			var document = drafting.document(id, viewer);
			var version = document.latestVersion();
			if (version != null) {
				seen.record(user.account().id(), document.id(), new SeenDrafts.Seen(version, drafting.amendments(document.id(), viewer).size()),
						clock.now());
			}
		}
		catch (RuntimeException notRecorded) {
			// the page was shown; only the record of having seen it is missing, and the draft keeps awaiting the person
			log.warn("Could not record that {} saw document {}", user.account().id(), id, notRecorded);
		}
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentPageSeen.class);
}
