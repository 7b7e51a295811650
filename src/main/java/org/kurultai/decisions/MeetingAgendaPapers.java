package org.kurultai.decisions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kurultai.drafting.Drafting;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.AgendaPapers;
import org.springframework.stereotype.Component;

/** The documents and draft decisions a meeting's agenda names, read through drafting's and the decisions' own read paths. */
@Component
class MeetingAgendaPapers implements AgendaPapers {

	private final Drafting drafting;
	private final Decisions decisions;

	MeetingAgendaPapers(Drafting drafting, Decisions decisions) {
		this.drafting = drafting;
		this.decisions = decisions;
	}

	@Override
	public Map<String, String> visibleDocuments(Viewer viewer) {
		var documents = new HashMap<String, String>();
		drafting.documents(viewer).forEach(document -> documents.put(document.id().toUpperCase(Locale.ROOT), document.id()));
		return documents;
	}

	@Override
	public Set<Long> visibleDecisions(Viewer viewer) {
		return decisions.register(viewer, null, null).stream().map(Decision::id).collect(Collectors.toSet());
	}
}
