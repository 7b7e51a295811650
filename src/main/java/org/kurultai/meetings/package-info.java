/**
 * Meetings of the forum's bodies as records: their number in the series, dates, place or online,
 * host, chair, status (held, planned, not held as planned), outcomes, and the level at which each
 * delegation came where the sources say.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
@org.jspecify.annotations.NullMarked
package org.kurultai.meetings;
