/**
 * How the forum decides: the decision rule of the forum's configuration (CICA: consensus of the
 * members on the day — no member objects; observers speak but cannot object), adoption at a
 * meeting with the delegations present, the silence procedure with its deadline in an explicit
 * time zone that closes exactly once — at its deadline, or at once when a member breaks silence
 * (unless the forum configures otherwise, {@code kurultai.forum.silence.broken-ends-procedure}) —
 * reservations, interpretive statements and explanations of position that are published with a
 * decision and never block it, the register of decisions numbered per body and year, referral of a
 * lower body's recommendation upward, and the effects an adopted decision applies through the
 * modules owning their data.
 * <p>
 * A decision's life is one aggregate, {@link org.kurultai.decisions.Decision}, whose acts return
 * events; who may do each act is {@code DecisionPolicy}, asked by pages and commands alike;
 * {@link org.kurultai.decisions.Decisions} is the application service (load under the document's and
 * the decision's lock, ask the policy, let the aggregate act, save, audit, publish).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
@org.jspecify.annotations.NullMarked
package org.kurultai.decisions;
