package org.kurultai.identity;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Anyone asks for a password reset; the answer never tells whether the address has an account. */
@RestController
@Tag(name = "Accounts")
class PasswordResetApi {

	static final Map<String, String> ANSWER = Map.of("detail",
			"If an active account has this address, a link to set a new password has been sent to it. It works once, within 1 hour.");

	private final Accounts accounts;

	PasswordResetApi(Accounts accounts) {
		this.accounts = accounts;
	}

	record Request(@Nullable String email) {
	}

	@PostMapping(path = "/api/password-reset", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Asks for a password reset link by e-mail: always 202 with the same answer, whether or not the address has an account",
			description = "A link (one use, valid 1 hour, replacing older ones) is mailed only to an active account. An address that is not "
					+ "an e-mail address at all is a 400.")
	Map<String, String> request(@RequestBody Request request) {
		accounts.requestPasswordReset(request.email());
		return ANSWER;
	}
}
