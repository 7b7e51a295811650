package org.kurultai.identity;

import java.util.Locale;

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

	private final SetPasswordForm form;

	InvitationPages(Accounts accounts, MessageSource messages) {
		this.form = new SetPasswordForm("invitation", "/invitations/", secret -> accounts.invitation(secret).account(),
				accounts::acceptInvitation, messages);
	}

	@GetMapping("/invitations/{secret}")
	String form(@PathVariable String secret, Model model, HttpServletResponse response) {
		return form.show(secret, model, response);
	}

	@PostMapping("/invitations/{secret}")
	String accept(@PathVariable String secret, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String repeated, Model model, Locale locale, HttpServletResponse response) {
		return form.submit(secret, password, repeated, model, locale, response);
	}
}
