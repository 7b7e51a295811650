package org.kurultai.portal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyKind;
import org.kurultai.organs.BodyStatus;
import org.kurultai.organs.ChairTerm;
import org.kurultai.organs.Organs;
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

	OrgansApi(Organs organs, Registry registry, ForumClock clock) {
		this.organs = organs;
		this.registry = registry;
		this.clock = clock;
	}

	@GetMapping(path = "/api/bodies", produces = "application/json")
	@Operation(summary = "The bodies that existed on a date (default today), each with the name it bore then")
	List<BodySummary> bodies(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		return organs.bodiesOn(day).stream().map(body -> summary(body, day)).toList();
	}

	@GetMapping(path = "/api/bodies/{code}", produces = "application/json")
	@Operation(summary = "A body with all its names, members and disputed facts")
	BodyDetail body(@PathVariable String code) {
		var body = organs.body(code);
		var today = clock.today();
		return new BodyDetail(summary(body, today), body.createdHow(), body.purpose(),
				body.names().stream().map(name -> new NameView(name.name(), name.shortName(), name.from(), name.until(),
						name.renamedBy(), name.sources().references())).toList(),
				body.members().stream().map(member -> new MemberView(member.participant(), member.person(), member.role(),
						member.from(), member.until(), member.sources().references())).toList(),
				body.claims().stream().map(claim -> new ClaimView(claim.topic(), claim.value(), claim.sources().references(),
						claim.note())).toList(),
				body.sources().references());
	}

	@GetMapping(path = "/api/chairmanship", produces = "application/json")
	@Operation(summary = "The chair on a date (default today) with the previous and the next chair (the Troika); next is null until decided")
	ChairmanshipView chairmanship(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var troika = organs.chairmanship().troikaOn(day);
		var roster = registry.roster();
		return new ChairmanshipView(day, chair(troika.current(), roster), chair(troika.previous(), roster),
				chair(troika.next(), roster));
	}

	@GetMapping(path = "/api/chairmanship/terms", produces = "application/json")
	@Operation(summary = "Every term of the chairmanship, in order")
	List<TermView> terms() {
		var roster = registry.roster();
		return organs.chairmanship().terms().stream().map(term -> new TermView(term.chair(), name(term.chair(), roster),
				term.from(), term.until(), term.decidedOn(), term.handoverOccasion(), term.sources().references(), term.note()))
				.toList();
	}

	@GetMapping(path = "/api/secretariat", produces = "application/json")
	@Operation(summary = "The Secretariat on a date (default today): its seat and the title and holder of its head")
	SecretariatView secretariat(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		var day = asOf == null ? clock.today() : asOf;
		var secretariat = organs.secretariat();
		return new SecretariatView(day, secretariat.seatOn(day).map(seat -> seat.place()).orElse(null),
				secretariat.titleOn(day).map(title -> title.title()).orElse(null),
				secretariat.headOn(day).map(head -> head.person()).orElse(null));
	}

	private static BodySummary summary(Body body, LocalDate day) {
		return new BodySummary(body.code(), body.nameOn(day).name(), body.nameOn(day).shortName(), body.kind(), body.status(),
				body.reportsTo(), body.createdOn(), body.frequency());
	}

	private static @Nullable Chair chair(@Nullable ChairTerm term, Roster roster) {
		return term == null ? null : new Chair(term.chair(), name(term.chair(), roster), term.from(), term.until());
	}

	private static String name(String code, Roster roster) {
		return roster.find(ParticipantCode.of(code)).map(participant -> participant.name()).orElse(code);
	}

	record BodySummary(String code, String name, @Nullable String shortName, BodyKind kind, BodyStatus status,
			@Nullable String reportsTo, @Nullable LocalDate createdOn, @Nullable String frequency) {
	}

	record BodyDetail(BodySummary body, @Nullable String createdHow, @Nullable String purpose, List<NameView> names,
			List<MemberView> members, List<ClaimView> disputed, List<String> sources) {
	}

	record NameView(String name, @Nullable String shortName, @Nullable LocalDate from, @Nullable LocalDate until,
			@Nullable String renamedBy, List<String> sources) {
	}

	record MemberView(@Nullable String participant, @Nullable String person, String role, @Nullable LocalDate from,
			@Nullable LocalDate until, List<String> sources) {
	}

	record ClaimView(String topic, String value, List<String> sources, @Nullable String note) {
	}

	record Chair(String code, String name, LocalDate from, @Nullable LocalDate until) {
	}

	record ChairmanshipView(LocalDate asOf, @Nullable Chair chair, @Nullable Chair previous, @Nullable Chair next) {
	}

	record TermView(String code, String name, LocalDate from, @Nullable LocalDate until, @Nullable LocalDate decidedOn,
			@Nullable String handoverOccasion, List<String> sources, @Nullable String note) {
	}

	record SecretariatView(LocalDate asOf, @Nullable String seat, @Nullable String headTitle, @Nullable String head) {
	}
}
