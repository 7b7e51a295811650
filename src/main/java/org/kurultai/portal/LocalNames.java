package org.kurultai.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.organs.Body;
import org.kurultai.organs.BodyName;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Roster;
import org.springframework.context.MessageSource;

/**
 * Names for the public pages in the page's language ({@code ${names.of('KAZ')}}): a participant's
 * short name from the data (Russian where the data has it), a body's name, the title of the
 * Secretariat's head and a city from the portal bundle (keyed by the English name in the data,
 * which it is when no key exists). An unknown code reads as itself.
 */
public record LocalNames(Roster roster, MessageSource messages, Locale locale) {

	public boolean russian() {
		return "ru".equals(locale.getLanguage());
	}

	/** A participant's short name by its code. */
	public String of(@Nullable String code) {
		if (code == null) {
			return "";
		}
		try {
			return roster.find(ParticipantCode.parse(code)).map(this::of).orElse(code);
		}
		catch (RuntimeException notACode) {
			return code;
		}
	}

	public String of(Participant participant) {
		return participant.names().shortIn(locale);
	}

	/** A participant's official name. */
	public String official(Participant participant) {
		return participant.names().officialIn(locale);
	}

	public String all(List<String> codes) {
		return String.join(", ", codes.stream().map(this::of).toList());
	}

	/** The name a body bore on a day. */
	public String body(Body body, LocalDate day) {
		return body(body.nameOn(day));
	}

	public String body(BodyName name) {
		return russian() && name.nameRu() != null ? name.nameRu() : word("portal.bodyName.", name.name());
	}

	/** A body's short name ("SOC", "Summit"). */
	public String shortName(BodyName name) {
		return name.shortName() == null ? "" : word("portal.bodyShort.", name.shortName());
	}

	/** The title of the Secretariat's head: Executive Director, Secretary General. */
	public String title(@Nullable String title) {
		return title == null ? "" : word("portal.office.", title);
	}

	/** A title of the Secretariat's head, in Russian as the decision that gave it said where it did. */
	public String title(org.kurultai.organs.Secretariat.Title title) {
		return russian() && title.titleRu() != null ? title.titleRu() : title(title.title());
	}

	/** A city. */
	public String place(@Nullable String place) {
		return place == null ? "" : word("portal.place.", place);
	}

	/** Names the data gives in English: the bundle's word for it, keyed by its letters and digits, else the data's own. */
	private String word(String prefix, String english) {
		var message = messages.getMessage(prefix + key(english), null, null, locale);
		return message == null ? english : message;
	}

	/** "Council of Eminent Persons" → "CouncilofEminentPersons". */
	static String key(String english) {
		return english.replaceAll("[^A-Za-z0-9]", "");
	}
}
