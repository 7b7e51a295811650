package org.kurultai.decisions;

import java.time.Instant;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.kurultai.drafting.Facilitation;
import org.kurultai.identity.Mandate;
import org.kurultai.shared.NotAllowed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may do what on a decision, one rule per act, asked both by the pages (to show a button:
 * {@link Decisions#permissions}) and by the commands (to allow the act: {@link Verdict#orThrow}), so
 * that a button never shows for an act the command refuses, nor the other way round.
 * <ul>
 * <li>propose, close at the meeting, withdraw: whoever conducts the negotiation (the chairing
 * State's delegation on the day, or the Secretariat);</li>
 * <li>object (or break silence): a member delegation, present at the meeting (anyone, under
 * silence), on an open decision under a consensus rule, before its deadline;</li>
 * <li>vote: a member delegation present, on an open decision under a majority rule;</li>
 * <li>file a statement: a delegation that may take the floor (members and observers; reservations and
 * interpretive statements members only), on a decision under way or adopted.</li>
 * </ul>
 * A refusal is the {@link org.kurultai.shared.Refusal} the command throws: the first rule the act breaks.
 */
@Component
class DecisionPolicy {

	private final Predicate<Mandate> conducts;
	private final @Nullable ChairOn chairOn;

	@Autowired
	DecisionPolicy(Facilitation facilitation) {
		this(facilitation::mayFacilitate, facilitation::chairOn);
	}

	/** For tests: who conducts, and the chairing State's code on a day (for the refusal's words). */
	DecisionPolicy(Predicate<Mandate> conducts, @Nullable ChairOn chairOn) {
		this.conducts = conducts;
		this.chairOn = chairOn;
	}

	@FunctionalInterface
	interface ChairOn {
		String on(java.time.LocalDate day);
	}

	/** Puts a text for decision: the chair or the Secretariat. */
	Verdict mayPropose(Mandate mandate) {
		return conducts(mandate);
	}

	Verdict mayObject(Mandate mandate, Decision decision, Instant now) {
		var closed = closed(decision, now);
		if (closed != null) {
			return closed;
		}
		if (decision.rule() == DecisionRule.SIMPLE_MAJORITY) {
			return new Refused(new Decisions.VoteUnderMajorityRule());
		}
		if (!mandate.mayObject()) {
			return new Refused(NotAllowed.of(decision.silence() ? "problem.decision.onlyMembersBreakSilence" : "problem.decision.onlyMembersObject",
					mandate.account().actsFor(), mandate.on()));
		}
		return present(mandate, decision);
	}

	Verdict mayVote(Mandate mandate, Decision decision, Instant now) {
		var closed = closed(decision, now);
		if (closed != null) {
			return closed;
		}
		if (decision.rule() != DecisionRule.SIMPLE_MAJORITY) {
			return new Refused(new Decisions.NoVoteUnderConsensus(decision.rule()));
		}
		if (!mandate.mayObject()) {
			return new Refused(NotAllowed.of("problem.decision.onlyMembersVote", mandate.account().actsFor(), mandate.on()));
		}
		return present(mandate, decision);
	}

	/** The chair closes an open item at the meeting; a silence procedure closes by itself. */
	Verdict mayClose(Mandate mandate, Decision decision, Instant now) {
		var conducts = conducts(mandate);
		if (!conducts.allowed()) {
			return conducts;
		}
		if (decision.silence()) {
			return new Refused(new Decisions.SilenceClosesByItself());
		}
		if (!decision.open()) {
			return new Refused(new Decisions.DecisionClosed(decision));
		}
		return Verdict.ALLOWED;
	}

	/** The chair or the Secretariat withdraws an open proposal, before a silence deadline. */
	Verdict mayWithdraw(Mandate mandate, Decision decision, Instant now) {
		var conducts = conducts(mandate);
		if (!conducts.allowed()) {
			return conducts;
		}
		var closed = closed(decision, now);
		return closed == null ? Verdict.ALLOWED : closed;
	}

	/**
	 * Files a statement of the kind: members (reservations, interpretive statements) or members and
	 * observers (explanations of position), with a decision under way or adopted. Without a kind: may
	 * the delegation file any statement at all (the page's form offers the kinds it may).
	 */
	Verdict mayFileStatement(Mandate mandate, Decision decision, @Nullable StatementKind kind) {
		boolean membersOnly = kind != null && kind.membersOnly();
		if (membersOnly ? !mandate.mayObject() : !mandate.maySpeak()) {
			return new Refused(NotAllowed.of(membersOnly ? "problem.decision.statementByMembers" : "problem.decision.statementByDelegations",
					kind == null ? StatementKind.EXPLANATION_OF_POSITION : kind, mandate.account().actsFor(), mandate.on()));
		}
		if (!(decision.open() || decision.status() == DecisionStatus.ADOPTED)) {
			return new Refused(new Decisions.DecisionClosed(decision));
		}
		return Verdict.ALLOWED;
	}

	private Verdict conducts(Mandate mandate) {
		if (conducts.test(mandate)) {
			return Verdict.ALLOWED;
		}
		return new Refused(NotAllowed.of("problem.drafting.whoConducts", chairOn == null ? "—" : chairOn.on(mandate.on()), mandate.on()));
	}

	private static @Nullable Refused closed(Decision decision, Instant now) {
		if (!decision.open()) {
			return new Refused(new Decisions.DecisionClosed(decision));
		}
		if (decision.dueAt(now)) {
			return new Refused(new Decisions.SilencePeriodOver(decision));
		}
		return null;
	}

	/** At a meeting, only the delegations present act; the Secretariat and experts are never "present" as a delegation. */
	private static Verdict present(Mandate mandate, Decision decision) {
		var participant = mandate.account().participant();
		if (!decision.silence() && (participant == null || !decision.present().contains(participant))) {
			return new Refused(new Decisions.NotPresent(participant, decision.meeting()));
		}
		return Verdict.ALLOWED;
	}

	/** The policy's answer: allowed, or refused with the refusal the command throws. */
	sealed interface Verdict permits Allowed, Refused {

		Verdict ALLOWED = new Allowed();

		boolean allowed();

		/** For the command: goes on if allowed, throws the refusal otherwise. */
		void orThrow();
	}

	record Allowed() implements Verdict {

		@Override
		public boolean allowed() {
			return true;
		}

		@Override
		public void orThrow() {
		}
	}

	record Refused(RuntimeException refusal) implements Verdict {

		@Override
		public boolean allowed() {
			return false;
		}

		@Override
		public void orThrow() {
			throw refusal;
		}
	}
}
