package org.kurultai.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.springframework.stereotype.Service;

/**
 * The one rule of who may see what. Lists, counts, search, exports and feeds all filter through
 * {@link #visible}, before counting, so a record a person may not see does not show even by its
 * existence in a number.
 */
@Service
public class AccessPolicy {

	private final ActingRights rights;
	private final org.kurultai.shared.ForumClock clock;

	AccessPolicy(ActingRights rights, org.kurultai.shared.ForumClock clock) {
		this.rights = rights;
		this.clock = clock;
	}

	/** Whoever is making the current request, today; the public when nobody is signed in. */
	public Viewer currentViewer() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof KurultaiUser user
				? viewer(user.account(), clock.today()) : Viewer.PUBLIC;
	}

	/** The viewer an account (or the public, for null) is on that day. */
	public Viewer viewer(@Nullable Account account, LocalDate day) {
		return account == null ? Viewer.PUBLIC : new Viewer(rights.of(account, day));
	}

	public boolean maySee(Viewer viewer, Access access) {
		var capacity = viewer.capacity();
		if (access.level() == AccessLevel.PUBLIC || capacity == Capacity.SECRETARIAT) {
			return true;
		}
		return switch (access.level()) {
			case PARTICIPANTS -> capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION;
			case MEMBERS -> capacity == Capacity.MEMBER_DELEGATION;
			case NAMED_PARTICIPANTS -> (capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION
					|| capacity == Capacity.PARTNER_DELEGATION) && access.named().contains(viewer.participant());
			case SECRETARIAT, PUBLIC -> false;
		};
	}

	/** The records the viewer may see, in their order; count these, never the unfiltered list. */
	public <T> List<T> visible(Viewer viewer, Collection<T> records, Function<T, Access> access) {
		return records.stream().filter(record -> maySee(viewer, access.apply(record))).toList();
	}
}
