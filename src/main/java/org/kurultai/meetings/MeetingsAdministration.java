package org.kurultai.meetings;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.KurultaiUser;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Secretariat records meetings, public or closed. */
@RestController
@Tag(name = "Meetings and timeline")
class MeetingsAdministration {

	private final Meetings meetings;
	private final ForumClock clock;

	MeetingsAdministration(Meetings meetings, ForumClock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	@PostMapping(path = "/api/meetings", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "The Secretariat schedules or records a meeting of a body, with its access level")
	Scheduled schedule(@AuthenticationPrincipal KurultaiUser user, @Valid @RequestBody NewMeeting request) {
		var until = request.until() == null ? request.from() : request.until();
		if (until.isBefore(request.from())) {
			throw InvalidRequest.of("until", "problem.meeting.endsBeforeStart", until, request.from());
		}
		var level = request.access() == null ? AccessLevel.PUBLIC : request.access();
		var named = new java.util.TreeSet<String>();
		for (var code : request.named() == null ? List.<String>of() : request.named()) {
			if (code == null || code.isBlank()) {
				throw InvalidRequest.of("named", "problem.meeting.nameByCode");
			}
			named.add(code.trim().toUpperCase(java.util.Locale.ROOT));
		}
		var meeting = meetings.schedule(request.body(), request.title(), request.from(), until, request.place(),
				Boolean.TRUE.equals(request.online()), request.host(), new Access(level, java.util.Set.copyOf(named)), clock.today(),
				user.account().email(), user.account().actsFor());
		return new Scheduled(meeting.id(), meeting.status(), meeting.access().level());
	}

	record NewMeeting(@NotBlank @Size(max = 10) String body, @NotBlank @Size(max = 300) String title, @NotNull LocalDate from,
			@Nullable LocalDate until, @Nullable @Size(max = 200) String place, @Nullable Boolean online,
			@Nullable @Size(max = 10) String host, @Nullable AccessLevel access, @Nullable List<@Size(max = 10) String> named) {
	}

	record Scheduled(String id, MeetingStatus status, AccessLevel access) {
	}
}
