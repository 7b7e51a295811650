package org.kurultai.meetings;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of a meeting's agenda: its items in order, provisional or adopted (at the opening), why it changed
 * (required once the agenda is adopted), who saved it and when. Versions are kept: adding, deferring or reordering items
 * saves a new version. {@code recordedBy} is the Secretariat's to know.
 */
public record Agenda(String meeting, int version, boolean adopted, List<AgendaItem> items, @Nullable String reason,
		String recordedBy, Instant recordedAt) {

	public Agenda {
		items = List.copyOf(items);
	}

	/** Whether another version says the same: the same items in the same order, equally adopted. */
	public boolean sameAs(boolean adopted, List<AgendaItem> items) {
		return this.adopted == adopted && this.items.equals(items);
	}
}
