package org.kurultai.decisions;

import java.util.Optional;

import org.kurultai.drafting.Drafting;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.AgendaPapers;
import org.kurultai.shared.NotFound;
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
	public Optional<String> visibleDocument(String document, Viewer viewer) {
		try {
			return Optional.of(drafting.document(document, viewer).id());
		}
		catch (NotFound | org.kurultai.shared.InvalidRequest unknown) {
			return Optional.empty();
		}
	}

	@Override
	public boolean decisionVisible(long decision, Viewer viewer) {
		try {
			decisions.decision(decision, viewer);
			return true;
		}
		catch (NotFound unknown) {
			return false;
		}
	}
}
