package org.kurultai.meetings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Accreditations;
import org.kurultai.identity.Viewer;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegations registered for a meeting: a national coordinator names its State's head of delegation (with title and
 * level), members and advisers, each an accredited person of that State's delegation on the day of registration;
 * the Secretariat may register for any expected participant ({@link RegistrationPolicy}). A second registration
 * replaces the first (audited with both). Each refusal is a 4xx problem naming the field and writes nothing.
 */
@Service
@Transactional(readOnly = true)
public class Registrations {

	static final int MAX_PEOPLE = 60;
	static final int MAX_NAME = 200;
	static final int MAX_TITLE = 300;

	private final RegistrationRepository repository;
	private final Meetings meetings;
	private final RegistrationPolicy policy;
	private final AccessPolicy access;
	private final Accreditations accreditations;
	private final AuditLog audit;
	private final ForumClock clock;

	Registrations(RegistrationRepository repository, Meetings meetings, RegistrationPolicy policy, AccessPolicy access,
			Accreditations accreditations, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.meetings = meetings;
		this.policy = policy;
		this.access = access;
		this.accreditations = accreditations;
		this.audit = audit;
		this.clock = clock;
	}

	/** One person named in a registration: by e-mail (an accredited account's) or else by name; title; level for the head. */
	public record Person(@Nullable String email, @Nullable String name, @Nullable String title, @Nullable String level) {
	}

	/** What a registration says: the participant's code, the head of delegation, members and advisers. */
	public record Registration(@Nullable String participant, @Nullable Person head, @Nullable List<Person> members,
			@Nullable List<Person> advisers) {
	}

	/** The meeting as the person (or the public, for null) may see it today; 404 otherwise, as for an unknown one. */
	public Meeting meeting(String id, @Nullable Account account) {
		return meeting(id, access.viewer(account, clock.today()));
	}

	public Meeting meeting(String id, Viewer viewer) {
		return meetings.meeting(id, access.seenBy(viewer)).orElseThrow(() -> NotFound.of("problem.notFound.meeting", id));
	}

	/** Every registration of a meeting, by participant code (no access check: callers read the meeting first). */
	public Map<String, RegisteredDelegation> registrations(Meeting meeting) {
		var byCode = new LinkedHashMap<String, RegisteredDelegation>();
		repository.registrations(meeting.id()).forEach(r -> byCode.put(r.participant(), r));
		return byCode;
	}

	/** The participant's registered delegation at the meeting, if any. */
	public Optional<RegisteredDelegation> registration(Meeting meeting, String participant) {
		return repository.registration(meeting.id(), participant);
	}

	/** The people of the participant's delegation a registration may name today. */
	public List<Account> accredited(String participant) {
		return accreditations.accreditedTo(participant, clock.today());
	}

	/** Registers (or replaces) a participant's delegation for a meeting. */
	@Transactional
	public RegisteredDelegation register(Account actor, String meetingId, Registration registration) {
		var code = participant(registration.participant());
		var meeting = meeting(meetingId, actor);
		repository.lockMeeting(meeting.id());
		meeting = meetings.meeting(meeting.id());
		policy.check(actor, meeting, code);
		var delegates = validate(registration, accredited(code));
		var before = repository.registration(meeting.id(), code);
		repository.replace(meeting.id(), code, delegates, actor.email(), clock.now());
		var after = repository.registration(meeting.id(), code).orElseThrow();
		audit.record(new Act(actor.email(), actor.actsFor(), before.isPresent() ? "meeting.delegation-replaced" : "meeting.delegation-registered",
				"meeting:" + meeting.id(), before.map(Registrations::summary).orElse(null), summary(after)));
		return after;
	}

	static String participant(@Nullable String participant) {
		if (participant == null || participant.isBlank()) {
			throw InvalidRequest.of("participant", "problem.registration.participantNeeded");
		}
		var code = participant.trim().toUpperCase(Locale.ROOT);
		if (!code.matches("[A-Z]{2,10}")) {
			throw InvalidRequest.of("participant", "problem.participant.unknown", participant);
		}
		return code;
	}

	/**
	 * The registration's people as delegates, each an account of {@code accredited}: found by e-mail if given, else by a
	 * name matching exactly one accredited person's display name (ignoring case). Refused on the first field at fault.
	 */
	static List<RegisteredDelegation.Delegate> validate(Registration registration, List<Account> accredited) {
		if (registration.head() == null) {
			throw InvalidRequest.of("head", "problem.registration.headNeeded");
		}
		var members = registration.members() == null ? List.<Person>of() : registration.members();
		var advisers = registration.advisers() == null ? List.<Person>of() : registration.advisers();
		if (1 + members.size() + advisers.size() > MAX_PEOPLE) {
			throw InvalidRequest.of(members.size() >= advisers.size() ? "members" : "advisers", "problem.registration.tooMany", MAX_PEOPLE);
		}
		var delegates = new ArrayList<RegisteredDelegation.Delegate>();
		Set<UUID> named = new HashSet<>();
		delegates.add(delegate("head", DelegateRole.HEAD, registration.head(), accredited, named));
		for (int i = 0; i < members.size(); i++) {
			delegates.add(delegate("members[" + i + "]", DelegateRole.MEMBER, members.get(i), accredited, named));
		}
		for (int i = 0; i < advisers.size(); i++) {
			delegates.add(delegate("advisers[" + i + "]", DelegateRole.ADVISER, advisers.get(i), accredited, named));
		}
		return delegates;
	}

	private static RegisteredDelegation.Delegate delegate(String path, DelegateRole role, @Nullable Person person, List<Account> accredited,
			Set<UUID> named) {
		if (person == null) {
			throw InvalidRequest.of(path, "problem.registration.personNeeded");
		}
		var email = text(person.email(), path + ".email", 254);
		var name = text(person.name(), path + ".name", MAX_NAME);
		var title = text(person.title(), path + ".title", MAX_TITLE);
		Account account;
		if (email != null) {
			var wanted = email.toLowerCase(Locale.ROOT);
			account = accredited.stream().filter(a -> a.email().equals(wanted)).findFirst()
					.orElseThrow(() -> InvalidRequest.of(path + ".email", "problem.registration.notAccredited", email));
		}
		else if (name != null) {
			var matching = accredited.stream().filter(a -> a.displayName().trim().equalsIgnoreCase(name)).toList();
			if (matching.isEmpty()) {
				throw InvalidRequest.of(path + ".name", "problem.registration.notAccredited", name);
			}
			if (matching.size() > 1) {
				throw InvalidRequest.of(path + ".name", "problem.registration.nameAmbiguous", name);
			}
			account = matching.get(0);
		}
		else {
			throw InvalidRequest.of(path + ".name", "problem.registration.personNeeded");
		}
		if (!named.add(account.id())) {
			throw InvalidRequest.of(email != null ? path + ".email" : path + ".name", "problem.registration.personTwice",
					account.displayName());
		}
		DelegationLevel level = null;
		if (role == DelegateRole.HEAD) {
			if (title == null) {
				throw InvalidRequest.of(path + ".title", "problem.registration.titleNeeded");
			}
			var typed = person.level();
			if (typed == null || typed.isBlank()) {
				throw InvalidRequest.of(path + ".level", "problem.registration.levelNeeded");
			}
			try {
				level = DelegationLevel.valueOf(typed.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
			}
			catch (IllegalArgumentException unknown) {
				throw InvalidRequest.of(path + ".level", "problem.registration.levelUnknown", typed);
			}
		}
		return new RegisteredDelegation.Delegate(role, account.id(), account.email(), name != null ? name : account.displayName().trim(),
				title, level);
	}

	/** A trimmed text (null when blank), refused when too long or holding control characters. */
	private static @Nullable String text(@Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var trimmed = value.strip();
		if (trimmed.length() > max) {
			throw InvalidRequest.of(field, "problem.registration.tooLong", max);
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
			throw InvalidRequest.of(field, "problem.registration.controlCharacters");
		}
		return trimmed;
	}

	private static Map<String, Object> summary(RegisteredDelegation registration) {
		var summary = new LinkedHashMap<String, Object>();
		summary.put("participant", registration.participant());
		summary.put("delegates", registration.delegates().stream().map(d -> {
			var person = new LinkedHashMap<String, Object>();
			person.put("role", d.role().name());
			person.put("account", d.email());
			person.put("name", d.name());
			if (d.title() != null) {
				person.put("title", d.title());
			}
			if (d.level() != null) {
				person.put("level", d.level().name());
			}
			return person;
		}).toList());
		return summary;
	}
}
