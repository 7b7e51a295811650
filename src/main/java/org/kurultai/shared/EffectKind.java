package org.kurultai.shared;

/**
 * What an adopted decision may change in the forum. Each kind is applied by the module that owns
 * the data it changes (an {@link EffectHandler}): the registry admits and ends statuses, the organs
 * elect chairs, appoint, establish, rename and dissolve, the CBM module adopts Catalogue editions and
 * approves plans.
 */
public enum EffectKind {
	/** A participant to MEMBER, OBSERVER or PARTNER status ({@code participant}, {@code status}). */
	ADMIT,
	/** A participant's status ends ({@code participant}). */
	END_STATUS,
	/** A State is elected chair: chair-elect from the decision, chair from the handover ({@code participant}, {@code effectiveOn} = handover, optional {@code until}). */
	ELECT_CHAIR,
	/** The current chair's term is extended ({@code participant}, {@code until}). */
	EXTEND_CHAIR_TERM,
	/** A person is appointed to an office of the Secretariat ({@code office}, {@code person}, optional {@code nationality}). */
	APPOINT,
	/** A body is established ({@code body}, {@code name}, optional {@code nameRu}, {@code shortName}, {@code bodyKind}, {@code reportsTo}). */
	ESTABLISH_BODY,
	/** A body takes a new name ({@code body}, {@code name}, optional {@code nameRu}, {@code shortName}). */
	RENAME_BODY,
	/** An office of the Secretariat takes a new title ({@code office}, {@code name}, optional {@code nameRu}). */
	RENAME_OFFICE,
	/** A body ceases to exist ({@code body}). */
	DISSOLVE_BODY,
	/** An edition of the Catalogue of CBMs is adopted ({@code edition}). */
	ADOPT_CATALOGUE_EDITION,
	/** A concept paper or action plan is approved ({@code plan}). */
	APPROVE_PLAN
}
