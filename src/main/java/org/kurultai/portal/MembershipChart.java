package org.kurultai.portal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kurultai.registry.ParticipantKind;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Roster;

/**
 * Members and observers per year, counted from the status periods on the last day of each year
 * (on today for the current year), laid out as an SVG bar chart with its numbers as a table.
 */
record MembershipChart(List<Year> years, int max, int width, int height, List<Tick> ticks) {

	static final int LEFT = 36;
	static final int BOTTOM = 24;
	static final int TOP = 12;

	record Year(int year, LocalDate day, int members, int observers, double x, double barWidth, double membersY,
			double membersHeight, double observersY, double observersHeight, boolean labelled) {
	}

	record Tick(int value, double y) {
	}

	static MembershipChart of(Roster roster, LocalDate today) {
		var first = roster.firstDay().map(LocalDate::getYear).orElse(today.getYear());
		var counts = new ArrayList<int[]>();
		for (int year = first; year <= today.getYear(); year++) {
			var day = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
			var census = roster.census(day);
			counts.add(new int[] { year, census.members(),
					census.of(ParticipantStatus.OBSERVER, ParticipantKind.STATE)
							+ census.of(ParticipantStatus.OBSERVER, ParticipantKind.ORGANIZATION) });
		}
		var max = Math.max(5, counts.stream().mapToInt(c -> Math.max(c[1], c[2])).max().orElse(5));
		max = ((max + 4) / 5) * 5;
		int width = 760;
		int height = 260;
		double plotWidth = width - LEFT - 8;
		double plotHeight = height - TOP - BOTTOM;
		double slot = plotWidth / Math.max(1, counts.size());
		double bar = Math.max(2, slot * 0.4);
		var years = new ArrayList<Year>();
		for (int i = 0; i < counts.size(); i++) {
			var c = counts.get(i);
			double x = LEFT + i * slot + slot * 0.1;
			double mh = plotHeight * c[1] / max;
			double oh = plotHeight * c[2] / max;
			var day = c[0] == today.getYear() ? today : LocalDate.of(c[0], 12, 31);
			years.add(new Year(c[0], day, c[1], c[2], x, bar, TOP + plotHeight - mh, mh, TOP + plotHeight - oh, oh,
					labelled(c[0], i == counts.size() - 1, counts.size())));
		}
		var ticks = new ArrayList<Tick>();
		for (int value = 0; value <= max; value += max / 5) {
			ticks.add(new Tick(value, TOP + plotHeight - plotHeight * value / max));
		}
		return new MembershipChart(years, max, width, height, ticks);
	}

	/** Every fifth year is labelled, and the last one unless it would crowd the fifth year before it. */
	static boolean labelled(int year, boolean last, int years) {
		return years <= 12 || year % 5 == 0 || (last && year % 5 >= 3);
	}

	public double baseline() {
		return height - BOTTOM;
	}
}
