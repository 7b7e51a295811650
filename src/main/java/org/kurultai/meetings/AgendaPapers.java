package org.kurultai.meetings;

import org.kurultai.identity.Viewer;

/**
 * What lies under an agenda item, as the modules owning it know it (a port: meetings may not depend on drafting or
 * decisions, which implement it). An agenda names only documents and draft decisions its editor may see; the agenda is
 * read with only those the reader may see.
 */
public interface AgendaPapers {

	/** The document's id as recorded, if the viewer may see it (empty for one that does not exist). */
	java.util.Optional<String> visibleDocument(String document, Viewer viewer);

	/** Whether the viewer may see the document (by id); false for one that does not exist. */
	default boolean documentVisible(String document, Viewer viewer) {
		return visibleDocument(document, viewer).isPresent();
	}

	/** Whether the viewer may see the decision (by id); false for one that does not exist. */
	boolean decisionVisible(long decision, Viewer viewer);
}
