/**
 * The forum's organs: its bodies (governing, working, administrative, advisory, financial) with
 * their names through time, reporting lines, meeting frequency and members; the chairmanship with
 * its terms, handovers and the Troika on any day; and the Secretariat, its seat and its head.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organs")
@org.jspecify.annotations.NullMarked
package org.kurultai.organs;
