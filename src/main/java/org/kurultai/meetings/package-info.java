/**
 * Meetings of the forum's bodies as records: their number in the series, dates, place or online,
 * host, chair, status (held, planned, not held as planned, cancelled), outcomes, and the level at which each
 * delegation came where the sources say. Meetings as the Secretariat runs them: convening ({@code MeetingPolicy}: the
 * Secretariat, the chairing State's coordinator for the governing bodies), every plan kept ({@code meeting_plan}, changed
 * under the meeting's row lock with its reason: {@code MeetingChanged}, {@code MeetingCancelled}), the registration
 * deadline, and the agenda with its versions (the documents and decisions under its items checked and filtered through
 * the {@code AgendaPapers} port, which decisions implements).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
@org.jspecify.annotations.NullMarked
package org.kurultai.meetings;
