/**
 * How the forum decides: the decision rule of the forum's configuration (CICA: consensus of the
 * members on the day — no member objects; observers speak but cannot object), adoption at a
 * meeting with the delegations present, the silence procedure with its deadline in an explicit
 * time zone that closes exactly once, reservations, interpretive statements and explanations of
 * position that are published with a decision and never block it, the register of decisions
 * numbered per body and year, and referral of a lower body's recommendation upward.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
@org.jspecify.annotations.NullMarked
package org.kurultai.decisions;
