package org.kurultai.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person (or null for the public) in every page's model, for the header. */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

	@ModelAttribute("viewer")
	@Nullable Account viewer() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof KurultaiUser user ? user.account() : null;
	}
}
