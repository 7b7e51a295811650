package org.kurultai.drafting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Access;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * A document of the forum: its official symbol, type, title, originating body, the meeting it
 * belongs to, its language versions (equally authentic; one is the original), who may see it, and
 * where it stands. {@code latestVersion} is null for a historical record whose text is not held.
 */
public record NegotiatedDocument(String id, String symbol, DocumentType type, String title, String body,
		@Nullable String meeting, String originalLanguage, List<String> languages, Access access, DocumentStatus status,
		@Nullable LocalDate adoptedOn, @Nullable DatePrecision adoptedPrecision, @Nullable String tabledBy, Sources sources,
		@Nullable String note, @Nullable Integer latestVersion, Instant createdAt) {

	public NegotiatedDocument {
		languages = List.copyOf(languages);
		if (!languages.contains(originalLanguage)) {
			throw new Paragraph.ParagraphInvalid("problem.paragraph.originalLanguage");
		}
	}

	public boolean hasText() {
		return latestVersion != null;
	}

	public boolean adopted() {
		return status == DocumentStatus.ADOPTED;
	}

	/** The date shown for the document: adoption when adopted, otherwise when it was tabled. */
	public LocalDate date(java.time.ZoneId zone) {
		return adoptedOn != null ? adoptedOn : LocalDate.ofInstant(createdAt, zone);
	}

	public String dateLabel(java.time.ZoneId zone) {
		return adoptedOn != null && adoptedPrecision != null ? adoptedPrecision.format(adoptedOn) : date(zone).toString();
	}
}
