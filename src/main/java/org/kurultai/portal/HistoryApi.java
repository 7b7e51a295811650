package org.kurultai.portal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.shared.AccessLevel;
import org.kurultai.meetings.Meetings;
import org.kurultai.timeline.EventKind;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.shared.NotFound;
import org.kurultai.timeline.Timeline;
import org.kurultai.timeline.TimelineEntry;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Meetings and timeline", description = "Meetings of the bodies and the forum's history in date order")
class HistoryApi {

	private final Meetings meetings;
	private final Timeline timeline;
	private final AccessPolicy access;

	private final org.kurultai.meetings.MeetingPolicy policy;

	HistoryApi(Meetings meetings, Timeline timeline, AccessPolicy access, org.kurultai.meetings.MeetingPolicy policy) {
		this.policy = policy;
		this.meetings = meetings;
		this.timeline = timeline;
		this.access = access;
	}

	@GetMapping(path = "/api/meetings", produces = "application/json")
	@Operation(summary = "Meetings overlapping from–to (inclusive, both optional), optionally of one body (code, e.g. CHSG, CMFA, SOC)")
	List<MeetingSummary> meetings(@RequestParam @Nullable String body,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return access.visible(access.currentViewer(), meetings.find(body, from, to), Meeting::access).stream().map(HistoryApi::summary)
				.toList();
	}

	@GetMapping(path = "/api/meetings/{id}", produces = "application/json")
	@Operation(summary = "A meeting with its outcomes, the level of each delegation where the sources say, and every plan it had",
			description = "plans: first to current, each with its reason; who recorded a plan (recordedBy) only for the Secretariat.")
	MeetingDetail meeting(@PathVariable String id) {
		var meeting = meetings.meeting(id);
		var viewer = access.currentViewer();
		if (!access.maySee(viewer, meeting.access())) {
			// a closed meeting does not exist for those it is closed to
			throw NotFound.of("problem.notFound.meeting", id);
		}
		var knowsWho = policy.mayKnowWhoRecorded(viewer);
		return new MeetingDetail(summary(meeting), meeting.chairedBy(), meeting.outcomes(),
				meeting.delegations().stream().map(delegation -> new DelegationView(delegation.participant(),
						delegation.level().name(), delegation.head())).toList(),
				meeting.sources().references(), meeting.note(), org.kurultai.meetings.MeetingLevel.of(meeting.body()), meeting.plan(),
				meeting.registrationCloses(),
				meetings.plans(id, viewer).stream().map(plan -> org.kurultai.meetings.PlanView.of(plan, knowsWho)).toList());
	}

	@GetMapping(path = "/api/timeline", produces = "application/json")
	@Operation(summary = "Dated events from–to (inclusive, both optional) in date order, each with its source")
	List<TimelineView> timeline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return access.visible(access.currentViewer(), timeline.between(from, to), TimelineEntry::access).stream()
				.map(entry -> new TimelineView(entry.date(), entry.precision().name(),
				entry.title(), entry.kind(), entry.sources().primary(), entry.sources().references())).toList();
	}

	private static MeetingSummary summary(Meeting meeting) {
		return new MeetingSummary(meeting.id(), meeting.body(), meeting.number(), meeting.title(), meeting.from(), meeting.until(),
				meeting.place(), meeting.online(), meeting.host(), meeting.chair(), meeting.status(), meeting.access().level());
	}

	record MeetingSummary(String id, String body, @Nullable Integer number, String title, LocalDate from, LocalDate until,
			@Nullable String place, boolean online, @Nullable String host, @Nullable String chair, MeetingStatus status,
			AccessLevel access) {
	}

	record MeetingDetail(MeetingSummary meeting, @Nullable String chairedBy, List<String> outcomes,
			List<DelegationView> delegations, List<String> sources, @Nullable String note, org.kurultai.meetings.MeetingLevel level,
			int plan, java.time.@Nullable Instant registrationCloses, List<org.kurultai.meetings.PlanView> plans) {
	}

	record DelegationView(String participant, String level, @Nullable String head) {
	}

	record TimelineView(LocalDate date, String precision, String title, EventKind kind, String source, List<String> sources) {
	}
}
