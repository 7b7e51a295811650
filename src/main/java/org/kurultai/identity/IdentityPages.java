package org.kurultai.identity;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
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
	private final ObjectProvider<ClientRegistrationRepository> ministries;
	private final ApiTokens tokens;
	private final ObjectProvider<org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository> passkeyUsers;
	private final ObjectProvider<org.springframework.security.web.webauthn.management.UserCredentialRepository> passkeyCredentials;

	IdentityPages(Accounts accounts, ActingRights rights, ForumClock clock, ObjectProvider<ClientRegistrationRepository> ministries,
			ApiTokens tokens,
			ObjectProvider<org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository> passkeyUsers,
			ObjectProvider<org.springframework.security.web.webauthn.management.UserCredentialRepository> passkeyCredentials) {
		this.tokens = tokens;
		this.passkeyUsers = passkeyUsers;
		this.passkeyCredentials = passkeyCredentials;
		this.accounts = accounts;
		this.rights = rights;
		this.clock = clock;
		this.ministries = ministries;
	}

	@GetMapping("/login")
	String login(@RequestParam @Nullable String error, @RequestParam @Nullable String throttled, @RequestParam @Nullable String unknown,
			Model model) {
		model.addAttribute("title", "Sign in");
		model.addAttribute("unknown", unknown != null);
		var providers = new java.util.ArrayList<ClientRegistration>();
		if (ministries.getIfAvailable() instanceof Iterable<?> registrations) {
			registrations.forEach(registration -> providers.add((ClientRegistration) registration));
		}
		model.addAttribute("ministries", providers);
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		return "login";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal KurultaiUser user, @RequestParam @Nullable String passkey, Model model) {
		model.addAttribute("title", "Your account");
		model.addAttribute("passkeyAdded", "added".equals(passkey));
		var entity = passkeyUsers.getIfAvailable() == null ? null : passkeyUsers.getObject().findByUsername(user.account().email());
		model.addAttribute("passkeys", entity == null ? java.util.List.of() : passkeyCredentials.getObject().findByUserId(entity.getId()));
		model.addAttribute("account", user.account());
		model.addAttribute("mandate", rights.of(user.account(), clock.today()));
		return "account";
	}

	@GetMapping("/admin/tokens")
	String tokens(Model model) {
		model.addAttribute("title", "API tokens");
		model.addAttribute("tokens", tokens.all());
		model.addAttribute("owners", accounts.all().stream().collect(java.util.stream.Collectors.toMap(Account::id, Account::email)));
		model.addAttribute("now", clock.now());
		return "admin-tokens";
	}

	@org.springframework.web.bind.annotation.PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal KurultaiUser user, @org.springframework.web.bind.annotation.PathVariable java.util.UUID id) {
		tokens.revoke(id, user.account());
		return "redirect:/admin/tokens";
	}
}
