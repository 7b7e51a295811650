package org.kurultai.platform;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The forum this instance runs.
 *
 * @param name the forum's name, shown on every page
 * @param timeZone the forum's time zone: where "today" is decided (the seat of the Secretariat)
 */
@ConfigurationProperties("kurultai.forum")
public record ForumProperties(String name, ZoneId timeZone) {

	public ForumProperties {
		if (name == null || name.isBlank()) {
			name = "Conference on Interaction and Confidence-Building Measures in Asia";
		}
		if (timeZone == null) {
			timeZone = ZoneId.of("Asia/Almaty");
		}
	}
}
