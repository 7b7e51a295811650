package org.kurultai.meetings;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Service;

/**
 * Who may register which delegation for a meeting, asked by the delegations page (to show the form) and by the command
 * (to allow the act):
 * <ul>
 * <li>the meeting must be one the person may see ({@link AccessPolicy}), and not cancelled;</li>
 * <li>the participant must be expected: a member or observer on the meeting's first day (members only at a meeting
 * for members), or named at a meeting of named participants;</li>
 * <li>a national coordinator acting for the participant that day registers its own delegation, before the deadline:
 * {@link Meeting#registrationCloses()} if set, else the start of the meeting's first day in the forum's zone;</li>
 * <li>the Secretariat registers for any expected participant, also after the deadline (a late registration it
 * accepts, or a correction).</li>
 * </ul>
 */
@Service
public class RegistrationPolicy {

	private final AccessPolicy access;
	private final ActingRights rights;
	private final Registry registry;
	private final ForumClock clock;

	RegistrationPolicy(AccessPolicy access, ActingRights rights, Registry registry, ForumClock clock) {
		this.access = access;
		this.rights = rights;
		this.registry = registry;
		this.clock = clock;
	}

	/** The participants expected at the meeting, in protocol order. */
	public List<ExpectedParticipant> expected(Meeting meeting) {
		var roster = registry.roster();
		var expected = new ArrayList<ExpectedParticipant>();
		if (meeting.access().level() == AccessLevel.NAMED_PARTICIPANTS) {
			for (var code : meeting.access().named()) {
				roster.find(org.kurultai.registry.ParticipantCode.of(code)).ifPresent(participant -> expected.add(new ExpectedParticipant(code,
						participant.names(), group(participant.kind(), participant.statusOn(meeting.from()).orElse(null)))));
			}
		}
		else {
			for (var standing : roster.on(meeting.from(), null)) {
				var status = standing.status();
				boolean admitted = status == ParticipantStatus.MEMBER
						|| (status == ParticipantStatus.OBSERVER && meeting.access().level() != AccessLevel.MEMBERS);
				if (admitted) {
					var participant = roster.find(standing.code()).orElseThrow();
					expected.add(new ExpectedParticipant(standing.code().value(), participant.names(), group(standing.kind(), status)));
				}
			}
		}
		expected.sort(Comparator.comparing(ExpectedParticipant::group)
				.thenComparing(p -> p.names().shortEn(), String.CASE_INSENSITIVE_ORDER).thenComparing(ExpectedParticipant::code));
		return List.copyOf(expected);
	}

	private static ProtocolGroup group(ParticipantKind kind, @Nullable ParticipantStatus status) {
		if (kind == ParticipantKind.ORGANIZATION) {
			return ProtocolGroup.ORGANIZATIONS;
		}
		return status == ParticipantStatus.MEMBER ? ProtocolGroup.MEMBER_STATES : ProtocolGroup.OBSERVER_STATES;
	}

	/** Until when delegations register: the meeting's deadline, else the start of its first day in the forum's zone. */
	public Instant deadline(Meeting meeting) {
		return deadline(meeting, clock.zone());
	}

	static Instant deadline(Meeting meeting, ZoneId zone) {
		return meeting.registrationCloses() != null ? meeting.registrationCloses() : meeting.from().atStartOfDay(zone).toInstant();
	}

	/** Why the account may not register the participant's delegation now, if it may not. */
	public Optional<RuntimeException> refusal(Account account, Meeting meeting, String participant) {
		var today = clock.today();
		var seen = access.maySee(access.viewer(account, today), meeting.access());
		var expected = expected(meeting).stream().map(ExpectedParticipant::code).toList();
		return Optional.ofNullable(judge(rights.of(account, today), seen, meeting, expected, participant, clock.now(), clock.zone()));
	}

	public boolean mayRegister(Account account, Meeting meeting, String participant) {
		return refusal(account, meeting, participant).isEmpty();
	}

	/** The command asks here: refuses with the first rule the act breaks. */
	public void check(Account account, Meeting meeting, String participant) {
		var refused = refusal(account, meeting, participant);
		if (refused.isPresent()) {
			throw refused.get();
		}
	}

	/** Whether the account sees every expected participant's registration (the Secretariat) rather than its own State's. */
	public boolean seesEveryRegistration(Account account) {
		return rights.of(account, clock.today()).capacity() == Capacity.SECRETARIAT;
	}

	/**
	 * The rule, on what the public methods gather: the person's mandate today, whether they may see the meeting, the
	 * participants expected, the participant to register, the time and the forum's zone. Null when allowed.
	 */
	static @Nullable RuntimeException judge(Mandate mandate, boolean seesMeeting, Meeting meeting, Collection<String> expected,
			String participant, Instant now, ZoneId zone) {
		if (!seesMeeting) {
			return NotFound.of("problem.notFound.meeting", meeting.id());
		}
		boolean secretariat = mandate.capacity() == Capacity.SECRETARIAT;
		var account = mandate.account();
		boolean delegation = mandate.capacity() == Capacity.MEMBER_DELEGATION || mandate.capacity() == Capacity.OBSERVER_DELEGATION
				|| mandate.capacity() == Capacity.PARTNER_DELEGATION;
		boolean ownCoordinator = account.role() == Role.NATIONAL_COORDINATOR && delegation && participant.equals(account.participant());
		if (!secretariat && !ownCoordinator) {
			return NotAllowed.of("problem.registration.notAllowed", participant);
		}
		if (meeting.status() == MeetingStatus.CANCELLED) {
			return new RegistrationRefused("problem.registration.cancelled", meeting.id());
		}
		if (!expected.contains(participant)) {
			return new RegistrationRefused("problem.registration.notExpected", participant, meeting.id());
		}
		var deadline = deadline(meeting, zone);
		if (!secretariat && !now.isBefore(deadline)) {
			return new RegistrationClosed(meeting.id(), wallTime(deadline, zone));
		}
		return null;
	}

	static String wallTime(Instant instant, ZoneId zone) {
		return ZonedDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + " (" + zone.getId() + ")";
	}

	/** Registration at this meeting is not possible for this participant (cancelled, or not expected). */
	public static class RegistrationRefused extends RuleViolation {

		RegistrationRefused(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "registration-refused";
		}
	}

	/** The registration deadline has passed: only the Secretariat registers now. */
	public static class RegistrationClosed extends RuleViolation {

		RegistrationClosed(String meeting, String deadline) {
			super("problem.registration.closed", meeting, deadline);
		}

		@Override
		public String rule() {
			return "registration-closed";
		}
	}
}
