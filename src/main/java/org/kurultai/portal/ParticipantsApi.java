package org.kurultai.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.registry.DecisionRef;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.registry.StatusPeriod;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.DateSpan;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/participants", produces = "application/json")
@Tag(name = "Participants", description = "Member and observer States and organizations, as of any date")
class ParticipantsApi {

	private final Registry registry;
	private final ForumClock clock;
	private final AccessPolicy access;

	ParticipantsApi(Registry registry, ForumClock clock, AccessPolicy access) {
		this.registry = registry;
		this.clock = clock;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Participants holding a status on a date (default: today), ordered by name")
	List<ParticipantSummary> participants(
			@Parameter(description = "The date, YYYY-MM-DD; default today") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
			@Parameter(description = "MEMBER, OBSERVER or PARTNER; default all") @RequestParam @Nullable String status) {
		var day = asOf == null ? clock.today() : asOf;
		var wanted = status == null || status.isBlank() ? null : ParticipantStatus.named(status);
		return registry.standingsOn(day, wanted).stream()
				.map(standing -> new ParticipantSummary(standing.code().value(), standing.name(), standing.kind(), standing.status(),
						standing.since()))
				.toList();
	}

	@GetMapping("/counts")
	@Operation(summary = "How many members, observer States, observer organizations and partners on a date, derived from the status periods")
	Counts counts(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var census = registry.roster().census(day);
		return new Counts(day, census.members(), census.observerStates(), census.observerOrganizations(),
				census.of(ParticipantStatus.PARTNER, ParticipantKind.ORGANIZATION));
	}

	@GetMapping("/changes")
	@Operation(summary = "Every change of status after 'from' up to and including 'to'")
	List<Change> changes(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		new DateSpan(from, to);
		return registry.roster().changesBetween(from, to).stream()
				.map(change -> new Change(change.on(), change.code().value(), change.name(), change.before(), change.after(),
						change.how()))
				.toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "A participant with its whole status history (each period with the decision that caused it and the one that "
			+ "ended it, where one did), signatures of the founding documents, sources, and the claims corrections superseded")
	ParticipantDetail participant(@PathVariable String code) {
		var participant = registry.participant(ParticipantCode.parse(code));
		var today = clock.today();
		// who corrected the history is known to the Secretariat and the participant's own delegation (as who acted for it)
		var mayKnowWho = access.mayKnowWhoActedFor(access.currentViewer(), participant.code().value());
		return new ParticipantDetail(participant.code().value(), participant.kind(), participant.name(),
				new Names(participant.names().shortEn(), participant.names().officialEn(), participant.names().shortRu(),
						participant.names().officialRu()),
				participant.statusOn(today).orElse(null), participant.inStatusSince(today).orElse(null),
				participant.periods().stream().map(ParticipantsApi::period).toList(),
				participant.signatures().stream().map(signature -> new SignatureView(signature.document(), signature.signedOn(),
						signature.inferred(), signature.sources().references(), signature.note())).toList(),
				registry.superseded(participant.code()).stream()
						.map(claim -> new Superseded(period(claim.claim()), claim.replacedBy(), claim.at(), mayKnowWho ? claim.by() : null,
								claim.reason(), claim.sources().references()))
						.toList());
	}

	private static Period period(StatusPeriod period) {
		return new Period(period.status(), period.from(), period.precision().name(), period.until(), period.how(), period.admittedAt(),
				period.ordinal(), period.sources().references(), period.note(), decision(period.decision()), decision(period.endedBy()));
	}

	private static @Nullable DecisionLink decision(@Nullable DecisionRef decision) {
		return decision == null ? null : new DecisionLink(decision.id(), decision.register());
	}

	record ParticipantSummary(String code, String name, ParticipantKind kind, ParticipantStatus status, LocalDate since) {
	}

	record Counts(LocalDate asOf, int members, int observerStates, int observerOrganizations, int partnerOrganizations) {
	}

	record Change(LocalDate on, String code, String name, @Nullable ParticipantStatus before, @Nullable ParticipantStatus after,
			String how) {
	}

	record Names(String shortEn, String officialEn, @Nullable String shortRu, @Nullable String officialRu) {
	}

	record ParticipantDetail(String code, ParticipantKind kind, String name, Names names, @Nullable ParticipantStatus status,
			@Nullable LocalDate since, List<Period> history, List<SignatureView> signatures, List<Superseded> superseded) {
	}

	/** A period of the history; {@code decision} caused it, {@code endedBy} ended it (null: no decision of the register did). */
	record Period(ParticipantStatus status, LocalDate from, String precision, @Nullable LocalDate until, String how,
			@Nullable String admittedAt, @Nullable Integer ordinal, List<String> sources, @Nullable String note,
			@Nullable DecisionLink decision, @Nullable DecisionLink endedBy) {
	}

	/** A decision of the register: its id (page /decisions/{id}) and register symbol, which a recorded decision may lack. */
	record DecisionLink(long id, @Nullable String register) {
	}

	/**
	 * A claim of the history a correction superseded, as it stood: replaced by the period from
	 * {@code replacedBy}, at {@code supersededAt}, by {@code supersededBy} (an e-mail, shown to the
	 * Secretariat and the participant's own delegation; null to others), because of {@code reason}.
	 */
	record Superseded(Period claim, LocalDate replacedBy, Instant supersededAt, @Nullable String supersededBy, String reason,
			List<String> sources) {
	}

	record SignatureView(String document, LocalDate signedOn, boolean inferred, List<String> sources, @Nullable String note) {
	}
}
