package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Secretariat (or the chairing State, for the bodies it chairs: {@link MeetingPolicy}) convenes meetings, changes
 * their plans and keeps their agendas.
 */
@RestController
@Tag(name = "Meetings and timeline")
class MeetingsAdministration {

	private final Meetings meetings;
	private final AccessPolicy access;
	private final MeetingPolicy policy;

	MeetingsAdministration(Meetings meetings, AccessPolicy access, MeetingPolicy policy) {
		this.meetings = meetings;
		this.access = access;
		this.policy = policy;
	}

	@PostMapping(path = "/api/meetings", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Convene (or record) a meeting of a body, with its access level and registration deadline",
			description = "The Secretariat for every body; the national coordinator of the State chairing the forum for the governing "
					+ "bodies (Summit, Ministerial Council, Senior Officials Committee, Deputy Ministers). registrationCloses is an ISO-8601 "
					+ "instant (e.g. 2026-12-01T18:00:00Z); left out, a meeting ahead closes registration at the end of the day seven days "
					+ "before its first day in the forum's time zone.")
	Scheduled schedule(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewMeeting request) {
		var level = request.access() == null ? AccessLevel.PUBLIC : request.access();
		var named = new java.util.TreeSet<String>();
		for (var code : request.named() == null ? List.<String>of() : request.named()) {
			if (code == null || code.isBlank()) {
				throw InvalidRequest.of("named", "problem.meeting.nameByCode");
			}
			named.add(code.trim().toUpperCase(java.util.Locale.ROOT));
		}
		var meeting = meetings.convene(user.account(), new Meetings.Convening(request.body(), request.title(), request.from(),
				request.until(), request.place(), Boolean.TRUE.equals(request.online()), request.host(),
				new Access(level, java.util.Set.copyOf(named)), request.registrationCloses()));
		return new Scheduled(meeting.id(), meeting.status(), meeting.access().level(), meeting.registrationCloses());
	}

	@PatchMapping(path = "/api/meetings/{id}", consumes = "application/json", produces = "application/json")
	@Operation(summary = "A new plan for a meeting (postponed, moved, turned online, cancelled), with its reason",
			description = "Fields left out keep the current plan's value; a new first day without a last day keeps the meeting's length; "
					+ "cancelled: true calls the meeting off. The reason is required. Earlier plans are kept. A cancelled or held "
					+ "meeting, and a plan identical to the current one, are refused (409).")
	ChangedMeeting change(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @Valid @RequestBody NewPlan request) {
		var meeting = meetings.changePlan(id, new PlanChange(request.from(), request.until(), request.place(), request.online(),
				request.host(), request.registrationCloses(), request.cancelled(), request.reason()), user.account());
		var viewer = access.currentViewer();
		var knowsWho = policy.mayKnowWhoRecorded(viewer);
		return new ChangedMeeting(meeting.id(), meeting.plan(), meeting.status(), meeting.from(), meeting.until(), meeting.place(),
				meeting.online(), meeting.host(), meeting.registrationCloses(),
				meetings.plans(id, viewer).stream().map(plan -> PlanView.of(plan, knowsWho)).toList());
	}

	@GetMapping(path = "/api/meetings/{id}/agenda", produces = "application/json")
	@Operation(summary = "A meeting's agenda (current, or ?version=n), with the list of its versions",
			description = "Seen at the meeting's access level; under each item only the documents and decisions the caller may see; "
					+ "who saved a version only for the Secretariat. A meeting without an agenda answers version 0 with no items.")
	AgendaView agenda(@PathVariable String id, @RequestParam @Nullable Integer version) {
		var viewer = access.currentViewer();
		var versions = meetings.agendas(id, viewer);
		if (version != null && (version < 1 || version > versions.size())) {
			throw org.kurultai.shared.NotFound.of("problem.notFound.agendaVersion", id, version);
		}
		var knowsWho = policy.mayKnowWhoRecorded(viewer);
		var history = versions.stream().map(v -> new AgendaVersionView(v.version(), v.adopted(), v.reason(), v.recordedAt(),
				knowsWho ? v.recordedBy() : null)).toList();
		if (versions.isEmpty()) {
			return new AgendaView(id, 0, false, List.of(), history);
		}
		var shown = versions.get((version == null ? versions.size() : version) - 1);
		return new AgendaView(id, shown.version(), shown.adopted(), shown.items(), history);
	}

	@PutMapping(path = "/api/meetings/{id}/agenda", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Save a meeting's whole agenda as its next version",
			description = "Items in order, each with title, documents (ids), decisions (ids) and status (PROPOSED, TAKEN, DEFERRED). "
					+ "adopted: true at the opening (not before the first day); once adopted it stays adopted and each change needs a reason. "
					+ "The Secretariat, or the chairing State's coordinator for the bodies it chairs.")
	AgendaView saveAgenda(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id,
			@Valid @RequestBody NewAgenda request) {
		var items = request.items() == null ? List.<Meetings.ItemDraft>of() : request.items().stream()
				.map(item -> item == null ? null : new Meetings.ItemDraft(item.title(), item.documents(), item.decisions(), item.status()))
				.toList();
		var saved = meetings.saveAgenda(id, new Meetings.AgendaDraft(items, Boolean.TRUE.equals(request.adopted()), request.reason()),
				user.account());
		return agenda(id, saved.version());
	}

	record NewMeeting(@NotBlank @Size(max = 10) String body, @NotBlank @Size(max = 300) String title, @NotNull LocalDate from,
			@Nullable LocalDate until, @Nullable @Size(max = 200) String place, @Nullable Boolean online,
			@Nullable @Size(max = 10) String host, @Nullable AccessLevel access, @Nullable List<@Size(max = 10) String> named,
			@Nullable Instant registrationCloses) {
	}

	record Scheduled(String id, MeetingStatus status, AccessLevel access, @Nullable Instant registrationCloses) {
	}

	record NewPlan(@Nullable LocalDate from, @Nullable LocalDate until, @Nullable @Size(max = 200) String place,
			@Nullable Boolean online, @Nullable @Size(max = 10) String host, @Nullable Instant registrationCloses,
			@Nullable Boolean cancelled, @Nullable @Size(max = 2000) String reason) {
	}

	record ChangedMeeting(String id, int plan, MeetingStatus status, LocalDate from, LocalDate until, @Nullable String place,
			boolean online, @Nullable String host, @Nullable Instant registrationCloses, List<PlanView> plans) {
	}

	record NewItem(@Nullable @Size(max = 500) String title, @Nullable @Size(max = 50) List<@Size(max = 100) String> documents,
			@Nullable @Size(max = 50) List<Long> decisions, @Nullable AgendaItemStatus status) {
	}

	record NewAgenda(@Nullable @Size(max = 100) List<@Valid NewItem> items, @Nullable Boolean adopted,
			@Nullable @Size(max = 2000) String reason) {
	}

	record AgendaVersionView(int version, boolean adopted, @Nullable String reason, Instant recordedAt, @Nullable String recordedBy) {
	}

	record AgendaView(String meeting, int version, boolean adopted, List<AgendaItem> items, List<AgendaVersionView> versions) {
	}
}
