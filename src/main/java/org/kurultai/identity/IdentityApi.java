package org.kurultai.identity;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.shared.ForumClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity", description = "Who is signed in and what they may do today")
class IdentityApi {

	private final ActingRights rights;
	private final ForumClock clock;

	IdentityApi(ActingRights rights, ForumClock clock) {
		this.rights = rights;
		this.clock = clock;
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

	record Me(String email, String name, Role role, @Nullable String participant, LocalDate asOf, Capacity capacity,
			boolean mayObject, boolean maySpeak) {
	}
}
