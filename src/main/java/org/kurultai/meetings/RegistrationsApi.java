package org.kurultai.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accounts;
import org.kurultai.identity.KurultaiUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Delegations registered for a meeting, its list of participants, and its attendance. */
@RestController
@Tag(name = "Meeting delegations and attendance",
		description = "National coordinators register their delegations; the list of participants; the Secretariat records attendance")
class RegistrationsApi {

	private final Registrations registrations;
	private final RegistrationPolicy policy;
	private final ParticipantsList participants;
	private final Attendance attendance;
	private final AccessPolicy access;
	private final Accounts accounts;

	RegistrationsApi(Registrations registrations, RegistrationPolicy policy, ParticipantsList participants, Attendance attendance,
			AccessPolicy access, Accounts accounts) {
		this.accounts = accounts;
		this.registrations = registrations;
		this.policy = policy;
		this.participants = participants;
		this.attendance = attendance;
		this.access = access;
	}

	@PostMapping(path = "/api/meetings/{id}/delegations", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Registers (or replaces) a participant's delegation: head of delegation (name, title, level), members, advisers; "
			+ "each person accredited to the participant, named by e-mail or by name. 201 when first registered, 200 when replaced")
	ResponseEntity<Registered> register(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id,
			@RequestBody Registrations.Registration request) {
		var registered = registrations.register(user.account(), id, request);
		var secretariat = policy.seesEveryRegistration(user.account());
		var view = Registered.of(registered, secretariat, knowsWhoRegistered(secretariat, registered));
		return ResponseEntity.status(registered.registeredAt().equals(registered.updatedAt()) ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping(path = "/api/meetings/{id}/delegations", produces = "application/json")
	@Operation(summary = "Who has registered: the Secretariat sees every expected participant, registered or not (when, by whom, "
			+ "with the delegates' e-mails); a national coordinator its own State's (registeredBy only when one of its own people registered)")
	RegistrationsView delegations(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id) {
		var meeting = registrations.meeting(id, user.account());
		var secretariat = policy.seesEveryRegistration(user.account());
		var registered = registrations.registrations(meeting);
		var entries = new ArrayList<Entry>();
		for (var expected : policy.expected(meeting)) {
			if (!secretariat && !expected.code().equals(user.account().participant())) {
				continue;
			}
			var delegation = registered.get(expected.code());
			entries.add(new Entry(expected.code(), expected.names().shortEn(), expected.group(), delegation != null,
					delegation == null ? null : Registered.of(delegation, secretariat, knowsWhoRegistered(secretariat, delegation))));
		}
		long count = entries.stream().filter(Entry::registered).count();
		return new RegistrationsView(meeting.id(), policy.deadline(meeting), entries.size(), count, entries);
	}

	@GetMapping(path = "/api/meetings/{id}/participants", produces = "application/json")
	@Operation(summary = "The list of participants, from the registered delegations, in protocol order (member States, observer States, "
			+ "organizations; each by English short name); at the meeting's access level")
	Participants participants(@PathVariable String id) {
		var listing = participants.of(id, access.currentViewer());
		var entries = listing.entries().stream().map(entry -> {
			var d = entry.delegation();
			var head = d.head();
			return new Participant(entry.participant().code(), entry.participant().names().shortEn(), entry.participant().group(),
					head == null ? null : new Person(head.name(), head.title(), head.level()), people(d.members()), people(d.advisers()));
		}).toList();
		return new Participants(listing.meeting().id(), listing.meeting().title(), entries);
	}

	@PostMapping(path = "/api/meetings/{id}/attendance", consumes = "application/json", produces = "application/json")
	@Operation(summary = "The Secretariat records who is present on a day of the meeting (expected participants' codes), replacing that "
			+ "day's list")
	Attendance.Day recordAttendance(@AuthenticationPrincipal KurultaiUser user, @PathVariable String id, @RequestBody NewAttendance request) {
		return attendance.record(user.account(), id, request.day(), request.present());
	}

	@GetMapping(path = "/api/meetings/{id}/attendance", produces = "application/json")
	@Operation(summary = "Attendance per day of the meeting, at the meeting's access level (who recorded it: the Secretariat only)")
	AttendanceView attendance(@AuthenticationPrincipal @Nullable KurultaiUser user, @PathVariable String id) {
		var meeting = registrations.meeting(id, user == null ? null : user.account());
		var secretariat = user != null && policy.seesEveryRegistration(user.account());
		var days = attendance.days(meeting).stream()
				.map(day -> new AttendanceDay(day.day(), day.recorded(), day.present(), secretariat ? day.recordedBy() : null, day.recordedAt()))
				.toList();
		return new AttendanceView(meeting.id(), days);
	}

	/**
	 * Who registered is who acted: known to the Secretariat, and to the State when one of its own people registered; a
	 * registration by the Secretariat's officer tells the State that the Secretariat registered, not which officer.
	 */
	private boolean knowsWhoRegistered(boolean secretariat, RegisteredDelegation delegation) {
		return secretariat || accounts.byEmail(delegation.registeredBy()).map(Account::participant)
				.filter(participant -> participant.equals(delegation.participant())).isPresent();
	}

	private static List<Person> people(List<RegisteredDelegation.Delegate> delegates) {
		return delegates.stream().map(d -> new Person(d.name(), d.title(), null)).toList();
	}

	record NewAttendance(@Nullable LocalDate day, @Nullable List<String> present) {
	}

	record AttendanceView(String meeting, List<AttendanceDay> days) {
	}

	record AttendanceDay(LocalDate day, boolean recorded, List<String> present, @Nullable String recordedBy, @Nullable Instant recordedAt) {
	}

	record Participants(String meeting, String title, List<Participant> participants) {
	}

	record Participant(String code, String name, ProtocolGroup group, @Nullable Person head, List<Person> members, List<Person> advisers) {
	}

	record Person(String name, @Nullable String title, @Nullable DelegationLevel level) {
	}

	record RegistrationsView(String meeting, Instant deadline, int expected, long registered, List<Entry> participants) {
	}

	record Entry(String code, String name, ProtocolGroup group, boolean registered, @Nullable Registered registration) {
	}

	record Registered(String participant, @Nullable String registeredBy, Instant registeredAt, Instant updatedAt, Delegate head, List<Delegate> members,
			List<Delegate> advisers) {

		static Registered of(RegisteredDelegation delegation, boolean withEmails, boolean withRegistrant) {
			return new Registered(delegation.participant(), withRegistrant ? delegation.registeredBy() : null, delegation.registeredAt(), delegation.updatedAt(),
					Delegate.of(delegation.head(), withEmails), delegation.members().stream().map(d -> Delegate.of(d, withEmails)).toList(),
					delegation.advisers().stream().map(d -> Delegate.of(d, withEmails)).toList());
		}
	}

	record Delegate(String name, @Nullable String title, @Nullable DelegationLevel level, @Nullable String email) {

		static Delegate of(RegisteredDelegation.Delegate delegate, boolean withEmail) {
			return new Delegate(delegate.name(), delegate.title(), delegate.level(), withEmail ? delegate.email() : null);
		}
	}
}
