package org.kurultai.fund;

import java.util.EnumSet;
import java.util.Set;

import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;

/**
 * Where a Fund project stands, and who sees it in each state: a draft is its State's and the Secretariat's; from
 * submission until the PRC's decision (and when not approved) the participants' (members and observers) and the
 * Secretariat's; an approved project is public.
 */
public enum ProjectState {
	DRAFT, SUBMITTED, QUESTIONS, ELIGIBLE, INELIGIBLE, UNDER_DECISION, APPROVED, NOT_APPROVED, IMPLEMENTING, CLOSED;

	/** The acts on a project; each is allowed in the states {@link #allows} names, by whom {@link ProjectPolicy} says. */
	public enum Act {
		EDIT, SUBMIT, ASK, REVISE, CHECK, PUT_TO_PRC, DISBURSE, REPORT, ACCEPT_REPORT, CLOSE
	}

	/** May the act be done on a project in this state? */
	public boolean allows(Act act) {
		return switch (act) {
			case EDIT, SUBMIT -> this == DRAFT;
			case ASK -> this == SUBMITTED;
			case REVISE -> this == QUESTIONS;
			case CHECK -> this == SUBMITTED;
			case PUT_TO_PRC -> this == ELIGIBLE;
			case DISBURSE -> this == APPROVED || this == IMPLEMENTING;
			case REPORT, ACCEPT_REPORT, CLOSE -> this == IMPLEMENTING;
		};
	}

	/** The states an act (or the PRC's decision) may lead to from this one. */
	public Set<ProjectState> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(QUESTIONS, ELIGIBLE, INELIGIBLE);
			case QUESTIONS -> EnumSet.of(SUBMITTED);
			case ELIGIBLE -> EnumSet.of(UNDER_DECISION);
			case UNDER_DECISION -> EnumSet.of(APPROVED, NOT_APPROVED);
			case APPROVED -> EnumSet.of(IMPLEMENTING);
			case IMPLEMENTING -> EnumSet.of(CLOSED);
			case INELIGIBLE, NOT_APPROVED, CLOSED -> EnumSet.noneOf(ProjectState.class);
		};
	}

	/** Refuses a move this state does not lead to (a bug of the caller, never a person's input). */
	public ProjectState to(ProjectState next) {
		if (!next().contains(next)) {
			throw new IllegalStateException("a project " + this + " never becomes " + next);
		}
		return next;
	}

	/** Approved and after: the public sees the project. */
	public boolean approved() {
		return this == APPROVED || this == IMPLEMENTING || this == CLOSED;
	}

	/** Who may see a project of this State in this state ({@link org.kurultai.identity.AccessPolicy} decides). */
	public Access access(String owner) {
		if (this == DRAFT) {
			return new Access(AccessLevel.NAMED_PARTICIPANTS, Set.of(owner), owner, false);
		}
		return Access.owned(owner, approved() ? AccessLevel.PUBLIC : AccessLevel.PARTICIPANTS);
	}
}
