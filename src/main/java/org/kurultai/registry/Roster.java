package org.kurultai.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * All participants of the forum with their histories: answers who was what on any day, how many,
 * and what changed between two days. Counts are always derived from the status periods.
 */
public final class Roster {

	private final List<Participant> participants;
	private final Map<ParticipantCode, Participant> byCode = new HashMap<>();

	public Roster(List<Participant> participants) {
		this.participants = List.copyOf(participants);
		for (var participant : this.participants) {
			byCode.putIfAbsent(participant.code(), participant);
		}
	}

	/** Everyone holding a status on that day, optionally only one status, ordered by name. */
	public List<Standing> on(LocalDate day, @Nullable ParticipantStatus status) {
		var standings = new ArrayList<Standing>();
		for (var participant : participants) {
			participant.periodOn(day).filter(period -> status == null || period.status() == status)
					.ifPresent(period -> standings.add(new Standing(participant.code(), participant.name(), participant.kind(),
							period.status(), participant.inStatusSince(day).orElse(period.from()), period)));
		}
		standings.sort(Comparator.comparing(Standing::name));
		return standings;
	}

	/** How many participants of that kind hold that status on that day. */
	public int count(LocalDate day, ParticipantStatus status, ParticipantKind kind) {
		return (int) participants.stream().filter(participant -> participant.kind() == kind)
				.filter(participant -> participant.statusOn(day).filter(status::equals).isPresent()).count();
	}

	/** The counts of every status and kind on that day. */
	public Census census(LocalDate day) {
		var counts = new EnumMap<ParticipantKind, Map<ParticipantStatus, Integer>>(ParticipantKind.class);
		for (var kind : ParticipantKind.values()) {
			var byStatus = new EnumMap<ParticipantStatus, Integer>(ParticipantStatus.class);
			for (var status : ParticipantStatus.values()) {
				byStatus.put(status, count(day, status, kind));
			}
			counts.put(kind, byStatus);
		}
		return new Census(day, counts);
	}

	/**
	 * Every change of status after {@code from} up to and including {@code to}, in date order.
	 */
	public List<StatusChange> changesBetween(LocalDate from, LocalDate to) {
		var changes = new ArrayList<StatusChange>();
		for (var participant : participants) {
			var days = new TreeSet<LocalDate>();
			for (var period : participant.periods()) {
				days.add(period.from());
				if (period.until() != null) {
					days.add(period.until());
				}
			}
			for (var day : days) {
				if (day.isAfter(from) && !day.isAfter(to)) {
					var before = participant.statusOn(day.minusDays(1)).orElse(null);
					var after = participant.periodOn(day);
					var afterStatus = after.map(StatusPeriod::status).orElse(null);
					if (!Objects.equals(before, afterStatus)) {
						changes.add(new StatusChange(day, participant.code(), participant.name(), before, afterStatus,
								after.map(StatusPeriod::how).orElse("")));
					}
				}
			}
		}
		changes.sort(Comparator.comparing(StatusChange::on).thenComparing(StatusChange::name));
		return changes;
	}

	public Optional<Participant> find(ParticipantCode code) {
		return Optional.ofNullable(byCode.get(code));
	}

	public List<Participant> participants() {
		return participants;
	}

	/** The first day on which anyone held a status; empty for an empty roster. */
	public Optional<LocalDate> firstDay() {
		return participants.stream().flatMap(participant -> participant.periods().stream()).map(StatusPeriod::from)
				.min(Comparator.naturalOrder());
	}

	/** Counts of each status and kind on one day. */
	public record Census(LocalDate day, Map<ParticipantKind, Map<ParticipantStatus, Integer>> counts) {

		public int of(ParticipantStatus status, ParticipantKind kind) {
			return counts.get(kind).get(status);
		}

		public int members() {
			return of(ParticipantStatus.MEMBER, ParticipantKind.STATE);
		}

		public int observerStates() {
			return of(ParticipantStatus.OBSERVER, ParticipantKind.STATE);
		}

		public int observerOrganizations() {
			return of(ParticipantStatus.OBSERVER, ParticipantKind.ORGANIZATION);
		}
	}
}
