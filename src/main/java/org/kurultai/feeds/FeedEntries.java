package org.kurultai.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.Decision;
import org.kurultai.decisions.DecisionKind;
import org.kurultai.decisions.DecisionStatus;
import org.kurultai.decisions.Decisions;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.fund.FundProject;
import org.kurultai.fund.FundProjects;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.organs.Organs;
import org.kurultai.platform.Formats;
import org.kurultai.portal.LocalNames;
import org.kurultai.registry.Registry;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.timeline.Timeline;
import org.kurultai.timeline.TimelineEntry;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each feed says, in a language: the newest {@link #LIMIT} records the public may see, newest first, each read
 * through its module's read path with {@link Viewer#PUBLIC} (whoever asks: a feed is public).
 * <ul>
 * <li>decisions: the register's adopted decisions ({@link Decisions#register}); updated when the procedure closed, or,
 * for a decision recorded from the forum's history, at the start of its day in the forum's time zone;</li>
 * <li>documents: the documents the public may see ({@link Drafting#documents}), adopted or under negotiation; updated
 * when tabled in Kurultai or, if later, at the start of the day of adoption (a document recorded from the forum's
 * history: its day of adoption);</li>
 * <li>meetings: the meetings the public may see ({@link AccessPolicy#visible}); updated when the current plan was
 * recorded, or at the start of the meeting's first day when that is earlier (the forum's history, entered later);</li>
 * <li>timeline: the timeline's events up to today that the public may see ({@link Timeline#between}); updated at the
 * start of the event's day;</li>
 * <li>fund-projects: the CICA Fund's projects approved by the PRC (the public sees a project from its approval on:
 * {@link FundProjects#projects}), one entry per approval; updated at the start of the day of the PRC's decision.</li>
 * </ul>
 * The days are taken in the forum's time zone ({@link ForumClock#zone()}); the feed writes them as instants in UTC.
 */
@Service
@Transactional(readOnly = true)
public class FeedEntries {

	/** How many entries a feed holds at most. */
	public static final int LIMIT = 50;

	/** The feeds, by their name in the address ({@code /feeds/<name>.atom}). */
	public enum Feed {
		DECISIONS("decisions", "/decisions"), DOCUMENTS("documents", "/documents"), MEETINGS("meetings", "/meetings"),
		TIMELINE("timeline", "/timeline"), FUND_PROJECTS("fund-projects", "/fund/projects");

		private final String slug;
		private final String page;

		Feed(String slug, String page) {
			this.slug = slug;
			this.page = page;
		}

		public String slug() {
			return slug;
		}

		/** The page that lists what the feed holds. */
		public String page() {
			return page;
		}

		/** The feed's address within Kurultai. */
		public String path() {
			return "/feeds/" + slug + ".atom";
		}
	}

	/**
	 * One entry: {@code key} is stable and unique among all feeds (the id's last part: {@code decision:42},
	 * {@code meeting:CMFA-7}); {@code link} is the record's page within Kurultai.
	 */
	public record Entry(String key, String title, String summary, Instant updated, String link, String category) {
	}

	private final Decisions decisions;
	private final Drafting drafting;
	private final Meetings meetings;
	private final Timeline timeline;
	private final FundProjects projects;
	private final Organs organs;
	private final Registry registry;
	private final AccessPolicy access;
	private final ForumClock clock;
	private final MessageSource messages;

	FeedEntries(Decisions decisions, Drafting drafting, Meetings meetings, Timeline timeline, FundProjects projects, Organs organs,
			Registry registry, AccessPolicy access, ForumClock clock, MessageSource messages) {
		this.decisions = decisions;
		this.drafting = drafting;
		this.meetings = meetings;
		this.timeline = timeline;
		this.projects = projects;
		this.organs = organs;
		this.registry = registry;
		this.access = access;
		this.clock = clock;
		this.messages = messages;
	}

	/** The feed's entries in the language, newest first, at most {@link #LIMIT}. */
	public List<Entry> entries(Feed feed, Locale locale) {
		var names = new LocalNames(registry.roster(), messages, locale);
		return switch (feed) {
			case DECISIONS -> decisions(names, locale);
			case DOCUMENTS -> documents(names, locale);
			case MEETINGS -> meetings(locale);
			case TIMELINE -> timeline(locale);
			case FUND_PROJECTS -> fundProjects(names, locale);
		};
	}

	static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::updated).reversed().thenComparing(Entry::key);

	// ---------------------------------------------------------------- decisions

	private List<Entry> decisions(LocalNames names, Locale locale) {
		var zone = clock.zone();
		Map<String, NegotiatedDocument> documents = drafting.documents(Viewer.PUBLIC).stream()
				.collect(Collectors.toMap(NegotiatedDocument::id, Function.identity(), (a, b) -> a));
		return decisions.register(Viewer.PUBLIC, null, null).stream().filter(decision -> decision.status() == DecisionStatus.ADOPTED)
				.map(decision -> decision(decision, documents.get(decision.document()), names, locale, zone)).sorted(NEWEST_FIRST)
				.limit(LIMIT).toList();
	}

	private Entry decision(Decision decision, @Nullable NegotiatedDocument document, LocalNames names, Locale locale, ZoneId zone) {
		var symbol = decision.registerSymbol() != null ? decision.registerSymbol()
				: text("feeds.decision.number", locale, decision.id());
		var subject = document != null ? document.symbol() + " — " + document.title()
				: decision.outcomeNote() != null ? decision.outcomeNote() : "";
		var title = subject.isBlank() ? symbol : text("feeds.decision.title", locale, symbol, subject);
		var day = decision.decidedOn() != null ? decision.decidedOn()
				: decision.closedAt() != null ? LocalDate.ofInstant(decision.closedAt(), zone) : null;
		var kind = text(decision.kind() == DecisionKind.RECOMMENDATION ? "feeds.decision.recommendation" : "feeds.decision.decision", locale);
		var summary = day == null ? text("feeds.decision.summaryUndated", locale, kind, body(decision.body(), names))
				: text("feeds.decision.summary", locale, kind, body(decision.body(), names), Formats.dayIn(day, locale));
		Instant updated;
		if (!decision.recorded() && decision.closedAt() != null) {
			updated = decision.closedAt();
		}
		else if (day != null) {
			updated = startOf(day, zone);
		}
		else {
			updated = decision.proposedAt();
		}
		return new Entry("decision:" + decision.id(), title, summary, updated, "/decisions/" + decision.id(), decision.body());
	}

	// ---------------------------------------------------------------- documents

	private List<Entry> documents(LocalNames names, Locale locale) {
		var zone = clock.zone();
		return drafting.documents(Viewer.PUBLIC).stream().map(document -> document(document, names, locale, zone)).sorted(NEWEST_FIRST)
				.limit(LIMIT).toList();
	}

	private Entry document(NegotiatedDocument document, LocalNames names, Locale locale, ZoneId zone) {
		var type = text("drafting.type." + document.type().name(), locale);
		var body = body(document.body(), names);
		String summary;
		if (document.adoptedOn() != null && document.adopted()) {
			summary = text("feeds.document.adopted", locale, type, body, date(document.adoptedOn(), document.adoptedPrecision(), locale));
		}
		else if (document.status() == org.kurultai.drafting.DocumentStatus.RECOMMENDED) {
			summary = text("feeds.document.recommended", locale, type, body);
		}
		else {
			summary = text("feeds.document.draft", locale, type, body, Formats.dayIn(LocalDate.ofInstant(document.createdAt(), zone), locale));
		}
		return new Entry("document:" + document.id(), document.symbol() + " — " + document.title(), summary, documentUpdated(document, zone),
				"/documents/" + document.id(), document.body());
	}

	/**
	 * When a document last changed as the feed tells it: tabled in Kurultai (its creation) or, if later, the start of its
	 * day of adoption; a document entered from the forum's history after its adoption: the day of adoption.
	 */
	static Instant documentUpdated(NegotiatedDocument document, ZoneId zone) {
		var adoptedOn = document.adoptedOn();
		if (adoptedOn == null) {
			return document.createdAt();
		}
		var adoption = startOf(adoptedOn, zone);
		var created = document.createdAt();
		if (LocalDate.ofInstant(created, zone).isAfter(adoptedOn)) {
			return adoption;
		}
		return created.isAfter(adoption) ? created : adoption;
	}

	// ---------------------------------------------------------------- meetings

	private List<Entry> meetings(Locale locale) {
		var zone = clock.zone();
		var visible = access.visible(Viewer.PUBLIC, meetings.find(null, null, null), Meeting::access);
		var recorded = meetings.currentPlanRecorded(visible.stream().map(Meeting::id).toList(), Viewer.PUBLIC);
		return visible.stream().map(meeting -> meeting(meeting, recorded.get(meeting.id()), locale, zone)).sorted(NEWEST_FIRST).limit(LIMIT)
				.toList();
	}

	/** The meeting as of its current plan's recording, or its first day if that came first (history entered later). */
	static Instant meetingUpdated(Meeting meeting, @Nullable Instant planRecorded, ZoneId zone) {
		var firstDay = startOf(meeting.from(), zone);
		return planRecorded == null || firstDay.isBefore(planRecorded) ? firstDay : planRecorded;
	}

	private Entry meeting(Meeting meeting, @Nullable Instant planRecorded, Locale locale, ZoneId zone) {
		var days = meeting.from().equals(meeting.until()) || meeting.precision() != DatePrecision.DAY
				? date(meeting.from(), meeting.precision(), locale)
				: text("feeds.meeting.days", locale, Formats.dayIn(meeting.from(), locale), Formats.dayIn(meeting.until(), locale));
		var where = meeting.online() ? text("feeds.meeting.online", locale)
				: meeting.place() == null ? "" : messages.getMessage("portal.place." + meeting.place(), null, meeting.place(), locale);
		var status = messages.getMessage("portal.meetingStatus." + meeting.status().name(), null,
				meeting.status().name().toLowerCase(Locale.ROOT), locale);
		var summary = where.isEmpty() ? text("feeds.meeting.summaryNowhere", locale, days, status)
				: text("feeds.meeting.summary", locale, days, where, status);
		var title = meeting.status() == MeetingStatus.CANCELLED ? text("feeds.meeting.cancelled", locale, meeting.title()) : meeting.title();
		return new Entry("meeting:" + meeting.id(), title, summary, meetingUpdated(meeting, planRecorded, zone), "/meetings/" + meeting.id(),
				meeting.body());
	}

	// ---------------------------------------------------------------- timeline

	private List<Entry> timeline(Locale locale) {
		var zone = clock.zone();
		var events = access.visible(Viewer.PUBLIC, timeline.between(null, clock.today()), TimelineEntry::access);
		var entries = events.stream().map(event -> event(event, locale, zone)).sorted(NEWEST_FIRST).toList();
		// an id is never given twice (two events alike in kind, day, record and title: the later one numbered)
		var seen = new java.util.HashMap<String, Integer>();
		return entries.stream().map(entry -> {
			int times = seen.merge(entry.key(), 1, Integer::sum);
			return times == 1 ? entry
					: new Entry(entry.key() + ":" + times, entry.title(), entry.summary(), entry.updated(), entry.link(), entry.category());
		}).limit(LIMIT).toList();
	}

	private Entry event(TimelineEntry event, Locale locale, ZoneId zone) {
		var kind = messages.getMessage("portal.eventKind." + event.kind().name(), null, event.kind().label(), locale);
		var summary = text("feeds.timeline.summary", locale, date(event.date(), event.precision(), locale), kind);
		var link = event.link() != null ? event.link() : "/timeline?from=" + event.date() + "&to=" + event.date();
		return new Entry(timelineKey(event), event.title(), summary, startOf(event.date(), zone), link, event.kind().name());
	}

	/**
	 * A timeline event's stable key: a meeting by its id (its days and title may change with its plan); any other event by
	 * its kind, day and the record it links to, or a digest of its title when it links to none.
	 */
	static String timelineKey(TimelineEntry event) {
		var link = event.link();
		if (link != null && link.startsWith("/meetings/") && !event.kind().isRecorded()) {
			return "timeline:meeting:" + link.substring("/meetings/".length());
		}
		// a recorded event (several may share a day and a meeting) is also told apart by its title, which its record keeps
		var what = link == null ? "title-" + digest(event.title())
				: event.kind().isRecorded() ? link + ":title-" + digest(event.title()) : link;
		return "timeline:" + event.kind().name().toLowerCase(Locale.ROOT) + ":" + event.date() + ":" + what;
	}

	private static String digest(String text) {
		try {
			var hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	// ---------------------------------------------------------------- the CICA Fund's projects

	private List<Entry> fundProjects(LocalNames names, Locale locale) {
		var zone = clock.zone();
		return projects.projects(Viewer.PUBLIC, null).stream().filter(project -> project.decidedOn() != null)
				.map(project -> fundProject(project, names, locale, zone)).sorted(NEWEST_FIRST).limit(LIMIT).toList();
	}

	private Entry fundProject(FundProject project, LocalNames names, Locale locale, ZoneId zone) {
		var day = java.util.Objects.requireNonNull(project.decidedOn());
		var amount = project.approvedAmount() == null ? "" : String.format(locale, "%,.2f", project.approvedAmount());
		var summary = text("feeds.fundProject.summary", locale, names.of(project.owner()), amount, projects.currency(locale),
				Formats.dayIn(day, locale));
		var title = text("feeds.fundProject.title", locale, project.content().title(locale.getLanguage()));
		return new Entry("fund-project:" + project.id(), title, summary, startOf(day, zone), "/fund/projects/" + project.id(), "PRC");
	}

	// ---------------------------------------------------------------- words

	private String body(String code, LocalNames names) {
		try {
			return names.body(organs.body(code), clock.today());
		}
		catch (RuntimeException unknown) {
			return code;
		}
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** A date at the precision the sources give it, as the pages write it ("17 June 2006", "June 2010", "2011", "by June 2010"). */
	private String date(LocalDate date, @Nullable DatePrecision precision, Locale locale) {
		var month = java.time.format.DateTimeFormatter.ofPattern("LLLL uuuu", locale);
		return switch (precision == null ? DatePrecision.DAY : precision) {
			case DAY -> Formats.dayIn(date, locale);
			case MONTH -> month.format(date);
			case YEAR -> Integer.toString(date.getYear());
			case ATTESTED -> text("feeds.date.attested", locale, month.format(date));
		};
	}

	static Instant startOf(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}
}
