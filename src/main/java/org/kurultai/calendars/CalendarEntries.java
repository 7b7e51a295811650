package org.kurultai.calendars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.kurultai.decisions.Decision;
import org.kurultai.decisions.Decisions;
import org.kurultai.drafting.Drafting;
import org.kurultai.drafting.NegotiatedDocument;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Viewer;
import org.kurultai.meetings.Meeting;
import org.kurultai.meetings.MeetingStatus;
import org.kurultai.meetings.Meetings;
import org.kurultai.shared.DatePrecision;
import org.kurultai.shared.ForumClock;
import org.kurultai.tasks.Task;
import org.kurultai.tasks.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a calendar shows to a viewer, each record read through its module's viewer-taking read path:
 * <ul>
 * <li>the meetings the viewer may see ({@link AccessPolicy#visible}); only those whose days are known to the day
 * (a meeting of the forum's history known only to the month or year would stand on a day it was not held);</li>
 * <li>for a signed-in person: the deadlines of open silence procedures they may see ({@link Decisions#register}, the
 * document's title through {@link Drafting#documents}), their State's implementation reports and exchange returns due
 * within 30 days or overdue ({@link Tasks#shown}: the same list as what awaits them), and the registration deadlines
 * of the meetings they may see, for the Secretariat and for delegations acting for a State.</li>
 * </ul>
 * The whole history is shown: the forum's meetings are public record and few (a few a year).
 */
@Service
@Transactional(readOnly = true)
public class CalendarEntries {

	private final Meetings meetings;
	private final Decisions decisions;
	private final Drafting drafting;
	private final Tasks tasks;
	private final AccessPolicy access;
	private final ForumClock clock;
	private final MessageSource messages;

	CalendarEntries(Meetings meetings, Decisions decisions, Drafting drafting, Tasks tasks, AccessPolicy access, ForumClock clock,
			MessageSource messages) {
		this.meetings = meetings;
		this.decisions = decisions;
		this.drafting = drafting;
		this.tasks = tasks;
		this.access = access;
		this.clock = clock;
		this.messages = messages;
	}

	/** The meetings the public may see, whoever asks. */
	public List<CalendarEntry> publicMeetings(@Nullable String body) {
		return meetings(Viewer.PUBLIC, body);
	}

	/**
	 * Everything the person (null: the public) may see, optionally of one body (deadlines of no body, reports and
	 * returns, are shown only without a body), in the language, in date order.
	 */
	public List<CalendarEntry> of(@Nullable Account account, @Nullable String body, Locale locale) {
		if (account == null) {
			return publicMeetings(body);
		}
		var viewer = access.viewer(account, clock.today());
		var entries = new ArrayList<CalendarEntry>(meetings(viewer, body));
		var code = body == null || body.isBlank() ? null : body.trim().toUpperCase(Locale.ROOT);
		registrations(viewer, code, locale).forEach(entries::add);
		silenceDeadlines(viewer, code, locale).forEach(entries::add);
		if (code == null) {
			dues(account, locale).forEach(entries::add);
		}
		entries.sort(ORDER);
		return List.copyOf(entries);
	}

	static final Comparator<CalendarEntry> ORDER = Comparator.comparing(CalendarEntry::firstDay)
			.thenComparing(entry -> entry.at() == null ? java.time.Instant.MIN : entry.at()).thenComparing(CalendarEntry::key);

	// ---------------------------------------------------------------- meetings

	private List<CalendarEntry> meetings(Viewer viewer, @Nullable String body) {
		return access.visible(viewer, meetings.find(body, null, null), Meeting::access).stream()
				.filter(meeting -> meeting.precision() == DatePrecision.DAY).map(CalendarEntries::meeting).sorted(ORDER).toList();
	}

	private static CalendarEntry meeting(Meeting meeting) {
		boolean cancelled = meeting.status() == MeetingStatus.CANCELLED || meeting.status() == MeetingStatus.NOT_HELD_AS_PLANNED;
		return new CalendarEntry(CalendarEntry.Kind.MEETING, "meeting-" + meeting.id(), meeting.plan() - 1, meeting.title(), meeting.body(),
				meeting.from(), meeting.until(), null, cancelled, meeting.online() ? null : meeting.place(), meeting.online(),
				"/meetings/" + meeting.id());
	}

	/**
	 * Registration deadlines of the meetings the viewer may see, for those who register delegations or follow
	 * registration: delegations acting for a State, and the Secretariat. A cancelled meeting has none.
	 */
	private List<CalendarEntry> registrations(Viewer viewer, @Nullable String body, Locale locale) {
		var mandate = viewer.mandate();
		if (mandate == null || mandate.capacity() == Capacity.NONE || mandate.capacity() == Capacity.PERSONAL) {
			return List.of();
		}
		var zone = clock.zone();
		// those who register (a State's national coordinator) or follow registration (the Secretariat) are led to the
		// registration page; the other delegates to the meeting's
		var role = mandate.account().role();
		boolean registers = role == org.kurultai.identity.Role.NATIONAL_COORDINATOR || mandate.capacity() == Capacity.SECRETARIAT;
		return access.visible(viewer, meetings.find(body, null, null), Meeting::access).stream()
				.filter(meeting -> meeting.registrationCloses() != null && meeting.status() != MeetingStatus.CANCELLED
						&& meeting.status() != MeetingStatus.NOT_HELD_AS_PLANNED)
				.map(meeting -> {
					var closes = meeting.registrationCloses();
					var day = LocalDate.ofInstant(closes, zone);
					return new CalendarEntry(CalendarEntry.Kind.REGISTRATION_CLOSES, "registration-" + meeting.id(), meeting.plan() - 1,
							messages.getMessage("calendars.registration.title", new Object[] { meeting.title() }, locale), meeting.body(), day,
							day, closes, false, null, false, "/meetings/" + meeting.id() + (registers ? "/delegations" : ""));
				}).toList();
	}

	// ---------------------------------------------------------------- deadlines

	private List<CalendarEntry> silenceDeadlines(Viewer viewer, @Nullable String body, Locale locale) {
		var open = decisions.register(viewer, body, null).stream()
				.filter(decision -> decision.open() && decision.silence() && decision.deadline() != null).toList();
		if (open.isEmpty()) {
			return List.of();
		}
		Map<String, NegotiatedDocument> documents = drafting.documents(viewer).stream()
				.collect(Collectors.toMap(NegotiatedDocument::id, Function.identity(), (a, b) -> a));
		var zone = clock.zone();
		var entries = new ArrayList<CalendarEntry>();
		for (Decision decision : open) {
			var document = decision.document() == null ? null : documents.get(decision.document());
			var title = document == null ? messages.getMessage("calendars.silence.untitled", new Object[] { decision.body() }, locale)
					: messages.getMessage("calendars.silence.title", new Object[] { document.title(), document.symbol() }, locale);
			var day = LocalDate.ofInstant(decision.deadline(), zone);
			entries.add(new CalendarEntry(CalendarEntry.Kind.SILENCE_DEADLINE, "silence-" + decision.id(), decision.round() - 1, title,
					decision.body(), day, day, decision.deadline(), false, null, false, "/decisions/" + decision.id()));
		}
		return entries;
	}

	/** The State's reports and returns due, as what awaits the person lists them (within 30 days, or overdue). */
	private List<CalendarEntry> dues(Account account, Locale locale) {
		var zone = clock.zone();
		var entries = new ArrayList<CalendarEntry>();
		for (var shown : tasks.shown(account, locale)) {
			var task = shown.task();
			var kind = task.kind() == Task.Kind.REPORT_DUE ? CalendarEntry.Kind.REPORT_DUE
					: task.kind() == Task.Kind.RETURN_DUE ? CalendarEntry.Kind.RETURN_DUE : null;
			if (kind == null || task.deadline() == null) {
				continue;
			}
			var day = LocalDate.ofInstant(task.deadline(), zone);
			var key = task.record().replaceAll("[^A-Za-z0-9-]+", "-");
			entries.add(new CalendarEntry(kind, key, 0, messages.getMessage("calendars.due.title", new Object[] { shown.title() }, locale),
					null, day, day, task.deadline(), false, null, false, task.link()));
		}
		return entries;
	}
}
