package org.kurultai.registry;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Participants' short names by code in a language, for pages and exports: {@code ${names.of('KAZ')}} is "Kazakhstan"
 * or "Казахстан", {@code ${names.all(codes)}}; the English name where no Russian one is recorded; an unknown code reads
 * as itself.
 */
public record NameLookup(Roster roster, java.util.Locale language) {

	/** In the language of the request being served (English outside one). */
	public static NameLookup inRequestLanguage(Roster roster) {
		return new NameLookup(roster, org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	public String of(@Nullable String code) {
		if (code == null) {
			return "";
		}
		try {
			return roster.find(ParticipantCode.parse(code)).map(participant -> participant.names().shortIn(language)).orElse(code);
		}
		catch (RuntimeException notACode) {
			return code;
		}
	}

	public String all(List<String> codes) {
		return String.join(", ", codes.stream().map(this::of).toList());
	}
}
