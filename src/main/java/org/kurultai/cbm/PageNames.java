package org.kurultai.cbm;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.Participant;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.Roster;

/**
 * Names on the CBM pages, in the page's language where the data has them: participants (their short
 * Russian name on a Russian page), and priority areas and measures by their title rather than their
 * code. The Catalogue's titles exist in English only (no source gives the Russian text), so they are
 * shown in English in both languages. Templates call it as {@code ${names.of('KAZ')}},
 * {@code ${names.area('NCT-EPI')}}, {@code ${names.subject('MILPOL-GENERAL/MILPOL-GENERAL-3')}}.
 */
public final class PageNames {

	private final Roster roster;

	private final boolean russian;

	private final Map<String, String> areas = new HashMap<>();

	private final Map<String, String> measures = new HashMap<>();

	private final Map<String, String> bodies;

	/** The editions in the order adopted: a later edition's title of an area wins, unless {@code preferred} has the area. */
	PageNames(Roster roster, Locale locale, List<CatalogueEdition> editions, @Nullable CatalogueEdition preferred,
			Map<String, String> bodies) {
		this.roster = roster;
		this.bodies = Map.copyOf(bodies);
		this.russian = "ru".equals(locale.getLanguage());
		for (var edition : editions) {
			remember(edition);
		}
		if (preferred != null) {
			remember(preferred);
		}
	}

	private void remember(CatalogueEdition edition) {
		for (var dimension : edition.dimensions()) {
			areas.put(dimension.code(), dimension.name());
			for (var area : dimension.priorityAreas()) {
				areas.put(area.code(), area.name());
				area.measures().forEach(measure -> measures.put(measure.code(), measure.text()));
			}
		}
	}

	/** A participant's short name in the page's language; an unknown code reads as itself. */
	public String of(@Nullable String code) {
		if (code == null) {
			return "";
		}
		try {
			return roster.find(ParticipantCode.parse(code)).map(this::name).orElse(code);
		}
		catch (RuntimeException notACode) {
			return code;
		}
	}

	private String name(Participant participant) {
		return participant.names().shortIn(russian ? java.util.Locale.forLanguageTag("ru") : java.util.Locale.ENGLISH);
	}

	public String all(List<String> codes) {
		return String.join(", ", codes.stream().map(this::of).toList());
	}

	/** A priority area's (or dimension's) title; an unknown code reads as itself. */
	public String area(@Nullable String code) {
		return code == null ? "" : areas.getOrDefault(code, code);
	}

	/** A measure's text; an unknown code reads as itself. */
	public String measure(@Nullable String code) {
		return code == null ? "" : measures.getOrDefault(code, code);
	}

	/** What a commitment is about: the area's title, or the area's title and the measure's text. */
	public String subject(@Nullable String subject) {
		if (subject == null) {
			return "";
		}
		var parts = subject.split("/", 2);
		return parts.length == 1 ? area(parts[0]) : area(parts[0]) + " — " + measure(parts[1]);
	}

	/** A body's name (as the data has it: in English); an unknown code reads as itself. */
	public String body(@Nullable String code) {
		return code == null ? "" : bodies.getOrDefault(code, code);
	}

	/** Several priority areas by title. */
	public String areas(List<String> codes) {
		return String.join("; ", codes.stream().map(this::area).toList());
	}
}
