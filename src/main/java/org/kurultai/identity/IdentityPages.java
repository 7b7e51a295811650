package org.kurultai.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in; one's own account (changing one's password, signing out everywhere, the language
 * one works in); the Secretariat's lists of accounts and tokens. Pages carry message keys, never
 * sentences: the templates say everything in the page's language.
 */
@Controller
class IdentityPages {

	/** The session attribute in which a refused sign-in leaves the e-mail address typed, for the form to show again. */
	static final String TYPED_EMAIL = IdentityPages.class.getName() + ".typedEmail";

	private final Accounts accounts;
	private final ActingRights rights;
	private final ForumClock clock;
	private final ObjectProvider<ClientRegistrationRepository> ministries;
	private final ApiTokens tokens;
	private final ObjectProvider<PublicKeyCredentialUserEntityRepository> passkeyUsers;
	private final ObjectProvider<UserCredentialRepository> passkeyCredentials;
	private final OwnPasswords passwords;
	private final SignOuts signOuts;
	private final SignIns signIns;
	private final Registry registry;

	IdentityPages(Accounts accounts, ActingRights rights, ForumClock clock, ObjectProvider<ClientRegistrationRepository> ministries,
			ApiTokens tokens, ObjectProvider<PublicKeyCredentialUserEntityRepository> passkeyUsers,
			ObjectProvider<UserCredentialRepository> passkeyCredentials, OwnPasswords passwords, SignOuts signOuts, SignIns signIns,
			Registry registry) {
		this.tokens = tokens;
		this.passkeyUsers = passkeyUsers;
		this.passkeyCredentials = passkeyCredentials;
		this.accounts = accounts;
		this.rights = rights;
		this.clock = clock;
		this.ministries = ministries;
		this.passwords = passwords;
		this.signOuts = signOuts;
		this.signIns = signIns;
		this.registry = registry;
	}

	@GetMapping("/login")
	String login(@RequestParam @Nullable String error, @RequestParam @Nullable String throttled, @RequestParam @Nullable String unknown,
			@RequestParam @Nullable String signedOutEverywhere, HttpServletRequest request, Model model) {
		var session = request.getSession(false);
		if (session != null && session.getAttribute(TYPED_EMAIL) instanceof String typed) {
			session.removeAttribute(TYPED_EMAIL);
			model.addAttribute("username", typed);
		}
		model.addAttribute("unknown", unknown != null);
		var providers = new ArrayList<ClientRegistration>();
		if (ministries.getIfAvailable() instanceof Iterable<?> registrations) {
			registrations.forEach(registration -> providers.add((ClientRegistration) registration));
		}
		model.addAttribute("ministries", providers);
		model.addAttribute("failed", error != null);
		model.addAttribute("throttled", throttled != null);
		model.addAttribute("signedOutEverywhere", signedOutEverywhere != null);
		return "login";
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal KurultaiUser user, @RequestParam @Nullable String passkey,
			@RequestParam @Nullable String password, Model model, Locale locale) {
		model.addAttribute("passkeyAdded", "added".equals(passkey));
		model.addAttribute("passwordChanged", "changed".equals(password));
		return accountPage(user, Map.of(), model, locale);
	}

	/** Changes one's own password; the form comes back with the refusal beside its field. */
	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal KurultaiUser user, @RequestParam @Nullable String current,
			@RequestParam(name = "new") @Nullable String next, @RequestParam @Nullable String repeat, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		try {
			var session = request.getSession(false);
			passwords.change(user.account(), current, next, repeat == null ? "" : repeat, request.getRemoteAddr(),
					session == null ? null : session.getId());
			return "redirect:/account?password=changed";
		}
		catch (OwnPasswords.Refused refused) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return accountPage(user, Map.of(refused.field(), refused.message()), model, locale);
		}
		catch (OwnPasswords.WrongCurrentPassword wrong) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return accountPage(user, Map.of("current", "identity.password.error.wrong-current"), model, locale);
		}
		catch (OwnPasswords.Throttled throttled) {
			response.setStatus(429);
			return accountPage(user, Map.of("current", "identity.password.error.throttled"), model, locale);
		}
	}

	/** Ends every session of the person (this one too) and revokes their tokens; back to the sign-in page. */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal KurultaiUser user, HttpServletRequest request, HttpServletResponse response) {
		signOuts.everywhereBy(user.account());
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/login?signedOutEverywhere";
	}

	private String accountPage(KurultaiUser user, Map<String, String> passwordErrors, Model model, Locale locale) {
		var account = accounts.byEmail(user.account().email()).orElse(user.account());
		var entity = passkeyUsers.getIfAvailable() == null ? null : passkeyUsers.getObject().findByUsername(account.email());
		model.addAttribute("passkeys", entity == null ? List.of() : passkeyCredentials.getObject().findByUserId(entity.getId()));
		model.addAttribute("account", account);
		model.addAttribute("participantName", participantName(account.participant(), locale));
		model.addAttribute("mandate", rights.of(account, clock.today()));
		model.addAttribute("lastSignedIn", signIns.lastSignedIn(account));
		model.addAttribute("sessions", signOuts.sessionsOf(account.email()));
		model.addAttribute("passwordErrors", passwordErrors);
		model.addAttribute("languages", Account.LANGUAGES.stream().map(Locale::getLanguage).toList());
		return "account";
	}

	private @Nullable String participantName(@Nullable String code, Locale locale) {
		if (code == null) {
			return null;
		}
		var names = registry.participant(ParticipantCode.parse(code)).names();
		return names.shortIn(locale);
	}

	@GetMapping("/admin/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", tokens.all());
		model.addAttribute("owners", accounts.all().stream().collect(Collectors.toMap(Account::id, Account::email, (a, b) -> a,
				LinkedHashMap::new)));
		model.addAttribute("now", clock.now());
		return "admin-tokens";
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal KurultaiUser user, @PathVariable java.util.UUID id) {
		tokens.revoke(id, user.account());
		return "redirect:/admin/tokens";
	}
}
