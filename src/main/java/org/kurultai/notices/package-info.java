/**
 * Notices: what each person is told of the forum's events, in-app and by mail, and how they choose.
 *
 * <h2>What tells whom</h2>
 * {@code NoticeListeners} are plain {@code @EventListener}s running in the transaction that publishes the event, so an
 * act and its notices commit together or not at all. Recipients are active accounts, each only if the viewer they are
 * today ({@code AccessPolicy.viewer}) may see the record through its module's viewer-taking read path:
 * <ul>
 * <li>a meeting convened, changed, cancelled — the delegations of participants who may see it
 * ({@code Meetings.meeting(id, AccessPolicy.seenBy(viewer))}) and the Secretariat's officers; registration closing —
 * the national coordinators of the participants that have not registered;</li>
 * <li>a silence procedure opened (also a new round: {@code SilenceRestarted}), broken, closed, and a decision adopted —
 * the members' and observers' delegations and the Secretariat's officers who may see the decision
 * ({@code Decisions.decision(id, viewer)}) and its text;</li>
 * <li>a new revision of a draft and an amendment on it — the members' and observers' delegations and the Secretariat's
 * officers who may see the draft ({@code Drafting.document(id, viewer)}): those who negotiate it, the same people whose
 * "what awaits you" lists a changed draft;</li>
 * <li>an accreditation changed — the person, the participant's national coordinators and the Secretariat's officers;</li>
 * <li>reports and exchange returns due in 30 days, in 7 days, overdue — the State's national coordinators
 * ({@code Reminders}, a scheduled job over {@code Tasks.awaiting}).</li>
 * </ul>
 * Nobody is told of their own act: the event's actor, or else the account making the request, is left out.
 *
 * <h2>Exactly once</h2>
 * A notice is unique per person and event key ({@code silence-opened:<decision>:<round>},
 * {@code meeting-changed:<id>:<plan>}, {@code report-due:<task>:30d|7d|overdue}, …): {@code insert … on conflict do
 * nothing}, and its mail ({@code notifications.Notifications.send}, the outbox) is written only by the insert that
 * created the row, in the same transaction. A second instance, a second run or a restart writes nothing more.
 *
 * <h2>Choices</h2>
 * Per person and kind: {@code IMMEDIATE} (a mail at once), {@code DAILY} (one digest mail a day, {@code Digests}, at
 * {@code kurultai.notices.digest-hour} in the forum's zone, unique per person and day) or {@code OFF} (no mail). Every
 * notice is listed in-app whatever the choice. A silence procedure opened or broken is always mailed at once. Each
 * person's deadlines are written in the forum's zone and in their own ({@code timeZone}, the forum's by default). Texts
 * are in the person's language, written when the notice is.
 *
 * <h2>Unsubscribing</h2>
 * Every notice mail (and digest) carries a one-time-random link (only its SHA-256 kept) and the headers
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 8058). Opening it changes
 * nothing; posting it turns the mail's kinds off (no sign-in needed: the token is the key); the always-immediate kinds
 * stay on. Invitations, password resets and audit checkpoints are no subscription and carry no such link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices", allowedDependencies = { "identity", "notifications",
		"meetings", "decisions", "drafting", "tasks", "audit", "platform", "shared" })
@org.jspecify.annotations.NullMarked
package org.kurultai.notices;
