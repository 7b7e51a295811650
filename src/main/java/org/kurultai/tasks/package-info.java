/**
 * What awaits a signed-in person, for their State and role: open silence procedures their State may
 * break (or that they conduct) with the time left, drafts with a revision or amendments they have not
 * seen, their State's implementation reports and information-exchange returns due within 30 days or
 * overdue, and accreditations awaiting the Secretariat. Owns no record of the forum: it reads each
 * kind through its module's viewer-taking read path ({@code Decisions.register}, {@code Drafting.documents},
 * {@code InformationExchange.reminders}, {@code Implementation.overdue}, {@code Accreditations.visibleTo}),
 * so {@code AccessPolicy} decides what shows. It owns only what each person has seen of each draft
 * (table {@code task_seen}, written when they open the document's page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "What awaits me")
@org.jspecify.annotations.NullMarked
package org.kurultai.tasks;
