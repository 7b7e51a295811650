package org.kurultai.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page for Secretariat administrators: filters and the state of the chain. */
@Controller
class AuditPage {

	private final AuditLog log;

	AuditPage(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam @Nullable String actor, @RequestParam @Nullable String onBehalfOf, @RequestParam @Nullable String action,
			Model model) {
		model.addAttribute("actor", actor);
		model.addAttribute("onBehalfOf", onBehalfOf);
		model.addAttribute("action", action);
		model.addAttribute("entries", log.find(new AuditQuery(blankToNull(actor), blankToNull(onBehalfOf), blankToNull(action), null,
				null, 200)));
		model.addAttribute("verification", log.verify());
		return "admin-audit";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
