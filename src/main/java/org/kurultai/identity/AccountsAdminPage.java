package org.kurultai.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/accounts}: every account with its status and last sign-in, filtered by role, State and status; the forms
 * to open an account, change its role, State, name or language, deactivate, reactivate and invite again. A refused form
 * comes back with the message beside its field and what was typed kept.
 */
@Controller
class AccountsAdminPage {

	private final Accounts accounts;
	private final MessageSource messages;

	AccountsAdminPage(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	/** What a refused form brings back: which form, what was typed, the messages by field. */
	record Refused(String form, @Nullable UUID account, Map<String, String> typed, Map<String, String> errors) {
	}

	@GetMapping("/admin/accounts")
	String page(@AuthenticationPrincipal KurultaiUser user, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String participant, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String done, Model model, Locale locale, HttpServletResponse response) {
		Map<String, String> filterErrors = new LinkedHashMap<>();
		Role roleFilter = null;
		Account.Status statusFilter = null;
		try {
			roleFilter = AccountsAdminApi.role(role);
		}
		catch (InvalidRequest invalid) {
			filterErrors.put("role", messages.getMessage("accounts.error.role", null, locale));
		}
		try {
			statusFilter = AccountsAdminApi.status(status);
		}
		catch (InvalidRequest invalid) {
			filterErrors.put("status", messages.getMessage("accounts.error.status", null, locale));
		}
		if (!filterErrors.isEmpty()) {
			response.setStatus(400);
		}
		model.addAttribute("filter", Map.of("role", role == null ? "" : role, "participant", participant == null ? "" : participant,
				"status", status == null ? "" : status));
		model.addAttribute("filterErrors", filterErrors);
		model.addAttribute("done", done == null || !done.matches("[a-z-]{1,40}") ? null : done);
		return page(user, model, locale, roleFilter, AccountsAdminApi.participant(participant), statusFilter, null);
	}

	private String page(KurultaiUser user, Model model, Locale locale, @Nullable Role role, @Nullable String participant,
			Account.@Nullable Status status, @Nullable Refused refused) {
		model.addAttribute("accounts", accounts.listed(role, participant, status));
		model.addAttribute("participantNames", accounts.participantNames(locale));
		model.addAttribute("roles", Role.values());
		model.addAttribute("statuses", Account.Status.values());
		model.addAttribute("me", user.account().id());
		model.addAttribute("refused", refused == null ? new Refused("", null, Map.of(), Map.of()) : refused);
		if (!model.containsAttribute("filter")) {
			model.addAttribute("filter", Map.of("role", "", "participant", "", "status", ""));
			model.addAttribute("filterErrors", Map.of());
			model.addAttribute("done", null);
		}
		return "admin-accounts";
	}

	@PostMapping("/admin/accounts")
	String open(@AuthenticationPrincipal KurultaiUser user, @RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String displayName, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String participant, @RequestParam(required = false) @Nullable String language,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			accounts.invite(user.account(), email, displayName, role, blankToNull(participant), language);
			return "redirect:/admin/accounts?done=opened";
		}
		catch (RuntimeException refused) {
			var typed = typed("email", email, "displayName", displayName, "role", role, "participant", participant, "language", language);
			return refused(refused, "open", null, typed, user, model, locale, response);
		}
	}

	@PostMapping("/admin/accounts/{id}")
	String change(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String displayName, @RequestParam(required = false) @Nullable String role,
			@RequestParam(required = false) @Nullable String participant, @RequestParam(required = false) @Nullable String language,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			accounts.change(id, new Accounts.Change(displayName, blankToNull(role),
					participant != null, blankToNull(participant), blankToNull(language)), user.account());
			return "redirect:/admin/accounts?done=changed";
		}
		catch (RuntimeException refused) {
			var typed = typed("displayName", displayName, "role", role, "participant", participant, "language", language);
			return refused(refused, "change", id, typed, user, model, locale, response);
		}
	}

	@PostMapping("/admin/accounts/{id}/deactivation")
	String deactivate(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			accounts.deactivate(id, user.account());
			return "redirect:/admin/accounts?done=deactivated";
		}
		catch (RuntimeException refused) {
			return refused(refused, "status", id, Map.of(), user, model, locale, response);
		}
	}

	@PostMapping("/admin/accounts/{id}/reactivation")
	String reactivate(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			accounts.reactivate(id, user.account());
			return "redirect:/admin/accounts?done=reactivated";
		}
		catch (RuntimeException refused) {
			return refused(refused, "status", id, Map.of(), user, model, locale, response);
		}
	}

	@PostMapping("/admin/accounts/{id}/invitation")
	String invite(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			accounts.resendInvitation(id, user.account());
			return "redirect:/admin/accounts?done=invited";
		}
		catch (RuntimeException refused) {
			return refused(refused, "status", id, Map.of(), user, model, locale, response);
		}
	}

	private String refused(RuntimeException exception, String form, @Nullable UUID account, Map<String, String> typed,
			KurultaiUser user, Model model, Locale locale, HttpServletResponse response) {
		if (!(exception instanceof Accounts.Refusal refusal)) {
			throw exception;
		}
		response.setStatus(exception instanceof org.kurultai.shared.RuleViolation ? 409 : 400);
		return page(user, model, locale, null, null, null, new Refused(form, account, typed, FormErrors.of(refusal, messages, locale)));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static Map<String, String> typed(String... namesAndValues) {
		var typed = new LinkedHashMap<String, String>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
		}
		return typed;
	}
}
