package org.kurultai.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.organs.Organs;
import org.kurultai.shared.Access;
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
	private final AuditLog audit;
	private final org.kurultai.shared.ForumClock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	Meetings(MeetingRepository repository, Organs organs, Registry registry, AuditLog audit, org.kurultai.shared.ForumClock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.clock = clock;
		this.organs = organs;
		this.registry = registry;
		this.audit = audit;
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
				throw InvalidRequest.of("body", "problem.body.unknown", body);
			}
		}
		return repository.find(bodyCode, span.from(), span.to());
	}

	public Meeting meeting(String id) {
		return repository.find(id).orElseThrow(() -> NotFound.of("problem.notFound.meeting", id));
	}

	/**
	 * The meeting as one who may see records passing the test may know it: empty if it does not
	 * exist or they may not see it. Everything that shows a meeting through another record (the
	 * place of adoption of a text, the meeting of a decision) reads it here.
	 */
	public java.util.Optional<Meeting> meeting(String id, java.util.function.Predicate<Access> maySee) {
		return repository.find(id).filter(meeting -> maySee.test(meeting.access()));
	}

	public Map<String, Integer> delegationCounts() {
		return repository.delegationCounts();
	}

	public boolean exists(String id) {
		return repository.exists(id);
	}

	/**
	 * The Secretariat schedules (or records) a meeting of a body: its id is the body's code and
	 * first day, made unique; planned if it lies ahead. Audited.
	 */
	@Transactional
	public Meeting schedule(String body, String title, LocalDate from, LocalDate until, @Nullable String place, boolean online,
			@Nullable String host, Access access, LocalDate today, String actor, String actsFor) {
		var code = body.trim().toUpperCase(java.util.Locale.ROOT);
		if (!organs.isBody(code)) {
			throw InvalidRequest.of("body", "problem.body.unknown", body);
		}
		for (var participant : access.named()) {
			if (!registry.isRegistered(ParticipantCode.parse(participant))) {
				throw InvalidRequest.of("named", "problem.participant.unknown", participant);
			}
		}
		if (host != null && !registry.isRegistered(ParticipantCode.parse(host))) {
			throw InvalidRequest.of("host", "problem.participant.unknown", host);
		}
		// stored as the registry codes it ("kaz" is KAZ), as the foreign key needs
		host = host == null ? null : ParticipantCode.parse(host).value();
		var id = code + "-" + from;
		for (int n = 2; repository.exists(id); n++) {
			id = code + "-" + from + "-" + n;
		}
		var meeting = new Meeting(id, code, null, title.trim(), from, until, org.kurultai.shared.DatePrecision.DAY,
				from.isAfter(today) ? MeetingStatus.PLANNED : MeetingStatus.HELD, online ? null : place, online, host, null, null,
				List.of(), List.of(), org.kurultai.shared.Sources.of(List.of("recorded by the Secretariat")), null, access);
		record(meeting, actor);
		audit.record(new Act(actor, actsFor, "meeting.scheduled", "meeting:" + id, null,
				java.util.Map.of("title", meeting.title(), "from", from.toString(), "access", access.level().name())));
		events.publishEvent(new MeetingConvened(id));
		return meeting;
	}

	/** Records a meeting of a body, refusing one whose body, host, chair or delegations are unknown. */
	@Transactional
	public void record(Meeting meeting) {
		record(meeting, "reference data");
	}

	private void record(Meeting meeting, String recordedBy) {
		if (!organs.isBody(meeting.body())) {
			throw NotFound.of("problem.notFound.body", meeting.body());
		}
		for (var participant : participantsNamedIn(meeting)) {
			if (!registry.isRegistered(ParticipantCode.of(participant))) {
				throw NotFound.of("problem.notFound.participant", participant);
			}
		}
		if (repository.exists(meeting.id())) {
			throw new MeetingAlreadyRecorded(meeting.id());
		}
		repository.save(meeting, recordedBy, clock.now());
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
