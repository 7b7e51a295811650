package org.kurultai.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.registry.StatusPeriod;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.DateSpan;
import org.kurultai.shared.Sources;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forum's history in date order. Only events that are no other record are stored here; the
 * rest is read from the registry, the organs and the meetings, so that the timeline can never
 * disagree with them.
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

	private final JdbcClient jdbc;
	private final Registry registry;
	private final Organs organs;
	private final Meetings meetings;

	Timeline(JdbcClient jdbc, Registry registry, Organs organs, Meetings meetings) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.organs = organs;
		this.meetings = meetings;
	}

	/** Everything that happened from {@code from} to {@code to} (inclusive, both optional), in date order. */
	public List<TimelineEntry> between(@Nullable LocalDate from, @Nullable LocalDate to) {
		var span = DateSpan.of(from, to);
		var start = span.from();
		var end = span.to();
		var entries = new ArrayList<TimelineEntry>();
		entries.addAll(recorded(start, end));
		entries.addAll(meetingEntries(start, end));
		entries.addAll(statusEntries());
		entries.addAll(organEntries());
		return entries.stream().filter(entry -> !entry.date().isBefore(start) && !entry.date().isAfter(end))
				.sorted(Comparator.comparing(TimelineEntry::date).thenComparing(entry -> entry.kind().ordinal()))
				.toList();
	}

	@Transactional
	public void record(HistoricalEvent event) {
		if (event.meeting() != null && !meetings.exists(event.meeting())) {
			throw new org.kurultai.shared.NotFound("meeting", event.meeting());
		}
		jdbc.sql("""
				insert into historical_event (id, occurred_on, precision, kind, title, meeting_id, sources, note)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(event.id(), event.on(), event.precision().name(), event.kind().name(), event.title(), event.meeting(),
						event.sources().toArray(), event.note())
				.update();
	}

	private List<TimelineEntry> recorded(LocalDate start, LocalDate end) {
		return jdbc.sql("select * from historical_event where occurred_on between ? and ?").params(start, end)
				.query((rs, row) -> {
					var meeting = rs.getString("meeting_id");
					return new TimelineEntry(rs.getObject("occurred_on", LocalDate.class),
							DatePrecision.valueOf(rs.getString("precision")), rs.getString("title"),
							EventKind.valueOf(rs.getString("kind")), Sources.of(rs.getArray("sources")),
							meeting == null ? null : "/meetings/" + meeting);
				}).list();
	}

	private List<TimelineEntry> meetingEntries(LocalDate start, LocalDate end) {
		return meetings.find(null, start, end).stream().filter(meeting -> meeting.status() != MeetingStatus.NOT_HELD_AS_PLANNED)
				.map(meeting -> {
					var kind = switch (meeting.body()) {
						case "CHSG" -> EventKind.SUMMIT;
						case "CMFA" -> EventKind.MINISTERIAL_MEETING;
						default -> EventKind.MEETING;
					};
					var title = meeting.title() + (meeting.online() ? " (online)" : meeting.place() == null ? "" : ", " + meeting.place())
							+ (meeting.status() == MeetingStatus.PLANNED ? " — planned" : "");
					return new TimelineEntry(meeting.from(), meeting.precision(), title, kind, meeting.sources(),
							"/meetings/" + meeting.id(), meeting.status() == MeetingStatus.PLANNED, meeting.access());
				}).toList();
	}

	/** Accessions and admissions, one line per day and status ("Jordan and United Arab Emirates become members"). */
	private List<TimelineEntry> statusEntries() {
		record Admission(String code, String name, StatusPeriod period) {
		}
		Map<String, List<Admission>> byDayAndStatus = new LinkedHashMap<>();
		for (var participant : registry.roster().participants()) {
			for (var period : participant.periods()) {
				if (period.precision() == DatePrecision.ATTESTED) {
					continue;
				}
				var earlier = participant.statusOn(period.from().minusDays(1));
				if (earlier.isPresent() && earlier.get() == period.status()) {
					continue;
				}
				byDayAndStatus.computeIfAbsent(period.from() + "/" + period.status(), key -> new ArrayList<>())
						.add(new Admission(participant.code().value(), participant.name(), period));
			}
		}
		var entries = new ArrayList<TimelineEntry>();
		for (var admissions : byDayAndStatus.values()) {
			var first = admissions.get(0).period();
			var names = admissions.stream().map(Admission::name).sorted().toList();
			var joined = names.size() == 1 ? names.get(0)
					: names.size() <= 3 ? String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
					: names.size() + " States (" + String.join(", ", names) + ")";
			var plural = names.size() > 1;
			var title = switch (first.status()) {
				case MEMBER -> joined + (plural ? " become members" : " becomes a member")
						+ (first.ordinal() != null && !plural ? " (the " + ordinal(first.ordinal()) + ")" : "");
				case OBSERVER -> joined + (plural ? " become observers" : " becomes an observer");
				case PARTNER -> joined + (plural ? " become partner organizations" : " becomes a partner organization");
			};
			var kind = first.status() == ParticipantStatus.MEMBER ? EventKind.ACCESSION
					: first.status() == ParticipantStatus.OBSERVER ? EventKind.OBSERVER_ADMITTED : EventKind.PARTNERSHIP;
			var sources = Sources.of(admissions.stream().flatMap(admission -> admission.period().sources().references().stream())
					.distinct().collect(Collectors.toList()));
			var link = admissions.size() == 1 ? "/participants/" + admissions.get(0).code() : null;
			entries.add(new TimelineEntry(first.from(), first.precision(), title, kind, sources, link));
		}
		return entries;
	}

	private List<TimelineEntry> organEntries() {
		var entries = new ArrayList<TimelineEntry>();
		var names = registry.roster();
		for (var handover : organs.chairmanship().handovers()) {
			var to = names.find(org.kurultai.registry.ParticipantCode.of(handover.to())).map(p -> p.name()).orElse(handover.to());
			var from = names.find(org.kurultai.registry.ParticipantCode.of(handover.from())).map(p -> p.name()).orElse(handover.from());
			var title = handover.renewal() ? to + "'s chairmanship is renewed for a new term"
					: from + " hands the chairmanship to " + to;
			entries.add(new TimelineEntry(handover.on(), DatePrecision.DAY, title, EventKind.HANDOVER, handover.sources(),
					handover.at() == null ? "/chairmanship" : "/meetings/" + handover.at()));
		}
		for (var body : organs.bodies()) {
			if (body.createdOn() != null) {
				var name = body.nameOn(body.createdOn()).name();
				entries.add(new TimelineEntry(body.createdOn(),
						body.createdPrecision() == null ? DatePrecision.DAY : body.createdPrecision(),
						(body.status() == org.kurultai.organs.BodyStatus.PROPOSED ? "Decision to establish the " : "Establishment of the ")
								+ name,
						EventKind.BODY_CREATED, body.sources(), "/bodies/" + body.code()));
			}
			for (var renaming : body.renamings()) {
				var before = body.nameOn(renaming.from().minusDays(1)).name();
				entries.add(new TimelineEntry(renaming.from(), DatePrecision.DAY,
						before + " renamed " + renaming.name() + (renaming.renamedBy() == null ? "" : " (" + renaming.renamedBy() + ")"),
						EventKind.RENAMING, renaming.sources(), "/bodies/" + body.code()));
			}
		}
		var titles = organs.secretariat().titles();
		for (int i = 1; i < titles.size(); i++) {
			entries.add(new TimelineEntry(titles.get(i).from(), DatePrecision.DAY,
					"The head of the Secretariat, " + titles.get(i - 1).title() + ", becomes " + titles.get(i).title(),
					EventKind.RENAMING, titles.get(i).sources(), "/chairmanship#secretariat"));
		}
		return entries;
	}

	private static String ordinal(int n) {
		var suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
			case 1 -> "st";
			case 2 -> "nd";
			case 3 -> "rd";
			default -> "th";
		};
		return n + suffix + " member";
	}
}
