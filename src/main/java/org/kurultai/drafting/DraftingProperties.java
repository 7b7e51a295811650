package org.kurultai.drafting;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this forum writes its documents.
 *
 * @param symbolPattern the official symbol: {@code {body}}, {@code {type}}, {@code {year}} and
 *     {@code {number}} (per body and year) are filled in, e.g. {@code CICA/SOC/DEC/2026/3}
 * @param languages the languages the forum's documents may be issued in (ISO 639-1), all equally authentic
 */
@ConfigurationProperties("kurultai.forum.documents")
public record DraftingProperties(String symbolPattern, List<String> languages) {

	public DraftingProperties {
		if (symbolPattern == null || symbolPattern.isBlank()) {
			symbolPattern = "CICA/{body}/{type}/{year}/{number}";
		}
		if (!symbolPattern.contains("{number}")) {
			throw new IllegalArgumentException("kurultai.forum.documents.symbol-pattern must contain {number} to be unique");
		}
		languages = languages == null || languages.isEmpty() ? List.of("en", "ru") : List.copyOf(languages);
	}

	String symbol(String body, DocumentType type, int year, int number) {
		return symbolPattern.replace("{body}", body).replace("{type}", type.abbreviation()).replace("{year}", String.valueOf(year))
				.replace("{number}", String.valueOf(number));
	}
}
