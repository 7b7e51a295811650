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
 */
public record Body(String code, BodyKind kind, BodyStatus status, @Nullable LocalDate createdOn,
		@Nullable DatePrecision createdPrecision, @Nullable String createdHow, @Nullable String reportsTo,
		@Nullable String frequency, @Nullable String purpose, Sources sources, List<BodyName> names, List<BodyMember> members,
		List<BodyClaim> claims) {

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
	}

	/** The name the body bore on that day (before its creation, its first name). */
	public BodyName nameOn(LocalDate day) {
		return names.stream().filter(name -> name.validOn(day)).findFirst().orElse(names.get(0));
	}

	public BodyName currentName(LocalDate today) {
		return nameOn(today);
	}

	/** Did the body exist on that day? A body whose creation is undated is taken to exist. */
	public boolean existsOn(LocalDate day) {
		return createdOn == null || !day.isBefore(createdOn);
	}

	/** The names the body took after its first, each with the day it took it. */
	public List<BodyName> renamings() {
		return names.stream().filter(name -> name.from() != null).toList();
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
