package org.kurultai.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Roster;
import org.kurultai.registry.Standing;

/**
 * The participants on one day laid on the map of the world: every country's shape with the status its State held that
 * day (none for a country that took no part), the States too small to see marked with a circle at their centre (only
 * participants: a circle says "here is a participant"), the organizations beside the map, and the States that hold a
 * status but have no shape (none, for CICA: a test keeps it so). Everything comes from one roster (the registry's
 * snapshot) and the shapes read at start-up.
 */
record MembershipMap(LocalDate day, int width, int height, List<Country> countries, List<Standing> states,
		List<Standing> organizations, List<Standing> unmapped, Roster.Census census) {

	/** The circle's radius, in the map's units (2000 across: about 2 pixels on a phone, 5 on a wide screen). */
	static final int MARKER_RADIUS = 11;

	/** A country as drawn: its outline (with its circle, if it has one), and its State's status that day, if any. */
	record Country(String code, String path, @Nullable ParticipantStatus status, @Nullable Standing standing, boolean marked) {

		/** The value of {@code data-status}: MEMBER, OBSERVER, or none for a country that took no part. */
		public @Nullable String dataStatus() {
			return status == null ? null : status.name();
		}
	}

	static MembershipMap of(Roster roster, LocalDate day, MapShapes shapes) {
		var standings = roster.on(day, null);
		var byCode = new HashMap<String, Standing>();
		var states = new ArrayList<Standing>();
		var organizations = new ArrayList<Standing>();
		var unmapped = new ArrayList<Standing>();
		for (var standing : standings) {
			if (standing.kind() == ParticipantKind.STATE) {
				states.add(standing);
				byCode.put(standing.code().value(), standing);
				if (shapes.of(standing.code().value()) == null) {
					unmapped.add(standing);
				}
			}
			else {
				organizations.add(standing);
			}
		}
		// members first, then observers, each by name (the roster gives them by name)
		states.sort(Comparator.comparing(Standing::status));
		organizations.sort(Comparator.comparing(Standing::status));
		var plain = new ArrayList<Country>();
		var marked = new ArrayList<Country>();
		for (var shape : shapes.all()) {
			var standing = byCode.get(shape.code());
			var marker = standing != null ? shape.marker() : null;
			var country = new Country(shape.code(), marker == null ? shape.path() : shape.path() + circle(marker[0], marker[1]),
					standing == null ? null : standing.status(), standing, marker != null);
			(marker == null ? plain : marked).add(country);
		}
		// the circles of small States are drawn last, over their neighbours
		plain.addAll(marked);
		return new MembershipMap(day, shapes.width(), shapes.height(), List.copyOf(plain), List.copyOf(states), List.copyOf(organizations),
				List.copyOf(unmapped), roster.census(day));
	}

	/** A circle as two arcs of a path, so that a State stays one shape. */
	static String circle(int x, int y) {
		int r = MARKER_RADIUS;
		return "M" + (x - r) + " " + y + "a" + r + " " + r + " 0 1 0 " + 2 * r + " 0a" + r + " " + r + " 0 1 0 " + -2 * r + " 0z";
	}

	/** How many shapes have that status: what the map shows, counted. */
	long shapesWith(ParticipantStatus status) {
		return countries.stream().filter(country -> country.status() == status).count();
	}
}
