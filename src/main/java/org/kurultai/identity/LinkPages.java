package org.kurultai.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** The page for a one-time link that does not work: 404 for one nobody issued, 410 for one used, expired or replaced. */
final class LinkPages {

	private LinkPages() {
	}

	static String gone(RuntimeException refused, String purpose, Model model, HttpServletResponse response) {
		var unknown = refused instanceof Accounts.LinkUnknown;
		response.setStatus(unknown ? 404 : 410);
		model.addAttribute("status", unknown ? 404 : 410);
		model.addAttribute("unknown", unknown);
		model.addAttribute("purpose", purpose);
		return "link-gone";
	}
}
