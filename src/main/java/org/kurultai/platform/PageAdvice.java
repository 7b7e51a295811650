package org.kurultai.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: the forum's name in the page's language, and where the page is (for the language switch to come back to). */
@ControllerAdvice(annotations = Controller.class)
class PageAdvice {

	private final ForumProperties forum;

	PageAdvice(ForumProperties forum) {
		this.forum = forum;
	}

	/** The forum's name in the page's language. */
	@ModelAttribute("forum")
	String forum(java.util.Locale locale) {
		return forum.name(locale);
	}

	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		// an error page (a forward or the container's error dispatch) comes back to the address that was asked for
		for (var prefix : new String[] { "jakarta.servlet.forward.", "jakarta.servlet.error." }) {
			if (request.getAttribute(prefix + "request_uri") instanceof String uri) {
				var query = prefix.endsWith("forward.") ? request.getAttribute(prefix + "query_string") : null;
				return LanguageConfiguration.LanguageSwitch.local(uri + (query == null ? "" : "?" + query));
			}
		}
		var query = request.getQueryString();
		return LanguageConfiguration.LanguageSwitch.local(request.getRequestURI() + (query == null ? "" : "?" + query));
	}
}
