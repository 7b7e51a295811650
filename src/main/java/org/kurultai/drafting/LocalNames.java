package org.kurultai.drafting;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Roster;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Participants' names in the page's language, for the drafting and decision pages:
 * {@code ${names.of('KAZ')}} is "Kazakhstan" or "Казахстан"; the English name where no Russian one
 * is recorded, and an unknown code reads as itself.
 */
public record LocalNames(Roster roster) {

	public String of(@Nullable String code) {
		if (code == null) {
			return "";
		}
		try {
			var russian = "ru".equals(LocaleContextHolder.getLocale().getLanguage());
			return roster.find(ParticipantCode.parse(code))
					.map(participant -> russian && participant.names().shortRu() != null ? participant.names().shortRu() : participant.name())
					.orElse(code);
		}
		catch (RuntimeException notACode) {
			return code;
		}
	}

	public String all(List<String> codes) {
		return String.join(", ", codes.stream().map(this::of).toList());
	}
}
