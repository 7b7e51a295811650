package org.kurultai.fund;

/**
 * The Secretariat's eligibility checklist, a fixed list: a project is eligible when every criterion is met. Each is
 * marked met or not, with a reason (required when not met).
 */
public enum EligibilityCriterion {
	/** Submitted by a member State through its national coordinator. */
	SUBMITTED_BY_MEMBER,
	/** Its purpose serves the Declaration of 1999 and the Almaty Act. */
	PURPOSE,
	/** Within a priority area of the Catalogue of CBMs, where one applies. */
	PRIORITY_AREA,
	/** Benefits more than one member State, or the forum as a whole. */
	REGIONAL_BENEFIT,
	/** A budget by line that justifies the amount requested. */
	BUDGET,
	/** A realistic duration and timetable. */
	FEASIBILITY,
	/** Does not duplicate another CICA activity or project. */
	NO_DUPLICATION;

	/** One criterion as the Secretariat judged it. */
	public record Check(EligibilityCriterion criterion, boolean met, @org.jspecify.annotations.Nullable String reason) {
	}
}
