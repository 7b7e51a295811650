package org.kurultai.identity;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /invitations/{secret}}: the page the invitation's link opens. The person sets a password (at least 12
 * characters, kept as an Argon2id hash) and their account is active; a passkey is added after the first sign-in, on
 * the account page. A link used, expired or replaced answers 410, an unknown one 404, and nothing changes.
 */
@Controller
class InvitationPages {

	private final Accounts accounts;
	private final MessageSource messages;

	InvitationPages(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/invitations/{secret}")
	String form(@PathVariable String secret, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("account", accounts.invitation(secret).account());
		}
		catch (Accounts.LinkUnknown | Accounts.LinkGone refused) {
			return LinkPages.gone(refused, "invitation", model, response);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("errors", Map.of());
		return "invitation";
	}

	@PostMapping("/invitations/{secret}")
	String accept(@PathVariable String secret, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String repeated, Model model, Locale locale, HttpServletResponse response) {
		try {
			accounts.acceptInvitation(secret, password, repeated == null ? "" : repeated);
			model.addAttribute("done", "invitation");
			return "link-done";
		}
		catch (Accounts.LinkUnknown | Accounts.LinkGone refused) {
			return LinkPages.gone(refused, "invitation", model, response);
		}
		catch (Accounts.FieldInvalid | Accounts.PasswordTooShort refused) {
			response.setStatus(400);
			model.addAttribute("account", accounts.invitation(secret).account());
			model.addAttribute("secret", secret);
			model.addAttribute("errors", FormErrors.of((Accounts.Refusal) refused, messages, locale));
			return "invitation";
		}
	}
}
