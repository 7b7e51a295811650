package org.kurultai.meetings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A participant's delegation as registered for a meeting: who registered it first and when, when it was last replaced,
 * and its people in order (the head first, then members, then advisers). Each person is an accredited account; the
 * name and title are as the registration gave them; only the head has a level.
 */
public record RegisteredDelegation(String meeting, String participant, String registeredBy, Instant registeredAt, Instant updatedAt,
		List<Delegate> delegates) {

	public RegisteredDelegation {
		delegates = List.copyOf(delegates);
	}

	public @Nullable Delegate head() {
		return delegates.stream().filter(d -> d.role() == DelegateRole.HEAD).findFirst().orElse(null);
	}

	public List<Delegate> members() {
		return delegates.stream().filter(d -> d.role() == DelegateRole.MEMBER).toList();
	}

	public List<Delegate> advisers() {
		return delegates.stream().filter(d -> d.role() == DelegateRole.ADVISER).toList();
	}

	/** A person of a registered delegation; {@code email} is the account's, shown only to the Secretariat. */
	public record Delegate(DelegateRole role, UUID account, String email, String name, @Nullable String title,
			@Nullable DelegationLevel level) {
	}
}
