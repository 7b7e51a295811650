package org.kurultai.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/accreditations", produces = "application/json")
@Tag(name = "Accreditations", description = "Delegations: proposed by the national coordinator, accredited by the Secretariat, ended by either")
class AccreditationsApi {

	private final Accreditations accreditations;
	private final AccountRepository accounts;

	AccreditationsApi(Accreditations accreditations, AccountRepository accounts) {
		this.accreditations = accreditations;
		this.accounts = accounts;
	}

	@GetMapping
	@Operation(summary = "Accreditations you may see: all for the Secretariat, your delegation's for a national coordinator")
	List<AccreditationView> list(@AuthenticationPrincipal KurultaiUser user) {
		return accreditations.visibleTo(user.account()).stream().map(this::view).toList();
	}

	@PostMapping(consumes = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A national coordinator proposes a delegate of their participant",
			description = "`person` is the e-mail address. For a person without an account, also give `displayName` and `language` "
					+ "(en or ru): an account is opened as PROPOSED; when the Secretariat accredits, it is confirmed and the invitation "
					+ "goes out. A field that is missing or wrong is a 400 naming it.")
	AccreditationView propose(@AuthenticationPrincipal KurultaiUser user, @RequestBody Proposal proposal) {
		return view(accreditations.propose(user.account(), proposal.person(), proposal.displayName(), proposal.language()));
	}

	@PostMapping("/{id}/accredit")
	@Operation(summary = "The Secretariat accredits a proposed person")
	AccreditationView accredit(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return view(accreditations.accredit(id, user.account()));
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "The national coordinator of that participant, or the Secretariat, ends an accreditation")
	AccreditationView end(@AuthenticationPrincipal KurultaiUser user, @PathVariable UUID id) {
		return view(accreditations.end(id, user.account()));
	}

	record Proposal(@Nullable String person, @Nullable String displayName, @Nullable String language) {
	}

	record AccreditationView(UUID id, String person, @Nullable String personName, Account.@Nullable Status account, String participant,
			Accreditation.Stage stage, LocalDate proposedOn, @Nullable LocalDate accreditedOn, @Nullable LocalDate endedOn) {
	}

	private AccreditationView view(Accreditation accreditation) {
		var person = accounts.byId(accreditation.account());
		return new AccreditationView(accreditation.id(), person.map(Account::email).orElse(accreditation.account().toString()),
				person.map(Account::displayName).orElse(null), person.map(Account::status).orElse(null), accreditation.participant(),
				accreditation.stage(), accreditation.proposedOn(), accreditation.accreditedOn(), accreditation.endedOn());
	}
}
