package org.kurultai.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of the forum's meetings. */
@Service
@Transactional(readOnly = true)
public class Meetings {

	private final MeetingRepository repository;
	private final Organs organs;
	private final Registry registry;

	Meetings(MeetingRepository repository, Organs organs, Registry registry) {
		this.repository = repository;
		this.organs = organs;
		this.registry = registry;
	}

	/**
	 * Meetings that overlap the span from {@code from} to {@code to} (both optional, inclusive),
	 * optionally of one body, in date order.
	 */
	public List<Meeting> find(@Nullable String body, @Nullable LocalDate from, @Nullable LocalDate to) {
		var span = DateSpan.of(from, to);
		String bodyCode = null;
		if (body != null && !body.isBlank()) {
			bodyCode = body.trim().toUpperCase(java.util.Locale.ROOT);
			if (!organs.isBody(bodyCode)) {
				throw new InvalidRequest("body", "Unknown body '%s'.".formatted(body));
			}
		}
		return repository.find(bodyCode, span.from(), span.to());
	}

	public Meeting meeting(String id) {
		return repository.find(id).orElseThrow(() -> new NotFound("meeting", id));
	}

	public Map<String, Integer> delegationCounts() {
		return repository.delegationCounts();
	}

	public boolean exists(String id) {
		return repository.exists(id);
	}

	/** Records a meeting of a body, refusing one whose body, host, chair or delegations are unknown. */
	@Transactional
	public void record(Meeting meeting) {
		if (!organs.isBody(meeting.body())) {
			throw new NotFound("body", meeting.body());
		}
		for (var participant : participantsNamedIn(meeting)) {
			if (!registry.isRegistered(ParticipantCode.of(participant))) {
				throw new NotFound("participant", participant);
			}
		}
		if (repository.exists(meeting.id())) {
			throw new MeetingAlreadyRecorded(meeting.id());
		}
		repository.save(meeting);
	}

	private static List<String> participantsNamedIn(Meeting meeting) {
		var named = new java.util.ArrayList<String>();
		if (meeting.host() != null) {
			named.add(meeting.host());
		}
		if (meeting.chair() != null) {
			named.add(meeting.chair());
		}
		meeting.delegations().forEach(delegation -> named.add(delegation.participant()));
		return named;
	}

	/** A meeting is recorded once. */
	public static class MeetingAlreadyRecorded extends org.kurultai.shared.RuleViolation {

		MeetingAlreadyRecorded(String id) {
			super("Meeting " + id + " is already recorded");
		}

		@Override
		public String rule() {
			return "meeting-already-recorded";
		}
	}
}
