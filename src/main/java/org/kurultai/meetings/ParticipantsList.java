package org.kurultai.meetings;

import java.util.ArrayList;
import java.util.List;

import org.kurultai.identity.Viewer;
import org.kurultai.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of participants of a meeting, generated from the registered delegations, in protocol order
 * ({@link ProtocolGroup}: member States, observer States, organizations; each by English short name). It is read
 * through the meeting's access level: one who may not see the meeting gets 404 for it on every path. E-mails are
 * never part of it.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantsList {

	private final Registrations registrations;
	private final RegistrationPolicy policy;
	private final Registry registry;

	ParticipantsList(Registrations registrations, RegistrationPolicy policy, Registry registry) {
		this.registrations = registrations;
		this.policy = policy;
		this.registry = registry;
	}

	/** One participant's delegation on the list. */
	public record Entry(ExpectedParticipant participant, RegisteredDelegation delegation) {
	}

	/** The meeting and its delegations in protocol order. */
	public record Listing(Meeting meeting, List<Entry> entries) {

		public Listing {
			entries = List.copyOf(entries);
		}
	}

	/** The list as the viewer may know it: 404 when they may not see the meeting. */
	public Listing of(String meetingId, Viewer viewer) {
		var meeting = registrations.meeting(meetingId, viewer);
		var registered = registrations.registrations(meeting);
		var entries = new ArrayList<Entry>();
		for (var expected : policy.expected(meeting)) {
			var delegation = registered.remove(expected.code());
			if (delegation != null) {
				entries.add(new Entry(expected, delegation));
			}
		}
		// registered while expected, no longer expected (a status that ended): still on the list, after the others
		registered.values().forEach(delegation -> {
			var participant = registry.participant(org.kurultai.registry.ParticipantCode.of(delegation.participant()));
			entries.add(new Entry(new ExpectedParticipant(delegation.participant(), participant.names(),
					participant.kind() == org.kurultai.registry.ParticipantKind.ORGANIZATION ? ProtocolGroup.ORGANIZATIONS
							: ProtocolGroup.OBSERVER_STATES), delegation));
		});
		return new Listing(meeting, entries);
	}
}
