package org.kurultai.organs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * A body of the forum. Its names follow each other without overlapping, so that on any day it
 * has exactly one name (the 12–13 October 2022 Astana renamings end one name and begin the next).
 * A body dissolved by the forum exists until {@code dissolvedOn} (half-open); {@code decision} is the
 * decision that established it and {@code dissolvedBy} the one that dissolved it, where the register
 * holds them.
 */
public record Body(String code, BodyKind kind, BodyStatus status, @Nullable LocalDate createdOn,
		@Nullable DatePrecision createdPrecision, @Nullable String createdHow, @Nullable String reportsTo,
		@Nullable String frequency, @Nullable String purpose, Sources sources, List<BodyName> names, List<BodyMember> members,
		List<BodyClaim> claims, @Nullable LocalDate dissolvedOn, @Nullable DecisionRef decision, @Nullable DecisionRef dissolvedBy) {

	public Body {
		if (names.isEmpty()) {
			throw new BodyNamesInvalid("problem.body.nameNeeded", code);
		}
		var sorted = new ArrayList<>(names);
		sorted.sort(Comparator.comparing(BodyName::from, Comparator.nullsFirst(Comparator.naturalOrder())));
		for (int i = 1; i < sorted.size(); i++) {
			var earlier = sorted.get(i - 1);
			var later = sorted.get(i);
			if (later.from() == null || earlier.until() == null || earlier.until().isAfter(later.from())) {
				throw new BodyNamesInvalid("problem.body.namesOverlap", code, earlier.name(), later.name());
			}
		}
		names = List.copyOf(sorted);
		members = List.copyOf(members);
		claims = List.copyOf(claims);
		if (code.equals(reportsTo)) {
			throw new BodyNamesInvalid("problem.body.reportsToItself", code);
		}
		if ((status == BodyStatus.DISSOLVED) != (dissolvedOn != null)) {
			throw new BodyNamesInvalid("problem.organs.body.dissolvedNeedsDay", code);
		}
		if (dissolvedOn != null && createdOn != null && !dissolvedOn.isAfter(createdOn)) {
			throw new BodyNamesInvalid("problem.organs.body.dissolvedBeforeCreation", code, dissolvedOn, createdOn);
		}
	}

	/** A body as the forum's history records it, established and dissolved by no decision in the register. */
	public Body(String code, BodyKind kind, BodyStatus status, @Nullable LocalDate createdOn,
			@Nullable DatePrecision createdPrecision, @Nullable String createdHow, @Nullable String reportsTo,
			@Nullable String frequency, @Nullable String purpose, Sources sources, List<BodyName> names, List<BodyMember> members,
			List<BodyClaim> claims) {
		this(code, kind, status, createdOn, createdPrecision, createdHow, reportsTo, frequency, purpose, sources, names, members,
				claims, null, null, null);
	}

	/** The name the body bore on that day (before its creation, its first name). */
	public BodyName nameOn(LocalDate day) {
		return names.stream().filter(name -> name.validOn(day)).findFirst().orElse(names.get(0));
	}

	public BodyName currentName(LocalDate today) {
		return nameOn(today);
	}

	/** Did the body exist on that day? A body whose creation is undated is taken to exist until its dissolution. */
	public boolean existsOn(LocalDate day) {
		return (createdOn == null || !day.isBefore(createdOn)) && (dissolvedOn == null || day.isBefore(dissolvedOn));
	}

	/** The names the body took after its first, each with the day it took it. */
	public List<BodyName> renamings() {
		return names.stream().filter(name -> name.from() != null).toList();
	}

	/**
	 * A body established by a decision from {@code on}: active, with its first name (since its creation).
	 */
	public static Body established(String code, BodyKind kind, LocalDate on, @Nullable String reportsTo, String name,
			@Nullable String nameRu, @Nullable String shortName, Sources sources, @Nullable DecisionRef decision) {
		return new Body(code, kind, BodyStatus.ACTIVE, on, DatePrecision.DAY, null, reportsTo, null, null, sources,
				List.of(new BodyName(name, shortName, null, null, null, sources, nameRu, decision)), List.of(), List.of(), null, decision,
				null);
	}

	/**
	 * Is this the body such a decision establishes, as recorded already? The same kind, created on that
	 * day (or in that month or year, when the record knows no more), reporting where it says.
	 */
	public boolean isEstablished(BodyKind kind, LocalDate on, @Nullable String reportsTo) {
		if (this.kind != kind || (reportsTo != null && !reportsTo.equals(this.reportsTo)) || createdOn == null) {
			return false;
		}
		var precision = createdPrecision == null ? DatePrecision.DAY : createdPrecision;
		return switch (precision) {
			case YEAR -> createdOn.getYear() == on.getYear();
			case MONTH -> createdOn.getYear() == on.getYear() && createdOn.getMonth() == on.getMonth();
			default -> createdOn.equals(on);
		};
	}

	/**
	 * The body takes a new name from {@code on}: the name of that day ends then (half-open). Refused
	 * when the body does not exist on that day, when it was renamed on or after it, or when the name is
	 * the one it bears; the very name recorded from that day already is only linked to the decision.
	 * A short name not given stays the one it had.
	 */
	public Body rename(String name, @Nullable String nameRu, @Nullable String shortName, LocalDate on, @Nullable String renamedBy,
			Sources sources, @Nullable DecisionRef decision) {
		var recorded = names.stream().filter(n -> on.equals(n.from()) && n.name().equalsIgnoreCase(name)).findFirst();
		if (recorded.isPresent()) {
			var old = recorded.get();
			return withNames(Secretariat.replace(names, old, old.decision() == null && decision != null ? old.decidedBy(decision) : old));
		}
		if (!existsOn(on)) {
			throw new ChangeRefused("problem.organs.effect.bodyNotThere", code, on);
		}
		var later = names.stream().filter(n -> n.from() != null && !n.from().isBefore(on)).findFirst();
		if (later.isPresent()) {
			throw new ChangeRefused("problem.organs.effect.renamedLater", code, on, later.get().name(), later.get().from());
		}
		var current = nameOn(on);
		if (current.name().equalsIgnoreCase(name)) {
			throw new ChangeRefused("problem.organs.effect.sameName", code, name);
		}
		var next = new java.util.ArrayList<BodyName>();
		for (var n : names) {
			next.add(n.validOn(on) ? n.endingOn(on) : n);
		}
		next.add(new BodyName(name, shortName != null ? shortName : current.shortName(), on, null, renamedBy, sources, nameRu, decision));
		return withNames(next);
	}

	/**
	 * The body is dissolved from {@code on}: it existed until the day before. Refused when it did not
	 * exist on that day or a body still reporting to it would outlive it ({@code reporting}: the bodies
	 * reporting to it); dissolved on that very day already, it is only linked to the decision.
	 */
	public Body dissolve(LocalDate on, List<Body> reporting, @Nullable DecisionRef decision) {
		if (on.equals(dissolvedOn)) {
			return dissolvedBy == null && decision != null ? dissolved(on, decision) : this;
		}
		if (dissolvedOn != null) {
			throw new ChangeRefused("problem.organs.effect.dissolvedAlready", code, dissolvedOn);
		}
		if (createdOn != null && !on.isAfter(createdOn)) {
			throw new ChangeRefused("problem.organs.effect.bodyNotThere", code, on);
		}
		for (var other : reporting) {
			if (code.equals(other.reportsTo()) && !other.code().equals(code) && (other.dissolvedOn() == null || other.dissolvedOn().isAfter(on))) {
				throw new ChangeRefused("problem.organs.effect.bodyHasSubordinates", code, other.code());
			}
		}
		return dissolved(on, decision);
	}

	/** The same body with other names (checked again: they may not overlap). */
	public Body withNames(List<BodyName> newNames) {
		return new Body(code, kind, status, createdOn, createdPrecision, createdHow, reportsTo, frequency, purpose, sources, newNames,
				members, claims, dissolvedOn, decision, dissolvedBy);
	}

	/** The same body, established by that decision. */
	public Body establishedBy(DecisionRef by) {
		return new Body(code, kind, status, createdOn, createdPrecision, createdHow, reportsTo, frequency, purpose, sources, names,
				members, claims, dissolvedOn, by, dissolvedBy);
	}

	/** The same body, dissolved from that day (by that decision, if one). */
	public Body dissolved(LocalDate on, @Nullable DecisionRef by) {
		return new Body(code, kind, BodyStatus.DISSOLVED, createdOn, createdPrecision, createdHow, reportsTo, frequency, purpose,
				sources, names, members, claims, on, decision, by);
	}

	/** A body's names must follow each other without overlap. */
	public static class BodyNamesInvalid extends RuleViolation {

		BodyNamesInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "body-names-invalid";
		}
	}
}
