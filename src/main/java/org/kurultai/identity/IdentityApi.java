package org.kurultai.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import org.kurultai.shared.InvalidRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity", description = "Who is signed in, what they may do today, and their API tokens")
class IdentityApi {

	private final ActingRights rights;
	private final ApiTokens tokens;
	private final ForumClock clock;
	private final OwnPasswords passwords;
	private final SignOuts signOuts;
	private final MessageSource messages;

	IdentityApi(ActingRights rights, ApiTokens tokens, ForumClock clock, OwnPasswords passwords, SignOuts signOuts,
			MessageSource messages) {
		this.rights = rights;
		this.tokens = tokens;
		this.clock = clock;
		this.passwords = passwords;
		this.signOuts = signOuts;
		this.messages = messages;
	}

	@PostMapping(path = "/api/me/password", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Changes your password: {\"current\", \"new\"}. 204; 400 naming the field when the new one breaks the rules "
			+ "(at least 12 characters); 403 when the current one is wrong (counted like failed sign-ins); 429 after too many. "
			+ "Your other sessions end; the one making this request stays")
	void changePassword(@AuthenticationPrincipal KurultaiUser user, @RequestBody PasswordChange change, HttpServletRequest request,
			Locale locale) {
		try {
			var session = request.getSession(false);
			passwords.change(user.account(), change.current(), change.next(), null, request.getRemoteAddr(),
					session == null ? null : session.getId());
		}
		catch (OwnPasswords.Refused refused) {
			throw InvalidRequest.of(refused.field(), "problem.accounts.field", messages.getMessage(refused.message(), null, locale));
		}
	}

	@PostMapping(path = "/api/me/sign-out-everywhere", produces = "application/json")
	@Operation(summary = "Signs you out everywhere: ends all your sessions on every instance (this one too) and revokes all your API tokens")
	SignOuts.Ended signOutEverywhere(@AuthenticationPrincipal KurultaiUser user, HttpServletRequest request) {
		var ended = signOuts.everywhereBy(user.account());
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return ended;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> wrongCurrentPassword(OwnPasswords.WrongCurrentPassword wrong, Locale locale) {
		return problem(HttpStatus.FORBIDDEN, "wrong-current-password", "identity.password.error.wrong-current", locale, "current");
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> throttled(OwnPasswords.Throttled throttled, Locale locale) {
		return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "identity.password.error.throttled", locale, "current");
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String key, Locale locale, String parameter) {
		var body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale));
		body.setType(URI.create("https://kurultai.org/problems/" + type));
		body.setTitle(messages.getMessage(key + ".title", null, locale));
		body.setProperty("parameter", parameter);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	/** A change of one's own password. */
	record PasswordChange(@Nullable String current, @JsonProperty("new") @Nullable String next) {
	}

	@GetMapping(path = "/api/me", produces = "application/json")
	@Operation(summary = "The signed-in person: role, for whom they act, and their capacity today (401 if not signed in)")
	Me me(@AuthenticationPrincipal KurultaiUser user) {
		var today = clock.today();
		var mandate = rights.of(user.account(), today);
		var account = user.account();
		return new Me(account.email(), account.displayName(), account.role(), account.participant(), today, mandate.capacity(),
				mandate.mayObject(), mandate.maySpeak());
	}

	@GetMapping(path = "/api/me/tokens", produces = "application/json")
	@Operation(summary = "Your API tokens (never their secrets)")
	List<TokenView> tokens(@AuthenticationPrincipal KurultaiUser user) {
		return tokens.of(user.account()).stream().map(token -> TokenView.of(token, clock.now())).toList();
	}

	@PostMapping(path = "/api/me/tokens", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Makes a personal API token; its secret is in this answer and nowhere else. Send it as 'Authorization: Bearer <secret>'")
	IssuedView issue(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewToken request) {
		var issued = tokens.issue(user.account(), request.name(), request.expiresInDays());
		return new IssuedView(TokenView.of(issued.token(), clock.now()), issued.secret());
	}

	@DeleteMapping(path = "/api/me/tokens/{id}", produces = "application/json")
	@Operation(summary = "Revokes one of your tokens")
	TokenView revoke(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return TokenView.of(tokens.revoke(id, user.account()), clock.now());
	}

	@GetMapping(path = "/api/admin/tokens", produces = "application/json")
	@Operation(summary = "Every API token (Secretariat administrators)")
	List<TokenView> allTokens() {
		return tokens.all().stream().map(token -> TokenView.of(token, clock.now())).toList();
	}

	@DeleteMapping(path = "/api/admin/tokens/{id}", produces = "application/json")
	@Operation(summary = "Revokes any token (Secretariat administrators)")
	TokenView revokeAny(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return TokenView.of(tokens.revoke(id, user.account()), clock.now());
	}

	record NewToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(ApiTokens.MAXIMUM_DAYS) int expiresInDays) {
	}

	record TokenView(UUID id, UUID account, String name, String prefix, Instant createdAt, Instant expiresAt,
			@Nullable Instant revokedAt, @Nullable Instant lastUsedAt, boolean active) {

		static TokenView of(ApiToken token, Instant now) {
			return new TokenView(token.id(), token.account(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
					token.revokedAt(), token.lastUsedAt(), token.worksAt(now));
		}
	}

	record IssuedView(TokenView token, String secret) {
	}

	record Me(String email, String name, Role role, @Nullable String participant, LocalDate asOf, Capacity capacity,
			boolean mayObject, boolean maySpeak) {
	}
}
