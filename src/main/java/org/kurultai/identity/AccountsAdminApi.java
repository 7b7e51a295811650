package org.kurultai.identity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.InvalidRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Secretariat administrator's accounts: open (invited), change, deactivate, reactivate, invite again. */
@RestController
@RequestMapping(path = "/api/admin/accounts", produces = "application/json")
@Tag(name = "Accounts", description = "The Secretariat administrator opens, changes, deactivates and reactivates accounts")
class AccountsAdminApi {

	private final Accounts accounts;

	AccountsAdminApi(Accounts accounts) {
		this.accounts = accounts;
	}

	record AccountView(UUID id, String email, String displayName, Role role, @Nullable String participant, String language,
			Account.Status status, Instant createdAt, @Nullable Instant lastSignedInAt) {

		static AccountView of(Accounts.Listed listed) {
			var a = listed.account();
			return new AccountView(a.id(), a.email(), a.displayName(), a.role(), a.participant(), a.language().getLanguage(), a.status(),
					a.createdAt(), listed.lastSignedInAt());
		}

		static AccountView of(Account a) {
			return of(new Accounts.Listed(a, null));
		}
	}

	record Opening(@Nullable String email, @Nullable String displayName, @Nullable String role, @Nullable String participant,
			@Nullable String language) {
	}

	@Schema(description = "Only the fields given change; \"participant\": null takes the participant away")
	record Change(@Nullable String displayName, @Nullable String role, @Nullable String participant, @Nullable String language) {
	}

	@GetMapping
	@Operation(summary = "Every account with its status and last sign-in, filtered by role, participant and status")
	List<AccountView> list(@RequestParam(required = false) @Nullable String role, @RequestParam(required = false) @Nullable String participant,
			@RequestParam(required = false) @Nullable String status) {
		return accounts.listed(role(role), participant(participant), status(status)).stream().map(AccountView::of).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One account")
	AccountView one(@PathVariable UUID id) {
		return AccountView.of(accounts.listed(id));
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Opens an account: it is INVITED, and the invitation (a one-time link valid 72 hours) is sent in the person's language",
			description = "A missing or wrong field is a 400 problem naming it (`parameter`); an e-mail address with an account is a 409.")
	ResponseEntity<AccountView> open(@AuthenticationPrincipal KurultaiUser user, @RequestBody Opening opening) {
		var account = accounts.invite(user.account(), opening.email(), opening.displayName(), opening.role(), opening.participant(),
				opening.language());
		return ResponseEntity.created(URI.create("/api/admin/accounts/" + account.id())).body(AccountView.of(account));
	}

	@PatchMapping(path = "/{id}", consumes = "application/json")
	@Operation(summary = "Changes name, role, participant or language; a new role or participant signs the person out everywhere",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = Change.class))))
	AccountView change(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id, @RequestBody Map<String, Object> body) {
		var known = Set.of("displayName", "role", "participant", "language");
		for (var field : body.keySet()) {
			if (!known.contains(field)) {
				throw InvalidRequest.of(field, "problem.accounts.unknownField", field, known);
			}
		}
		return AccountView.of(accounts.change(id, new Accounts.Change(text(body, "displayName"), text(body, "role"),
				body.containsKey("participant"), text(body, "participant"), text(body, "language")), user.account()));
	}

	@PostMapping("/{id}/deactivation")
	@Operation(summary = "Deactivates an account: its sessions and API tokens end at once (not one's own, not the last active administrator)")
	AccountView deactivate(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return AccountView.of(accounts.deactivate(id, user.account()));
	}

	@PostMapping("/{id}/reactivation")
	@Operation(summary = "Reactivates an account: active again if it was ever active, else invited again (a new invitation)")
	AccountView reactivate(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return AccountView.of(accounts.reactivate(id, user.account()));
	}

	@PostMapping("/{id}/invitation")
	@Operation(summary = "Sends the invitation again: a new link; the old one no longer works")
	AccountView invite(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return AccountView.of(accounts.resendInvitation(id, user.account()));
	}

	private static @Nullable String text(Map<String, Object> body, String field) {
		var value = body.get(field);
		if (value == null || value instanceof String) {
			return (String) value;
		}
		throw InvalidRequest.of(field, "problem.accounts.notAString", field);
	}

	static @Nullable Role role(@Nullable String role) {
		if (role == null || role.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("role", "problem.accounts.role", java.util.Arrays.toString(Role.values()));
		}
	}

	static @Nullable String participant(@Nullable String participant) {
		return participant == null || participant.isBlank() ? null : participant.trim().toUpperCase(Locale.ROOT);
	}

	static Account.@Nullable Status status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Account.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw InvalidRequest.of("status", "problem.accounts.status", java.util.Arrays.toString(Account.Status.values()));
		}
	}
}
