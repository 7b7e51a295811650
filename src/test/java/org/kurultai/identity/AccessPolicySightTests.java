package org.kurultai.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;

import static org.assertj.core.api.Assertions.assertThat;

/** The viewer's sight as a query filter ({@link AccessPolicy#sight}) admits exactly what {@link AccessPolicy#maySee} admits. */
class AccessPolicySightTests {

	@SuppressWarnings("NullAway")
	final AccessPolicy policy = new AccessPolicy(null, null);

	@Test
	void theFilterIsMaySeeForEveryCapacityAndAccess() {
		var viewers = new ArrayList<Viewer>();
		viewers.add(Viewer.PUBLIC);
		for (var capacity : Capacity.values()) {
			for (var participant : new String[] { "KAZ", null }) {
				boolean delegation = Set.of(Capacity.MEMBER_DELEGATION, Capacity.OBSERVER_DELEGATION, Capacity.PARTNER_DELEGATION).contains(capacity);
				if ((capacity == Capacity.SECRETARIAT && participant != null) || (delegation && participant == null)) {
					continue; // no such mandate: the Secretariat acts for no State, a delegation for its own
				}
				var role = capacity == Capacity.SECRETARIAT ? Role.SECRETARIAT_OFFICER : participant == null ? Role.EXPERT : Role.DELEGATE;
				var account = new Account(UUID.randomUUID(), "someone@mfa.example", "Someone", role, participant, true, Instant.parse("2026-01-01T00:00:00Z"));
				viewers.add(new Viewer(new Mandate(account, LocalDate.of(2026, 1, 1), capacity)));
			}
		}
		var accesses = new ArrayList<Access>();
		for (var level : AccessLevel.values()) {
			if (level == AccessLevel.NAMED_PARTICIPANTS) {
				accesses.addAll(List.of(Access.namedParticipants("KAZ"), Access.namedParticipants("CHN"), Access.namedParticipants("CHN", "KAZ")));
			}
			else {
				accesses.addAll(List.of(Access.of(level), Access.owned("KAZ", level), Access.owned("CHN", level)));
			}
		}
		accesses.addAll(List.of(Access.ownerOnly("KAZ"), Access.ownerOnly("CHN"), new Access(AccessLevel.NAMED_PARTICIPANTS, Set.of("KAZ"), "CHN", false)));
		int checked = 0;
		for (var viewer : viewers) {
			var sight = policy.sight(viewer);
			for (var access : accesses) {
				assertThat(sight.admits(access)).as("%s sees %s", viewer, access).isEqualTo(policy.maySee(viewer, access));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(150);
		// and the filter is not trivially everything or nothing
		assertThat(policy.sight(Viewer.PUBLIC).levels()).containsExactly(AccessLevel.PUBLIC);
	}
}
