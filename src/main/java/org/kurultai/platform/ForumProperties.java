package org.kurultai.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The forum this instance runs.
 *
 * @param name the forum's name, shown on every page
 * @param timeZone the forum's time zone: where "today" is decided (the seat of the Secretariat)
 * @param names the forum's name in each other working language, by language code ({@code ru: …})
 */
@ConfigurationProperties("kurultai.forum")
public record ForumProperties(String name, ZoneId timeZone, java.util.@org.jspecify.annotations.Nullable Map<String, String> names) {

	/** The forum's name in a language: its name there if configured, else its name. */
	public String name(java.util.Locale language) {
		return names != null && names.get(language.getLanguage()) != null ? names.get(language.getLanguage()) : name;
	}

	public ForumProperties {
		names = names == null ? java.util.Map.of() : java.util.Map.copyOf(names);
		if (name == null || name.isBlank()) {
			name = "Conference on Interaction and Confidence-Building Measures in Asia";
		}
		if (timeZone == null) {
			timeZone = ZoneId.of("Asia/Almaty");
		}
	}
}
