/**
 * Applications for a status: a State or an international organization applies to the forum (the note
 * verbale received, its reference, the status sought); a new applicant is entered in the registry as a
 * participant without status. The forum's configuration says, as data, the steps each status takes
 * ({@link org.kurultai.applications.ApplicationSteps}: for CICA an observer is recommended by the Senior
 * Officials and granted by the Ministerial Council; a member signs the two founding documents and is
 * accepted by the members' decision). Where an application stands is derived from the decisions that
 * name it: each step pending, under way, done or failed. This module owns the {@code application}
 * table (the application and its outcome) and refuses, inside the proposing transaction, a decision
 * naming an unknown or decided application or one that is not the application's next step. Only the
 * Secretariat records applications; who sees one is decided by {@code AccessPolicy} on its access
 * level (by default the participants and the Secretariat: applications are diplomatic correspondence).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications for a status",
		allowedDependencies = { "registry", "organs", "decisions", "identity", "audit", "platform", "shared" })
@org.jspecify.annotations.NullMarked
package org.kurultai.applications;
