package org.kurultai.identity;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * The page a one-time link opens to set a password — an invitation's or a password reset's: one form
 * ({@code set-password.html}), one flow. A link used, expired or replaced answers 410, an unknown one 404, and nothing
 * changes; a refused password comes back beside its field.
 */
final class SetPasswordForm {

	/** What the link does once the password is good. */
	interface Act {

		void apply(String secret, @Nullable String password, String repeated);
	}

	private final String kind;

	private final String path;

	private final Function<String, Account> holder;

	private final Act act;

	private final MessageSource messages;

	/**
	 * @param kind {@code invitation} or {@code password-reset} (the page's texts and the "done" page)
	 * @param path the links' path, e.g. {@code /invitations/}
	 * @param holder the account a valid link belongs to (throws {@link Accounts.LinkUnknown} or {@link Accounts.LinkGone})
	 */
	SetPasswordForm(String kind, String path, Function<String, Account> holder, Act act, MessageSource messages) {
		this.kind = kind;
		this.path = path;
		this.holder = holder;
		this.act = act;
		this.messages = messages;
	}

	String show(String secret, Model model, HttpServletResponse response) {
		try {
			return page(secret, holder.apply(secret), Map.of(), model);
		}
		catch (Accounts.LinkUnknown | Accounts.LinkGone refused) {
			return LinkPages.gone(refused, kind, model, response);
		}
	}

	String submit(String secret, @Nullable String password, @Nullable String repeated, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			act.apply(secret, password, repeated == null ? "" : repeated);
			model.addAttribute("done", kind);
			return "link-done";
		}
		catch (Accounts.LinkUnknown | Accounts.LinkGone refused) {
			return LinkPages.gone(refused, kind, model, response);
		}
		catch (Accounts.FieldInvalid | Accounts.PasswordTooShort refused) {
			response.setStatus(400);
			return page(secret, holder.apply(secret), FormErrors.of((Accounts.Refusal) refused, messages, locale), model);
		}
	}

	private String page(String secret, Account account, Map<String, String> errors, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("action", path + secret);
		model.addAttribute("account", account);
		model.addAttribute("errors", errors);
		return "set-password";
	}
}
