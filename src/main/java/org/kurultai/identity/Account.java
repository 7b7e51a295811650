package org.kurultai.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.RuleViolation;

/**
 * A person's account: it belongs either to the Secretariat or to one participant's delegation.
 * A national coordinator or a delegate always names the participant it acts for; Secretariat
 * staff and experts never do.
 */
public record Account(UUID id, String email, String displayName, Role role, @Nullable String participant, Status status,
		Instant createdAt, Locale language) {

	/** The languages people may work in; the first is the default. */
	public static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	/**
	 * Where an account stands. Only an {@link #ACTIVE} account signs in (password, passkey, ministry) or uses its tokens.
	 */
	public enum Status {
		/** Proposed by a national coordinator with an accreditation; awaits the Secretariat. */
		PROPOSED,
		/** Opened or confirmed by the Secretariat; the invitation is out, the person has no credential yet. */
		INVITED,
		/** May sign in. */
		ACTIVE,
		/** Closed by the Secretariat (or a proposal that ended): signs in nowhere. */
		DEACTIVATED
	}

	public Account(UUID id, String email, String displayName, Role role, @Nullable String participant, boolean active,
			Instant createdAt) {
		this(id, email, displayName, role, participant, active, createdAt, Locale.ENGLISH);
	}

	public Account(UUID id, String email, String displayName, Role role, @Nullable String participant, boolean active,
			Instant createdAt, Locale language) {
		this(id, email, displayName, role, participant, active ? Status.ACTIVE : Status.DEACTIVATED, createdAt, language);
	}

	/** May this account sign in and act? Only when {@link Status#ACTIVE}. */
	public boolean active() {
		return status == Status.ACTIVE;
	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	public Account {
		status = status == null ? Status.ACTIVE : status;
		language = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language.getLanguage());
		if (!LANGUAGES.contains(language)) {
			throw new AccountInvalid("problem.account.language", language.getLanguage());
		}
		email = email.trim().toLowerCase(Locale.ROOT);
		if (!EMAIL.matcher(email).matches() || email.length() > 254) {
			throw new AccountInvalid("problem.account.email", email);
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			throw new AccountInvalid("problem.account.name");
		}
		if (role.actsForAParticipant() != (participant != null)) {
			throw new AccountInvalid(role.actsForAParticipant() ? "problem.account.participantNeeded" : "problem.account.noParticipant", role);
		}
	}

	Account withStatus(Status newStatus) {
		return new Account(id, email, displayName, role, participant, newStatus, createdAt, language);
	}

	/** For whom this person acts: the participant's code, or the Secretariat. */
	public String actsFor() {
		return participant != null ? participant : role.isSecretariat() ? "SECRETARIAT" : "PERSONAL";
	}

	/** An account's data breaks a rule. */
	public static class AccountInvalid extends RuleViolation {

		AccountInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "account-invalid";
		}
	}
}
