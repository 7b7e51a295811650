package org.kurultai.meetings;

/**
 * A meeting's plan changed (postponed, moved, turned online or back): {@code plan} is the number of the new plan,
 * {@code reason} why. Published inside the changing transaction; the earlier plans stay in history.
 */
public record MeetingChanged(String meeting, int plan, String reason) {
}
