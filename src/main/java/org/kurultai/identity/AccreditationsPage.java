package org.kurultai.identity;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The delegations page: the Secretariat sees and accredits all; a coordinator proposes and ends for their own. */
@Controller
class AccreditationsPage {

	private final Accreditations accreditations;
	private final Accounts accounts;

	AccreditationsPage(Accreditations accreditations, Accounts accounts) {
		this.accreditations = accreditations;
		this.accounts = accounts;
	}

	@GetMapping("/accreditations")
	String page(@AuthenticationPrincipal KurultaiUser user, Model model) {
		var list = accreditations.visibleTo(user.account());
		model.addAttribute("title", "Accreditations");
		model.addAttribute("accreditations", list);
		model.addAttribute("people", accounts.all().stream().collect(Collectors.toMap(Account::id, Function.identity())));
		model.addAttribute("mayPropose", user.account().role() == Role.NATIONAL_COORDINATOR);
		model.addAttribute("mayAccredit", user.account().role().isSecretariat());
		return "accreditations";
	}

	@PostMapping("/accreditations")
	String propose(@AuthenticationPrincipal KurultaiUser user, @RequestParam String person) {
		accreditations.propose(user.account(), person);
		return "redirect:/accreditations";
	}

	@PostMapping("/accreditations/{id}/accredit")
	String accredit(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		accreditations.accredit(id, user.account());
		return "redirect:/accreditations";
	}

	@PostMapping("/accreditations/{id}/end")
	String end(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		accreditations.end(id, user.account());
		return "redirect:/accreditations";
	}
}
