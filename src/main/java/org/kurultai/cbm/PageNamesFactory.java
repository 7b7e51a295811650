package org.kurultai.cbm;

import java.util.HashMap;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.kurultai.organs.Organs;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.stereotype.Component;

/** Makes the {@link PageNames} of a CBM page in the page's language. */
@Component
class PageNamesFactory {

	private final Registry registry;
	private final Catalogue catalogue;
	private final Organs organs;
	private final ForumClock clock;

	PageNamesFactory(Registry registry, Catalogue catalogue, Organs organs, ForumClock clock) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.organs = organs;
		this.clock = clock;
	}

	/** Names in that language; areas titled as {@code preferred} has them where it has them. */
	PageNames in(Locale locale, @Nullable CatalogueEdition preferred) {
		var bodies = new HashMap<String, String>();
		organs.bodies().forEach(body -> bodies.put(body.code(), body.currentName(clock.today()).name()));
		return new PageNames(registry.roster(), locale, catalogue.editions(), preferred, bodies);
	}
}
