package org.kurultai.cbm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
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
import org.kurultai.identity.Role;
import org.kurultai.identity.Viewer;
import org.kurultai.organs.Organs;
import org.kurultai.registry.ParticipantCode;
import org.kurultai.registry.ParticipantStatus;
import org.kurultai.registry.Registry;
import org.kurultai.shared.ForumClock;
import org.kurultai.shared.InvalidRequest;
import org.kurultai.shared.NotAllowed;
import org.kurultai.shared.NotFound;
import org.kurultai.shared.RuleViolation;
import org.kurultai.shared.AreaVersions;
import org.kurultai.shared.Snapshot;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Catalogue and what States do with it: its editions and their differences, who coordinates
 * each priority area on a day, and each member State's voluntary commitments, which only its
 * national coordinator (or the Secretariat, on the State's written request) records.
 */
@Service
@Transactional(readOnly = true)
public class Catalogue {

	private final CbmRepository repository;
	private final Registry registry;
	private final Organs organs;
	private final ActingRights rights;
	private final AuditLog audit;
	private final ForumClock clock;
	private final AccessPolicy access;

	private final AreaVersions versions;
	/** The editions (immutable once adopted or proposed) as of the CBM area's data version, parsed once per change. */
	private final Snapshot<List<CatalogueEdition>> editions;

	Catalogue(CbmRepository repository, Registry registry, Organs organs, ActingRights rights, AuditLog audit, ForumClock clock,
			AccessPolicy access, AreaVersions versions) {
		this.versions = versions;
		this.editions = new Snapshot<>(() -> List.copyOf(repository.editions()));
		this.access = access;
		this.repository = repository;
		this.registry = registry;
		this.organs = organs;
		this.rights = rights;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * All editions, oldest first: from memory between changes of the CBM area's data; inside a read-write transaction
	 * from the database.
	 */
	public List<CatalogueEdition> editions() {
		return versions.cacheable() ? editions.at(versions.version("CBM")) : repository.editions();
	}

	public CatalogueEdition edition(String code) {
		return editions().stream().filter(edition -> edition.code().equalsIgnoreCase(code.trim())).findFirst()
				.orElseThrow(() -> NotFound.of("problem.notFound.edition", code));
	}

	/** The edition in force on a day: the last adopted on or before it. */
	public CatalogueEdition inForce(LocalDate day) {
		return editions().stream().filter(edition -> !edition.adoptedOn().isAfter(day)).max(Comparator.comparing(CatalogueEdition::adoptedOn))
				.orElseThrow(() -> new NoEditionYet(day));
	}

	/** The last day an edition was in force: the day before the next one was adopted, or today for the one in force. */
	public LocalDate lastDayInForce(CatalogueEdition edition) {
		return editions().stream().map(CatalogueEdition::adoptedOn).filter(day -> day.isAfter(edition.adoptedOn())).min(LocalDate::compareTo)
				.map(day -> day.minusDays(1)).orElse(clock.today());
	}

	public EditionDifferences differences(String from, String to) {
		return EditionDifferences.between(edition(from), edition(to));
	}

	/** The coordinators and co-coordinators holding their role on the day, by priority area. */
	public List<Coordination> coordinatorsOn(LocalDate day) {
		return repository.coordinations().stream().filter(coordination -> coordination.holdsOn(day)).toList();
	}

	public List<Coordination> coordinations() {
		return repository.coordinations();
	}

	/**
	 * A State's commitments as the viewer may know them: the whole history, from which any day's
	 * commitments follow; who recorded each change only for the Secretariat and the State itself.
	 */
	public Commitments commitmentsOf(String participant, Viewer viewer) {
		var commitments = commitmentsOf(participant);
		return access.mayKnowWhoActedFor(viewer, participant.trim().toUpperCase(Locale.ROOT)) ? commitments
				: new Commitments(commitments.history().stream().map(CommitmentChange::withoutRecorder).toList());
	}

	/** A State's commitments with who recorded them, for this module's own rules. */
	Commitments commitmentsOf(String participant) {
		var code = ParticipantCode.parse(participant.trim().toUpperCase(Locale.ROOT));
		if (!registry.isRegistered(code)) {
			throw NotFound.of("problem.notFound.participant", participant);
		}
		return new Commitments(repository.changes(code.value()));
	}

	/** Every State's commitment history, read at once, by State. */
	public Map<String, Commitments> allCommitments() {
		var byState = new LinkedHashMap<String, List<CommitmentChange>>();
		repository.changes(null).forEach(change -> byState.computeIfAbsent(change.participant(), k -> new java.util.ArrayList<>()).add(change));
		var result = new LinkedHashMap<String, Commitments>();
		byState.forEach((state, changes) -> result.put(state, new Commitments(changes)));
		return result;
	}

	/** Adopts an edition (reference data): once, and never changed after. */
	@Transactional
	public void adopt(CatalogueEdition edition) {
		if (repository.exists(edition.code())) {
			throw new EditionAdopted(edition.code());
		}
		if (!organs.isBody(edition.adoptedBy())) {
			throw NotFound.of("problem.notFound.body", edition.adoptedBy());
		}
		repository.insert(edition);
	}

	/** The editions the Secretariat proposed that no decision has adopted yet: not the Catalogue. */
	public List<ProposedEdition> proposedEditions() {
		return repository.proposedEditions();
	}

	/**
	 * The Secretariat records a new edition's whole content for a body to adopt by a decision
	 * ({@code ADOPT_CATALOGUE_EDITION}); until then it is not in force. Its code is new; its content never changes.
	 * Audited.
	 */
	@Transactional
	public ProposedEdition propose(Account account, NewEdition request) {
		if (!rights.of(account, clock.today()).actsForSecretariat()) {
			throw NotAllowed.of("problem.cbm.whoProposesEdition");
		}
		var code = request.code().strip().toUpperCase(Locale.ROOT);
		var edition = new ProposedEdition(code, request.title().strip(), request.sources(), blankToNull(request.note()), request.dimensions(),
				clock.now(), account.email());
		if (!repository.insert(edition)) {
			throw new EditionRecorded(code);
		}
		audit.record(new Act(account.email(), "SECRETARIAT", "catalogue.edition-proposed", "catalogue-edition:" + code, null,
				Map.of("title", edition.title(), "dimensions", edition.dimensions().size(), "measures", edition.measureCount())));
		return edition;
	}

	/** A new edition as the Secretariat proposes it. */
	public record NewEdition(String code, String title, org.kurultai.shared.Sources sources, @Nullable String note, List<Dimension> dimensions) {
	}

	/** Records a coordinator or co-coordinator of a priority area (reference data). Only member States coordinate. */
	@Transactional
	public void appoint(Coordination coordination) {
		var code = ParticipantCode.parse(coordination.participant());
		if (!registry.isRegistered(code)) {
			throw NotFound.of("problem.notFound.participant", coordination.participant());
		}
		if (registry.statusOf(code, coordination.from()) != ParticipantStatus.MEMBER) {
			throw new Coordination.OnlyMembersCoordinate(coordination.participant(), coordination.from());
		}
		if (editions().stream().noneMatch(edition -> edition.priorityArea(coordination.priorityArea()).isPresent())) {
			throw NotFound.of("problem.notFound.priorityArea", coordination.priorityArea());
		}
		repository.insert(coordination);
	}

	/**
	 * A member State opts in to (or out of) a priority area or one of its measures from a date, as the
	 * edition in force that day has it. Its national coordinator records this; the Secretariat may,
	 * naming the State's written request. The history is kept: nothing is overwritten.
	 */
	@Transactional
	public CommitmentChange record(Account account, NewChange request) {
		var participant = request.participant().trim().toUpperCase(Locale.ROOT);
		var code = ParticipantCode.parse(participant);
		if (!registry.isRegistered(code)) {
			throw NotFound.of("problem.notFound.participant", request.participant());
		}
		var mandate = rights.of(account, clock.today());
		var writtenRequest = blankToNull(request.writtenRequest());
		if (mandate.actsForSecretariat()) {
			if (writtenRequest == null) {
				throw InvalidRequest.of("writtenRequest",
						"problem.catalogue.writtenRequest");
			}
		}
		else if (!(account.role() == Role.NATIONAL_COORDINATOR && participant.equals(account.participant())
				&& mandate.capacity() == Capacity.MEMBER_DELEGATION)) {
			throw NotAllowed.of("problem.catalogue.whoCommits");
		}
		if (registry.statusOf(code, request.effectiveOn()) != ParticipantStatus.MEMBER) {
			throw new OnlyMembersCommit(participant, request.effectiveOn());
		}
		var edition = inForce(request.effectiveOn());
		var area = edition.priorityArea(request.priorityArea().trim())
				.orElseThrow(() -> new NotInEdition(request.priorityArea(), edition.code()));
		String measure = null;
		if (request.measure() != null && !request.measure().isBlank()) {
			measure = area.measure(request.measure().trim()).orElseThrow(() -> new NotInEdition(request.measure(), edition.code())).code();
		}
		repository.lockParticipant(participant);
		var change = new CommitmentChange(0, participant, area.code(), measure, request.kind(), request.effectiveOn(), clock.now(),
				account.email(), writtenRequest, blankToNull(request.note()));
		new Commitments(repository.changes(participant)).check(change);
		long id = repository.insert(change);
		audit.record(new Act(account.email(), mandate.actsForSecretariat() ? "SECRETARIAT" : participant,
				change.kind() == CommitmentChange.Kind.OPT_IN ? "commitment.opted-in" : "commitment.opted-out", "participant:" + participant,
				null, Map.of("subject", change.subject(), "effectiveOn", change.effectiveOn().toString(), "edition", edition.code(),
						"writtenRequest", writtenRequest == null ? "" : writtenRequest)));
		return repository.change(id).orElseThrow();
	}

	public record NewChange(String participant, String priorityArea, @Nullable String measure, CommitmentChange.Kind kind,
			LocalDate effectiveOn, @Nullable String writtenRequest, @Nullable String note) {
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public static class EditionAdopted extends RuleViolation {

		EditionAdopted(String code) {
			super("problem.catalogue.editionAdopted", code);
		}

		@Override
		public String rule() {
			return "edition-immutable";
		}
	}

	public static class EditionRecorded extends RuleViolation {

		EditionRecorded(String code) {
			super("problem.cbm.editionRecorded", code);
		}

		@Override
		public String rule() {
			return "edition-recorded";
		}
	}

	public static class EditionNotLatest extends RuleViolation {

		public EditionNotLatest(String code, LocalDate day, LocalDate last) {
			super("problem.cbm.editionNotLatest", code, day, last);
		}

		@Override
		public String rule() {
			return "edition-not-latest";
		}
	}

	public static class NoEditionYet extends RuleViolation {

		NoEditionYet(LocalDate day) {
			super("problem.catalogue.noEditionYet", day);
		}

		@Override
		public String rule() {
			return "no-edition-in-force";
		}
	}

	public static class OnlyMembersCommit extends RuleViolation {

		OnlyMembersCommit(String participant, LocalDate day) {
			super("problem.catalogue.onlyMembersCommit", participant, day);
		}

		@Override
		public String rule() {
			return "only-members-commit";
		}
	}

	public static class NotInEdition extends RuleViolation {

		NotInEdition(String code, String edition) {
			super("any".equals(edition) ? "problem.catalogue.notInAnyEdition" : "problem.catalogue.notInEdition", code, edition);
		}

		@Override
		public String rule() {
			return "not-in-edition";
		}
	}
}
