package org.kurultai.identity;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in, one's own account, and the Secretariat's list of accounts. */
@Controller
class IdentityPages {

	private final Accounts accounts;
	private final ActingRights rights;
	private final ForumClock clock;

	IdentityPages(Accounts accounts, ActingRights rights, ForumClock clock) {
		this.accounts = accounts;
		this.rights = rights;
		this.clock = clock;
	}

	@GetMapping("/login")
	String login(@RequestParam @Nullable String error, @RequestParam @Nullable String throttled, Model model) {
		model.addAttribute("title", "Sign in");
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		return "login";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal KurultaiUser user, Model model) {
		model.addAttribute("title", "Your account");
		model.addAttribute("account", user.account());
		model.addAttribute("mandate", rights.of(user.account(), clock.today()));
		return "account";
	}

	@GetMapping("/admin/accounts")
	String accounts(Model model) {
		model.addAttribute("title", "Accounts");
		model.addAttribute("accounts", accounts.all());
		return "admin-accounts";
	}
}
