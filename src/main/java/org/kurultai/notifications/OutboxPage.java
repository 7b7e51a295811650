package org.kurultai.notifications;

import java.security.Principal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The outbox page for the Secretariat administrator: every mail with its status and, until it has gone, its text. */
@Controller
class OutboxPage {

	private final Outbox outbox;

	OutboxPage(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/admin/outbox")
	String page(@RequestParam @Nullable String status, @RequestParam @Nullable String recipient, Model model) {
		var chosen = status == null || status.isBlank() ? null : OutboxStatus.named(status);
		var query = new Outbox.Query(chosen, recipient, 200);
		model.addAttribute("status", chosen == null ? "" : chosen.slug());
		model.addAttribute("recipient", query.recipient() == null ? "" : query.recipient());
		model.addAttribute("statuses", OutboxStatus.values());
		model.addAttribute("mails", outbox.find(query));
		model.addAttribute("delivering", outbox.delivering());
		return "admin-outbox";
	}

	@PostMapping("/admin/outbox/{id}/retry")
	String retry(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		outbox.retry(id, principal.getName(), "SECRETARIAT");
		redirect.addFlashAttribute("retried", id);
		return "redirect:/admin/outbox";
	}
}
