package org.kurultai.organs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.Sources;

/**
 * The Secretariat through time: its seat, the title of its head (Executive Director, since the
 * 2022 Astana summit Secretary General), who held the post, and the deputies. Heads follow each
 * other (one on a day), so do titles; deputies serve side by side, a person never twice at once.
 */
public record Secretariat(List<Seat> seats, List<Title> titles, List<Head> heads, List<Head> deputies) {

	public Secretariat {
		seats = List.copyOf(seats);
		titles = sorted(titles, Title::from);
		heads = sorted(heads, Head::from);
		deputies = sorted(deputies, Head::from);
		for (int i = 1; i < titles.size(); i++) {
			if (overlap(titles.get(i - 1).until(), titles.get(i).from())) {
				throw new OfficesInvalid("problem.organs.secretariat.titlesOverlap", titles.get(i - 1).title(), titles.get(i).title(),
						titles.get(i).from());
			}
		}
		for (int i = 1; i < heads.size(); i++) {
			if (overlap(heads.get(i - 1).until(), heads.get(i).from())) {
				throw new OfficesInvalid("problem.organs.secretariat.headsOverlap", heads.get(i - 1).person(), heads.get(i).person(),
						heads.get(i).from());
			}
		}
		for (int i = 0; i < deputies.size(); i++) {
			for (int j = i + 1; j < deputies.size(); j++) {
				var earlier = deputies.get(i);
				var later = deputies.get(j);
				if (earlier.person().equalsIgnoreCase(later.person()) && overlap(earlier.until(), later.from())) {
					throw new OfficesInvalid("problem.organs.secretariat.deputyTwice", later.person(), later.from());
				}
			}
		}
		for (var head : heads) {
			head.checkSpan();
		}
		for (var deputy : deputies) {
			deputy.checkSpan();
		}
	}

	/** The Secretariat as the forum's history records it, without deputies. */
	public Secretariat(List<Seat> seats, List<Title> titles, List<Head> heads) {
		this(seats, titles, heads, List.of());
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

	public List<Head> deputiesOn(LocalDate day) {
		return deputies.stream().filter(deputy -> holds(deputy.from(), deputy.until(), day)).toList();
	}

	public Secretariat withTitles(List<Title> newTitles) {
		return new Secretariat(seats, newTitles, heads, deputies);
	}

	public Secretariat withHeads(List<Head> newHeads) {
		return new Secretariat(seats, titles, newHeads, deputies);
	}

	public Secretariat withDeputies(List<Head> newDeputies) {
		return new Secretariat(seats, titles, heads, newDeputies);
	}

	/**
	 * A person appointed to an office from {@code on} (until {@code until}, or open). The head's office:
	 * the holder on that day leaves it then; a head appointed from a later day refuses it. A deputy joins
	 * the others. The very appointment recorded already (the same person from the same day) is only linked.
	 */
	public Secretariat appoint(Office office, String person, @Nullable String nationality, LocalDate on, @Nullable LocalDate until,
			Sources sources, @Nullable DecisionRef decision) {
		var holders = office == Office.HEAD ? heads : deputies;
		var recorded = holders.stream().filter(head -> head.from().equals(on) && head.person().equalsIgnoreCase(person)).findFirst();
		if (recorded.isPresent()) {
			return with(office, replace(holders, recorded.get(), linked(recorded.get(), decision)));
		}
		if (until != null && !until.isAfter(on)) {
			throw new ChangeRefused("problem.organs.effect.endsBeforeStart", on, until);
		}
		var appointed = new Head(person, nationality, on, until, DatePrecision.DAY, sources, null, decision);
		var next = new ArrayList<Head>();
		if (office == Office.HEAD) {
			var later = heads.stream().filter(head -> !head.from().isBefore(on)).findFirst();
			if (later.isPresent()) {
				throw new ChangeRefused("problem.organs.effect.headAfterAppointment", person, on, later.get().person(), later.get().from());
			}
			for (var head : heads) {
				next.add(head.holdsOn(on) ? head.endingOn(on) : head);
			}
		}
		else {
			next.addAll(deputies);
		}
		next.add(appointed);
		return with(office, next);
	}

	/**
	 * The head's office takes a new title from {@code on}: the title of that day ends then. A title
	 * taken from a later day refuses it; the very title recorded already from that day is only linked.
	 */
	public Secretariat renameOffice(String title, @Nullable String titleRu, LocalDate on, @Nullable String renamedBy, Sources sources,
			@Nullable DecisionRef decision) {
		var recorded = titles.stream().filter(t -> t.from().equals(on) && t.title().equalsIgnoreCase(title)).findFirst();
		if (recorded.isPresent()) {
			var old = recorded.get();
			return withTitles(replace(titles, old, old.decision() == null && decision != null ? old.decidedBy(decision) : old));
		}
		var later = titles.stream().filter(t -> !t.from().isBefore(on)).findFirst();
		if (later.isPresent()) {
			throw new ChangeRefused("problem.organs.effect.titleAfterRenaming", title, on, later.get().title(), later.get().from());
		}
		var current = titleOn(on);
		if (current.isPresent() && current.get().title().equalsIgnoreCase(title)) {
			throw new ChangeRefused("problem.organs.effect.sameTitle", title, on);
		}
		var next = new ArrayList<Title>();
		for (var t : titles) {
			next.add(holds(t.from(), t.until(), on) ? t.endingOn(on) : t);
		}
		next.add(new Title(title, on, null, renamedBy, sources, titleRu, decision));
		return withTitles(next);
	}

	private Secretariat with(Office office, List<Head> holders) {
		return office == Office.HEAD ? withHeads(holders) : withDeputies(holders);
	}

	private static Head linked(Head head, @Nullable DecisionRef decision) {
		return head.decision() == null && decision != null ? head.decidedBy(decision) : head;
	}

	static <T> List<T> replace(List<T> list, T old, T replacement) {
		var next = new ArrayList<T>();
		for (var item : list) {
			next.add(item == old ? replacement : item);
		}
		return next;
	}

	private static boolean holds(LocalDate from, @Nullable LocalDate until, LocalDate day) {
		return !day.isBefore(from) && (until == null || day.isBefore(until));
	}

	private static boolean overlap(@Nullable LocalDate earlierUntil, LocalDate laterFrom) {
		return earlierUntil == null || earlierUntil.isAfter(laterFrom);
	}

	private static <T> List<T> sorted(List<T> list, Function<T, LocalDate> from) {
		var copy = new ArrayList<>(list);
		copy.sort(Comparator.comparing(from));
		return List.copyOf(copy);
	}

	public record Seat(String place, LocalDate from, @Nullable LocalDate until, DatePrecision precision, Sources sources,
			@Nullable String note) {
	}

	/** A title of the head's office; {@code titleRu} the Russian a decision gave it; {@code decision} that decision. */
	public record Title(String title, LocalDate from, @Nullable LocalDate until, @Nullable String renamedBy, Sources sources,
			@Nullable String titleRu, @Nullable DecisionRef decision) {

		public Title(String title, LocalDate from, @Nullable LocalDate until, @Nullable String renamedBy, Sources sources) {
			this(title, from, until, renamedBy, sources, null, null);
		}

		public Title endingOn(@Nullable LocalDate end) {
			return new Title(title, from, end, renamedBy, sources, titleRu, decision);
		}

		public Title decidedBy(DecisionRef by) {
			return new Title(title, from, until, renamedBy, sources, titleRu, by);
		}
	}

	/** A holder of an office of the Secretariat (its head, or a deputy); {@code decision} the appointing decision. */
	public record Head(String person, @Nullable String nationality, LocalDate from, @Nullable LocalDate until,
			DatePrecision precision, Sources sources, @Nullable String note, @Nullable DecisionRef decision) {

		public Head(String person, @Nullable String nationality, LocalDate from, @Nullable LocalDate until,
				DatePrecision precision, Sources sources, @Nullable String note) {
			this(person, nationality, from, until, precision, sources, note, null);
		}

		public Head endingOn(@Nullable LocalDate end) {
			return new Head(person, nationality, from, end, precision, sources, note, decision);
		}

		public Head decidedBy(DecisionRef by) {
			return new Head(person, nationality, from, until, precision, sources, note, by);
		}

		public boolean holdsOn(LocalDate day) {
			return holds(from, until, day);
		}

		void checkSpan() {
			if (until != null && !until.isAfter(from)) {
				throw new OfficesInvalid("problem.organs.secretariat.endsBeforeStart", person, from, until);
			}
		}
	}

	/** The Secretariat's offices are held one after the other (the head, its title) or by a person once at a time. */
	public static class OfficesInvalid extends RuleViolation {

		OfficesInvalid(String key, Object... arguments) {
			super(key, arguments);
		}

		@Override
		public String rule() {
			return "secretariat-offices-invalid";
		}
	}
}
