package org.kurultai.meetings;

/** A meeting was cancelled ({@code plan} is the cancelling plan's number). Published inside the cancelling transaction. */
public record MeetingCancelled(String meeting, int plan, String reason) {
}
