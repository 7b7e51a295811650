package org.kurultai.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delegations are made of accredited people: a national coordinator proposes a person for their
 * own participant's delegation, the Secretariat accredits, and either ends an accreditation.
 * Nothing is deleted; every act is dated in the forum's time zone and audited.
 */
@Service
@Transactional(readOnly = true)
public class Accreditations {

	private final JdbcClient jdbc;
	private final AccountRepository accounts;
	private final AuditLog audit;
	private final ForumClock clock;
	private final Accounts people;
	private final org.springframework.context.ApplicationEventPublisher events;

	Accreditations(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, ForumClock clock, Accounts people,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.people = people;
	}

	/** A national coordinator proposes a delegate of their own participant who has an account. */
	@Transactional
	public Accreditation propose(Account coordinator, String personEmail) {
		return propose(coordinator, personEmail, null, null);
	}

	/**
	 * A national coordinator proposes a delegate of their own participant. A person without an account is proposed with
	 * their name and language: an account is opened for them as proposed (a delegate of that participant), confirmed
	 * and invited when the Secretariat accredits. One path for both.
	 */
	@Transactional
	public Accreditation propose(Account coordinator, @Nullable String personEmail, @Nullable String displayName,
			@Nullable String language) {
		if (coordinator.role() != Role.NATIONAL_COORDINATOR || coordinator.participant() == null) {
			throw NotAllowed.of("problem.accreditation.onlyCoordinatorProposes");
		}
		var known = personEmail == null ? java.util.Optional.<Account>empty() : accounts.byEmail(personEmail);
		Account person;
		try {
			person = known.isPresent() ? known.get() : people.propose(coordinator, personEmail, displayName, language);
		}
		catch (Accounts.FieldInvalid invalid) {
			throw "email".equals(invalid.field()) ? new Accounts.FieldInvalid("person", invalid.key(), invalid.getMessage()) : invalid;
		}
		if (person.role() != Role.DELEGATE || !coordinator.participant().equals(person.participant())) {
			throw NotAllowed.of("problem.accreditation.ownParticipantOnly");
		}
		if (known.isPresent()) {
			person = people.proposeAgain(person, coordinator);
		}
		if (!openOf(person.id(), coordinator.participant()).isEmpty()) {
			throw new AlreadyInDelegation(person.email(), coordinator.participant());
		}
		var accreditation = new Accreditation(UUID.randomUUID(), person.id(), coordinator.participant(), coordinator.id(),
				clock.today(), null, null, null, null);
		jdbc.sql("insert into accreditation (id, account_id, participant_code, proposed_by, proposed_on) values (?, ?, ?, ?, ?)")
				.params(accreditation.id(), person.id(), accreditation.participant(), coordinator.id(), accreditation.proposedOn())
				.update();
		audit.record(new Act(coordinator.email(), coordinator.actsFor(), "accreditation.proposed", "accreditation:" + accreditation.id(),
				null, Map.of("person", person.email(), "participant", accreditation.participant(), "stage", "PROPOSED")));
		events.publishEvent(new AccreditationChanged(accreditation.id(), person.id(), accreditation.participant(),
				Accreditation.Stage.PROPOSED, coordinator.id()));
		return accreditation;
	}

	/** The Secretariat accredits a proposed person. */
	@Transactional
	public Accreditation accredit(UUID id, Account officer) {
		if (!officer.role().isSecretariat()) {
			throw NotAllowed.of("problem.accreditation.onlySecretariatAccredits");
		}
		var accreditation = locked(id);
		if (accreditation.stage() != Accreditation.Stage.PROPOSED) {
			throw new WrongStage(accreditation, Accreditation.Stage.ACCREDITED);
		}
		jdbc.sql("update accreditation set accredited_by = ?, accredited_on = ? where id = ?").params(officer.id(), clock.today(), id)
				.update();
		audit.record(new Act(officer.email(), officer.actsFor(), "accreditation.accredited", "accreditation:" + id,
				Map.of("stage", "PROPOSED"), Map.of("stage", "ACCREDITED")));
		// a person proposed without an account: the Secretariat's accreditation confirms it, and the invitation goes out
		people.confirm(accreditation.account(), officer);
		events.publishEvent(new AccreditationChanged(id, accreditation.account(), accreditation.participant(),
				Accreditation.Stage.ACCREDITED, officer.id()));
		return find(id);
	}

	/** The participant's national coordinator or the Secretariat ends an accreditation (or withdraws a proposal). */
	@Transactional
	public Accreditation end(UUID id, Account by) {
		var accreditation = locked(id);
		var coordinatorOfIt = by.role() == Role.NATIONAL_COORDINATOR && accreditation.participant().equals(by.participant());
		if (!coordinatorOfIt && !by.role().isSecretariat()) {
			throw NotAllowed.of("problem.accreditation.whoEnds");
		}
		if (accreditation.stage() == Accreditation.Stage.ENDED) {
			throw new WrongStage(accreditation, Accreditation.Stage.ENDED);
		}
		jdbc.sql("update accreditation set ended_by = ?, ended_on = ? where id = ?").params(by.id(), clock.today(), id).update();
		audit.record(new Act(by.email(), by.actsFor(), "accreditation.ended", "accreditation:" + id,
				Map.of("stage", accreditation.stage().name()), Map.of("stage", "ENDED")));
		if (accreditation.stage() == Accreditation.Stage.PROPOSED) {
			// a proposal withdrawn or refused: an account opened only for it is closed
			people.proposalEnded(accreditation.account(), by);
		}
		events.publishEvent(new AccreditationChanged(id, accreditation.account(), accreditation.participant(), Accreditation.Stage.ENDED,
				by.id()));
		return find(id);
	}

	/** The person leaves a participant's delegation (their State or role changed): every open accreditation there ends. */
	@Transactional
	void endAll(Account person, String participant, Account by) {
		for (var open : openOf(person.id(), participant)) {
			jdbc.sql("update accreditation set ended_by = ?, ended_on = ? where id = ?").params(by.id(), clock.today(), open.id()).update();
			audit.record(new Act(by.email(), by.actsFor(), "accreditation.ended", "accreditation:" + open.id(),
					Map.of("stage", open.stage().name()), Map.of("stage", "ENDED")));
			events.publishEvent(new AccreditationChanged(open.id(), person.id(), participant, Accreditation.Stage.ENDED, by.id()));
		}
	}

	/** What a person may see of accreditations: the Secretariat all, a coordinator their delegation's. */
	public List<Accreditation> visibleTo(Account viewer) {
		if (viewer.role().isSecretariat()) {
			return jdbc.sql("select * from accreditation order by proposed_on desc, id").query((rs, row) -> accreditation(rs)).list();
		}
		if (viewer.role() == Role.NATIONAL_COORDINATOR) {
			return jdbc.sql("select * from accreditation where participant_code = ? order by proposed_on desc, id")
					.param(viewer.participant()).query((rs, row) -> accreditation(rs)).list();
		}
		throw NotAllowed.of("problem.accreditation.whoSees");
	}

	/** Is the person accredited to the participant's delegation on that day? */
	public boolean isAccredited(Account person, String participant, LocalDate day) {
		return jdbc.sql("select * from accreditation where account_id = ? and participant_code = ?").params(person.id(), participant)
				.query((rs, row) -> accreditation(rs)).list().stream().anyMatch(accreditation -> accreditation.activeOn(day));
	}

	/**
	 * The people accredited to the participant's delegation on that day (their accreditation active then, their account
	 * not closed), by name: those a delegation registered for a meeting may name.
	 */
	public List<Account> accreditedTo(String participant, LocalDate day) {
		return jdbc.sql("select * from accreditation where participant_code = ? and accredited_on is not null").param(participant)
				.query((rs, row) -> accreditation(rs)).list().stream().filter(accreditation -> accreditation.activeOn(day))
				.map(accreditation -> accounts.byId(accreditation.account())).flatMap(java.util.Optional::stream)
				.filter(account -> account.status() != Account.Status.DEACTIVATED).distinct()
				.sorted(java.util.Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER).thenComparing(Account::email))
				.toList();
	}

	Accreditation find(UUID id) {
		return jdbc.sql("select * from accreditation where id = ?").param(id).query((rs, row) -> accreditation(rs)).optional()
				.orElseThrow(() -> NotFound.of("problem.notFound.accreditation", id));
	}

	private Accreditation locked(UUID id) {
		return jdbc.sql("select * from accreditation where id = ? for update").param(id).query((rs, row) -> accreditation(rs))
				.optional().orElseThrow(() -> NotFound.of("problem.notFound.accreditation", id));
	}

	private List<Accreditation> openOf(UUID account, String participant) {
		return jdbc.sql("select * from accreditation where account_id = ? and participant_code = ? and ended_on is null")
				.params(account, participant).query((rs, row) -> accreditation(rs)).list();
	}

	private static Accreditation accreditation(ResultSet rs) throws SQLException {
		return new Accreditation(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("participant_code"), rs.getObject("proposed_by", UUID.class), rs.getObject("proposed_on", LocalDate.class),
				rs.getObject("accredited_by", UUID.class), rs.getObject("accredited_on", LocalDate.class),
				rs.getObject("ended_by", UUID.class), rs.getObject("ended_on", LocalDate.class));
	}

	/** A person is in a delegation once at a time. */
	public static class AlreadyInDelegation extends RuleViolation implements Accounts.Refusal {

		AlreadyInDelegation(String person, String participant) {
			super("problem.accreditation.alreadyInDelegation", person, participant);
		}

		@Override
		public String field() {
			return "person";
		}

		@Override
		public String key() {
			return "accounts.error.already-in-delegation";
		}

		@Override
		public String rule() {
			return "already-in-delegation";
		}
	}

	/** An accreditation moves proposed → accredited → ended, once each. */
	public static class WrongStage extends RuleViolation {

		WrongStage(Accreditation accreditation, Accreditation.Stage wanted) {
			super("problem.accreditation.wrongStage", accreditation.stage(), wanted);
		}

		@Override
		public String rule() {
			return "accreditation-stage";
		}
	}
}
