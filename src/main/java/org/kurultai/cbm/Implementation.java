package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kurultai.audit.Act;
import org.kurultai.audit.AuditLog;
import org.kurultai.identity.AccessPolicy;
import org.kurultai.identity.Account;
import org.kurultai.identity.ActingRights;
import org.kurultai.identity.Capacity;
import org.kurultai.identity.Viewer;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Putting the Catalogue into practice: events hosted under a priority area, and the yearly
 * implementation reports of the States taking part, with their deadline, lateness and history.
 * Submitted reports are for participants and the Secretariat; a draft is its State's own.
 */
@Service
@Transactional(readOnly = true)
public class Implementation {

	private final ImplementationRepository repository;
	private final Catalogue catalogue;
	private final org.kurultai.organs.Organs organs;
	private final Registry registry;
	private final ActingRights rights;
	private final AccessPolicy access;
	private final ReportingProperties reporting;
	private final AuditLog audit;
	private final ForumClock clock;

	Implementation(ImplementationRepository repository, Catalogue catalogue, org.kurultai.organs.Organs organs, Registry registry, ActingRights rights, AccessPolicy access,
			ReportingProperties reporting, AuditLog audit, ForumClock clock) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.organs = organs;
		this.registry = registry;
		this.rights = rights;
		this.access = access;
		this.reporting = reporting;
		this.audit = audit;
		this.clock = clock;
	}

	public List<CbmEvent> events(@Nullable String area, @Nullable String host, @Nullable Integer year) {
		return repository.events().stream().filter(e -> area == null || area.isBlank() || e.priorityArea().equalsIgnoreCase(area.trim()))
				.filter(e -> host == null || host.isBlank() || host.trim().equalsIgnoreCase(e.host()))
				.filter(e -> year == null || e.year() == year).toList();
	}

	/** Records an event (reference data, or the Secretariat): its area must be in the edition in force when it starts. */
	@Transactional
	public CbmEvent record(CbmEvent event, String recordedBy) {
		if (repository.eventExists(event.id())) {
			throw new EventAlreadyRecorded(event.id());
		}
		var edition = catalogue.inForce(event.from());
		if (edition.priorityArea(event.priorityArea()).isEmpty()) {
			throw new Catalogue.NotInEdition(event.priorityArea(), edition.code());
		}
		if (event.byChairmanship()) {
			var chair = organs.chairmanship().termOn(event.from()).map(org.kurultai.organs.ChairTerm::chair).orElse(null);
			if (chair == null || !chair.equals(event.host())) {
				throw new NotTheChairmanship(event.host(), chair, event.from());
			}
		}
		for (var participant : concat(event.host(), event.participating())) {
			if (!registry.isRegistered(ParticipantCode.parse(participant))) {
				throw InvalidRequest.of("participants", "problem.participant.unknown", participant);
			}
		}
		repository.insert(event, recordedBy);
		return event;
	}

	/** The Secretariat, or the host State's national coordinator, records an event it holds. Audited. */
	@Transactional
	public CbmEvent schedule(Account account, CbmEvent event) {
		var mandate = rights.of(account, clock.today());
		boolean hostsIt = event.host() != null && event.host().equals(account.participant())
				&& (mandate.capacity() == Capacity.MEMBER_DELEGATION || mandate.capacity() == Capacity.OBSERVER_DELEGATION);
		if (!mandate.actsForSecretariat() && !hostsIt) {
			throw NotAllowed.of("problem.implementation.whoRecordsEvents");
		}
		var recorded = record(event, account.email());
		audit.record(new Act(account.email(), account.actsFor(), "cbm-event.recorded", "cbm-event:" + event.id(), null,
				Map.of("title", event.title(), "area", event.priorityArea(), "from", event.from().toString())));
		return recorded;
	}

	/**
	 * The reports the viewer may read, as they may read them: the one read path for reports (API,
	 * pages, dashboard, annual report). {@link AccessPolicy} decides each report (submitted: for
	 * participants and the Secretariat; a draft: its State's acting delegation only), each revision
	 * (drafts before and after a submission stay the State's own) and who saved it.
	 */
	public List<ImplementationReport> reports(Viewer viewer, @Nullable String participant, @Nullable Integer year) {
		var code = participant == null || participant.isBlank() ? null : participant.trim().toUpperCase(Locale.ROOT);
		var seen = access.seenBy(viewer);
		return access.visible(viewer, repository.reports(code, year), ImplementationReport::access).stream().map(report -> report.as(seen))
				.toList();
	}

	/** When reports on a year are due, in the forum's time zone. */
	public Instant dueAt(int year) {
		return reporting.dueAt(year, clock.zone());
	}

	public LocalDate dueDay(int year) {
		return reporting.dueDay(year);
	}

	/**
	 * A State's national coordinator or accredited delegate saves its report on a year and priority
	 * area it took part in: as a draft, or submitted (again). Every save is kept; a submission after
	 * the due moment is marked late. A nil report says there was nothing to report.
	 */
	@Transactional
	public ImplementationReport save(Account account, NewReport request) {
		var participant = request.participant().trim().toUpperCase(Locale.ROOT);
		var mandate = rights.of(account, clock.today());
		if (!participant.equals(account.participant()) || mandate.capacity() != Capacity.MEMBER_DELEGATION) {
			throw NotAllowed.of("problem.implementation.whoReports");
		}
		var today = clock.today();
		if (request.year() > today.getYear() || request.year() < 2004) {
			throw InvalidRequest.of("year", "problem.implementation.reportYear", request.year());
		}
		var area = request.priorityArea().trim().toUpperCase(Locale.ROOT);
		if (!participatedIn(participant, area, request.year())) {
			throw new NotParticipating(participant, area, request.year());
		}
		var text = request.text() == null ? "" : request.text().strip();
		if (!request.nil() && text.isEmpty()) {
			throw InvalidRequest.of("text", "problem.implementation.reportText");
		}
		var due = dueAt(request.year());
		long id = repository.lockReport(participant, area, request.year(), due);
		var current = repository.report(id).orElseThrow();
		var now = clock.now();
		var kind = request.submit() ? ImplementationReport.Kind.SUBMISSION : ImplementationReport.Kind.DRAFT;
		boolean late = request.submit() && !now.isBefore(due);
		repository.insert(id, new ImplementationReport.Revision(current.revisions().size() + 1, kind, request.nil(), text, now, account.email(),
				late));
		audit.record(new Act(account.email(), participant, request.submit() ? "report.submitted" : "report.saved", "report:" + id, null,
				Map.of("area", area, "year", request.year(), "nil", request.nil(), "late", late)));
		return repository.report(id).orElseThrow();
	}

	public record NewReport(String participant, String priorityArea, int year, @Nullable String text, boolean nil, boolean submit) {
	}

	/** Whether the viewer may know who is overdue: whoever may see every State's submitted reports. */
	public boolean overdueShownTo(Viewer viewer) {
		return access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS));
	}

	/** Did the State take part in the area at any time in the year (in the area itself or one of its measures)? */
	public boolean participatedIn(String participant, String area, int year) {
		return catalogue.commitmentsOf(participant).tookPartIn(area, year);
	}

	/**
	 * Who should have reported on a year and has not, once the due moment has passed: State → areas.
	 * Derived from the reports the viewer may see, and shown only to those who may see submitted
	 * reports (participants and the Secretariat): to anyone else an overdue list would tell who has
	 * reported. Empty for them; see {@link #overdueShownTo}.
	 */
	public Map<String, List<String>> overdue(Viewer viewer, int year, Instant now) {
		var result = new LinkedHashMap<String, List<String>>();
		if (!overdueShownTo(viewer) || now.isBefore(dueAt(year))) {
			return result;
		}
		var submitted = new java.util.HashSet<String>();
		reports(viewer, null, year).stream().filter(r -> r.firstSubmission().isPresent())
				.forEach(r -> submitted.add(r.participant() + "|" + r.priorityArea()));
		var edition = catalogue.inForce(LocalDate.of(year, 12, 31));
		var histories = catalogue.allCommitments();
		for (var standing : registry.standingsOn(LocalDate.of(year, 12, 31), ParticipantStatus.MEMBER)) {
			var code = standing.code().value();
			var commitments = histories.getOrDefault(code, new Commitments(List.of()));
			for (var area : edition.priorityAreas()) {
				if (commitments.tookPartIn(area.code(), year) && !submitted.contains(code + "|" + area.code())) {
					result.computeIfAbsent(code, k -> new ArrayList<>()).add(area.code());
				}
			}
		}
		return result;
	}

	private static List<String> concat(@Nullable String host, List<String> others) {
		var all = new ArrayList<String>();
		if (host != null) {
			all.add(host);
		}
		all.addAll(others);
		return all;
	}

	public static class EventAlreadyRecorded extends RuleViolation {

		EventAlreadyRecorded(String id) {
			super("problem.implementation.eventRecorded", id);
		}

		@Override
		public String rule() {
			return "event-already-recorded";
		}
	}

	public static class NotTheChairmanship extends RuleViolation {

		NotTheChairmanship(@Nullable String host, @Nullable String chair, LocalDate day) {
			super(chair == null ? "problem.implementation.noChair" : "problem.implementation.notTheChairmanship", chair, day, host);
		}

		@Override
		public String rule() {
			return "not-the-chairmanship";
		}
	}

	public static class NotParticipating extends RuleViolation {

		NotParticipating(String participant, String area, int year) {
			super("problem.implementation.notParticipating", participant, area, year);
		}

		@Override
		public String rule() {
			return "not-participating";
		}
	}
}
