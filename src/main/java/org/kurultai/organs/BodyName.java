package org.kurultai.organs;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.Sources;

/**
 * A name a body bore for a span of time, half-open; a null {@code from} means since the body's
 * creation, a null {@code until} means still. {@code nameRu} is the Russian name a decision gave
 * (the shipped names are translated by the message bundles); {@code decision} the decision that
 * gave the name, where one in the register did.
 */
public record BodyName(String name, @Nullable String shortName, @Nullable LocalDate from, @Nullable LocalDate until,
		@Nullable String renamedBy, Sources sources, @Nullable String nameRu, @Nullable DecisionRef decision) {

	public BodyName(String name, @Nullable String shortName, @Nullable LocalDate from, @Nullable LocalDate until,
			@Nullable String renamedBy, Sources sources) {
		this(name, shortName, from, until, renamedBy, sources, null, null);
	}

	public boolean validOn(LocalDate day) {
		return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
	}

	public BodyName endingOn(@Nullable LocalDate end) {
		return new BodyName(name, shortName, from, end, renamedBy, sources, nameRu, decision);
	}

	public BodyName decidedBy(DecisionRef by) {
		return new BodyName(name, shortName, from, until, renamedBy, sources, nameRu, by);
	}
}
