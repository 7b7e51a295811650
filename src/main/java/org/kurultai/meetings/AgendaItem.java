package org.kurultai.meetings;

import java.util.List;

/** An item of a meeting's agenda: its number (its place in the order, 1 first), title, status, and the documents (ids) and
 * draft decisions (ids) under it. */
public record AgendaItem(int number, String title, AgendaItemStatus status, List<String> documents, List<Long> decisions) {

	public AgendaItem {
		documents = List.copyOf(documents);
		decisions = List.copyOf(decisions);
	}

	/** The same item at another place in the order. */
	AgendaItem numbered(int number) {
		return new AgendaItem(number, title, status, documents, decisions);
	}
}
