package org.kurultai.shared;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A record's access level, with the participants it names when the level is
 * {@code NAMED_PARTICIPANTS}, and the participant that owns it, if any: a State's return or report
 * is also visible to that State's acting delegation, whatever the level (and, for a record that is
 * the owner's alone, such as a draft, only to it).
 */
public record Access(AccessLevel level, Set<String> named, @Nullable String owner, boolean ownerOnly) {

	public static final Access PUBLIC = new Access(AccessLevel.PUBLIC, Set.of());

	public Access {
		named = Set.copyOf(named);
		if ((level == AccessLevel.NAMED_PARTICIPANTS) == named.isEmpty()) {
			throw new AccessInvalid(level == AccessLevel.NAMED_PARTICIPANTS ? "problem.access.nameParticipants"
					: "problem.access.participantsOnlyWhenNamed");
		}
		if (ownerOnly && owner == null) {
			throw new AccessInvalid("problem.access.ownerOnlyNamesOwner");
		}
	}

	public Access(AccessLevel level, Set<String> named) {
		this(level, named, null, false);
	}

	public static Access of(AccessLevel level) {
		return new Access(level, Set.of());
	}

	public static Access namedParticipants(String... codes) {
		return new Access(AccessLevel.NAMED_PARTICIPANTS, Set.of(codes));
	}

	/** A participant's record: visible to its acting delegation, and to whoever the level admits. */
	public static Access owned(String owner, AccessLevel level) {
		return new Access(level, Set.of(), owner, false);
	}

	/** A participant's own record (a draft): visible to its acting delegation only. */
	public static Access ownerOnly(String owner) {
		return new Access(AccessLevel.SECRETARIAT, Set.of(), owner, true);
	}

	/** An access level that makes no sense. */
	public static class AccessInvalid extends RuleViolation {

		AccessInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "access-invalid";
		}
	}
}
