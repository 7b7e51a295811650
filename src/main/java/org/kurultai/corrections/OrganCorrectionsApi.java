package org.kurultai.corrections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.organs.SupersededClaim;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Secretariat's corrections of chair terms, bodies' names and heads of the Secretariat: {@code corrects} names
 * the entry replaced (a term or a head by the day it began, a name as recorded), which is kept as superseded; without
 * it the entry is added. Refused with a problem (400 for a bad value, 409 for a rule such as overlapping terms, 403
 * for anyone but the Secretariat), writing nothing.
 */
@RestController
@Tag(name = "Corrections", description = "The Secretariat records facts of the forum's history that no decision in Kurultai caused")
class OrganCorrectionsApi {

	private final OrganCorrections corrections;

	OrganCorrectionsApi(OrganCorrections corrections) {
		this.corrections = corrections;
	}

	@PostMapping(path = "/api/chairmanship/terms", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a chair term (in place of the term beginning on 'corrects', kept as superseded)")
	Corrected term(@AuthenticationPrincipal KurultaiUser user, @RequestBody ChairTermCorrection request) {
		var corrected = corrections.correct(user.account(), request);
		var term = corrected.entry();
		return new Corrected("CHAIR_TERM", term.chair(), term.from(), term.until(), term.sources().references(), term.note(),
				Superseded.of(corrected.superseded()));
	}

	@PostMapping(path = "/api/bodies/{code}/names", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a name of a body (in place of the name 'corrects', kept as superseded)")
	Corrected name(@AuthenticationPrincipal KurultaiUser user, @PathVariable String code, @RequestBody BodyNameCorrection request) {
		var corrected = corrections.correct(user.account(), code, request);
		var name = corrected.entry();
		return new Corrected("BODY_NAME", name.name(), name.from(), name.until(), name.sources().references(), request.note(),
				Superseded.of(corrected.superseded()));
	}

	@PostMapping(path = "/api/secretariat/heads", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a head of the Secretariat (in place of the head who took office on 'corrects', kept as superseded)")
	Corrected head(@AuthenticationPrincipal KurultaiUser user, @RequestBody SecretariatHeadCorrection request) {
		var corrected = corrections.correct(user.account(), request);
		var head = corrected.entry();
		return new Corrected("SECRETARIAT_HEAD", head.person(), head.from(), head.until(), head.sources().references(), head.note(),
				Superseded.of(corrected.superseded()));
	}

	/** What was recorded, and what it superseded (null: an entry added). */
	record Corrected(String record, String subject, @Nullable LocalDate from, @Nullable LocalDate until, List<String> sources,
			@Nullable String note, @Nullable Superseded superseded) {
	}

	record Superseded(String subject, @Nullable String detail, @Nullable LocalDate from, @Nullable LocalDate until, List<String> sources,
			@Nullable Instant supersededAt, String supersededBy, String reason) {

		static @Nullable Superseded of(@Nullable SupersededClaim claim) {
			return claim == null ? null : new Superseded(claim.subject(), claim.detail(), claim.from(), claim.until(),
					claim.claimSources().references(), claim.at(), claim.by(), claim.reason());
		}
	}

}
