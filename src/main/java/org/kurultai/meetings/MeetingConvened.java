package org.kurultai.meetings;

/**
 * The Secretariat (or the chairing State) convened a meeting. Published synchronously inside the convening transaction,
 * so that what hangs on it (the notifications of the States concerned) is written with it or not at all. Listeners
 * read the meeting through {@link Meetings#meeting(String)} and say nothing of it to one its access level does not admit.
 */
public record MeetingConvened(String meeting) {
}
