package org.kurultai.shared;

import java.util.Set;

import org.kurultai.shared.RuleViolation;

/** A record's access level, with the participants it names when the level is {@code NAMED_PARTICIPANTS}. */
public record Access(AccessLevel level, Set<String> named) {

	public static final Access PUBLIC = new Access(AccessLevel.PUBLIC, Set.of());

	public Access {
		named = Set.copyOf(named);
		if ((level == AccessLevel.NAMED_PARTICIPANTS) == named.isEmpty()) {
			throw new AccessInvalid(level == AccessLevel.NAMED_PARTICIPANTS ? "Name the participants who may see the record"
					: "Only a record for named participants names participants");
		}
	}

	public static Access of(AccessLevel level) {
		return new Access(level, Set.of());
	}

	public static Access namedParticipants(String... codes) {
		return new Access(AccessLevel.NAMED_PARTICIPANTS, Set.of(codes));
	}

	/** An access level that makes no sense. */
	public static class AccessInvalid extends RuleViolation {

		AccessInvalid(String message) {
			super(message);
		}

		@Override
		public String rule() {
			return "access-invalid";
		}
	}
}
