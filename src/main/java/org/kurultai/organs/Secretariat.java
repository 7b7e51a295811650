package org.kurultai.organs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.Sources;

/**
 * The Secretariat through time: its seat, the title of its head (Executive Director, since the
 * 2022 Astana summit Secretary General) and who held the post.
 */
public record Secretariat(List<Seat> seats, List<Title> titles, List<Head> heads) {

	public Secretariat {
		seats = List.copyOf(seats);
		titles = List.copyOf(titles);
		heads = List.copyOf(heads);
	}

	public Optional<Seat> seatOn(LocalDate day) {
		return seats.stream().filter(seat -> holds(seat.from(), seat.until(), day)).findFirst();
	}

	public Optional<Title> titleOn(LocalDate day) {
		return titles.stream().filter(title -> holds(title.from(), title.until(), day)).findFirst();
	}

	public Optional<Head> headOn(LocalDate day) {
		return heads.stream().filter(head -> holds(head.from(), head.until(), day)).findFirst();
	}

	private static boolean holds(LocalDate from, @Nullable LocalDate until, LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	public record Seat(String place, LocalDate from, @Nullable LocalDate until, DatePrecision precision, Sources sources,
			@Nullable String note) {
	}

	public record Title(String title, LocalDate from, @Nullable LocalDate until, @Nullable String renamedBy, Sources sources) {
	}

	public record Head(String person, @Nullable String nationality, LocalDate from, @Nullable LocalDate until,
			DatePrecision precision, Sources sources, @Nullable String note) {
	}
}
