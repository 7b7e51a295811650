package org.kurultai.registry;

import org.jspecify.annotations.Nullable;

/** A participant's names in the forum's languages: short and official, English and Russian. */
public record ParticipantNames(String shortEn, @Nullable String shortRu, String officialEn, @Nullable String officialRu) {

	public ParticipantNames {
		if (shortEn == null || shortEn.isBlank()) {
			throw new IllegalArgumentException("A participant needs a short English name");
		}
		if (officialEn == null || officialEn.isBlank()) {
			officialEn = shortEn;
		}
	}

	/** The short name in a language: Russian where the data has it, else English. */
	public String shortIn(java.util.Locale language) {
		return "ru".equals(language.getLanguage()) && shortRu != null && !shortRu.isBlank() ? shortRu : shortEn;
	}

	/** The official name in a language: Russian where the data has it, else English. */
	public String officialIn(java.util.Locale language) {
		return "ru".equals(language.getLanguage()) && officialRu != null && !officialRu.isBlank() ? officialRu : officialEn;
	}
}
