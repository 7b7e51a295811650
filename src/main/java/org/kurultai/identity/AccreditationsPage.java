package org.kurultai.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The delegations page: the Secretariat sees and accredits all; a coordinator proposes (a person with or without an
 * account) and ends for their own. A refused proposal comes back on the page, the message beside its field.
 */
@Controller
class AccreditationsPage {

	private final Accreditations accreditations;
	private final Accounts accounts;
	private final MessageSource messages;

	AccreditationsPage(Accreditations accreditations, Accounts accounts, MessageSource messages) {
		this.accreditations = accreditations;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/accreditations")
	String page(@AuthenticationPrincipal KurultaiUser user, Model model, Locale locale) {
		return page(user, model, locale, Map.of(), Map.of());
	}

	private String page(KurultaiUser user, Model model, Locale locale, Map<String, String> typed, Map<String, String> errors) {
		var list = accreditations.visibleTo(user.account());
		model.addAttribute("accreditations", list);
		model.addAttribute("people", accounts.all().stream().collect(Collectors.toMap(Account::id, Function.identity())));
		model.addAttribute("participantNames", accounts.participantNames(locale));
		model.addAttribute("mayPropose", user.account().role() == Role.NATIONAL_COORDINATOR);
		model.addAttribute("mayAccredit", user.account().role().isSecretariat());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "accreditations";
	}

	@PostMapping("/accreditations")
	String propose(@AuthenticationPrincipal KurultaiUser user, @RequestParam(required = false) @Nullable String person,
			@RequestParam(required = false) @Nullable String displayName, @RequestParam(required = false) @Nullable String language,
			Model model, Locale locale, HttpServletResponse response) {
		var name = displayName == null || displayName.isBlank() ? null : displayName;
		try {
			accreditations.propose(user.account(), person, name, language == null || language.isBlank() ? null : language);
		}
		catch (RuntimeException refused) {
			if (!(refused instanceof Accounts.Refusal refusal)) {
				throw refused;
			}
			var typed = new LinkedHashMap<String, String>();
			typed.put("person", person == null ? "" : person);
			typed.put("displayName", displayName == null ? "" : displayName);
			typed.put("language", language == null ? "" : language);
			response.setStatus(refused instanceof org.kurultai.shared.RuleViolation ? 409 : 400);
			return page(user, model, locale, typed, FormErrors.of(refusal, messages, locale));
		}
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
