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
 * {@code /password-reset}: anyone asks for a link by e-mail and is told the same whatever the address;
 * {@code /password-reset/{secret}}: the link's page, where a new password is set (the person's other sessions and tokens
 * end). A link used, expired or replaced answers 410, an unknown one 404.
 */
@Controller
class PasswordResetPages {

	private final Accounts accounts;
	private final MessageSource messages;
	private final SetPasswordForm setPassword;

	PasswordResetPages(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
		this.setPassword = new SetPasswordForm("password-reset", "/password-reset/", secret -> accounts.passwordReset(secret).account(),
				accounts::resetPassword, messages);
	}

	@GetMapping("/password-reset")
	String ask(Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("typed", "");
		model.addAttribute("asked", false);
		return "password-reset";
	}

	@PostMapping("/password-reset")
	String asked(@RequestParam(required = false) @Nullable String email, Model model, Locale locale, HttpServletResponse response) {
		try {
			accounts.requestPasswordReset(email);
		}
		catch (Accounts.FieldInvalid invalid) {
			response.setStatus(400);
			model.addAttribute("errors", FormErrors.of(invalid, messages, locale));
			model.addAttribute("typed", email == null ? "" : email);
			model.addAttribute("asked", false);
			return "password-reset";
		}
		model.addAttribute("errors", Map.of());
		model.addAttribute("typed", "");
		model.addAttribute("asked", true);
		return "password-reset";
	}

	@GetMapping("/password-reset/{secret}")
	String form(@PathVariable String secret, Model model, HttpServletResponse response) {
		return setPassword.show(secret, model, response);
	}

	@PostMapping("/password-reset/{secret}")
	String set(@PathVariable String secret, @RequestParam(required = false) @Nullable String password,
			@RequestParam(required = false) @Nullable String repeated, Model model, Locale locale, HttpServletResponse response) {
		return setPassword.submit(secret, password, repeated, model, locale, response);
	}
}
