package org.kurultai.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.springframework.stereotype.Service;

/**
 * The one rule of who may see what. Lists, counts, search, exports and feeds all filter through
 * {@link #visible}, before counting, so a record a person may not see does not show even by its
 * existence in a number. A participant's own records (a State's returns and reports) name their
 * owner in their {@link Access}: the owner's acting delegation ({@link #actsFor}: only while the
 * person's capacity is a delegation's) sees them whatever the level, and a record that is the
 * owner's alone (a draft) is seen by it only. Modules decide nothing by comparing participant codes
 * themselves.
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

	/**
	 * The viewer a mandate stands for: what {@link #viewer(Account, LocalDate)} answers for its account and day, for a
	 * command that has just asked {@link ActingRights#of} (so that one act reads its State's status once).
	 */
	public Viewer viewer(Mandate mandate) {
		return new Viewer(mandate);
	}

	/** The viewer an account (or the public, for null) is on that day. */
	public Viewer viewer(@Nullable Account account, LocalDate day) {
		return account == null ? Viewer.PUBLIC : new Viewer(rights.of(account, day));
	}

	/**
	 * May the viewer see a record with this access? The owning participant's acting delegation
	 * always may (and, for a record that is its owner's alone, only it); otherwise the level decides:
	 * the Secretariat sees every level, delegations the levels their State's status on the day admits.
	 */
	public boolean maySee(Viewer viewer, Access access) {
		if (access.owner() != null && actsFor(viewer, access.owner())) {
			return true;
		}
		if (access.ownerOnly()) {
			return false;
		}
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

	/**
	 * Does the viewer act for the participant today? Only while their mandate is a delegation's: a
	 * delegate whose accreditation has ended, or a person whose State has lost its status, does not,
	 * whatever participant their account names.
	 */
	public boolean actsFor(Viewer viewer, String participant) {
		var capacity = viewer.capacity();
		boolean delegation = capacity == Capacity.MEMBER_DELEGATION || capacity == Capacity.OBSERVER_DELEGATION
				|| capacity == Capacity.PARTNER_DELEGATION;
		return delegation && participant.equals(viewer.participant());
	}

	/**
	 * Who acted for a State (the e-mail of the delegate or officer who saved, submitted, objected or
	 * recorded) is known to the Secretariat and to that State's own acting delegation; everyone else
	 * sees that the State acted, not who.
	 */
	public boolean mayKnowWhoActedFor(Viewer viewer, @Nullable String participant) {
		return viewer.capacity() == Capacity.SECRETARIAT || (participant != null && actsFor(viewer, participant));
	}

	/**
	 * What the viewer may see, as a filter a query applies in its where-clause (search: before it ranks or counts), derived
	 * from {@link #maySee} itself so that the rule stays in one place: the levels the viewer sees whoever a record names,
	 * the participant whose naming (at {@code NAMED_PARTICIPANTS}) lets them see, and the participant they act for, whose
	 * own records they see whatever the level. {@link Sight#admits} is the where-clause said in Java.
	 */
	public Sight sight(Viewer viewer) {
		var levels = java.util.EnumSet.noneOf(AccessLevel.class);
		for (var level : AccessLevel.values()) {
			// named: a participant that is never the viewer's (codes are letters only)
			var access = level == AccessLevel.NAMED_PARTICIPANTS ? new Access(level, java.util.Set.of("-")) : Access.of(level);
			if (maySee(viewer, access)) {
				levels.add(level);
			}
		}
		var participant = viewer.participant();
		var named = participant != null && !levels.contains(AccessLevel.NAMED_PARTICIPANTS)
				&& maySee(viewer, Access.namedParticipants(participant)) ? participant : null;
		var owner = participant != null && actsFor(viewer, participant) ? participant : null;
		return new Sight(java.util.Set.copyOf(levels), named, owner);
	}

	/**
	 * A viewer's sight as data: a record shows if its owner is {@code owner}, or, unless it is its owner's alone, if its
	 * level is one of {@code levels} or it is for named participants and names {@code named}.
	 */
	public record Sight(java.util.Set<AccessLevel> levels, @Nullable String named, @Nullable String owner) {

		public boolean admits(Access access) {
			if (owner != null && owner.equals(access.owner())) {
				return true;
			}
			return !access.ownerOnly() && (levels.contains(access.level())
					|| (named != null && access.level() == AccessLevel.NAMED_PARTICIPANTS && access.named().contains(named)));
		}
	}

	/** What the viewer may see, as a test on access, for modules that do not know viewers (meetings). */
	public Predicate<Access> seenBy(Viewer viewer) {
		return access -> maySee(viewer, access);
	}

	/** The records the viewer may see, in their order; count these, never the unfiltered list. */
	public <T> List<T> visible(Viewer viewer, Collection<T> records, Function<T, Access> access) {
		return records.stream().filter(record -> maySee(viewer, access.apply(record))).toList();
	}
}
