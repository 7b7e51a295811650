package org.kurultai.cbm;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.Access;
import org.kurultai.shared.AccessLevel;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange of information among member States: types defined as data; returns submitted by a
 * State's delegation (its national point of contact), on time or late, public, for participants or
 * for the Secretariat as the State chooses within what the type allows; receipts acknowledged by
 * the Secretariat; who is overdue and who filed a nil return; reminders before a deadline.
 */
@Service
@Transactional(readOnly = true)
public class InformationExchange {

	static final int FIRST_REFERENCE_YEAR = 1999;

	/** How long before a deadline a State is reminded. */
	public static final Duration REMINDER_HORIZON = Duration.ofDays(30);

	private final ExchangeRepository repository;
	private final Registry registry;
	private final ActingRights rights;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final ForumClock clock;

	InformationExchange(ExchangeRepository repository, Registry registry, ActingRights rights, AccessPolicy access, AuditLog audit,
			ForumClock clock) {
		this.repository = repository;
		this.registry = registry;
		this.rights = rights;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ExchangeType> types() {
		return repository.types();
	}

	public ExchangeType type(String code) {
		return types().stream().filter(type -> type.code().equalsIgnoreCase(code.trim())).findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.exchangeType", code));
	}

	/** Defines a new type (reference data, or the Secretariat); a type once defined is not redefined. */
	@Transactional
	public ExchangeType define(@Nullable Account account, ExchangeType type) {
		if (account != null && !rights.of(account, clock.today()).actsForSecretariat()) {
			throw NotAllowed.of("problem.exchange.whoDefinesTypes");
		}
		if (repository.typeExists(type.code())) {
			throw new TypeDefined(type.code());
		}
		repository.insert(type);
		if (account != null) {
			audit.record(new Act(account.email(), "SECRETARIAT", "exchange-type.defined", "exchange-type:" + type.code(), null,
					Map.of("title", type.title(), "schedule", type.schedule().name(), "fields", type.fields().size())));
		}
		return type;
	}

	/**
	 * The returns the viewer may read: the one read path for returns. Whether a return shows is
	 * {@link AccessPolicy}'s to say (its State's acting delegation, and whoever the visibility the
	 * State chose admits).
	 */
	public List<ExchangeSubmission> submissions(Viewer viewer, @Nullable String type, @Nullable String participant, @Nullable Integer year) {
		return access.visible(viewer, repository.submissions(blankToNull(type), upper(participant), year), ExchangeSubmission::access)
				.stream().map(s -> access.mayKnowWhoActedFor(viewer, s.participant()) ? s : s.withoutPeople()).toList();
	}

	/**
	 * A member State's delegation submits a return: for a reference year (annual types, once each)
	 * or about an activity (with its start in the activity's own time zone). Late if after the due
	 * moment. Audited.
	 */
	@Transactional
	public ExchangeSubmission submit(Account account, NewSubmission request) {
		var type = type(request.type());
		var participant = request.participant().trim().toUpperCase(Locale.ROOT);
		var mandate = rights.of(account, clock.today());
		if (!participant.equals(account.participant()) || mandate.capacity() != Capacity.MEMBER_DELEGATION) {
			throw NotAllowed.of("problem.exchange.whoSubmits");
		}
		var visibility = request.visibility() == null ? type.defaultVisibility() : request.visibility();
		if (!type.visibilities().contains(visibility)) {
			throw InvalidRequest.of("visibility", "problem.exchange.visibility", type.code(), String.valueOf(type.visibilities()), String.valueOf(visibility));
		}
		var answers = request.answers() == null ? Map.<String, String>of() : request.answers();
		type.check(answers, request.nil());
		var now = clock.now();
		Instant due;
		Integer year = null;
		String activity = null;
		Instant startsAt = null;
		String zone = null;
		if (type.schedule() == ExchangeType.Schedule.ANNUAL) {
			if (request.referenceYear() == null) {
				throw InvalidRequest.of("referenceYear", "problem.exchange.referenceYearNeeded");
			}
			refuseUnlessReferenceYear("referenceYear", request.referenceYear());
			year = request.referenceYear();
			due = type.dueAt(year, clock.zone());
		}
		else {
			if (request.activity() == null || request.activity().isBlank() || request.activityStarts() == null) {
				throw InvalidRequest.of("activity", "problem.exchange.activityNeeded");
			}
			var activityZone = zone(request.activityZone());
			activity = request.activity().trim();
			startsAt = request.activityStarts().atZone(activityZone).toInstant();
			zone = activityZone.getId();
			due = type.dueBefore(request.activityStarts(), activityZone);
		}
		var submission = new ExchangeSubmission(0, type.code(), participant, year, activity, startsAt, zone, due, answers, request.nil(),
				visibility, now, account.email(), !now.isBefore(due), null, null);
		long id = repository.insert(submission);
		if (id < 0) {
			throw new AlreadySubmitted(participant, type.code(), year == null ? 0 : year);
		}
		audit.record(new Act(account.email(), participant, "exchange.submitted", "exchange:" + id, null,
				Map.of("type", type.code(), "nil", request.nil(), "late", submission.late(), "visibility", visibility.name())));
		return repository.submission(id).orElseThrow();
	}

	public record NewSubmission(String type, String participant, @Nullable Integer referenceYear, @Nullable String activity,
			@Nullable LocalDateTime activityStarts, @Nullable String activityZone, @Nullable Map<String, String> answers, boolean nil,
			@Nullable AccessLevel visibility) {
	}

	/** The Secretariat acknowledges receipt of a return, once. */
	@Transactional
	public ExchangeSubmission acknowledge(Account account, long id) {
		if (!rights.of(account, clock.today()).actsForSecretariat()) {
			throw NotAllowed.of("problem.exchange.whoAcknowledges");
		}
		var submission = repository.submission(id).orElseThrow(() -> NotFound.of("problem.notFound.return", id));
		if (!repository.acknowledge(id, clock.now(), account.email())) {
			throw new AlreadyAcknowledged(id);
		}
		audit.record(new Act(account.email(), "SECRETARIAT", "exchange.acknowledged", "exchange:" + id, null,
				Map.of("type", submission.type(), "participant", submission.participant())));
		return repository.submission(id).orElseThrow();
	}

	public enum ReturnStatus {
		SUBMITTED("submitted"), NIL("nil return"), PENDING("not yet due"), OVERDUE("overdue");

		private final String label;

		ReturnStatus(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Return(String participant, ReturnStatus status, @Nullable ExchangeSubmission submission) {
	}

	/**
	 * Where each member State stands on an annual type for a reference year: submitted, nil return,
	 * not yet due, or overdue. For participants and the Secretariat.
	 */
	/** A reference year is one the forum has known returns for: from 1999, its first ministerial, up to this year. */
	public void refuseUnlessReferenceYear(String parameter, int year) {
		if (year < FIRST_REFERENCE_YEAR || year > clock.today().getYear()) {
			throw InvalidRequest.of(parameter, "problem.exchange.referenceYear", FIRST_REFERENCE_YEAR, clock.today().getYear());
		}
	}

	public List<Return> returns(Viewer viewer, String typeCode, int year) {
		if (!access.maySee(viewer, Access.of(AccessLevel.PARTICIPANTS))) {
			throw NotAllowed.of("problem.exchange.whoSeesCompliance");
		}
		var type = type(typeCode);
		if (type.schedule() != ExchangeType.Schedule.ANNUAL) {
			throw InvalidRequest.of("type", "problem.exchange.beforeEachActivity", type.code());
		}
		refuseUnlessReferenceYear("year", year);
		var due = type.dueAt(year, clock.zone());
		var now = clock.now();
		var submitted = repository.submissions(type.code(), null, year);
		var result = new ArrayList<Return>();
		for (var standing : registry.standingsOn(LocalDate.of(year, 12, 31), ParticipantStatus.MEMBER)) {
			var code = standing.code().value();
			var submission = submitted.stream().filter(s -> s.participant().equals(code)).findFirst().orElse(null);
			var status = submission != null ? (submission.nil() ? ReturnStatus.NIL : ReturnStatus.SUBMITTED)
					: now.isBefore(due) ? ReturnStatus.PENDING : ReturnStatus.OVERDUE;
			// who has submitted is for participants; what was submitted, for whom the return's visibility admits
			result.add(new Return(code, status, submission != null && access.maySee(viewer, submission.access()) ? submission : null));
		}
		return result;
	}

	public record Reminder(String type, String title, int referenceYear, Instant dueAt, boolean overdue) {
	}

	/** What the person's State should submit soon (within {@link #REMINDER_HORIZON}) or is overdue with, in-app. */
	public List<Reminder> reminders(Account account, Instant now) {
		var participant = account.participant();
		if (participant == null || rights.of(account, clock.today()).capacity() != Capacity.MEMBER_DELEGATION) {
			return List.of();
		}
		var reminders = new ArrayList<Reminder>();
		for (var type : types()) {
			if (type.schedule() != ExchangeType.Schedule.ANNUAL) {
				continue;
			}
			for (int year = clock.today().getYear() - 1; year <= clock.today().getYear(); year++) {
				var due = type.dueAt(year, clock.zone());
				boolean soon = !now.isAfter(due) && now.plus(REMINDER_HORIZON).isAfter(due);
				boolean overdue = now.isAfter(due);
				if ((soon || overdue) && repository.submissions(type.code(), participant, year).isEmpty()) {
					reminders.add(new Reminder(type.code(), type.title(), year, due, overdue));
				}
			}
		}
		return reminders;
	}

	private static ZoneId zone(@Nullable String zone) {
		if (zone == null || zone.isBlank()) {
			throw InvalidRequest.of("activityZone", "problem.exchange.activityZoneNeeded");
		}
		try {
			return ZoneId.of(zone.trim());
		}
		catch (DateTimeException unknown) {
			throw InvalidRequest.of("activityZone", "problem.exchange.activityZoneUnknown", zone);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static @Nullable String upper(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
	}

	public static class TypeDefined extends RuleViolation {

		TypeDefined(String code) {
			super("problem.exchange.typeDefined", code);
		}

		@Override
		public String rule() {
			return "exchange-type-defined";
		}
	}

	public static class AlreadySubmitted extends RuleViolation {

		AlreadySubmitted(String participant, String type, int year) {
			super("problem.exchange.alreadySubmitted", participant, type, year);
		}

		@Override
		public String rule() {
			return "already-submitted";
		}
	}

	public static class AlreadyAcknowledged extends RuleViolation {

		AlreadyAcknowledged(long id) {
			super("problem.exchange.alreadyAcknowledged", id);
		}

		@Override
		public String rule() {
			return "already-acknowledged";
		}
	}
}
