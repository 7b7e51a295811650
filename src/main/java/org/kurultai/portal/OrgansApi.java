package org.kurultai.portal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.BodyStatus;
import org.kurultai.corrections.OrganCorrections;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.organs.ChairTerm;
import org.kurultai.organs.DecisionRef;
import org.kurultai.organs.Organs;
import org.kurultai.organs.Secretariat;
import org.kurultai.organs.SupersededClaim;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.registry.Roster;
import org.kurultai.shared.ForumClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bodies and chairmanship", description = "The forum's bodies with their names through time, the chairmanship, the Troika and the Secretariat")
class OrgansApi {

	private final Organs organs;
	private final Registry registry;
	private final ForumClock clock;
	private final AccessPolicy access;
	private final OrganCorrections corrections;

	OrgansApi(Organs organs, Registry registry, ForumClock clock, AccessPolicy access, OrganCorrections corrections) {
		this.organs = organs;
		this.registry = registry;
		this.clock = clock;
		this.access = access;
		this.corrections = corrections;
	}

	@GetMapping(path = "/api/bodies", produces = "application/json")
	@Operation(summary = "The bodies that existed on a date (default today), each with the name it bore then")
	List<BodySummary> bodies(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		return organs.bodiesOn(day).stream().map(body -> summary(body, day)).toList();
	}

	@GetMapping(path = "/api/bodies/{code}", produces = "application/json")
	@Operation(summary = "A body with all its names (each with the decision that gave it, if one), members, disputed facts and the names the Secretariat's corrections superseded")
	BodyDetail body(@PathVariable String code) {
		var body = organs.body(code);
		var today = clock.today();
		return new BodyDetail(summary(body, today), body.createdHow(), body.purpose(), decision(body.decision()),
				body.dissolvedOn(), decision(body.dissolvedBy()),
				body.names().stream().map(name -> new NameView(name.name(), name.nameRu(), name.shortName(), name.from(), name.until(),
						name.renamedBy(), name.sources().references(), decision(name.decision()))).toList(),
				body.members().stream().map(member -> new MemberView(member.participant(), member.person(), member.role(),
						member.from(), member.until(), member.sources().references())).toList(),
				body.claims().stream().map(claim -> new ClaimView(claim.topic(), claim.value(), claim.sources().references(),
						claim.note())).toList(),
				body.sources().references(), superseded(SupersededClaim.Record.BODY_NAME, body.code()));
	}

	@GetMapping(path = "/api/chairmanship", produces = "application/json")
	@Operation(summary = "The chair on a date (default today) with the previous and the next chair (the Troika; next is null until decided), the chair-elect (decided, not yet in office, until its handover) and the terms the Secretariat's corrections superseded")
	ChairmanshipView chairmanship(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var chairmanship = organs.chairmanship();
		var troika = chairmanship.troikaOn(day);
		var roster = registry.roster();
		var elect = chairmanship.electOn(day).map(term -> new ChairElect(term.chair(), name(term.chair(), roster), term.decidedOn(),
				term.from(), term.until(), decision(term.decision()))).orElse(null);
		return new ChairmanshipView(day, chair(troika.current(), roster), chair(troika.previous(), roster),
				chair(troika.next(), roster), elect, superseded(SupersededClaim.Record.CHAIR_TERM, null));
	}

	@GetMapping(path = "/api/chairmanship/terms", produces = "application/json")
	@Operation(summary = "Every term of the chairmanship, in order, each with the decision that elected the chair (null when none in the register)")
	List<TermView> terms() {
		var roster = registry.roster();
		return organs.chairmanship().terms().stream().map(term -> new TermView(term.chair(), name(term.chair(), roster),
				term.from(), term.until(), term.decidedOn(), term.handoverOccasion(), term.sources().references(), term.note(),
				decision(term.decision()))).toList();
	}

	@GetMapping(path = "/api/secretariat", produces = "application/json")
	@Operation(summary = "The Secretariat on a date (default today): its seat, the title and holder of its head and the deputies; all its heads, deputies and titles, each with the decision that caused it (null when none), and the heads the Secretariat's corrections superseded")
	SecretariatView secretariat(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var secretariat = organs.secretariat();
		return new SecretariatView(day, secretariat.seatOn(day).map(seat -> seat.place()).orElse(null),
				secretariat.titleOn(day).map(title -> title.title()).orElse(null),
				secretariat.headOn(day).map(head -> head.person()).orElse(null),
				secretariat.deputiesOn(day).stream().map(Secretariat.Head::person).toList(),
				secretariat.heads().stream().map(OrgansApi::holder).toList(),
				secretariat.deputies().stream().map(OrgansApi::holder).toList(),
				secretariat.titles().stream().map(title -> new TitleView(title.title(), title.titleRu(), title.from(), title.until(),
						title.renamedBy(), title.sources().references(), decision(title.decision()))).toList(),
				superseded(SupersededClaim.Record.SECRETARIAT_HEAD, null));
	}

	private static HolderView holder(Secretariat.Head head) {
		return new HolderView(head.person(), head.nationality(), head.from(), head.until(), head.precision().name(),
				head.sources().references(), head.note(), decision(head.decision()));
	}

	private static @Nullable DecisionView decision(@Nullable DecisionRef decision) {
		return decision == null ? null : new DecisionView(decision.id(), decision.register());
	}

	/** The entries the Secretariat's corrections superseded; who did it is told to the Secretariat only. */
	private List<SupersededView> superseded(SupersededClaim.Record record, @Nullable String body) {
		var knowsWho = corrections.mayKnowWhoCorrected(access.currentViewer());
		return organs.superseded(record, body).stream().map(claim -> new SupersededView(claim.subject(), claim.detail(), claim.from(),
				claim.until(), claim.claimSources().references(), claim.claimNote(), decision(claim.decision()), claim.at(),
				knowsWho ? claim.by() : null, claim.reason(), claim.sources().references())).toList();
	}

	private static BodySummary summary(Body body, LocalDate day) {
		return new BodySummary(body.code(), body.nameOn(day).name(), body.nameOn(day).shortName(), body.kind(), body.status(),
				body.reportsTo(), body.createdOn(), body.frequency(), body.dissolvedOn());
	}

	private static @Nullable Chair chair(@Nullable ChairTerm term, Roster roster) {
		return term == null ? null : new Chair(term.chair(), name(term.chair(), roster), term.from(), term.until());
	}

	private static String name(String code, Roster roster) {
		return roster.find(ParticipantCode.of(code)).map(participant -> participant.name()).orElse(code);
	}

	record BodySummary(String code, String name, @Nullable String shortName, BodyKind kind, BodyStatus status,
			@Nullable String reportsTo, @Nullable LocalDate createdOn, @Nullable String frequency, @Nullable LocalDate dissolvedOn) {
	}

	record BodyDetail(BodySummary body, @Nullable String createdHow, @Nullable String purpose, @Nullable DecisionView decision,
			@Nullable LocalDate dissolvedOn, @Nullable DecisionView dissolvedBy, List<NameView> names,
			List<MemberView> members, List<ClaimView> disputed, List<String> sources, List<SupersededView> superseded) {
	}

	record NameView(String name, @Nullable String nameRu, @Nullable String shortName, @Nullable LocalDate from, @Nullable LocalDate until,
			@Nullable String renamedBy, List<String> sources, @Nullable DecisionView decision) {
	}

	/** The decision that caused an entry: its id (its page is /decisions/{id}) and register symbol. */
	record DecisionView(long id, @Nullable String register) {
	}

	/** An entry as it stood before a correction superseded it, with when, by whom (for the Secretariat), why and on which sources. */
	record SupersededView(String subject, @Nullable String detail, @Nullable LocalDate from, @Nullable LocalDate until, List<String> sources,
			@Nullable String note, @Nullable DecisionView decision, java.time.Instant supersededAt, @Nullable String supersededBy,
			String reason, List<String> correctionSources) {
	}

	record MemberView(@Nullable String participant, @Nullable String person, String role, @Nullable LocalDate from,
			@Nullable LocalDate until, List<String> sources) {
	}

	record ClaimView(String topic, String value, List<String> sources, @Nullable String note) {
	}

	record Chair(String code, String name, LocalDate from, @Nullable LocalDate until) {
	}

	/** The State elected to the chair and not yet in office: chair-elect from {@code decidedOn} until its {@code handover}. */
	record ChairElect(String code, String name, @Nullable LocalDate decidedOn, LocalDate handover, @Nullable LocalDate until,
			@Nullable DecisionView decision) {
	}

	record ChairmanshipView(LocalDate asOf, @Nullable Chair chair, @Nullable Chair previous, @Nullable Chair next,
			@Nullable ChairElect chairElect, List<SupersededView> superseded) {
	}

	record TermView(String code, String name, LocalDate from, @Nullable LocalDate until, @Nullable LocalDate decidedOn,
			@Nullable String handoverOccasion, List<String> sources, @Nullable String note, @Nullable DecisionView decision) {
	}

	record HolderView(String person, @Nullable String nationality, LocalDate from, @Nullable LocalDate until, String precision,
			List<String> sources, @Nullable String note, @Nullable DecisionView decision) {
	}

	record TitleView(String title, @Nullable String titleRu, LocalDate from, @Nullable LocalDate until, @Nullable String renamedBy,
			List<String> sources, @Nullable DecisionView decision) {
	}

	record SecretariatView(LocalDate asOf, @Nullable String seat, @Nullable String headTitle, @Nullable String head, List<String> deputiesOn,
			List<HolderView> heads, List<HolderView> deputies, List<TitleView> titles, List<SupersededView> superseded) {
	}
}
