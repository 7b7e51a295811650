package org.kurultai.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.notifications.Notification;
import org.kurultai.notifications.Notifications;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts from opening to closing. The Secretariat administrator opens an account (it is {@code INVITED}: an
 * invitation with a one-time link goes out in the same transaction), or a national coordinator proposes one with an
 * accreditation ({@code PROPOSED}; the Secretariat's accreditation confirms it and sends the invitation). The person
 * sets a password through the link and the account is {@code ACTIVE}. The administrator changes role, State, name or
 * language, deactivates (the person is signed out everywhere) and reactivates; anyone may ask for a password reset.
 * Every write is audited in its own transaction.
 */
@Service
@Transactional(readOnly = true)
public class Accounts {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	static final int MAXIMUM_PASSWORD_LENGTH = 1000;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	/** Reset links an account is sent at most in an hour, however often anyone asks: no mail bomb through the forum. */
	static final int RESETS_PER_HOUR = 5;

	/** An account with when it last signed in (written by sign-in). */
	public record Listed(Account account, @Nullable Instant lastSignedInAt) {
	}

	/**
	 * A change an administrator asks for; a null field is left as it is. {@code participantGiven} tells an explicit
	 * "no participant" from "unchanged".
	 */
	public record Change(@Nullable String displayName, @Nullable String role, boolean participantGiven, @Nullable String participant,
			@Nullable String language) {
	}

	/** What a one-time link stands for, seen before it is used. */
	public record LinkFor(Account account) {
	}

	private final AccountRepository repository;
	private final PasswordEncoder passwords;
	private final Registry registry;
	private final AuditLog audit;
	private final ForumClock clock;
	private final OneTimeLinks links;
	private final Notifications notifications;
	private final SignOuts signOuts;
	private final ObjectProvider<Accreditations> accreditations;
	private final ObjectProvider<PasswordResets> resets;
	private final String publicUrl;

	Accounts(AccountRepository repository, PasswordEncoder passwords, Registry registry, AuditLog audit, ForumClock clock,
			OneTimeLinks links, Notifications notifications, SignOuts signOuts, ObjectProvider<Accreditations> accreditations,
			ObjectProvider<PasswordResets> resets, @Value("${kurultai.public-url:http://localhost:8080}") String publicUrl) {
		this.resets = resets;
		this.clock = clock;
		this.repository = repository;
		this.passwords = passwords;
		this.registry = registry;
		this.audit = audit;
		this.links = links;
		this.notifications = notifications;
		this.signOuts = signOuts;
		this.accreditations = accreditations;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	public Optional<Account> byEmail(String email) {
		return repository.byEmail(email);
	}

	public Optional<Account> byId(UUID id) {
		return repository.byId(id);
	}

	public List<Account> all() {
		return repository.all();
	}

	/** Accounts with their last sign-in, filtered by role, participant and status (null: any). */
	public List<Listed> listed(@Nullable Role role, @Nullable String participant, Account.@Nullable Status status) {
		return repository.listed(role, participant, status);
	}

	public Listed listed(UUID id) {
		var account = repository.byId(id).orElseThrow(() -> NotFound.of("problem.notFound.account", id.toString()));
		return repository.listed(account.role(), account.participant(), account.status()).stream()
				.filter(listed -> listed.account().id().equals(id)).findFirst().orElse(new Listed(account, null));
	}

	public boolean hasAdministrator() {
		return repository.anyWithRole(Role.SECRETARIAT_ADMINISTRATOR);
	}

	/**
	 * Opens an account that is active at once (the first administrator from configuration, the demo, tests).
	 * {@code password} may be null for a person who signs in only through their ministry's identity provider.
	 */
	@Transactional
	public Account open(String email, String displayName, Role role, @Nullable String participant, @Nullable String password,
			String actor, String actorActsFor) {
		if (participant != null && !registry.isRegistered(ParticipantCode.parse(participant))) {
			throw NotFound.of("problem.notFound.participant", participant);
		}
		var account = new Account(UUID.randomUUID(), email, displayName, role,
				participant == null ? null : ParticipantCode.parse(participant).value(), true, clock.now());
		if (repository.byEmail(account.email()).isPresent()) {
			throw new EmailTaken(account.email());
		}
		if (password != null) {
			checkPassword(password);
		}
		repository.insert(account, password == null ? null : passwords.encode(password));
		audit.record(new Act(actor, actorActsFor, "account.opened", "account:" + account.email(), null, described(account)));
		return account;
	}

	/**
	 * The Secretariat administrator opens an account: it is invited, and the invitation (a link valid 72 hours) is
	 * written to the outbox in this transaction, in the person's language.
	 */
	@Transactional
	public Account invite(Account administrator, @Nullable String email, @Nullable String displayName, @Nullable String role,
			@Nullable String participant, @Nullable String language) {
		mustAdminister(administrator);
		var account = valid(UUID.randomUUID(), email, displayName, role, participant, language, Account.Status.INVITED, clock.now());
		if (repository.byEmail(account.email()).isPresent()) {
			throw new EmailTaken(account.email());
		}
		repository.insert(account, null);
		audit.record(new Act(administrator.email(), administrator.actsFor(), "account.opened", "account:" + account.email(), null,
				described(account)));
		sendInvitation(account, administrator.email(), administrator.actsFor(), false);
		return account;
	}

	/**
	 * A national coordinator proposes a person without an account for their own State's delegation: the account is
	 * opened as proposed (a delegate of that State), with no invitation until the Secretariat accredits.
	 */
	@Transactional
	Account propose(Account coordinator, @Nullable String email, @Nullable String displayName, @Nullable String language) {
		if (coordinator.role() != Role.NATIONAL_COORDINATOR || coordinator.participant() == null) {
			throw new org.kurultai.shared.NotAllowed("Only a national coordinator proposes people for a delegation");
		}
		var account = valid(UUID.randomUUID(), email, displayName, Role.DELEGATE.name(), coordinator.participant(), language,
				Account.Status.PROPOSED, clock.now());
		if (repository.byEmail(account.email()).isPresent()) {
			throw new EmailTaken(account.email());
		}
		repository.insert(account, null);
		audit.record(new Act(coordinator.email(), coordinator.actsFor(), "account.proposed", "account:" + account.email(), null,
				described(account)));
		return account;
	}

	/** A person proposed again, whose account was closed before it was ever used, is proposed anew. */
	@Transactional
	Account proposeAgain(Account person, Account coordinator) {
		var locked = lockedAccount(person.id());
		if (locked.status() != Account.Status.DEACTIVATED || repository.everActive(locked.id())) {
			return locked;
		}
		var proposed = locked.withStatus(Account.Status.PROPOSED);
		repository.update(proposed);
		audit.record(new Act(coordinator.email(), coordinator.actsFor(), "account.proposed", "account:" + locked.email(),
				described(locked), described(proposed)));
		return proposed;
	}

	/** The Secretariat accredits a proposed person: their account is confirmed and the invitation goes out. */
	@Transactional
	void confirm(UUID person, Account officer) {
		var account = lockedAccount(person);
		if (account.status() != Account.Status.PROPOSED) {
			return;
		}
		var invited = account.withStatus(Account.Status.INVITED);
		repository.update(invited);
		audit.record(new Act(officer.email(), officer.actsFor(), "account.confirmed", "account:" + account.email(), described(account),
				described(invited)));
		sendInvitation(invited, officer.email(), officer.actsFor(), false);
	}

	/** A proposal ended before the Secretariat accredited it: the proposed account is closed. */
	@Transactional
	void proposalEnded(UUID person, Account by) {
		var account = lockedAccount(person);
		if (account.status() != Account.Status.PROPOSED) {
			return;
		}
		var closed = account.withStatus(Account.Status.DEACTIVATED);
		repository.update(closed);
		audit.record(new Act(by.email(), by.actsFor(), "account.deactivated", "account:" + account.email(), described(account),
				described(closed)));
	}

	/** The administrator sends the invitation again: a new link, the old one no longer works. */
	@Transactional
	public Account resendInvitation(UUID id, Account administrator) {
		mustAdminister(administrator);
		var account = lockedAccount(id);
		if (account.status() != Account.Status.INVITED) {
			throw new WrongStatus(account, "accounts.error.not-invited", "Only an invited account (no credential yet) is invited again");
		}
		sendInvitation(account, administrator.email(), administrator.actsFor(), true);
		return account;
	}

	private void sendInvitation(Account account, String actor, String actsFor, boolean again) {
		var link = links.issue(account.id(), OneTimeLinks.Purpose.INVITATION);
		var model = new LinkedHashMap<String, Object>();
		model.put("name", account.displayName());
		model.put("email", account.email());
		model.put("role", account.role().name());
		var participant = participantName(account.participant(), account.language());
		if (participant != null) {
			model.put("participant", participant);
		}
		model.put("link", publicUrl + "/invitations/" + link.secret());
		model.put("hours", OneTimeLinks.Purpose.INVITATION.validity.toHours());
		model.put("signIn", publicUrl + "/login");
		notifications.send(new Notification("invitation", account.email(), account.displayName(), account.language(), model));
		audit.record(new Act(actor, actsFor, again ? "account.invitation-resent" : "account.invitation-sent", "account:" + account.email(),
				null, Map.of("expiresAt", link.expiresAt().toString())));
	}

	/** The account an invitation link stands for, if it still works (nothing changes). */
	public LinkFor invitation(String secret) {
		return linkFor(links.look(secret, OneTimeLinks.Purpose.INVITATION), Account.Status.INVITED);
	}

	/** The invited person sets their password through the link: the account is active, the link spent. */
	@Transactional
	public Account acceptInvitation(String secret, @Nullable String password, @Nullable String repeated) {
		var presented = links.lock(secret, OneTimeLinks.Purpose.INVITATION);
		var account = linkFor(presented, Account.Status.INVITED).account();
		var locked = lockedAccount(account.id());
		if (locked.status() != Account.Status.INVITED) {
			throw new LinkGone();
		}
		var hash = passwords.encode(checkedPassword(password, repeated));
		repository.setPasswordAndActivate(locked.id(), hash, clock.now());
		links.spend(((OneTimeLinks.Usable) presented).link());
		links.replaceAll(locked.id(), OneTimeLinks.Purpose.INVITATION);
		var active = locked.withStatus(Account.Status.ACTIVE);
		audit.record(new Act(locked.email(), locked.actsFor(), "account.invitation-accepted", "account:" + locked.email(),
				described(locked), described(active)));
		return active;
	}

	/**
	 * Anyone asks for a password reset by e-mail. While the requester waits, the request is only checked for its form
	 * and written down — the same work whether or not the address has an account, so neither the answer nor its timing
	 * tells (no account enumeration). {@link PasswordResets} then calls {@link #sendPasswordReset} for it.
	 */
	@Transactional
	public void requestPasswordReset(@Nullable String email) {
		if (email == null || email.isBlank() || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
			throw new FieldInvalid("email", "accounts.error.email", "'" + email + "' is not an e-mail address");
		}
		resets.getObject().queue(email.trim());
	}

	/**
	 * A queued request, in the worker's transaction: a link (valid 1 hour, replacing older ones) is sent only to an active
	 * account, at most {@link #RESETS_PER_HOUR} an hour; every request for an existing account is audited.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	void sendPasswordReset(String email) {
		var account = repository.byEmail(email);
		if (account.isEmpty()) {
			return;
		}
		var locked = lockedAccount(account.get().id());
		if (!locked.active()) {
			audit.record(new Act(locked.email(), locked.actsFor(), "account.password-reset-requested", "account:" + locked.email(), null,
					Map.of("sent", false, "status", locked.status().name())));
			return;
		}
		if (links.issuedSince(locked.id(), OneTimeLinks.Purpose.PASSWORD_RESET, clock.now().minus(java.time.Duration.ofHours(1)))
				>= RESETS_PER_HOUR) {
			audit.record(new Act(locked.email(), locked.actsFor(), "account.password-reset-requested", "account:" + locked.email(), null,
					Map.of("sent", false, "throttled", true)));
			return;
		}
		var link = links.issue(locked.id(), OneTimeLinks.Purpose.PASSWORD_RESET);
		var model = new LinkedHashMap<String, Object>();
		model.put("name", locked.displayName());
		model.put("email", locked.email());
		model.put("link", publicUrl + "/password-reset/" + link.secret());
		model.put("minutes", OneTimeLinks.Purpose.PASSWORD_RESET.validity.toMinutes());
		notifications.send(new Notification("password-reset", locked.email(), locked.displayName(), locked.language(), model));
		audit.record(new Act(locked.email(), locked.actsFor(), "account.password-reset-requested", "account:" + locked.email(), null,
				Map.of("sent", true, "expiresAt", link.expiresAt().toString())));
	}

	/** The account a reset link stands for, if it still works (nothing changes). */
	public LinkFor passwordReset(String secret) {
		return linkFor(links.look(secret, OneTimeLinks.Purpose.PASSWORD_RESET), Account.Status.ACTIVE);
	}

	/** Sets a new password through a reset link; the person's other sessions and tokens end. */
	@Transactional
	public Account resetPassword(String secret, @Nullable String password, @Nullable String repeated) {
		var presented = links.lock(secret, OneTimeLinks.Purpose.PASSWORD_RESET);
		var account = linkFor(presented, Account.Status.ACTIVE).account();
		var locked = lockedAccount(account.id());
		if (!locked.active()) {
			throw new LinkGone();
		}
		var hash = passwords.encode(checkedPassword(password, repeated));
		repository.setPasswordAndActivate(locked.id(), hash, clock.now());
		links.spend(((OneTimeLinks.Usable) presented).link());
		links.replaceAll(locked.id(), OneTimeLinks.Purpose.PASSWORD_RESET);
		var ended = signOuts.everywhere(locked.id());
		audit.record(new Act(locked.email(), locked.actsFor(), "account.password-reset", "account:" + locked.email(), null,
				Map.of("tokensRevoked", ended)));
		return locked;
	}

	/** The administrator changes name, role, participant or language; a new role or State signs the person out everywhere. */
	@Transactional
	public Account change(UUID id, Change change, Account administrator) {
		mustAdminister(administrator);
		var administrators = lockedAdministrators(administrator);
		var account = lockedAccount(id);
		var role = change.role() == null ? account.role().name() : change.role();
		var newRole = parseRole(role);
		String participant;
		if (change.participantGiven()) {
			participant = change.participant();
		}
		else {
			participant = newRole.actsForAParticipant() ? account.participant() : null;
		}
		var changed = valid(account.id(), account.email(), change.displayName() == null ? account.displayName() : change.displayName(),
				role, participant, change.language() == null ? account.language().getLanguage() : change.language(), account.status(),
				account.createdAt());
		if (changed.equals(account)) {
			return account;
		}
		var roleOrStateChanged = changed.role() != account.role() || !java.util.Objects.equals(changed.participant(), account.participant());
		if (account.role() == Role.SECRETARIAT_ADMINISTRATOR && changed.role() != Role.SECRETARIAT_ADMINISTRATOR) {
			if (account.id().equals(administrator.id())) {
				throw new OwnAccount();
			}
			if (account.active() && administrators.size() <= 1) {
				throw new LastAdministrator();
			}
		}
		repository.update(changed);
		if (roleOrStateChanged) {
			if (account.participant() != null && !account.participant().equals(changed.participant())) {
				accreditations.getObject().endAll(account, account.participant(), administrator);
			}
			signOuts.everywhere(account.id());
		}
		audit.record(new Act(administrator.email(), administrator.actsFor(), "account.changed", "account:" + account.email(),
				described(account), described(changed)));
		return changed;
	}

	/** Deactivation: the person signs in nowhere, their sessions and tokens end at once, their links stop working. */
	@Transactional
	public Account deactivate(UUID id, Account administrator) {
		mustAdminister(administrator);
		if (id.equals(administrator.id())) {
			throw new OwnAccount();
		}
		var administrators = lockedAdministrators(administrator);
		var account = lockedAccount(id);
		if (account.status() == Account.Status.DEACTIVATED) {
			throw new WrongStatus(account, "accounts.error.already-deactivated", "This account is deactivated already");
		}
		if (account.role() == Role.SECRETARIAT_ADMINISTRATOR && account.active() && administrators.size() <= 1) {
			throw new LastAdministrator();
		}
		var closed = account.withStatus(Account.Status.DEACTIVATED);
		repository.update(closed);
		links.replaceAll(account.id());
		var ended = signOuts.everywhere(account.id());
		audit.record(new Act(administrator.email(), administrator.actsFor(), "account.deactivated", "account:" + account.email(),
				described(account), Map.of("status", closed.status().name(), "tokensRevoked", ended)));
		return closed;
	}

	/** Reactivation: an account that was active before is active again; one never used is invited again. */
	@Transactional
	public Account reactivate(UUID id, Account administrator) {
		mustAdminister(administrator);
		var account = lockedAccount(id);
		if (account.status() != Account.Status.DEACTIVATED) {
			throw new WrongStatus(account, "accounts.error.not-deactivated", "Only a deactivated account is reactivated");
		}
		var reopened = account.withStatus(repository.everActive(id) ? Account.Status.ACTIVE : Account.Status.INVITED);
		repository.update(reopened);
		audit.record(new Act(administrator.email(), administrator.actsFor(), "account.reactivated", "account:" + account.email(),
				described(account), described(reopened)));
		if (reopened.status() == Account.Status.INVITED) {
			sendInvitation(reopened, administrator.email(), administrator.actsFor(), true);
		}
		return reopened;
	}

	@Nullable String passwordHash(Account account) {
		return repository.passwordHash(account.id());
	}

	/** The participant's name in a language (the Russian where the data has it), or null. */
	public @Nullable String participantName(@Nullable String code, Locale language) {
		if (code == null) {
			return null;
		}
		var names = registry.participant(ParticipantCode.of(code)).names();
		return names.shortIn(language);
	}

	/** Every participant's name in a language, by code, in the order of the names. */
	public Map<String, String> participantNames(Locale language) {
		var russian = "ru".equals(language.getLanguage());
		var names = new java.util.TreeMap<String, String>();
		for (var participant : registry.roster().participants()) {
			var n = participant.names();
			names.put(participant.code().value(), n.shortIn(language));
		}
		var collator = java.text.Collator.getInstance(language);
		var ordered = new LinkedHashMap<String, String>();
		names.entrySet().stream().sorted((a, b) -> collator.compare(a.getValue(), b.getValue()))
				.forEach(e -> ordered.put(e.getKey(), e.getValue()));
		return ordered;
	}

	private LinkFor linkFor(OneTimeLinks.Presented presented, Account.Status wanted) {
		if (presented instanceof OneTimeLinks.Usable usable) {
			var account = repository.byId(usable.account()).orElseThrow(LinkUnknown::new);
			if (account.status() != wanted) {
				throw new LinkGone();
			}
			return new LinkFor(account);
		}
		if (presented instanceof OneTimeLinks.Spent) {
			throw new LinkGone();
		}
		throw new LinkUnknown();
	}

	/**
	 * The active administrators, their rows locked in one order before any other account's (so that two administrators
	 * deactivating each other at the same moment are serialized, and neither leaves the forum without one); the acting
	 * administrator must still be one of them.
	 */
	private List<UUID> lockedAdministrators(Account administrator) {
		var active = repository.activeAdministratorsLocked();
		if (!active.contains(administrator.id())) {
			throw new org.kurultai.shared.NotAllowed("Only an active Secretariat administrator opens, changes and closes accounts");
		}
		return active;
	}

	private Account lockedAccount(UUID id) {
		return repository.locked(id).orElseThrow(() -> NotFound.of("problem.notFound.account", id.toString()));
	}

	private static void mustAdminister(Account administrator) {
		if (administrator.role() != Role.SECRETARIAT_ADMINISTRATOR || !administrator.active()) {
			throw new org.kurultai.shared.NotAllowed("Only a Secretariat administrator opens, changes and closes accounts");
		}
	}

	private static void checkPassword(String password) {
		if (password.length() < MINIMUM_PASSWORD_LENGTH) {
			throw new PasswordTooShort();
		}
		if (password.length() > MAXIMUM_PASSWORD_LENGTH) {
			throw new FieldInvalid("password", "accounts.error.password-too-long",
					"A password has at most " + MAXIMUM_PASSWORD_LENGTH + " characters");
		}
	}

	private static String checkedPassword(@Nullable String password, @Nullable String repeated) {
		if (password == null || password.isEmpty()) {
			throw new PasswordTooShort();
		}
		checkPassword(password);
		if (repeated != null && !repeated.equals(password)) {
			throw new FieldInvalid("repeated", "accounts.error.password-mismatch", "The two passwords differ");
		}
		return password;
	}

	private static Role parseRole(@Nullable String role) {
		try {
			return Role.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new FieldInvalid("role", "accounts.error.role", "The role is one of " + java.util.Arrays.toString(Role.values()));
		}
	}

	/** Checks each field of an account as a person or client typed it, naming the field that is wrong. */
	private Account valid(UUID id, @Nullable String email, @Nullable String displayName, @Nullable String role,
			@Nullable String participant, @Nullable String language, Account.Status status, Instant createdAt) {
		var address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			throw new FieldInvalid("email", "accounts.error.email", "'" + email + "' is not an e-mail address");
		}
		var name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
			throw new FieldInvalid("displayName", "accounts.error.name", "An account needs a name of at most 200 characters");
		}
		var parsedRole = parseRole(role);
		var code = participant == null || participant.isBlank() ? null : participant.trim().toUpperCase(Locale.ROOT);
		if (parsedRole.actsForAParticipant() && code == null) {
			throw new FieldInvalid("participant", "accounts.error.participant-needed",
					"A national coordinator or a delegate acts for a participant: name it");
		}
		if (!parsedRole.actsForAParticipant() && code != null) {
			throw new FieldInvalid("participant", "accounts.error.participant-not-allowed",
					"Secretariat staff and experts act for no participant");
		}
		if (code != null && (!code.matches("[A-Z]{2,10}") || !registry.isRegistered(ParticipantCode.of(code)))) {
			throw new FieldInvalid("participant", "accounts.error.participant-unknown", "No participant '" + participant + "'");
		}
		var tag = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
		var locale = Account.LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag)).findFirst()
				.orElseThrow(() -> new FieldInvalid("language", "accounts.error.language", "The language is en or ru"));
		return new Account(id, address, name, parsedRole, code, status, createdAt, locale);
	}

	private static Map<String, Object> described(Account account) {
		var description = new LinkedHashMap<String, Object>();
		description.put("email", account.email());
		description.put("displayName", account.displayName());
		description.put("role", account.role().name());
		description.put("participant", String.valueOf(account.participant()));
		description.put("language", account.language().getLanguage());
		description.put("status", account.status().name());
		return description;
	}

	/** A refusal a form shows beside one of its fields (or above the form: field ""), by message key. */
	public interface Refusal {

		String field();

		String key();

		default Object[] arguments() {
			return new Object[0];
		}
	}

	/** A field of a request is missing or wrong: 400, naming the field. */
	public static class FieldInvalid extends InvalidRequest implements Refusal {

		private final String key;

		FieldInvalid(String field, String key, String message) {
			// said in the accounts bundle's words (the key), in the requester's language; the English message is for logs
			super(field, key, new Object[0], message);
			this.key = key;
		}

		@Override
		public String field() {
			return parameter();
		}

		@Override
		public String key() {
			return key;
		}
	}

	/** One account per e-mail address. */
	public static class EmailTaken extends RuleViolation implements Refusal {

		EmailTaken(String email) {
			super("problem.account.emailTaken", email);
		}

		@Override
		public String rule() {
			return "email-taken";
		}

		@Override
		public String field() {
			return "email";
		}

		@Override
		public String key() {
			return "accounts.error.email-taken";
		}
	}

	/** Passwords have at least twelve characters. */
	public static class PasswordTooShort extends RuleViolation implements Refusal {

		PasswordTooShort() {
			super("problem.account.passwordTooShort", MINIMUM_PASSWORD_LENGTH);
		}

		@Override
		public String rule() {
			return "password-too-short";
		}

		@Override
		public String field() {
			return "password";
		}

		@Override
		public String key() {
			return "accounts.error.password-too-short";
		}

		@Override
		public Object[] arguments() {
			return new Object[] { MINIMUM_PASSWORD_LENGTH };
		}
	}

	/** The forum keeps at least one active Secretariat administrator. */
	public static class LastAdministrator extends RuleViolation implements Refusal {

		LastAdministrator() {
			super("problem.accounts.lastAdministrator");
		}

		@Override
		public String rule() {
			return "last-administrator";
		}

		@Override
		public String field() {
			return "";
		}

		@Override
		public String key() {
			return "accounts.error.last-administrator";
		}
	}

	/** An administrator does not deactivate themselves or take away their own role. */
	public static class OwnAccount extends RuleViolation implements Refusal {

		OwnAccount() {
			super("problem.accounts.ownAccount");
		}

		@Override
		public String rule() {
			return "own-account";
		}

		@Override
		public String field() {
			return "";
		}

		@Override
		public String key() {
			return "accounts.error.own-account";
		}
	}

	/** The act does not fit the account's status. */
	public static class WrongStatus extends RuleViolation implements Refusal {

		private final String key;

		WrongStatus(Account account, String key, String message) {
			super("problem.accounts.wrongStatus", account.status());
			this.key = key;
		}

		@Override
		public String rule() {
			return "account-status";
		}

		@Override
		public String field() {
			return "";
		}

		@Override
		public String key() {
			return key;
		}
	}

	/** A one-time link nobody issued. */
	public static class LinkUnknown extends RuntimeException {

		LinkUnknown() {
			super("problem.accounts.linkUnknown");
		}
	}

	/** A one-time link used, expired or replaced by a newer one. */
	public static class LinkGone extends RuntimeException {

		LinkGone() {
			super("problem.accounts.linkGone");
		}
	}
}
