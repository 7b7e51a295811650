package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.springframework.stereotype.Service;

/**
 * The Catalogue at a glance: for a year, each member State against each priority area (opted in,
 * coordinating, events hosted, reports submitted), the trend over the years, and who is overdue.
 * Every figure derived from reports (cells, trends, overdue) is derived from
 * {@link Implementation#reports}, the reports the viewer may see, so nothing counts what they may
 * not; who is overdue is shown only to those who see the submitted reports.
 */
@Service
public class Dashboard {

	private final Catalogue catalogue;
	private final Implementation implementation;
	private final Registry registry;
	private final ForumClock clock;

	Dashboard(Catalogue catalogue, Implementation implementation, Registry registry, ForumClock clock) {
		this.catalogue = catalogue;
		this.implementation = implementation;
		this.registry = registry;
		this.clock = clock;
	}

	public record Area(String code, String name, String dimension) {
	}

	/** One State × area: what it does there in the year; {@code score} 0–4 counts the kinds of engagement. */
	public record Cell(String area, boolean optedIn, String coordinating, int eventsHosted, int reportsSubmitted) {

		public int score() {
			return (optedIn ? 1 : 0) + (coordinating.isEmpty() ? 0 : 1) + (eventsHosted > 0 ? 1 : 0) + (reportsSubmitted > 0 ? 1 : 0);
		}
	}

	public record Row(String participant, String name, List<Cell> cells) {

		public int total() {
			return cells.stream().mapToInt(Cell::score).sum();
		}
	}

	public record Trend(int year, long events, long reportsSubmitted, long statesOptedIn) {
	}

	/**
	 * The figures as the viewer may know them; {@code overdueShown} says whether they may know who is
	 * overdue (an empty {@code overdue} then means none), which only those who see the submitted
	 * reports may: for anyone else the list would tell who has reported.
	 */
	public record Heatmap(int year, LocalDate asOf, String edition, List<Area> areas, List<Row> rows, List<Trend> trends,
			Map<String, List<String>> overdue, boolean overdueShown, LocalDate dueDay) {
	}

	public Heatmap heatmap(Viewer viewer, int year) {
		var today = clock.today();
		var asOf = year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
		var edition = catalogue.inForce(asOf);
		var areas = new ArrayList<Area>();
		edition.dimensions().forEach(d -> d.priorityAreas().forEach(a -> areas.add(new Area(a.code(), a.name(), d.code()))));
		var histories = catalogue.allCommitments();
		var coordinators = catalogue.coordinatorsOn(asOf);
		var events = implementation.events(null, null, year);
		// every year's submitted reports the viewer may see, read once (the trends count them per year)
		var submitted = implementation.reports(viewer, null, null).stream().filter(r -> r.firstSubmission().isPresent()).toList();
		var reports = submitted.stream().filter(r -> r.year() == year).toList();
		var rows = new ArrayList<Row>();
		for (var standing : registry.standingsOn(asOf, ParticipantStatus.MEMBER)) {
			var code = standing.code().value();
			var committed = histories.containsKey(code) ? histories.get(code).on(asOf) : Map.<String, CommitmentChange>of();
			var cells = new ArrayList<Cell>();
			for (var area : areas) {
				boolean optedIn = committed.values().stream().anyMatch(c -> c.priorityArea().equals(area.code()));
				var role = coordinators.stream().filter(c -> c.participant().equals(code) && c.priorityArea().equals(area.code()))
						.map(c -> c.role().label()).findFirst().orElse("");
				int hosted = (int) events.stream().filter(e -> code.equals(e.host()) && e.priorityArea().equals(area.code())).count();
				int reported = (int) reports.stream().filter(r -> r.participant().equals(code) && r.priorityArea().equals(area.code())).count();
				cells.add(new Cell(area.code(), optedIn, role, hosted, reported));
			}
			rows.add(new Row(code, standing.name(), cells));
		}
		var trends = new ArrayList<Trend>();
		var allEvents = implementation.events(null, null, null);
		for (int y = Math.max(2004, today.getYear() - 11); y <= today.getYear(); y++) {
			int yearShown = y;
			var day = yearShown == today.getYear() ? today : LocalDate.of(yearShown, 12, 31);
			trends.add(new Trend(yearShown, allEvents.stream().filter(e -> e.year() == yearShown).count(),
					submitted.stream().filter(r -> r.year() == yearShown).count(),
					histories.values().stream().filter(history -> !history.on(day).isEmpty()).count()));
		}
		return new Heatmap(year, asOf, edition.code(), areas, rows, trends, implementation.overdue(viewer, year, clock.now()),
				implementation.overdueShownTo(viewer), implementation.dueDay(year));
	}
}
