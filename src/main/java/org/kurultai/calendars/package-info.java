/**
 * Calendars: the forum's meetings and the deadlines that concern a person, in RFC 5545 iCalendar (written and read
 * with ical4j, never by hand) and on the calendar page. Owns the personal calendar tokens (table
 * {@code calendar_token}: only a SHA-256 of each secret, at most one working token per person) and nothing of the
 * forum's records: every entry is read through its module's viewer-taking read path, so {@code AccessPolicy} decides
 * what shows — meetings ({@code Meetings} filtered by {@code AccessPolicy.visible}), open silence procedures
 * ({@code Decisions.register}, titled through {@code Drafting.documents}), the State's reports and returns due
 * ({@code Tasks.awaiting}), and meetings' registration deadlines for the Secretariat and the delegations that may see them.
 * <ul>
 * <li>{@code GET /calendar.ics}: the public meetings, as the public sees them, whoever asks;</li>
 * <li>{@code GET /api/me/calendar.ics?token=…}: a person's own feed, authenticated by the token alone (calendar
 * clients cannot sign in); {@code POST/DELETE /api/me/calendar-token} make (or remake) and revoke it;</li>
 * <li>{@code /calendar}: month and list views, by body, with the subscription section.</li>
 * </ul>
 * Each meeting is one event with a stable UID whose SEQUENCE follows the meeting's plan, so a changed or cancelled
 * meeting updates the event already in a subscriber's calendar. Nobody depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendars")
@org.jspecify.annotations.NullMarked
package org.kurultai.calendars;
