package org.kurultai.fund;

import org.jspecify.annotations.Nullable;
import org.kurultai.fund.ProjectState.Act;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Mandate;
import org.kurultai.identity.Role;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.RuleViolation;

/**
 * Who may do each act on a Fund project, in one place: the pages ask it (to show a form or a button) and the commands
 * ask it again. A member State's national coordinator, acting for it on the day, drafts, submits, revises and reports
 * on its State's projects; the Secretariat asks questions, checks eligibility, puts a project to the PRC, disburses,
 * accepts reports and closes. The act must also suit the project's state ({@link ProjectState#allows}).
 */
public final class ProjectPolicy {

	private ProjectPolicy() {
	}

	/** May the person draft a project for their State? A member State's national coordinator only. */
	public static boolean mayDraft(@Nullable Mandate mandate) {
		return mandate != null && mandate.capacity() == Capacity.MEMBER_DELEGATION && mandate.account().role() == Role.NATIONAL_COORDINATOR
				&& mandate.account().participant() != null;
	}

	/** Is the person the one who may do the act (whatever the project's state)? */
	public static boolean isActor(@Nullable Mandate mandate, Act act, FundProject project) {
		if (mandate == null) {
			return false;
		}
		return switch (act) {
			case EDIT, SUBMIT, REVISE, REPORT -> mayDraft(mandate) && project.owner().equals(mandate.account().participant());
			case ASK, CHECK, PUT_TO_PRC, DISBURSE, ACCEPT_REPORT, CLOSE -> mandate.actsForSecretariat();
		};
	}

	/** May the person do the act on the project now (the page shows the form only then)? */
	public static boolean may(@Nullable Mandate mandate, Act act, FundProject project) {
		return isActor(mandate, act, project) && project.state().allows(act);
	}

	/** The command's check: 403 for the wrong person, 409 for the wrong state. */
	public static void require(@Nullable Mandate mandate, Act act, FundProject project) {
		if (!isActor(mandate, act, project)) {
			throw NotAllowed.of(switch (act) {
				case EDIT, SUBMIT, REVISE, REPORT -> "problem.fund.project.onlyItsCoordinator";
				default -> "problem.fund.project.onlySecretariat";
			}, project.owner());
		}
		if (!project.state().allows(act)) {
			throw new NotNow(project.id(), project.state(), act);
		}
	}

	/** The act does not suit the project's state. */
	public static class NotNow extends RuleViolation {

		NotNow(long id, ProjectState state, Act act) {
			super(switch (act) {
				case EDIT -> "problem.fund.project.notNow.EDIT";
				case SUBMIT -> "problem.fund.project.notNow.SUBMIT";
				case ASK -> "problem.fund.project.notNow.ASK";
				case REVISE -> "problem.fund.project.notNow.REVISE";
				case CHECK -> "problem.fund.project.notNow.CHECK";
				case PUT_TO_PRC -> "problem.fund.project.notNow.PUT_TO_PRC";
				case DISBURSE -> "problem.fund.project.notNow.DISBURSE";
				case REPORT -> "problem.fund.project.notNow.REPORT";
				case ACCEPT_REPORT -> "problem.fund.project.notNow.ACCEPT_REPORT";
				case CLOSE -> "problem.fund.project.notNow.CLOSE";
			}, id, state);
		}

		@Override
		public String rule() {
			return "fund-project-state";
		}
	}
}
