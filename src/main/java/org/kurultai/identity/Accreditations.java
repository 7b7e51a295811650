package org.kurultai.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

	Accreditations(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, ForumClock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A national coordinator proposes a delegate of their own participant. */
	@Transactional
	public Accreditation propose(Account coordinator, String personEmail) {
		if (coordinator.role() != Role.NATIONAL_COORDINATOR || coordinator.participant() == null) {
			throw NotAllowed.of("problem.accreditation.onlyCoordinatorProposes");
		}
		var person = accounts.byEmail(personEmail).orElseThrow(() -> NotFound.of("problem.notFound.account", personEmail));
		if (person.role() != Role.DELEGATE || !coordinator.participant().equals(person.participant())) {
			throw NotAllowed.of("problem.accreditation.ownParticipantOnly");
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
		return find(id);
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
	public static class AlreadyInDelegation extends RuleViolation {

		AlreadyInDelegation(String person, String participant) {
			super("problem.accreditation.alreadyInDelegation", person, participant);
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
