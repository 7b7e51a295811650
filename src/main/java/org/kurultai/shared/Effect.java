package org.kurultai.shared;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One change a decision makes to the forum when, and only when, it is adopted: its {@link EffectKind}
 * and the terms that kind reads (the others stay null). {@code effectiveOn} is the day it takes
 * effect; null means the day of adoption in the forum's time zone. For an election it is the
 * handover date: the State is chair-elect from the decision until then.
 */
public record Effect(EffectKind kind, @Nullable String participant, @Nullable String status, @Nullable String body,
		@Nullable String bodyKind, @Nullable String reportsTo, @Nullable String office, @Nullable String person,
		@Nullable String nationality, @Nullable String name, @Nullable String nameRu, @Nullable String shortName,
		@Nullable String edition, @Nullable String plan, @Nullable LocalDate effectiveOn, @Nullable LocalDate until) {

	/** The same effect with its codes trimmed and upper-cased, as every handler reads them. */
	public Effect normalized() {
		return new Effect(kind, code(participant), code(status), code(body), code(bodyKind), code(reportsTo), code(office), trim(person),
				code(nationality), trim(name), trim(nameRu), trim(shortName), trim(edition), trim(plan), effectiveOn, until);
	}

	/** The day it takes effect for a decision adopted on {@code adoptedOn}. */
	public LocalDate effectiveFrom(LocalDate adoptedOn) {
		return effectiveOn != null ? effectiveOn : adoptedOn;
	}

	/** A term the kind needs, refused as the request's {@code effects[i].name} when missing. */
	public String required(@Nullable String value, String term, int index) {
		if (value == null || value.isBlank()) {
			throw InvalidRequest.of("effects[" + index + "]." + term, "problem.effect.termNeeded", kind.name(), term);
		}
		return value;
	}

	private static @Nullable String code(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
	}

	private static @Nullable String trim(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
