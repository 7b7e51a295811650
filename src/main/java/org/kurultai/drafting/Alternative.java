package org.kurultai.drafting;

import java.util.List;
import java.util.Map;

/**
 * One of the competing wordings of a bracketed paragraph ("Alt 1", "Alt 2" …), in each language it
 * has, with the States that sponsor it. Supporting and opposing States are positions recorded
 * beside the text ({@link AlternativePosition}), since they change without a new revision.
 */
public record Alternative(String label, Map<String, String> text, List<String> sponsors) {

	public Alternative {
		text = Map.copyOf(text);
		sponsors = Paragraph.sponsorCodes(sponsors);
		if (text.isEmpty()) {
			throw new Paragraph.ParagraphInvalid("problem.paragraph.alternativeNoText", label);
		}
	}

	public String text(String language) {
		return text.getOrDefault(language, "");
	}
}
