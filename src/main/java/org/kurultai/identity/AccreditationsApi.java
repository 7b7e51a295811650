package org.kurultai.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
	@Operation(summary = "A national coordinator proposes a delegate of their participant")
	AccreditationView propose(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody Proposal proposal) {
		return view(accreditations.propose(user.account(), proposal.person()));
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

	record Proposal(@NotBlank @Email @Size(max = 254) String person) {
	}

	record AccreditationView(UUID id, String person, String participant, Accreditation.Stage stage, LocalDate proposedOn,
			@Nullable LocalDate accreditedOn, @Nullable LocalDate endedOn) {
	}

	private AccreditationView view(Accreditation accreditation) {
		var person = accounts.byId(accreditation.account()).map(Account::email).orElse(accreditation.account().toString());
		return new AccreditationView(accreditation.id(), person, accreditation.participant(), accreditation.stage(),
				accreditation.proposedOn(), accreditation.accreditedOn(), accreditation.endedOn());
	}
}
