package org.kurultai.meetings;

import java.util.Map;
import java.util.Set;

import org.kurultai.identity.Viewer;

/**
 * What lies under an agenda item, as the modules owning it know it (a port: meetings may not depend on drafting or
 * decisions, which implement it). An agenda names only documents and draft decisions its editor may see; the agenda is
 * read with only those the reader may see. Read once per agenda, through each module's viewer-taking read path.
 */
public interface AgendaPapers {

	/** The documents the viewer may see: each id as recorded, by its id in upper case. */
	Map<String, String> visibleDocuments(Viewer viewer);

	/** The decisions the viewer may see, by id. */
	Set<Long> visibleDecisions(Viewer viewer);
}
