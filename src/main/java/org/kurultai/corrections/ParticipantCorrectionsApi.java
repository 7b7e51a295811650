package org.kurultai.corrections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.StatusPeriod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Secretariat corrects a participant's status history: {@code POST /api/participants/{code}/statuses}. */
@RestController
@Tag(name = "Participants")
class ParticipantCorrectionsApi {

	private final ParticipantCorrections corrections;

	ParticipantCorrectionsApi(ParticipantCorrections corrections) {
		this.corrections = corrections;
	}

	@PostMapping(path = "/api/participants/{code}/statuses", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat records a status period no decision in Kurultai caused, with its sources and a note; with "
			+ "'supersedes' (the first day of the period it corrects) it replaces that period. The earlier claim is kept as superseded "
			+ "(GET /api/participants/{code}, 'superseded'). Audited")
	Corrected correct(@AuthenticationPrincipal KurultaiUser user, @PathVariable String code, @RequestBody NewStatus request) {
		var corrected = corrections.correct(user.account(), code, new ParticipantCorrections.Correction(request.status(), request.from(),
				request.precision(), request.until(), request.sources(), request.note(), request.how(), request.supersedes()));
		return new Corrected(code.trim().toUpperCase(java.util.Locale.ROOT), period(corrected.period()),
				corrected.superseded().stream().map(claim -> new Superseded(period(claim.claim()), claim.at(), claim.by(), claim.reason()))
						.toList());
	}

	private static Period period(StatusPeriod period) {
		return new Period(period.status(), period.from(), period.precision().name(), period.until(), period.how(),
				period.sources().references(), period.note());
	}

	record NewStatus(@Schema(description = "MEMBER, OBSERVER or PARTNER") @Nullable String status,
			@Nullable LocalDate from, @Schema(description = "DAY (default), MONTH, YEAR or ATTESTED") @Nullable String precision,
			@Nullable LocalDate until, @Schema(description = "At least one source: a public address or a document's reference") @Nullable
			List<String> sources, @Schema(description = "Why: the correction's note") @Nullable String note,
			@Schema(description = "How the status came about; by default the corrected period's or 'recorded by the Secretariat'") @Nullable String how,
			@Schema(description = "The first day of the period this one corrects; without it the period is added") @Nullable LocalDate supersedes) {
	}

	record Corrected(String participant, Period period, List<Superseded> superseded) {
	}

	record Period(ParticipantStatus status, LocalDate from, String precision, @Nullable LocalDate until, String how, List<String> sources,
			@Nullable String note) {
	}

	record Superseded(Period claim, Instant supersededAt, String supersededBy, String reason) {
	}
}
